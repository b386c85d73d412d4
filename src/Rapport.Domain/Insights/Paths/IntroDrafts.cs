namespace Rapport.Domain.Insights.Paths;

/// <summary>How the first message to a contact may open, from your history with them (SCIENCE.md G).</summary>
public enum IntroOpening
{
    /// <summary>You are in touch: the message may ask straight away.</summary>
    Ask,

    /// <summary>The lapse has reached the no-ask limit, or the tie has gone dormant: reconnect first, and ask once you are back in touch.</summary>
    ReconnectFirst,

    /// <summary>You have never been in touch: introduce yourself first, and ask later.</summary>
    FirstContact,
}

/// <summary>
/// How the first message to a contact may open, with how long it has been since you were last in touch, so that a
/// reconnect says how long it has been rather than "a long while". <paramref name="CadenceDays"/> is the cadence of their
/// tier when the lapse past it is why to reconnect first; null when the tie has gone dormant, which is reason enough.
/// </summary>
public readonly record struct IntroOpener(IntroOpening Opening, int? DaysSinceLastTouch = null, int? CadenceDays = null);

/// <summary>
/// Writes the message for a path, addressed to its first hop: the ask for an introduction (naming the target), or,
/// when the first hop may not be asked yet, a reconnect or a first contact with no ask in it.
/// </summary>
public static class IntroDrafts
{
    /// <summary>The draft for a path of hops (the last is the target) towards <paramref name="target"/>.</summary>
    public static IntroDraft For(IReadOnlyList<IntroHop> hops, IntroTarget target, IntroOpener opener = default)
    {
        var opening = opener.Opening;
        ArgumentNullException.ThrowIfNull(hops);
        ArgumentNullException.ThrowIfNull(target);
        if (hops.Count == 0) throw new ArgumentException("a path has at least one hop", nameof(hops));
        var first = hops[0];
        var goal = hops[^1];
        var who = Describe(goal.Name, target);
        var greeting = $"Hi {FirstName(first.Name)},";
        if (opening == IntroOpening.FirstContact)
        {
            return new IntroDraft(first.ContactId, first.Name, "Introducing myself",
                $"{greeting}\n\nWe have not been in touch before, so let me introduce myself briefly: [who you are and why you are writing]. " +
                "I would love to connect. Would you be open to a short call in the next few weeks? " +
                "I would also be glad to hear what you are working on and whether I can help.\n\nBest,");
        }
        if (hops.Count == 1 || opening == IntroOpening.ReconnectFirst)
        {
            var opens = opening == IntroOpening.ReconnectFirst ? $"{SinceWeSpoke(opener.DaysSinceLastTouch)} and I would love to catch up." : "I would love to catch up.";
            return new IntroDraft(first.ContactId, first.Name, "Catching up",
                $"{greeting}\n\n{opens} Would you have 20 minutes in the next couple of weeks? " +
                "I would also be glad to hear how I can help with what you are working on.\n\nBest,");
        }
        if (hops.Count == 2)
        {
            return new IntroDraft(first.ContactId, first.Name, $"Introduction to {goal.Name}?",
                $"{greeting}\n\nI hope you are well. I am hoping to connect with {who}, and I understand you know each other. " +
                $"Would you be comfortable introducing us? I can send you a short note to forward, so it takes you a minute. " +
                "No worries at all if it is not a good moment.\n\nThank you,");
        }
        var next = hops[1];
        return new IntroDraft(first.ContactId, first.Name, $"Introduction to {next.Name}?",
            $"{greeting}\n\nI hope you are well. I am hoping to reach {who}, and I believe {next.Name}, whom you know, is in touch with them. " +
            $"Would you be comfortable introducing me to {FirstName(next.Name)}, so I can ask about an introduction from there? " +
            "I can send you a short note to forward. No worries at all if it is not a good moment.\n\nThank you,");
    }

    /// <summary>What to do before the ask, in plain words, when the first hop may not be asked yet; null when they may.</summary>
    public static string? Note(IReadOnlyList<IntroHop> hops, IntroOpener opener)
    {
        ArgumentNullException.ThrowIfNull(hops);
        if (hops.Count == 0) throw new ArgumentException("a path has at least one hop", nameof(hops));
        var first = hops[0].Name;
        var later = hops.Count > 1 ? $"; ask for the introduction to {hops[1].Name} once you are back in touch" : "";
        var how = opener.DaysSinceLastTouch is { } days
            ? $"for {Span(days)}" + (opener.CadenceDays is { } cadence ? $", more than twice your rhythm of a touch every {Span(cadence)}" : "")
            : "for a long while";
        return opener.Opening switch
        {
            IntroOpening.ReconnectFirst => $"Reconnect first: you have not been in touch with {first} {how}, so this message only catches up{later}.",
            IntroOpening.FirstContact => $"First contact: you have never been in touch with {first}, so this message introduces you{(hops.Count > 1 ? $"; ask for the introduction to {hops[1].Name} once you know each other" : "")}.",
            _ => null,
        };
    }

    /// <summary>A number of days in the unit a person would use: 12 days, 5 weeks, 22 months, 3 years.</summary>
    public static string Span(int days)
    {
        days = Math.Max(0, days);
        if (days < 14) return days == 1 ? "1 day" : $"{days} days";
        if (days < 60) return $"{days / 7} weeks";
        if (days < 730) return $"{(int)Math.Round(days / DaysPerMonth)} months";
        var years = (int)(days / DaysPerYear);
        return $"{(days - years * DaysPerYear >= DaysPerMonth ? "over " : "")}{years} years";
    }

    private const double DaysPerYear = 365.25;
    private const double DaysPerMonth = DaysPerYear / 12;

    /// <summary>How a catch-up message says how long it has been, roughly, as a person would write it.</summary>
    private static string SinceWeSpoke(int? days) => days switch
    {
        null => "It has been a while",
        < 60 => "It has been a few weeks",
        < 330 => "It has been a few months",
        < 545 => "It has been about a year",
        { } d => $"It has been about {(int)Math.Round(d / DaysPerYear)} years",
    };

    /// <summary>The first word of a display name, used in a greeting.</summary>
    public static string FirstName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }

    private static string Describe(string name, IntroTarget target) => target.Kind switch
    {
        IntroTargetKind.Company => $"{name} at {target.Label}",
        IntroTargetKind.Role => $"{name} ({target.Label})",
        _ => name,
    };
}

namespace Rapport.Domain.Insights.Paths;

/// <summary>How the first message to a contact may open, from your history with them (SCIENCE.md G).</summary>
public enum IntroOpening
{
    /// <summary>You are in touch: the message may ask straight away.</summary>
    Ask,

    /// <summary>The lapse has reached the no-ask limit: reconnect first, and ask once you are back in touch.</summary>
    ReconnectFirst,

    /// <summary>You have never been in touch: introduce yourself first, and ask later.</summary>
    FirstContact,
}

/// <summary>
/// Writes the message for a path, addressed to its first hop: the ask for an introduction (naming the target), or,
/// when the first hop may not be asked yet, a reconnect or a first contact with no ask in it.
/// </summary>
public static class IntroDrafts
{
    /// <summary>The draft for a path of hops (the last is the target) towards <paramref name="target"/>.</summary>
    public static IntroDraft For(IReadOnlyList<IntroHop> hops, IntroTarget target, IntroOpening opening = IntroOpening.Ask)
    {
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
            var opener = opening == IntroOpening.ReconnectFirst ? "It has been a while and I would love to catch up." : "I would love to catch up.";
            return new IntroDraft(first.ContactId, first.Name, "Catching up",
                $"{greeting}\n\n{opener} Would you have 20 minutes in the next couple of weeks? " +
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
    public static string? Note(IReadOnlyList<IntroHop> hops, IntroOpening opening)
    {
        ArgumentNullException.ThrowIfNull(hops);
        if (hops.Count == 0) throw new ArgumentException("a path has at least one hop", nameof(hops));
        var first = hops[0].Name;
        var later = hops.Count > 1 ? $"; ask for the introduction to {hops[1].Name} once you are back in touch" : "";
        return opening switch
        {
            IntroOpening.ReconnectFirst => $"Reconnect first: you have not been in touch with {first} for a long while, so this message only catches up{later}.",
            IntroOpening.FirstContact => $"First contact: you have never been in touch with {first}, so this message introduces you{(hops.Count > 1 ? $"; ask for the introduction to {hops[1].Name} once you know each other" : "")}.",
            _ => null,
        };
    }

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

namespace Rapport.Domain.Insights.Paths;

/// <summary>Writes the "ask for an introduction" message for a path, addressed to its first hop and naming the target.</summary>
public static class IntroDrafts
{
    /// <summary>The draft for a path of hops (the last is the target) towards <paramref name="target"/>.</summary>
    public static IntroDraft For(IReadOnlyList<IntroHop> hops, IntroTarget target)
    {
        ArgumentNullException.ThrowIfNull(hops);
        ArgumentNullException.ThrowIfNull(target);
        if (hops.Count == 0) throw new ArgumentException("a path has at least one hop", nameof(hops));
        var first = hops[0];
        var goal = hops[^1];
        var who = Describe(goal.Name, target);
        var greeting = $"Hi {FirstName(first.Name)},";
        if (hops.Count == 1)
        {
            return new IntroDraft(first.ContactId, first.Name, "Catching up",
                $"{greeting}\n\nIt has been a while and I would love to catch up. Would you have 20 minutes in the next couple of weeks? " +
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

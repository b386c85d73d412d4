namespace Rapport.Domain.Insights.Paths;

/// <summary>What a path search aims at: one person, everyone at a company, or everyone in a role.</summary>
public enum IntroTargetKind { Person, Company, Role }

/// <summary>
/// The people a path may end at, with a label for the text ("Ana Silva", "Acme", "product designer").
/// A path ends at the first target it reaches; it never passes through one to reach another.
/// </summary>
public sealed record IntroTarget(IntroTargetKind Kind, string Label, IReadOnlyList<long> ContactIds)
{
    /// <summary>One person.</summary>
    public static IntroTarget Person(long contactId, string name) => new(IntroTargetKind.Person, name, [contactId]);

    /// <summary>Everyone whose company equals <paramref name="company"/>, ignoring case and surrounding spaces.</summary>
    public static IntroTarget Company(string company, IEnumerable<IntroContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(contacts);
        var wanted = company.Trim();
        var ids = contacts
            .Where(c => c.Company is { } x && string.Equals(x.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Id)
            .ToArray();
        return new IntroTarget(IntroTargetKind.Company, wanted, ids);
    }

    /// <summary>
    /// Everyone whose title has a word starting with each word of <paramref name="role"/> ("design lead" and "lead
    /// design" match "Lead Product Designer"; "ana" matches "Analyst", not "Manager").
    /// </summary>
    public static IntroTarget Role(string role, IEnumerable<IntroContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(contacts);
        var words = role.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = contacts
            .Where(c => c.Title is { } t && words.Length > 0 && words.All(w => StartsAWord(t, w)))
            .Select(c => c.Id)
            .ToArray();
        return new IntroTarget(IntroTargetKind.Role, role.Trim(), ids);
    }

    private static bool StartsAWord(string title, string word)
    {
        for (var at = title.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = title.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (at == 0 || !char.IsLetterOrDigit(title[at - 1])) return true;
        }
        return false;
    }
}

/// <summary>One step of a path: the contact reached and the strength of the tie used to reach them.</summary>
public sealed record IntroHop(long ContactId, string Name, double Strength);

/// <summary>A message asking the first contact on a path for an introduction (or, for a direct tie, a plain reach-out).</summary>
public sealed record IntroDraft(long ToContactId, string ToName, string Subject, string Body);

/// <summary>
/// A warm path from you to a target: hops in order (the last is the target), the path strength (the product
/// of hop strengths, so 0.8 × 0.5 = 0.4) and the message to send to the first hop. Opening says whether that message
/// asks, or reconnects or makes a first contact and leaves the ask for later; Note says so in plain words (null when it asks).
/// </summary>
public sealed record IntroPath(int Rank, IReadOnlyList<IntroHop> Hops, double Strength, IntroDraft Ask,
    IntroOpening Opening = IntroOpening.Ask, string? Note = null)
{
    /// <summary>The contact the path ends at.</summary>
    public IntroHop Target => Hops[^1];
}

/// <summary>The best paths to a target, strongest first, with a sentence saying what was found.</summary>
public sealed record IntroPathResult(IntroTarget Target, int MaxHops, IReadOnlyList<IntroPath> Paths, string Summary);

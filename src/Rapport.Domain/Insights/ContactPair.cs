namespace Rapport.Domain.Insights;

/// <summary>An unordered pair of contacts, stored with the smaller id first so that (a, b) equals (b, a).</summary>
public readonly record struct ContactPair
{
    /// <summary>Creates the pair; a contact cannot be paired with itself.</summary>
    public ContactPair(long a, long b)
    {
        if (a == b) throw new ArgumentException("a contact cannot be paired with itself", nameof(b));
        (A, B) = a < b ? (a, b) : (b, a);
    }

    /// <summary>The smaller id.</summary>
    public long A { get; }

    /// <summary>The larger id.</summary>
    public long B { get; }

    /// <summary>The other contact of the pair.</summary>
    public long Other(long id) => id == A ? B : A;

    /// <summary>Every pair among <paramref name="people"/> (distinct contacts), once each.</summary>
    public static IEnumerable<ContactPair> Among(IReadOnlyList<long> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        for (var i = 0; i < people.Count; i++)
        {
            for (var j = i + 1; j < people.Count; j++) yield return new ContactPair(people[i], people[j]);
        }
    }
}

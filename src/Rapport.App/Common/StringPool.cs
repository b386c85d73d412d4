namespace Rapport.App.Common;

/// <summary>
/// One instance per distinct text within one load, for the columns whose values repeat (company, title, city, category...).
/// A query hands over a new string per row: 100,000 contacts in one city are 100,000 copies of its name, and the plan
/// and the insights keep them all until the next write. The pool lives only as long as the load that uses it.
/// </summary>
public sealed class StringPool
{
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    /// <summary>How many distinct texts the pool holds.</summary>
    public int Count => _values.Count;

    /// <summary>The pool's instance equal to <paramref name="value"/> (which becomes it when new); null stays null.</summary>
    public string? Get(string? value)
    {
        if (value is null) return null;
        if (_values.TryGetValue(value, out var kept)) return kept;
        _values.Add(value);
        return value;
    }

    /// <summary>The texts as one array of the pool's instances.</summary>
    public string[] GetAll(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Select(v => Get(v)!).ToArray();
    }
}

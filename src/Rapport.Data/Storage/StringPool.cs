using System.Buffers;
using System.Text;

namespace Rapport.Data.Storage;

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

    /// <summary>The pool's instance of the UTF-8 text <paramref name="utf8"/>: a string is made only for a text not seen before.</summary>
    public string GetUtf8(ReadOnlySpan<byte> utf8)
    {
        var rented = utf8.Length > 256 ? ArrayPool<char>.Shared.Rent(utf8.Length) : null;
        try
        {
            Span<char> buffer = rented is null ? stackalloc char[256] : rented;
            var text = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
            if (_values.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var kept)) return kept;
            var value = new string(text);
            _values.Add(value);
            return value;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The texts as one array of the pool's instances.</summary>
    public string[] GetAll(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Select(v => Get(v)!).ToArray();
    }
}

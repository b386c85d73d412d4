using System.Collections;
using System.Runtime.CompilerServices;

namespace Rapport.Formats.Records;

/// <summary>
/// An immutable list that compares by its items, so records holding lists compare by value
/// (a re-imported contact equals the one read before when nothing changed).
/// </summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    internal ValueList(T[] items) => _items = items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var item in _items) h.Add(item);
        return h.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <summary>Copies a list.</summary>
    public static implicit operator ValueList<T>(List<T> items) => items.Count == 0 ? Empty : new(items.ToArray());

    /// <summary>Copies an array.</summary>
    public static implicit operator ValueList<T>(T[] items) => items.Length == 0 ? Empty : new((T[])items.Clone());
}

/// <summary>Builds <see cref="ValueList{T}"/> instances (and lets collection expressions create them).</summary>
public static class ValueList
{
    /// <summary>Creates a list from a span of items.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? ValueList<T>.Empty : new(items.ToArray());

    /// <summary>Creates a list from a sequence.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? ValueList<T>.Empty : new(array);
    }
}

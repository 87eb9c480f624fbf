using System.Collections;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>tuple</c>: an immutable sequence with structural equality and Python's hash
/// (<see cref="PyHash.HashTuple(PyTuple)"/>), so tuples work as dict keys and set members.
/// </summary>
public sealed class PyTuple : IReadOnlyList<object?>, IEquatable<PyTuple>
{
    private readonly object?[] _items;

    /// <summary>The empty tuple, <c>()</c>.</summary>
    public static PyTuple Empty { get; } = new(System.Array.Empty<object?>());

    /// <summary>Creates a tuple of the given items (the array is copied).</summary>
    /// <param name="items">The items, in order.</param>
    public PyTuple(params object?[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.Length == 0 ? items : (object?[])items.Clone();
    }

    /// <summary>
    /// Creates a tuple from a sequence, as Python's <c>tuple(iterable)</c>. (A factory rather than a
    /// constructor so that <c>new PyTuple(someList)</c> is a one-item tuple, as it reads.)
    /// </summary>
    /// <param name="items">The items, in order.</param>
    /// <returns>The tuple.</returns>
    public static PyTuple FromEnumerable(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return FromOwnedArray(items.ToArray());
    }

    private PyTuple(object?[] items, bool owned)
    {
        _ = owned;
        _items = items;
    }

    /// <summary>Wraps an array the caller gives up (no copy).</summary>
    /// <param name="items">An array no one else will write to.</param>
    /// <returns>The tuple.</returns>
    internal static PyTuple FromOwnedArray(object?[] items) => items.Length == 0 ? Empty : new PyTuple(items, owned: true);

    /// <summary>The number of items.</summary>
    public int Count => _items.Length;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <param name="index">0-based index.</param>
    public object? this[int index] => _items[index];

    /// <summary>The items as a read-only span.</summary>
    /// <returns>A span over the items.</returns>
    public ReadOnlySpan<object?> AsSpan() => _items;

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Python equality with another tuple.</summary>
    /// <param name="other">The other tuple.</param>
    /// <returns>Whether every item is equal.</returns>
    public bool Equals(PyTuple? other) => other is not null && PyEquality.AreEqual(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PyTuple t && Equals(t);

    /// <inheritdoc />
    public override int GetHashCode() => PyHash.Fold(PyHash.HashTuple(this));

    /// <summary>Python's <c>repr()</c> of the tuple.</summary>
    /// <returns>For example <c>(1, 'a')</c>.</returns>
    public override string ToString() => PyRepr.Repr(this);
}

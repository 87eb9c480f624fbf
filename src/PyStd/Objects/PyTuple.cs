using System.Collections;
using System.Runtime.CompilerServices;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>tuple</c>: an immutable sequence with structural equality and Python's hash
/// (<see cref="PyHash.HashTuple(PyTuple)"/>), so tuples work as dict keys and set members.
/// </summary>
public sealed class PyTuple : IReadOnlyList<object?>, IEquatable<PyTuple>
{
    /// <summary>Tuples of up to this many items keep them inline (one object instead of two).</summary>
    private const int InlineLimit = 2;

    // Either _items holds the items, or (null) the first _count slots of _inline do: the pairs of
    // real data (coordinates, (key, value), (i, i + 1)) then cost one object, not a tuple and an array.
    private readonly object?[]? _items;
    private readonly InlineItems _inline;
    private readonly int _count;

    /// <summary>The empty tuple, <c>()</c>.</summary>
    public static PyTuple Empty { get; } = new(System.Array.Empty<object?>(), owned: true);

    /// <summary>Creates a tuple of the given items (the array is copied).</summary>
    /// <param name="items">The items, in order.</param>
    public PyTuple(params object?[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _count = items.Length;
        if (items.Length == 0)
        {
            _items = items;
        }
        else if (items.Length <= InlineLimit)
        {
            items.AsSpan().CopyTo(_inline);
        }
        else
        {
            _items = (object?[])items.Clone();
        }
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
        _count = items.Length;
    }

    private PyTuple(object? item0, object? item1, int count)
    {
        _inline[0] = item0;
        _inline[1] = item1;
        _count = count;
    }

    /// <summary>
    /// Wraps an array the caller gives up (no copy). The tuple reads the array itself, so a caller
    /// that fills it in afterwards (a reader resolving a reference to a tuple still being built) may.
    /// </summary>
    /// <param name="items">An array no one else will write to.</param>
    /// <returns>The tuple.</returns>
    internal static PyTuple FromOwnedArray(object?[] items) => items.Length == 0 ? Empty : new PyTuple(items, owned: true);

    /// <summary>A tuple of a copy of <paramref name="items"/>, small ones kept inline.</summary>
    /// <param name="items">The items, in order.</param>
    /// <returns>The tuple.</returns>
    internal static PyTuple Create(ReadOnlySpan<object?> items) => items.Length switch
    {
        0 => Empty,
        1 => new PyTuple(items[0], null, 1),
        2 => new PyTuple(items[0], items[1], 2),
        _ => new PyTuple(items.ToArray(), owned: true),
    };

    /// <summary>A one-item tuple.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The tuple.</returns>
    internal static PyTuple Create(object? item) => new(item, null, 1);

    /// <summary>A two-item tuple.</summary>
    /// <param name="item0">The first item.</param>
    /// <param name="item1">The second item.</param>
    /// <returns>The tuple.</returns>
    internal static PyTuple Create(object? item0, object? item1) => new(item0, item1, 2);

    /// <summary>The number of items.</summary>
    public int Count => _count;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <param name="index">0-based index.</param>
    public object? this[int index] => AsSpan()[index];

    /// <summary>The items as a read-only span.</summary>
    /// <returns>A span over the items.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<object?> AsSpan() =>
        _items ?? ((ReadOnlySpan<object?>)_inline)[.._count];

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return AsSpan()[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

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

    /// <summary>Inline storage for a small tuple's items.</summary>
    [InlineArray(InlineLimit)]
    private struct InlineItems
    {
        private object? _element;
    }
}

using System.Collections;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>collections.deque</c>: a sequence with an optional <see cref="MaxLength"/> (appending
/// to a full deque drops an item from the other end). Unequal to a <c>list</c> with the same items,
/// as in Python. Its repr is <c>deque([1, 2])</c> or <c>deque([1, 2], maxlen=5)</c>.
/// </summary>
public sealed class PyDeque : IList<object?>, IReadOnlyList<object?>
{
    /// <summary>Creates an empty deque.</summary>
    /// <param name="maxLength">The <c>maxlen</c>, or null for unbounded.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is negative.</exception>
    public PyDeque(int? maxLength = null)
    {
        if (maxLength is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxlen must be non-negative");
        }

        MaxLength = maxLength;
    }

    /// <summary>Creates a deque of items, keeping the last <paramref name="maxLength"/> when bounded.</summary>
    /// <param name="items">The items.</param>
    /// <param name="maxLength">The <c>maxlen</c>, or null.</param>
    public PyDeque(IEnumerable<object?> items, int? maxLength = null)
        : this(maxLength)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (object? item in items)
        {
            Add(item);
        }
    }

    /// <summary>The <c>maxlen</c>, or null for unbounded.</summary>
    public int? MaxLength { get; }

    /// <summary>The items, for the repr writer.</summary>
    internal List<object?> Items { get; } = new();

    /// <summary>The number of items.</summary>
    public int Count => Items.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <summary>Gets or sets an item.</summary>
    /// <param name="index">0-based index.</param>
    public object? this[int index]
    {
        get => Items[index];
        set => Items[index] = value;
    }

    /// <summary>Appends on the right (<c>append</c>), dropping the leftmost item when full.</summary>
    /// <param name="item">The item.</param>
    public void Add(object? item)
    {
        if (MaxLength == 0)
        {
            return;
        }

        if (Items.Count == MaxLength)
        {
            Items.RemoveAt(0);
        }

        Items.Add(item);
    }

    /// <summary>Appends on the left (<c>appendleft</c>), dropping the rightmost item when full.</summary>
    /// <param name="item">The item.</param>
    public void AddFirst(object? item)
    {
        if (MaxLength == 0)
        {
            return;
        }

        if (Items.Count == MaxLength)
        {
            Items.RemoveAt(Items.Count - 1);
        }

        Items.Insert(0, item);
    }

    /// <inheritdoc />
    public void Clear() => Items.Clear();

    /// <inheritdoc />
    public bool Contains(object? item) => Items.Contains(item, PyEquality.Instance);

    /// <inheritdoc />
    public void CopyTo(object?[] array, int arrayIndex) => Items.CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public int IndexOf(object? item) => Items.FindIndex(x => PyEquality.AreEqual(x, item));

    /// <inheritdoc />
    public void Insert(int index, object? item)
    {
        if (Items.Count == MaxLength)
        {
            throw new InvalidOperationException("deque already at its maximum size");
        }

        Items.Insert(index, item);
    }

    /// <inheritdoc />
    public bool Remove(object? item)
    {
        int i = IndexOf(item);
        if (i < 0)
        {
            return false;
        }

        Items.RemoveAt(i);
        return true;
    }

    /// <inheritdoc />
    public void RemoveAt(int index) => Items.RemoveAt(index);

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python's deque equality: another deque with equal items in order (<c>maxlen</c> ignored).</summary>
    /// <param name="obj">Another value.</param>
    /// <returns>Whether equal.</returns>
    public override bool Equals(object? obj)
    {
        if (ReferenceEquals(this, obj))
        {
            return true;
        }

        if (obj is not PyDeque other || other.Count != Count)
        {
            return false;
        }

        for (int i = 0; i < Count; i++)
        {
            if (!PyEquality.AreEqual(Items[i], other.Items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Deques are unhashable in Python; this is identity-based.</summary>
    /// <returns>The identity hash.</returns>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>Python's <c>repr()</c>.</summary>
    /// <returns>For example <c>deque([1, 2], maxlen=3)</c>.</returns>
    public override string ToString() => PyRepr.Repr(this);
}

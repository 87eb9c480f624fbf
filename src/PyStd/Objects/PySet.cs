namespace PyStd.Objects;

/// <summary>Python's mutable <c>set</c>. Members are hashable model values; iteration order is CPython's.</summary>
public sealed class PySet : PySetBase
{
    /// <summary>Creates an empty set, <c>set()</c>.</summary>
    public PySet()
    {
    }

    /// <summary>Creates a set from members, added in order (as <c>set(iterable)</c>).</summary>
    /// <param name="items">The members.</param>
    /// <exception cref="PyTypeException">A member is unhashable.</exception>
    public PySet(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (object? item in items)
        {
            AddCore(item);
        }
    }

    /// <summary>Adds a member.</summary>
    /// <param name="item">A hashable value.</param>
    /// <returns>False when an equal member was already present.</returns>
    /// <exception cref="PyTypeException">The value is unhashable.</exception>
    public bool Add(object? item) => AddCore(item);

    /// <summary>Removes a member (Python's <c>discard</c>).</summary>
    /// <param name="item">A hashable value.</param>
    /// <returns>False when it was not present.</returns>
    public bool Remove(object? item) => RemoveCore(item);

    /// <summary>Removes every member.</summary>
    public void Clear() => ClearCore();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PySetBase other && SetEquals(other);

    /// <summary>Sets are unhashable in Python; this is identity-based.</summary>
    /// <returns>The identity hash.</returns>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

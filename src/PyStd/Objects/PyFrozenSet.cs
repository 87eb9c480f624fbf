namespace PyStd.Objects;

/// <summary>Python's immutable, hashable <c>frozenset</c>. Iteration order is CPython's.</summary>
public sealed class PyFrozenSet : PySetBase
{
    /// <summary>The empty frozenset.</summary>
    public static PyFrozenSet Empty { get; } = new(System.Array.Empty<object?>());

    /// <summary>Creates a frozenset from members, added in order.</summary>
    /// <param name="items">The members.</param>
    /// <exception cref="PyTypeException">A member is unhashable.</exception>
    public PyFrozenSet(IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (object? item in items)
        {
            AddCore(item);
        }
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PySetBase other && SetEquals(other);

    /// <summary>An order-independent hash of the members, consistent with equality.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        long h = 1927868237L * (Count + 1);
        foreach (object? item in this)
        {
            long x = PyHash.Hash(item);
            h ^= ((x ^ (x << 16)) ^ 89869747L) * 3644798167L;
        }

        return PyHash.Fold(h);
    }
}

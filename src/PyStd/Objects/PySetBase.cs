using System.Collections;

namespace PyStd.Objects;

/// <summary>
/// The shared implementation of <see cref="PySet"/> and <see cref="PyFrozenSet"/>: an open-addressing
/// table laid out exactly as CPython's <c>Objects/setobject.c</c> lays it out (minimum size 8,
/// linear probes of 9 then perturbed probing, resize at 3/5 full to 4× the used count), so that
/// iteration order — and therefore <c>repr()</c> — matches CPython for members whose hash CPython
/// computes deterministically (ints, floats, complex, tuples of those).
/// </summary>
public abstract class PySetBase : IReadOnlyCollection<object?>
{
    private const int MinSize = 8;
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;

    private object?[] _keys = new object?[MinSize];
    private long[] _hashes = new long[MinSize];
    private byte[] _state = new byte[MinSize]; // 0 empty, 1 active, 2 dummy
    private int _mask = MinSize - 1;
    private int _fill;
    private int _used;

    /// <summary>Creates an empty set.</summary>
    private protected PySetBase()
    {
    }

    /// <summary>The number of members.</summary>
    public int Count => _used;

    /// <summary>Whether the set holds a member equal to <paramref name="item"/> (Python's <c>in</c>).</summary>
    /// <param name="item">A hashable value.</param>
    /// <returns>True when present.</returns>
    /// <exception cref="PyTypeException">The value is unhashable.</exception>
    public bool Contains(object? item) => Find(item, PyHash.Hash(item)) >= 0;

    /// <summary>Python's set equality: the same members, whatever the set type.</summary>
    /// <param name="other">Another set.</param>
    /// <returns>Whether they hold equal members.</returns>
    public bool SetEquals(PySetBase other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count != Count)
        {
            return false;
        }

        foreach (object? item in this)
        {
            if (!other.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Enumerates the members in CPython's table order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<object?> GetEnumerator()
    {
        object?[] keys = _keys;
        byte[] state = _state;
        for (int i = 0; i < keys.Length; i++)
        {
            if (state[i] == 1)
            {
                yield return keys[i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python's <c>repr()</c>.</summary>
    /// <returns>For example <c>{1, 2}</c> or <c>frozenset({1})</c>.</returns>
    public override string ToString() => PyRepr.Repr(this);

    /// <summary>Adds a member (CPython's <c>set_add_entry</c>).</summary>
    /// <param name="item">A hashable value.</param>
    /// <returns>False when an equal member was already present.</returns>
    private protected bool AddCore(object? item)
    {
        long hash = PyHash.Hash(item);
        int mask = _mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        int freeSlot = -1;
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            do
            {
                byte s = _state[j];
                if (s == 0)
                {
                    if (freeSlot >= 0)
                    {
                        _keys[freeSlot] = item;
                        _hashes[freeSlot] = hash;
                        _state[freeSlot] = 1;
                        _used++;
                        return true;
                    }

                    _keys[j] = item;
                    _hashes[j] = hash;
                    _state[j] = 1;
                    _fill++;
                    _used++;
                    if ((long)_fill * 5 >= (long)mask * 3)
                    {
                        Resize(_used > 50000 ? _used * 2 : _used * 4);
                    }

                    return true;
                }

                if (s == 1 && _hashes[j] == hash && PyEquality.AreEqual(_keys[j], item))
                {
                    return false;
                }

                if (s == 2)
                {
                    // CPython remembers the last dummy on the probe path, not the first.
                    freeSlot = j;
                }

                j++;
            }
            while (probes-- > 0);

            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    /// <summary>Removes a member, leaving a dummy as CPython does.</summary>
    /// <param name="item">A hashable value.</param>
    /// <returns>False when it was not present.</returns>
    private protected bool RemoveCore(object? item)
    {
        int slot = Find(item, PyHash.Hash(item));
        if (slot < 0)
        {
            return false;
        }

        _keys[slot] = null;
        _state[slot] = 2;
        _used--;
        return true;
    }

    /// <summary>Empties the table back to its minimum size.</summary>
    private protected void ClearCore()
    {
        _keys = new object?[MinSize];
        _hashes = new long[MinSize];
        _state = new byte[MinSize];
        _mask = MinSize - 1;
        _fill = 0;
        _used = 0;
    }

    private int Find(object? item, long hash)
    {
        int mask = _mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            do
            {
                byte s = _state[j];
                if (s == 0)
                {
                    return -1;
                }

                if (s == 1 && _hashes[j] == hash && PyEquality.AreEqual(_keys[j], item))
                {
                    return j;
                }

                j++;
            }
            while (probes-- > 0);

            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    // CPython's set_table_resize + set_insert_clean: reinsert active entries in old table order.
    private void Resize(int minUsed)
    {
        int newSize = MinSize;
        while (newSize <= minUsed)
        {
            newSize <<= 1;
        }

        object?[] oldKeys = _keys;
        long[] oldHashes = _hashes;
        byte[] oldState = _state;
        _keys = new object?[newSize];
        _hashes = new long[newSize];
        _state = new byte[newSize];
        _mask = newSize - 1;
        _fill = _used;
        for (int k = 0; k < oldKeys.Length; k++)
        {
            if (oldState[k] == 1)
            {
                InsertClean(oldKeys[k], oldHashes[k]);
            }
        }
    }

    private void InsertClean(object? item, long hash)
    {
        int mask = _mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            if (_state[i] == 0)
            {
                Place(i);
                return;
            }

            if (i + LinearProbes <= mask)
            {
                for (int j = 1; j <= LinearProbes; j++)
                {
                    if (_state[i + j] == 0)
                    {
                        Place(i + j);
                        return;
                    }
                }
            }

            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }

        void Place(int slot)
        {
            _keys[slot] = item;
            _hashes[slot] = hash;
            _state[slot] = 1;
        }
    }
}

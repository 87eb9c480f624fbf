using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace PyStd.Objects;

/// <summary>
/// An identity hash table from object to a small dense index: pickle's memo (CPython's
/// PyMemoTable) and marshal's references (the hashtable of marshal.c's w_ref). The probe table
/// holds only 8-byte slots — the key's identity hash and its index — so that looking up an object
/// that is not there (every new object) touches no keys and little memory; the keys sit in an
/// array by index, written in order. Open addressing with linear probing over
/// <see cref="RuntimeHelpers.GetHashCode(object)"/>, grown at 3/4 full; arrays from the pool.
/// A large table remembers its size for the thread's next writer, which then grows straight to
/// it instead of through every doubling.
/// </summary>
internal struct IdentityTable
{
    private const int MinSize = 64;
    private const int SmallSize = 1 << 16;

    [ThreadStatic]
    private static int t_sizeHint;

    private long[]? _slots;      // (hash << 32) | (index + 1); 0 is empty
    private object?[]? _keys;    // by index; null for indexes a writer keys by value elsewhere
    private int _count;
    private int _end;            // one past the highest index stored
    private int _shift;

    /// <summary>The number of keys stored.</summary>
    public readonly int Count => _count;

    /// <summary>Finds <paramref name="key"/> by identity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool TryGetValue(object key, out int value)
    {
        long[]? slots = _slots;
        if (slots is not null)
        {
            value = Probe(slots, key, (uint)RuntimeHelpers.GetHashCode(key), out _);
            if (value >= 0)
            {
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>Finds <paramref name="key"/>, or adds it under <paramref name="index"/>. True when added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(object key, int index, out int existing)
    {
        long[]? slots = _slots ?? Grow();
        uint hash = (uint)RuntimeHelpers.GetHashCode(key);
        existing = Probe(slots, key, hash, out int i);
        if (existing >= 0)
        {
            return false;
        }

        slots[i] = ((long)hash << 32) | (uint)(index + 1);
        SetKey(index, key);
        if (++_count * 4L > slots.Length * 3L)
        {
            Grow();
        }

        existing = 0;
        return true;
    }

    /// <summary>The index stored for <paramref name="key"/>, or -1 with <paramref name="free"/> the empty slot that ends its probe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Probe(long[] slots, object key, uint hash, out int free)
    {
        int mask = slots.Length - 1;
        int i = Home(hash, _shift);
        while (true)
        {
            long slot = slots[i];
            if (slot == 0)
            {
                free = i;
                return -1;
            }

            if ((uint)(slot >> 32) == hash && _keys![(int)slot - 1] == key)
            {
                free = -1;
                return (int)slot - 1;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>The slot a probe for <paramref name="hash"/> starts at (Fibonacci hashing to the table's bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(uint hash, int shift) => (int)(hash * 0x9E3779B9u >> shift);

    /// <summary>
    /// Starts loading the probe slot of <paramref name="key"/> into the cache, for a lookup that
    /// comes a little later: the table is large and read at random, and new objects miss.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Prefetch(object key)
    {
        long[]? slots = _slots;
        if (slots is not null && Sse.IsSupported)
        {
            int i = Home((uint)RuntimeHelpers.GetHashCode(key), _shift);
            unsafe
            {
                Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slots), i)));
            }
        }
    }

    /// <summary>Adds a key known to be absent.</summary>
    public void Add(object key, int index) => TryAdd(key, index, out _);

    /// <summary>Empties the table, keeping its arrays (CPython's PyMemoTable_Clear).</summary>
    public void Clear()
    {
        if (_count == 0)
        {
            return;
        }

        System.Array.Clear(_slots!);
        System.Array.Clear(_keys!, 0, _end);
        _count = 0;
        _end = 0;
    }

    /// <summary>Empties the table and gives its arrays back to the pool.</summary>
    public void Release()
    {
        if (_slots is not null)
        {
            if (_slots.Length > SmallSize)
            {
                t_sizeHint = _slots.Length;
            }

            ArrayPool<long>.Shared.Return(_slots);
            _slots = null;
        }

        if (_keys is not null)
        {
            System.Array.Clear(_keys, 0, _end);
            ArrayPool<object?>.Shared.Return(_keys);
            _keys = null;
        }

        _count = 0;
        _end = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetKey(int index, object key)
    {
        object?[]? keys = _keys;
        if (keys is null || (uint)index >= (uint)keys.Length)
        {
            keys = GrowKeys(index);
        }

        // No covariance check: the array is exactly object?[] and index is within it.
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(keys), index) = key;
        if (index >= _end)
        {
            _end = index + 1;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object?[] GrowKeys(int index)
    {
        int size = (int)Math.Min(System.Array.MaxLength, Math.Max(Math.Max(MinSize, index + 1L), (_keys?.Length ?? 0) * 2L));
        object?[] keys = ArrayPool<object?>.Shared.Rent(size);
        System.Array.Clear(keys); // a pooled array may hold anything; a null key means "no entry"
        if (_keys is not null)
        {
            _keys.AsSpan(0, _end).CopyTo(keys);
            System.Array.Clear(_keys, 0, _end);
            ArrayPool<object?>.Shared.Return(_keys);
        }

        _keys = keys;
        return keys;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long[] Grow()
    {
        long[]? old = _slots;
        int size = old is null ? MinSize : old.Length < SmallSize ? old.Length * 4 : old.Length * 2;
        if (size > SmallSize && t_sizeHint > size)
        {
            size = t_sizeHint; // this thread's last large table: skip the doublings on the way
        }

        long[] slots = ArrayPool<long>.Shared.Rent(size);
        if (slots.Length != size)
        {
            // Keep the size a power of two; the pool's buckets are, but do not rely on it.
            ArrayPool<long>.Shared.Return(slots);
            slots = new long[size];
        }
        else
        {
            System.Array.Clear(slots);
        }

        int shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        int mask = size - 1;
        if (old is not null)
        {
            foreach (long slot in old)
            {
                if (slot != 0)
                {
                    int i = Home((uint)(slot >> 32), shift);
                    while (slots[i] != 0)
                    {
                        i = (i + 1) & mask;
                    }

                    slots[i] = slot;
                }
            }

            ArrayPool<long>.Shared.Return(old);
        }

        _slots = slots;
        _shift = shift;
        return slots;
    }
}

using System.Buffers;
using System.Runtime.CompilerServices;

namespace PyStd.Marshal;

// The writer's two reference indexes (versions 3+). CPython keys its table by address and only for
// objects whose refcount is above one; PyStd has no refcounts, so it indexes every object that can
// be shared and writes FLAG_REF on its first occurrence (legal: CPython's loader only needs the flag
// on objects that are referenced later, and accepts it on any other).
public static partial class Marshal
{
    private sealed partial class Writer
    {
        /// <summary>
        /// An identity-keyed open-addressing table (linear probing) from an object to its reference
        /// index: containers, bytes and long strings. Which objects hit depends only on identity, so
        /// the output is deterministic. The arrays are kept per thread between calls (cleared, up to
        /// <see cref="MaxCachedBits"/>), so repeated dumps of large graphs neither regrow nor page-fault.
        /// </summary>
        private struct RefTable : IDisposable
        {
            private const int MaxCachedBits = 22;

            [ThreadStatic]
            private static object?[]? t_keys;

            [ThreadStatic]
            private static int[]? t_values;

            private object?[]? _keys;
            private int[]? _values;
            private int _count;
            private int _shift;

            /// <summary>The index of <paramref name="key"/> if present; otherwise adds it with <paramref name="value"/> and returns -1.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public int GetOrAdd(object key, int value)
            {
                if (_keys is null)
                {
                    Start();
                }

                object?[] keys = _keys!;
                int mask = (1 << (32 - _shift)) - 1;
                int i = Slot(key);
                while (true)
                {
                    object? k = keys[i];
                    if (k is null)
                    {
                        break;
                    }

                    if (ReferenceEquals(k, key))
                    {
                        return _values![i];
                    }

                    i = (i + 1) & mask;
                }

                keys[i] = key;
                _values![i] = value;
                if (++_count > (mask + 1) >> 1)
                {
                    Grow();
                }

                return -1;
            }

            public void Dispose()
            {
                if (_keys is not null)
                {
                    // Drop the references to the caller's objects; keep the arrays for the next call.
                    System.Array.Clear(_keys);
                    if (_keys.Length <= 1 << MaxCachedBits && (t_keys is null || t_keys.Length < _keys.Length))
                    {
                        t_keys = _keys;
                        t_values = _values;
                    }

                    _keys = null;
                    _values = null;
                }
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private readonly int Slot(object key) =>
                (int)(((uint)RuntimeHelpers.GetHashCode(key) * 0x9E3779B9u) >> _shift);

            private void Start()
            {
                if (t_keys is not null)
                {
                    // Taken, not shared: a nested writer (set items) starts its own table.
                    _keys = t_keys;
                    _values = t_values;
                    t_keys = null;
                    t_values = null;
                    _shift = 32 - System.Numerics.BitOperations.Log2((uint)_keys.Length);
                    _count = 0;
                    return;
                }

                Allocate(10);
            }

            private void Allocate(int bits)
            {
                _keys = new object?[1 << bits];
                _values = new int[1 << bits];
                _shift = 32 - bits;
                _count = 0;
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private void Grow()
            {
                object?[] oldKeys = _keys!;
                int[] oldValues = _values!;
                int oldSize = 1 << (32 - _shift);
                Allocate(33 - _shift);
                object?[] keys = _keys!;
                int mask = (1 << (32 - _shift)) - 1;
                for (int j = 0; j < oldSize; j++)
                {
                    object? k = oldKeys[j];
                    if (k is null)
                    {
                        continue;
                    }

                    int i = Slot(k);
                    while (keys[i] is not null)
                    {
                        i = (i + 1) & mask;
                    }

                    keys[i] = k;
                    _values![i] = oldValues[j];
                    _count++;
                }

            }
        }

        /// <summary>
        /// A small direct-mapped cache from short strings (by content) to their reference index: dict
        /// keys and other repeated words become references without a table entry per string. A
        /// string that was evicted is simply written again (with a new index). Keyed by content with
        /// a fixed hash, so the output is deterministic.
        /// </summary>
        private struct StringRefCache : IDisposable
        {
            /// <summary>Strings up to this length go through the cache; longer ones through <see cref="RefTable"/>.</summary>
            public const int MaxLength = 40;

            private const int Size = 4096;

            private string?[]? _keys;
            private int[]? _values;

            /// <summary>The index of a string equal to <paramref name="s"/> if cached; otherwise caches it with <paramref name="value"/> and returns -1.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public int GetOrAdd(string s, int value)
            {
                if (_keys is null)
                {
                    _keys = ArrayPool<string?>.Shared.Rent(Size);
                    _values = ArrayPool<int>.Shared.Rent(Size);
                    System.Array.Clear(_keys, 0, Size);
                }

                // A fixed O(1) hash of the length and the outer characters: collisions only cost a re-write.
                uint h = (uint)s.Length;
                if (s.Length > 0)
                {
                    h = (h * 0x01000193u) ^ s[0];
                    h = (h * 0x01000193u) ^ s[^1];
                    h = (h * 0x01000193u) ^ s[s.Length >> 1];
                    h = (h * 0x01000193u) ^ ((uint)s[s.Length > 1 ? 1 : 0] << 16);
                }

                int slot = (int)((h * 0x9E3779B9u) >> 20);
                string? k = _keys[slot];
                if (k is not null && string.Equals(k, s))
                {
                    return _values![slot];
                }

                _keys[slot] = s;
                _values![slot] = value;
                return -1;
            }

            public void Dispose()
            {
                if (_keys is not null)
                {
                    ArrayPool<string?>.Shared.Return(_keys, clearArray: true);
                    ArrayPool<int>.Shared.Return(_values!);
                    _keys = null;
                    _values = null;
                }
            }
        }
    }
}

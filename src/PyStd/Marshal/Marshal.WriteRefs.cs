using System.Buffers;
using System.Runtime.CompilerServices;

namespace PyStd.Marshal;

// The writer's content-keyed index of short strings (versions 3+); containers, bytes and long strings
// go through the identity table shared with pickle's memo (PyStd.Objects.IdentityTable). CPython keys
// its table by address and only for objects whose refcount is above one; PyStd has no refcounts, so
// it indexes every object that can be shared and writes FLAG_REF on its first occurrence (legal:
// CPython's loader only needs the flag on objects that are referenced later, and accepts it on any other).
public static partial class Marshal
{
    private sealed partial class Writer
    {
        /// <summary>
        /// A small direct-mapped cache from short strings (by content) to their reference index: dict
        /// keys and other repeated words become references without a table entry per string. A
        /// string that was evicted is simply written again (with a new index). Keyed by content with
        /// a fixed hash, so the output is deterministic.
        /// </summary>
        private struct StringRefCache : IDisposable
        {
            /// <summary>Strings up to this length go through the cache; longer ones through the identity table.</summary>
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

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Marshal;

// How versions 3+ choose what to write as references. CPython flags an object with FLAG_REF when its
// reference count is above one and writes 'r' when it meets it again. PyStd has no reference counts:
//  - containers: a first pass writes them plainly and logs them (VisitLog); if the graph reached none
//    twice, that output is final (the common case, and CPython's bytes for such a graph's containers).
//    Otherwise a second pass flags exactly the containers found shared. A pass that finds sharing at a
//    checkpoint, or goes too deep (a cycle), gives way to a pass that tracks every container.
//  - the top-level container is always flagged (its caller holds a reference, as in CPython).
//  - bytes and long strings: by identity, through the identity table shared with pickle's memo;
//    short strings: by content, through a small cache (StringRefCache).
public static partial class Marshal
{
    private sealed partial class Writer
    {
        /// <summary>How the current pass treats containers (versions 3+).</summary>
        private enum Sharing
        {
            /// <summary>Version 0–2: no references.</summary>
            None,

            /// <summary>Written plainly and logged, to find the shared ones afterwards.</summary>
            Logged,

            /// <summary>Those found shared are flagged and referenced; the others written plainly.</summary>
            Known,

            /// <summary>Every container is flagged and referenced when met again (cycles, or sharing found early).</summary>
            All,
        }

        /// <summary>Writes the whole value, choosing the passes described at the top of this file.</summary>
        public void WriteGraph(object? value)
        {
            if (!_refs)
            {
                WriteObject(value);
                return;
            }

            _sharing = Sharing.Logged;
            try
            {
                WriteObject(value);
            }
            catch (PassAbandonedException)
            {
                Restart(Sharing.All);
                WriteObject(value);
                return;
            }

            if (_log.FindShared(ref _shared, firstOnly: false) > 0)
            {
                Restart(Sharing.Known);
                WriteObject(value);
            }
        }

        private void Restart(Sharing sharing)
        {
            _sharing = sharing;
            _len = 0;
            _depth = 0;
            _nextRef = 0;
            _table.Clear();
            _strings.Dispose();
            _log.Dispose();
        }

        /// <summary>The FLAG_REF bit for a container met the first time, 0 when it is written plainly, or -1 after writing a reference to it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int TrackContainer(object value)
        {
            switch (_sharing)
            {
                case Sharing.None:
                    return 0;
                case Sharing.Logged when _depth > 1:
                    return _log.Add(value) ? 0 : throw new PassAbandonedException();
                case Sharing.Known when _depth > 1:
                    return _shared.TryGetValue(value, out _) ? Track(value) : 0;
                default:
                    return Track(value);
            }
        }

        /// <summary>Too deep for the depth limit: a cycle to a first pass (which then gives way), an error otherwise.</summary>
        [DoesNotReturn]
        private void ThrowTooDeep()
        {
            if (_sharing == Sharing.Logged)
            {
                throw new PassAbandonedException();
            }

            throw new MarshalException("object too deeply nested to marshal");
        }

        /// <summary>Stops a first pass that met a container twice before it finished (it may be a cycle or an exponential walk).</summary>
        private sealed class PassAbandonedException : Exception;

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

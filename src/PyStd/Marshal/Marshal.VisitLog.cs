using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PyStd.Objects;

namespace PyStd.Marshal;

// The writer's record of the containers its first pass met, and the search for those met twice.
// CPython flags an object with FLAG_REF when its reference count is above one; PyStd has no reference
// counts, so it finds the containers the graph reaches more than once after the fact: appending to a
// log as the pass goes costs two sequential stores, where a lookup in an identity table per container
// is a cache miss per container on a large graph.
public static partial class Marshal
{
    private sealed partial class Writer
    {
        /// <summary>
        /// The containers a pass met, in order, with their identity hashes. <see cref="FindShared"/>
        /// sorts the hashes into partitions that fit the cache and finds the objects logged twice in
        /// each with a small table. The log is searched at checkpoints as it grows (4,096 entries, then
        /// every sixteenfold), so a graph that shares containers is noticed early — before a chain of
        /// shared pairs makes an exponential walk.
        /// </summary>
        private struct VisitLog : IDisposable
        {
            private const int FirstCheckpoint = 1 << 12;
            private const int PartitionTarget = 1 << 10;

            private long[]? _entries;   // (mixed hash << 32) | position
            private object?[]? _objects; // by position
            private int _count;
            private int _checkpoint;

            /// <summary>
            /// Logs a container. False when the log just reached a checkpoint and holds some
            /// container twice: the caller stops its pass and writes with full tracking.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public bool Add(object value)
            {
                long[]? entries = _entries;
                int n = _count;
                if (entries is null || (uint)n >= (uint)entries.Length)
                {
                    entries = Grow();
                }

                uint mixed = (uint)RuntimeHelpers.GetHashCode(value) * 0x9E3779B9u;
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(entries), n) = ((long)mixed << 32) | (uint)n;
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_objects!), n) = value;
                _count = n + 1;
                return _count != _checkpoint || !Checkpoint();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private bool Checkpoint()
            {
                _checkpoint = _checkpoint > int.MaxValue / 16 ? int.MaxValue : _checkpoint * 16;
                var none = default(IdentityTable);
                return FindShared(ref none, firstOnly: true) > 0;
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private long[] Grow()
            {
                int size = _entries is null ? 1024 : (int)Math.Min(System.Array.MaxLength, _entries.Length * 2L);
                if (_count >= size)
                {
                    throw new MarshalException("unmarshallable object"); // more containers than an array can list
                }

                long[] entries = ArrayPool<long>.Shared.Rent(size);
                object?[] objects = ArrayPool<object?>.Shared.Rent(size);
                if (_entries is not null)
                {
                    _entries.AsSpan(0, _count).CopyTo(entries);
                    _objects.AsSpan(0, _count).CopyTo(objects);
                    ArrayPool<long>.Shared.Return(_entries);
                    ArrayPool<object?>.Shared.Return(_objects!, clearArray: true);
                }
                else
                {
                    _checkpoint = FirstCheckpoint;
                }

                _entries = entries;
                _objects = objects;
                return entries;
            }

            /// <summary>
            /// Adds every container logged more than once to <paramref name="shared"/> (keyed by
            /// identity, valued by the order found), or with <paramref name="firstOnly"/> stops at the first.
            /// </summary>
            /// <returns>How many containers were logged more than once (at most 1 with <paramref name="firstOnly"/>).</returns>
            public readonly int FindShared(ref IdentityTable shared, bool firstOnly)
            {
                int n = _count;
                if (n < 2)
                {
                    return 0;
                }

                // Scatter the entries by the top bits of their hash into partitions of about
                // PartitionTarget entries, then look for equal hashes within each.
                int bits = Math.Max(0, System.Numerics.BitOperations.Log2((uint)(n / PartitionTarget) | 1));
                int partitions = 1 << bits;
                int[] starts = ArrayPool<int>.Shared.Rent(partitions + 1);
                long[] sorted = ArrayPool<long>.Shared.Rent(n);
                int[]? table = null;
                try
                {
                    Span<int> start = starts.AsSpan(0, partitions + 1);
                    start.Clear();
                    ReadOnlySpan<long> entries = _entries.AsSpan(0, n);
                    foreach (long entry in entries)
                    {
                        start[Partition(entry, bits) + 1]++;
                    }

                    int largest = 0;
                    for (int p = 0; p < partitions; p++)
                    {
                        largest = Math.Max(largest, start[p + 1]);
                        start[p + 1] += start[p];
                    }

                    Span<int> fill = start[..partitions];
                    int[] next = ArrayPool<int>.Shared.Rent(partitions);
                    try
                    {
                        fill.CopyTo(next);
                        foreach (long entry in entries)
                        {
                            sorted[next[Partition(entry, bits)]++] = entry;
                        }
                    }
                    finally
                    {
                        ArrayPool<int>.Shared.Return(next);
                    }

                    table = ArrayPool<int>.Shared.Rent(1 << LocalBits(largest));
                    int found = 0;
                    for (int p = 0; p < partitions; p++)
                    {
                        found += FindSharedIn(sorted.AsSpan(start[p], start[p + 1] - start[p]), bits, table, ref shared, firstOnly);
                        if (firstOnly && found > 0)
                        {
                            return found;
                        }
                    }

                    return found;
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(starts);
                    ArrayPool<long>.Shared.Return(sorted);
                    if (table is not null)
                    {
                        ArrayPool<int>.Shared.Return(table);
                    }
                }
            }

            /// <summary>The bits of a partition's table: at least four slots per entry, at most 2^30 slots.</summary>
            private static int LocalBits(int entries) => Math.Min(30, System.Numerics.BitOperations.Log2((uint)Math.Max(entries, 1)) + 2);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static int Partition(long entry, int bits) => bits == 0 ? 0 : (int)((ulong)entry >> (64 - bits));

            /// <summary>One partition: an open-addressing table of positions in <paramref name="part"/>, by the hash bits below the partition's.</summary>
            private readonly int FindSharedIn(ReadOnlySpan<long> part, int bits, int[] table, ref IdentityTable shared, bool firstOnly)
            {
                if (part.Length < 2)
                {
                    return 0;
                }

                int localBits = LocalBits(part.Length);
                Span<int> slots = table.AsSpan(0, 1 << localBits);
                slots.Clear();
                int mask = slots.Length - 1;
                object?[] objects = _objects!;
                int found = 0;
                for (int k = 0; k < part.Length; k++)
                {
                    long entry = part[k];
                    uint hash = (uint)((ulong)entry >> 32);
                    int i = (int)((hash << bits) >> (32 - localBits));
                    while (true)
                    {
                        int at = slots[i];
                        if (at == 0)
                        {
                            slots[i] = k + 1;
                            break;
                        }

                        long other = part[at - 1];
                        if ((uint)((ulong)other >> 32) == hash && objects[(int)other] == objects[(int)entry])
                        {
                            // Met again. The first meeting stays in the table, so a third one lands here too.
                            if (firstOnly)
                            {
                                return 1;
                            }

                            if (shared.TryAdd(objects[(int)entry]!, shared.Count, out _))
                            {
                                found++;
                            }

                            break;
                        }

                        i = (i + 1) & mask;
                    }
                }

                return found;
            }

            public void Dispose()
            {
                if (_entries is not null)
                {
                    ArrayPool<long>.Shared.Return(_entries);
                    System.Array.Clear(_objects!, 0, _count);
                    ArrayPool<object?>.Shared.Return(_objects!);
                    _entries = null;
                    _objects = null;
                }

                _count = 0;
            }
        }
    }
}

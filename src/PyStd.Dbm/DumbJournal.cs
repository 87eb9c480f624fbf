using System.Buffers.Binary;

namespace PyStd.Dbm;

/// <summary>
/// PyStd's crash journal for <c>dbm.dumb</c> (<c>&lt;name&gt;.journal</c>; CPython never sees it):
/// a redo log of index changes written before the data they describe, so a killed writer loses no
/// acknowledged write and the <c>.dir</c> index is rewritten only on sync/close, atomically.
/// </summary>
/// <remarks>
/// Layout (little-endian): a 24-byte header — magic <c>PYSTDJ01</c>, the length and CRC-32 of the
/// <c>.dir</c> file the journal applies to, the header's own CRC-32 — then records: <c>u32</c> record
/// length, <c>u8</c> op (1 set, 2 delete, 3 commit, 4 rebase), <c>u8</c> flags (1 = part of a batch,
/// applied only when its commit record follows), <c>u16</c> zero, <c>i64</c> pos (set: the value's
/// offset in <c>.dat</c>; rebase: the new <c>.dir</c> length), <c>i32</c> key length (rebase: the new
/// <c>.dir</c> CRC), <c>i32</c> value length, the key, the value, and a CRC-32 of everything before it.
/// A torn record at the end is a write that was never acknowledged and is ignored.
/// </remarks>
internal static class DumbJournal
{
    public const int HeaderSize = 24;
    public const int RecordHeaderSize = 24;
    public const byte OpSet = 1;
    public const byte OpDelete = 2;
    public const byte OpCommit = 3;
    public const byte OpRebase = 4;
    public const byte FlagBatch = 1;

    private static ReadOnlySpan<byte> Magic => "PYSTDJ01"u8;

    /// <summary>One valid record (value as an offset into the journal bytes).</summary>
    internal readonly record struct Record(byte Op, byte Flags, long Pos, byte[] Key, long ValueOffset, int ValueLength, int KeyLengthField);

    /// <summary>The parsed journal.</summary>
    internal sealed class Contents
    {
        public long BaseDirLength { get; init; }

        public uint BaseDirCrc { get; init; }

        /// <summary>Committed operations in order, up to a rebase record.</summary>
        public List<Record> Operations { get; } = [];

        /// <summary>The <c>.dir</c> a compaction installed, if one began (length, crc).</summary>
        public (long Length, uint Crc)? Rebase { get; set; }

        /// <summary>Bytes after the last valid record (a torn, unacknowledged write).</summary>
        public long TornBytes { get; set; }

        /// <summary>Batched records without their commit record (an unacknowledged batch).</summary>
        public int UncommittedRecords { get; set; }
    }

    public static void WriteHeader(Span<byte> dst, long dirLength, uint dirCrc)
    {
        Magic.CopyTo(dst);
        BinaryPrimitives.WriteInt64LittleEndian(dst[8..], dirLength);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[16..], dirCrc);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[20..], Crc32.Compute(dst[..20]));
    }

    public static int RecordSize(int keyLength, int valueLength) => RecordHeaderSize + keyLength + valueLength + 4;

    /// <summary>Writes one record into <paramref name="dst"/> (exactly <see cref="RecordSize"/> bytes).</summary>
    public static int WriteRecord(Span<byte> dst, byte op, byte flags, long pos, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, int keyLengthOverride = -1)
    {
        int size = RecordSize(key.Length, value.Length);
        BinaryPrimitives.WriteInt32LittleEndian(dst, size);
        dst[4] = op;
        dst[5] = flags;
        dst[6] = 0;
        dst[7] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(dst[8..], pos);
        BinaryPrimitives.WriteInt32LittleEndian(dst[16..], keyLengthOverride >= 0 ? keyLengthOverride : key.Length);
        BinaryPrimitives.WriteInt32LittleEndian(dst[20..], value.Length);
        key.CopyTo(dst[RecordHeaderSize..]);
        value.CopyTo(dst[(RecordHeaderSize + key.Length)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(dst[(size - 4)..], Crc32.Compute(dst[..(size - 4)]));
        return size;
    }

    /// <summary>Parses a journal; a bad header is a <see cref="DbmException"/>.</summary>
    public static Contents Parse(string path, string journalPath, ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderSize || !data.StartsWith(Magic)
            || BinaryPrimitives.ReadUInt32LittleEndian(data[20..]) != Crc32.Compute(data[..20]))
        {
            if (data.Length < HeaderSize && Magic.StartsWith(data[..Math.Min(data.Length, Magic.Length)]))
            {
                // A crash while the journal was being created: nothing in it was ever acknowledged.
                return new Contents { BaseDirLength = -1, TornBytes = data.Length };
            }

            throw new DbmException(path, $"crash journal {journalPath} has a damaged header; it is not PyStd's dbm.dumb journal or it was overwritten", null);
        }

        var contents = new Contents
        {
            BaseDirLength = BinaryPrimitives.ReadInt64LittleEndian(data[8..]),
            BaseDirCrc = BinaryPrimitives.ReadUInt32LittleEndian(data[16..]),
        };
        var pending = new List<Record>();
        int offset = HeaderSize;
        while (offset < data.Length)
        {
            ReadOnlySpan<byte> rest = data[offset..];
            if (rest.Length < RecordHeaderSize + 4)
            {
                break;
            }

            int size = BinaryPrimitives.ReadInt32LittleEndian(rest);
            int keyLength = BinaryPrimitives.ReadInt32LittleEndian(rest[16..]);
            int valueLength = BinaryPrimitives.ReadInt32LittleEndian(rest[20..]);
            byte op = rest[4];
            int keyBytes = op == OpRebase ? 0 : keyLength;
            if (size < RecordHeaderSize + 4 || size > rest.Length || keyBytes < 0 || valueLength < 0
                || (long)RecordHeaderSize + keyBytes + valueLength + 4 != size
                || BinaryPrimitives.ReadUInt32LittleEndian(rest[(size - 4)..]) != Crc32.Compute(rest[..(size - 4)]))
            {
                break;
            }

            byte flags = rest[5];
            long pos = BinaryPrimitives.ReadInt64LittleEndian(rest[8..]);
            var record = new Record(op, flags, pos, rest.Slice(RecordHeaderSize, keyBytes).ToArray(), offset + RecordHeaderSize + keyBytes, valueLength, keyLength);
            offset += size;
            switch (op)
            {
                case OpSet or OpDelete when (flags & FlagBatch) != 0:
                    pending.Add(record);
                    break;
                case OpSet or OpDelete:
                    contents.Operations.Add(record);
                    break;
                case OpCommit:
                    contents.Operations.AddRange(pending);
                    pending.Clear();
                    break;
                case OpRebase:
                    contents.Rebase = (pos, unchecked((uint)keyLength));
                    break;
                default:
                    throw new DbmException(path, $"crash journal {journalPath} has a record with unknown operation {op} at offset {offset - size}", null);
            }
        }

        contents.TornBytes = data.Length - offset;
        contents.UncommittedRecords = pending.Count;
        return contents;
    }
}

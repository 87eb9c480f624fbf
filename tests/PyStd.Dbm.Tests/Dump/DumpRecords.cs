using System.Text;
using PyStd.Dbm.Dump;

namespace PyStd.Dbm.Tests.Dump;

/// <summary>Test data that exercises every corner of the format, and helpers to compare record sets.</summary>
internal static class DumpRecords
{
    /// <summary>
    /// Every byte value in keys and values, empty key and empty values, a key that reads like a format
    /// line, a value larger than many Berkeley DB pages, a long key, and a few hundred random records.
    /// </summary>
    public static List<KeyValuePair<byte[], byte[]>> Corpus(int seed = 1, int random = 300)
    {
        var rng = new System.Random(seed);
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var records = new List<KeyValuePair<byte[], byte[]>>
        {
            new(all, all.Reverse().ToArray()),
            new("empty value"u8.ToArray(), []),
            new([], "empty key"u8.ToArray()),
            new("DATA=END"u8.ToArray(), "HEADER=END"u8.ToArray()),
            new(" leading space\\ and \\\\ backslashes"u8.ToArray(), "tab\there\nnewline\r\n"u8.ToArray()),
            new("unicode"u8.ToArray(), Encoding.UTF8.GetBytes("héllo wörld 🐍")),
            new("long value"u8.ToArray(), Bytes(rng, 150_000)),
            new(Bytes(rng, 3000), "long key"u8.ToArray()),
        };
        var seen = new HashSet<string>(records.Select(r => Convert.ToHexString(r.Key)));
        while (records.Count < random + 8)
        {
            byte[] key = Bytes(rng, rng.Next(1, 40));
            if (seen.Add(Convert.ToHexString(key)))
            {
                records.Add(new(key, Bytes(rng, rng.Next(0, 300))));
            }
        }

        return records;
    }

    public static byte[] Bytes(System.Random rng, int length)
    {
        byte[] data = new byte[length];
        rng.NextBytes(data);
        return data;
    }

    /// <summary>Records as sorted "key:value" hex lines, for exact set comparison with readable failures.</summary>
    public static List<string> Canonical(IEnumerable<KeyValuePair<byte[], byte[]>> records) =>
        records.Select(r => Convert.ToHexString(r.Key) + ":" + Convert.ToHexString(r.Value)).Order(StringComparer.Ordinal).ToList();

    public static List<KeyValuePair<byte[], byte[]>> SortedByKey(IEnumerable<KeyValuePair<byte[], byte[]>> records) =>
        records.OrderBy(r => r.Key, Comparer<byte[]>.Create((x, y) => x.AsSpan().SequenceCompareTo(y))).ToList();

    public static byte[] WriteDump(IEnumerable<KeyValuePair<byte[], byte[]>> records, DbDumpHeader? header = null)
    {
        using var stream = new MemoryStream();
        DbDump.Write(stream, records, header);
        return stream.ToArray();
    }

    public static List<KeyValuePair<byte[], byte[]>> ReadDump(byte[] dump, DbLoadOptions? options = null) =>
        DbDump.Read(new MemoryStream(dump), options).ToList();

    public static List<KeyValuePair<byte[], byte[]>> Contents(IDbm db) => db.ToList();
}

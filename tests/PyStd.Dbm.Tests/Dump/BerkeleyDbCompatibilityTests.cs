using System.Text;
using PyStd.Dbm.Dump;

namespace PyStd.Dbm.Tests.Dump;

/// <summary>
/// Our dumps against Berkeley DB 5.3's own <c>db_load</c>/<c>db_dump</c>: their output loads into every
/// backend we have with the same contents, and they accept ours and print it back byte for byte.
/// </summary>
public sealed class BerkeleyDbCompatibilityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pystd-dbdump-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Temp(string name) => Path.Combine(_dir, name);

    // Written by hand, as a user would: escapes, an empty value, a key needing every rule of print format.
    private const string KnownDump =
        "VERSION=3\n" +
        "format=print\n" +
        "type=hash\n" +
        "db_pagesize=4096\n" +
        "HEADER=END\n" +
        " apple\n" +
        " red\\0a\n" +
        " back\\\\slash\n" +
        " \\00\\01\\ff\n" +
        " empty\n" +
        " \n" +
        " caf\\c3\\a9\n" +
        " DATA=END\n" +
        "DATA=END\n";

    private static readonly KeyValuePair<byte[], byte[]>[] s_knownRecords =
    [
        new("apple"u8.ToArray(), "red\n"u8.ToArray()),
        new("back\\slash"u8.ToArray(), [0, 1, 255]),
        new("empty"u8.ToArray(), []),
        new("café"u8.ToArray(), "DATA=END"u8.ToArray()),
    ];

    [Theory]
    [InlineData(false, DbmBackend.Sqlite3)]
    [InlineData(true, DbmBackend.Sqlite3)]
    [InlineData(false, DbmBackend.Dumb)]
    [InlineData(true, DbmBackend.Dumb)]
    public void A_hash_database_made_by_db_load_from_a_known_dump_loads_into_ours_through_db_dump(bool print, DbmBackend backend)
    {
        File.WriteAllText(Temp("known.dump"), KnownDump);
        BerkeleyDbTools.Load(Temp("known.dump"), Temp("known.db"));
        byte[] theirs = BerkeleyDbTools.Dump(Temp("known.db"), print);
        Assert.Contains("type=hash\n", BerkeleyDbTools.Ascii(theirs), StringComparison.Ordinal);

        using IDbm db = Dbm.Open(Temp("ours"), "n", Dbm.DefaultMode, backend);
        long loaded = DbDump.Load(new MemoryStream(theirs), db);

        Assert.Equal(s_knownRecords.Length, loaded);
        Assert.Equal(DumpRecords.Canonical(s_knownRecords), DumpRecords.Canonical(DumpRecords.Contents(db)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_byte_value_empty_and_long_records_survive_db_load_and_db_dump(bool print)
    {
        List<KeyValuePair<byte[], byte[]>> corpus = DumpRecords.Corpus();
        File.WriteAllBytes(Temp("ours.dump"), DumpRecords.WriteDump(corpus, new DbDumpHeader { Format = print ? DbDumpFormat.Print : DbDumpFormat.ByteValue }));
        BerkeleyDbTools.Load(Temp("ours.dump"), Temp("real.db"));

        foreach (bool dumpPrint in new[] { false, true })
        {
            byte[] theirs = BerkeleyDbTools.Dump(Temp("real.db"), dumpPrint);
            Assert.Equal(DumpRecords.Canonical(corpus), DumpRecords.Canonical(DumpRecords.ReadDump(theirs)));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Db_dump_of_our_btree_dump_loaded_by_db_load_equals_ours_byte_for_byte(bool print)
    {
        // A btree prints in key order, so the whole text is comparable (a hash prints in bucket order).
        List<KeyValuePair<byte[], byte[]>> corpus = DumpRecords.SortedByKey(DumpRecords.Corpus(seed: 2));
        var header = new DbDumpHeader { Format = print ? DbDumpFormat.Print : DbDumpFormat.ByteValue, Type = "btree" };
        byte[] ours = DumpRecords.WriteDump(corpus, header);
        File.WriteAllBytes(Temp("btree.dump"), ours);
        BerkeleyDbTools.Load(Temp("btree.dump"), Temp("btree.db"));

        byte[] theirs = BerkeleyDbTools.Dump(Temp("btree.db"), print);

        Assert.Equal(BerkeleyDbTools.Ascii(ours), BerkeleyDbTools.Ascii(theirs));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Db_dump_of_our_hash_dump_has_our_header_lines_and_the_same_record_lines(bool print)
    {
        List<KeyValuePair<byte[], byte[]>> corpus = DumpRecords.Corpus(seed: 3);
        byte[] ours = DumpRecords.WriteDump(corpus, new DbDumpHeader { Format = print ? DbDumpFormat.Print : DbDumpFormat.ByteValue });
        File.WriteAllBytes(Temp("hash.dump"), ours);
        BerkeleyDbTools.Load(Temp("hash.dump"), Temp("hash.db"));

        string theirs = BerkeleyDbTools.Ascii(BerkeleyDbTools.Dump(Temp("hash.db"), print));

        // Header: identical except the h_nelem= statistic db_dump adds when Berkeley DB has counted the keys.
        static (string[] Header, List<string> Pairs) Split(string dump)
        {
            string[] lines = dump.Split('\n');
            int end = System.Array.IndexOf(lines, "HEADER=END");
            string[] header = lines[..(end + 1)].Where(l => !l.StartsWith("h_nelem=", StringComparison.Ordinal)).ToArray();
            string[] data = lines[(end + 1)..];
            Assert.Equal(["DATA=END", ""], data[^2..]);
            var pairs = new List<string>();
            for (int i = 0; i + 1 < data.Length - 2; i += 2)
            {
                pairs.Add(data[i] + "\n" + data[i + 1]);
            }

            pairs.Sort(StringComparer.Ordinal);
            return (header, pairs);
        }

        var (ourHeader, ourPairs) = Split(BerkeleyDbTools.Ascii(ours));
        var (theirHeader, theirPairs) = Split(theirs);
        Assert.Equal(ourHeader, theirHeader);
        Assert.Equal(ourPairs, theirPairs);
    }

    [Fact]
    public void Db_load_plain_text_and_our_plain_text_reader_agree()
    {
        byte[] text = Encoding.UTF8.GetBytes("key one\nvalue one\n\nempty key above\nback\\\\slash\\41\\0a\n\\00\\ff\nunicode\nhéllo\n");
        File.WriteAllBytes(Temp("plain.txt"), text);
        BerkeleyDbTools.Load(Temp("plain.txt"), Temp("plain.db"), plainText: true);

        List<KeyValuePair<byte[], byte[]>> theirs = DumpRecords.ReadDump(BerkeleyDbTools.Dump(Temp("plain.db")));
        List<KeyValuePair<byte[], byte[]>> ours = DumpRecords.ReadDump(text, new DbLoadOptions { PlainText = true });

        Assert.Equal(4, ours.Count);
        Assert.Equal(DumpRecords.Canonical(theirs), DumpRecords.Canonical(ours));
        Assert.Equal("back\\slashA\n"u8.ToArray(), ours[2].Key);
    }

    [Fact]
    public void A_dump_of_several_sub_databases_is_read_by_name_and_refused_without_one()
    {
        string dump =
            "VERSION=3\nformat=print\ndatabase=fruit\ntype=hash\nHEADER=END\n apple\n red\nDATA=END\n" +
            "VERSION=3\nformat=bytevalue\ndatabase=odd\\20name\ntype=btree\nHEADER=END\n 00\n ff\nDATA=END\n";
        File.WriteAllText(Temp("multi.dump"), dump);
        BerkeleyDbTools.Load(Temp("multi.dump"), Temp("multi.db"));
        byte[] theirs = BerkeleyDbTools.Dump(Temp("multi.db"));

        using (var reader = new DbDumpReader(new MemoryStream(theirs)))
        {
            DbDumpHeader first = reader.ReadHeader()!;
            Assert.Equal("fruit"u8.ToArray(), first.Database);
            Assert.Equal("hash", first.Type);
            Assert.Equal(["6170706C65:726564"], DumpRecords.Canonical(reader.ReadRecords()));
            DbDumpHeader second = reader.ReadHeader()!;
            Assert.Equal("odd name"u8.ToArray(), second.Database);
            Assert.Equal("btree", second.Type);
            Assert.Equal("4096", second.GetField("db_pagesize"));
            Assert.Single(reader.ReadRecords());
            Assert.Null(reader.ReadHeader());
        }

        List<KeyValuePair<byte[], byte[]>> odd = DumpRecords.ReadDump(theirs, new DbLoadOptions { Database = "odd name" });
        Assert.Equal(["00:FF"], DumpRecords.Canonical(odd));

        var e = Assert.Throws<DbDumpFormatException>(() => DumpRecords.ReadDump(theirs));
        Assert.Contains("a second database (database 'odd name')", e.Message, StringComparison.Ordinal);
        Assert.Throws<DbDumpFormatException>(() => DumpRecords.ReadDump(theirs, new DbLoadOptions { Database = "nope" }));
    }
}

using PyStd.Dbm.Dump;

namespace PyStd.Dbm.Tests.Dump;

/// <summary>Every backend dumps, and loads into every backend, with identical contents.</summary>
public sealed class DumpRoundTripTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pystd-dump-rt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<DbmBackend, DbmBackend, DbDumpFormat> Pairs()
    {
        var data = new TheoryData<DbmBackend, DbmBackend, DbDumpFormat>();
        foreach (DbmBackend from in Enum.GetValues<DbmBackend>())
        {
            foreach (DbmBackend to in Enum.GetValues<DbmBackend>())
            {
                data.Add(from, to, from == to ? DbDumpFormat.Print : DbDumpFormat.ByteValue);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Dump_then_load_into_another_backend_keeps_every_record(DbmBackend from, DbmBackend to, DbDumpFormat format)
    {
        List<KeyValuePair<byte[], byte[]>> corpus = DumpRecords.Corpus(seed: (int)from * 10 + (int)to);
        using IDbm source = Dbm.Open(Path.Combine(_dir, "source"), "n", Dbm.DefaultMode, from);
        using (IDbmBatch batch = source.BeginBatch())
        {
            foreach (KeyValuePair<byte[], byte[]> r in corpus)
            {
                batch.Set(r.Key, r.Value);
            }

            batch.Commit();
        }

        using var dump = new MemoryStream();
        long written = DbDump.Dump(source, dump, new DbDumpHeader { Format = format });
        dump.Position = 0;
        using IDbm target = Dbm.Open(Path.Combine(_dir, "target"), "n", Dbm.DefaultMode, to);
        long loaded = DbDump.Load(dump, target);

        Assert.Equal(corpus.Count, written);
        Assert.Equal(corpus.Count, loaded);
        Assert.Equal(to == DbmBackend.Dumb ? "dbm.dumb" : "dbm.sqlite3", target.Backend);
        Assert.Equal(DumpRecords.Canonical(corpus), DumpRecords.Canonical(DumpRecords.Contents(target)));
    }

    [Fact]
    public void A_btree_dump_lists_records_in_key_byte_order()
    {
        List<KeyValuePair<byte[], byte[]>> corpus = DumpRecords.Corpus(seed: 7, random: 50);
        using IDbm db = Dbm.Open(Path.Combine(_dir, "sorted"), "n");
        foreach (KeyValuePair<byte[], byte[]> r in corpus)
        {
            db.Set(r.Key, r.Value);
        }

        using var dump = new MemoryStream();
        DbDump.Dump(db, dump, new DbDumpHeader { Type = "btree" });
        List<KeyValuePair<byte[], byte[]>> read = DumpRecords.ReadDump(dump.ToArray());

        Assert.Equal(
            DumpRecords.SortedByKey(corpus).Select(r => Convert.ToHexString(r.Key)),
            read.Select(r => Convert.ToHexString(r.Key)));
    }

    [Theory]
    [InlineData(DbmBackend.Sqlite3)]
    [InlineData(DbmBackend.Dumb)]
    public void Plain_text_loads_into_each_backend(DbmBackend backend)
    {
        byte[] text = "name\nAda\nbytes\\00\n\\ff\\\\\n"u8.ToArray();
        using IDbm db = Dbm.Open(Path.Combine(_dir, "plain"), "n", Dbm.DefaultMode, backend);
        Assert.Equal(2, DbDump.Load(new MemoryStream(text), db, new DbLoadOptions { PlainText = true }));
        Assert.Equal("Ada"u8.ToArray(), db["name"u8]);
        Assert.Equal(new byte[] { 0xff, (byte)'\\' }, db["bytes\0"u8]);
    }

    [Theory]
    [InlineData(DbmBackend.Sqlite3)]
    [InlineData(DbmBackend.Dumb)]
    public void A_bad_dump_stores_nothing(DbmBackend backend)
    {
        using IDbm db = Dbm.Open(Path.Combine(_dir, "atomic"), "n", Dbm.DefaultMode, backend);
        db["kept"u8] = "old"u8.ToArray();
        byte[] dump = "VERSION=3\nformat=print\ntype=hash\nHEADER=END\n kept\n new\n added\n 1\n broken\n"u8.ToArray();

        Assert.Throws<DbDumpFormatException>(() => DbDump.Load(new MemoryStream(dump), db));

        Assert.Equal(["6B657074:6F6C64"], DumpRecords.Canonical(DumpRecords.Contents(db)));
    }
}

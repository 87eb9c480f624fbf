using System.Text;
using PyStd.Dbm.Dump;

namespace PyStd.Dbm.Tests.Dump;

/// <summary>The writer's exact text (checked against db_dump itself in <see cref="BerkeleyDbCompatibilityTests"/>).</summary>
public sealed class DbDumpWriterTests
{
    [Fact]
    public void Bytevalue_is_lowercase_hex_pairs_after_a_space()
    {
        byte[] dump = DumpRecords.WriteDump([new("key"u8.ToArray(), [0x00, 0xAB, 0xff]), new("e"u8.ToArray(), [])]);
        Assert.Equal(
            "VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize=4096\nHEADER=END\n 6b6579\n 00abff\n 65\n \nDATA=END\n",
            Encoding.ASCII.GetString(dump));
    }

    [Fact]
    public void Print_keeps_printable_ascii_and_escapes_backslash_and_every_other_byte()
    {
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        string text = Encoding.ASCII.GetString(DumpRecords.WriteDump([new(all, "a\\b"u8.ToArray())], new DbDumpHeader { Format = DbDumpFormat.Print }));

        var expected = new StringBuilder(" ");
        foreach (byte b in all)
        {
            expected.Append(b == '\\' ? "\\\\" : b is >= 0x20 and <= 0x7e ? ((char)b).ToString() : $"\\{b:x2}");
        }

        Assert.Equal($"VERSION=3\nformat=print\ntype=hash\ndb_pagesize=4096\nHEADER=END\n{expected}\n a\\\\b\nDATA=END\n", text);
    }

    [Fact]
    public void A_named_database_and_extra_fields_are_written_in_db_dump_order()
    {
        var header = new DbDumpHeader
        {
            Format = DbDumpFormat.Print,
            Type = "btree",
            Database = "sub db\n"u8.ToArray(),
            Fields = [new("bt_minkey", "2"), new("db_pagesize", "8192")],
        };
        Assert.Equal(
            "VERSION=3\nformat=print\ndatabase=sub db\\0a\ntype=btree\nbt_minkey=2\ndb_pagesize=8192\nHEADER=END\nDATA=END\n",
            Encoding.ASCII.GetString(DumpRecords.WriteDump([], header)));
    }

    [Fact]
    public void Values_larger_than_the_buffer_are_written_whole()
    {
        byte[] big = DumpRecords.Bytes(new System.Random(5), 300_000);
        foreach (DbDumpFormat format in new[] { DbDumpFormat.ByteValue, DbDumpFormat.Print })
        {
            byte[] dump = DumpRecords.WriteDump([new(big, big)], new DbDumpHeader { Format = format });
            KeyValuePair<byte[], byte[]> record = Assert.Single(DumpRecords.ReadDump(dump));
            Assert.Equal(big, record.Key);
            Assert.Equal(big, record.Value);
        }
    }

    [Fact]
    public void Misuse_and_unwritable_headers_are_refused()
    {
        using var writer = new DbDumpWriter(new MemoryStream());
        Assert.Throws<InvalidOperationException>(() => writer.WriteRecord("k"u8, "v"u8));
        Assert.Throws<InvalidOperationException>(() => writer.WriteEnd());
        Assert.Throws<ArgumentException>(() => writer.WriteHeader(new DbDumpHeader { Type = "recno" }));
        Assert.Throws<ArgumentException>(() => writer.WriteHeader(new DbDumpHeader { Fields = [new("x", "a\nb")] }));
        Assert.Throws<ArgumentException>(() => writer.WriteHeader(new DbDumpHeader { Fields = [new("type", "btree")] }));
        writer.WriteHeader(new DbDumpHeader());
        Assert.Throws<InvalidOperationException>(() => writer.WriteHeader(new DbDumpHeader()));
    }
}

using System.Text;
using PyStd.Dbm.Dump;

namespace PyStd.Dbm.Tests.Dump;

/// <summary>The reader: what db_dump writes reads back, and every malformed input is a typed error naming its line.</summary>
public sealed class DbDumpReaderTests
{
    private const string Header = "VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize=4096\nHEADER=END\n";

    private static DbDumpFormatException Fails(string dump, DbLoadOptions? options = null) =>
        Assert.Throws<DbDumpFormatException>(() => DumpRecords.ReadDump(Encoding.Latin1.GetBytes(dump), options));

    [Fact]
    public void The_header_lines_are_kept_in_order_and_records_decode()
    {
        string dump = "VERSION=3\nformat=bytevalue\ntype=hash\nh_ffactor=8\nh_nelem=2\ndb_pagesize=4096\nHEADER=END\n 6b\n 00FF\n 6b32\n \nDATA=END\n";
        using var reader = new DbDumpReader(new MemoryStream(Encoding.ASCII.GetBytes(dump)));
        DbDumpHeader header = reader.ReadHeader()!;

        Assert.Equal(3, header.Version);
        Assert.Equal(DbDumpFormat.ByteValue, header.Format);
        Assert.Equal("hash", header.Type);
        Assert.Null(header.Database);
        Assert.Equal(["h_ffactor=8", "h_nelem=2", "db_pagesize=4096"], header.Fields.Select(f => $"{f.Key}={f.Value}"));
        Assert.Equal(1, header.LineNumber);
        Assert.Equal(["6B32:", "6B:00FF"], DumpRecords.Canonical(reader.ReadRecords()));
        Assert.Null(reader.ReadHeader());
    }

    [Fact]
    public void A_header_read_and_written_again_is_the_same_text()
    {
        string dump = "VERSION=3\nformat=print\ndatabase=a\\5cb\ntype=btree\nbt_minkey=2\ndb_pagesize=8192\nHEADER=END\n k\\5c\n v\nDATA=END\n";
        using var reader = new DbDumpReader(new MemoryStream(Encoding.ASCII.GetBytes(dump)));
        DbDumpHeader header = reader.ReadHeader()!;
        using var output = new MemoryStream();
        using (var writer = new DbDumpWriter(output, leaveOpen: true))
        {
            writer.WriteHeader(header);
            foreach (KeyValuePair<byte[], byte[]> r in reader.ReadRecords())
            {
                writer.WriteRecord(r.Key, r.Value);
            }

            writer.WriteEnd();
        }

        // db_dump prints a backslash as \\, so \5c comes back in its canonical spelling.
        Assert.Equal(dump.Replace("\\5c", "\\\\", StringComparison.Ordinal), Encoding.ASCII.GetString(output.ToArray()));
    }

    [Fact]
    public void Text_reader_input_is_taken_as_utf8_bytes()
    {
        using var reader = new DbDumpReader(new StringReader("VERSION=3\nformat=print\ntype=hash\nHEADER=END\n é\n \\e9\nDATA=END\n"));
        reader.ReadHeader();
        Assert.True(reader.ReadRecord(out byte[]? key, out byte[]? value));
        Assert.Equal("é"u8.ToArray(), key);
        Assert.Equal(new byte[] { 0xe9 }, value);
    }

    [Theory]
    [InlineData("", 1, "the input is empty")]
    [InlineData("hello\nworld\n", 1, "expected VERSION=3")]
    [InlineData("VERSION=4\n", 1, "VERSION=4 is not supported")]
    [InlineData("VERSION=3\nformat=bytevalue\ntype=hash\n", 3, "before HEADER=END (truncated?)")]
    [InlineData("VERSION=3\nformat=hex\n", 2, "unknown format 'hex'")]
    [InlineData("VERSION=3\nformat=print\nHEADER=END\n", 1, "no type= line")]
    [InlineData("VERSION=3\ntype=recno\nHEADER=END\n", 1, "type=recno is not supported")]
    [InlineData("VERSION=3\ntype=queue\nHEADER=END\n", 1, "type=queue is not supported")]
    [InlineData("VERSION=3\ntype=nonsense\nHEADER=END\n", 1, "unknown type 'nonsense'")]
    [InlineData("VERSION=3\ntype=hash\nno equals sign\n", 3, "expected NAME=VALUE")]
    [InlineData("VERSION=3\ntype=hash\nh_nelem=\n", 3, "has no value")]
    [InlineData("VERSION=3\ntype=hash\nduplicates=1\nHEADER=END\nDATA=END\n", 1, "duplicate keys")]
    [InlineData(Header + " 6b\n", 6, "ends before DATA=END (truncated?)")]
    [InlineData(Header + " 6b\n 76\n", 7, "ends before DATA=END (truncated?)")]
    [InlineData(Header + " 6b\n 7", 7, "inside a data line")]
    [InlineData(Header + " 6b\nDATA=END\n", 7, "odd number of key/data pairs: the key on line 6")]
    [InlineData(Header + " 6\n 76\nDATA=END\n", 6, "odd number of hex digits")]
    [InlineData(Header + " 6b\n 7g\nDATA=END\n", 7, "invalid hex digit 'g' at column 3")]
    [InlineData(Header + " 6\r\n 76\nDATA=END\n", 6, "invalid hex digit byte 0x0d at column 3")]
    [InlineData(Header + "6b\n 76\nDATA=END\n", 6, "starting with a space or DATA=END")]
    [InlineData(Header + "DATA=END\nVERSION=3\ntype=hash\nHEADER=END\nDATA=END\n", 7, "a second database (an unnamed database)")]
    [InlineData("VERSION=3\nformat=print\ntype=hash\nHEADER=END\n a\\\n b\nDATA=END\n", 5, "incomplete escape at column 3")]
    [InlineData("VERSION=3\nformat=print\ntype=hash\nHEADER=END\n a\\zz\n b\nDATA=END\n", 5, "invalid escape at column 3")]
    public void Malformed_dumps_fail_with_the_line_and_the_problem(string dump, long line, string problem)
    {
        DbDumpFormatException e = Fails(dump);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.LineNumber);
        Assert.IsAssignableFrom<DbmException>(e);
    }

    [Theory]
    [InlineData("k\nv\nlonely key\n", 3, "odd number of key/data pairs")]
    [InlineData("k\\4\nv\n", 1, "incomplete escape")]
    [InlineData("k\nv\\x1\n", 2, "invalid escape")]
    public void Malformed_plain_text_fails_with_the_line(string text, long line, string problem)
    {
        DbDumpFormatException e = Fails(text, new DbLoadOptions { PlainText = true });
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.LineNumber);
    }

    [Fact]
    public void Plain_text_accepts_raw_bytes_empty_lines_and_a_last_line_without_newline()
    {
        byte[] text = [.. "k\n\n"u8, 0xff, 0x00, .. "\\\\\nv"u8];
        List<KeyValuePair<byte[], byte[]>> records = DumpRecords.ReadDump(text, new DbLoadOptions { PlainText = true });
        Assert.Equal(2, records.Count);
        Assert.Equal("k"u8.ToArray(), records[0].Key);
        Assert.Empty(records[0].Value);
        Assert.Equal(new byte[] { 0xff, 0x00, (byte)'\\' }, records[1].Key);
        Assert.Equal("v"u8.ToArray(), records[1].Value);
    }

    [Fact]
    public void The_reader_streams_records_before_the_input_ends()
    {
        // An endless dump: reading the first records must not try to read it all.
        using var input = new EndlessDumpStream();
        using var reader = new DbDumpReader(input);
        reader.ReadHeader();
        int n = 0;
        foreach (KeyValuePair<byte[], byte[]> record in reader.ReadRecords())
        {
            Assert.Equal(n, BitConverter.ToInt32(record.Key));
            if (++n == 10_000)
            {
                break;
            }
        }

        Assert.InRange(input.BytesServed, 1, 4 * 1024 * 1024);
    }

    [Fact]
    public void Reading_out_of_order_is_misuse()
    {
        using var reader = new DbDumpReader(new MemoryStream(Encoding.ASCII.GetBytes(Header + " 6b\n 76\nDATA=END\n")));
        Assert.Throws<InvalidOperationException>(() => reader.ReadRecord(out _, out _));
        reader.ReadHeader();
        Assert.Throws<InvalidOperationException>(() => reader.ReadHeader());
        Assert.True(reader.ReadRecord(out _, out _));
        Assert.False(reader.ReadRecord(out _, out _));
        Assert.Throws<InvalidOperationException>(() => reader.ReadRecord(out _, out _));
        Assert.Null(reader.ReadHeader());
    }

    private sealed class EndlessDumpStream : Stream
    {
        private byte[] _pending = Encoding.ASCII.GetBytes(Header);
        private int _offset;
        private int _next;

        public long BytesServed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                _pending = Encoding.ASCII.GetBytes($" {Convert.ToHexStringLower(BitConverter.GetBytes(_next++))}\n {new string('a', 200)}\n");
                _offset = 0;
            }

            int n = Math.Min(count, _pending.Length - _offset);
            _pending.AsSpan(_offset, n).CopyTo(buffer.AsSpan(offset));
            _offset += n;
            BytesServed += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

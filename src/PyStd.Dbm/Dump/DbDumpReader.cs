using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PyStd.Dbm.Dump;

/// <summary>
/// Reads Berkeley DB's <c>db_dump</c> text format as <c>db_dump</c> 5.3 writes it and <c>db_load</c>
/// reads it, forward only and streaming: one header (<see cref="ReadHeader"/>), then its key/value
/// records (<see cref="ReadRecord"/> or <see cref="ReadRecords"/>) up to <c>DATA=END</c>, then the next
/// database's header if the file holds several (<c>database=NAME</c> sub-databases).
/// </summary>
/// <remarks>
/// <para>The format: header lines <c>NAME=VALUE</c> from <c>VERSION=3</c> to <c>HEADER=END</c>; then one
/// line per key and one per value, each starting with a space, as hex pairs (<c>format=bytevalue</c>) or
/// as printable text with <c>\\</c> and <c>\xx</c> escapes (<c>format=print</c>); then <c>DATA=END</c>.</para>
/// <para>Key/value access methods only: a <c>type=recno</c>, <c>queue</c> or <c>heap</c> header (record
/// numbers, no keys) is refused with <see cref="DbDumpFormatException"/>, as is every malformed line —
/// the message names the line number. A truncated dump (no <c>DATA=END</c>) is an error, never a
/// silently shorter database. Lines are read as bytes; the longest line is the only thing held in memory.</para>
/// </remarks>
public sealed class DbDumpReader : IDisposable
{
    private readonly DumpLineReader _lines;
    private DbDumpHeader? _current;
    private bool _inData;
    private bool _ended;

    /// <summary>Reads a dump from a stream of bytes.</summary>
    /// <param name="input">The dump.</param>
    /// <param name="leaveOpen">True to leave <paramref name="input"/> open when the reader is disposed.</param>
    public DbDumpReader(Stream input, bool leaveOpen = false)
    {
        _lines = new DumpLineReader(input, leaveOpen);
    }

    /// <summary>Reads a dump from text (characters past ASCII are taken as their UTF-8 bytes).</summary>
    /// <param name="input">The dump.</param>
    /// <param name="leaveOpen">True to leave <paramref name="input"/> open when the reader is disposed.</param>
    public DbDumpReader(TextReader input, bool leaveOpen = false)
        : this(new TextReaderStream(input, leaveOpen), leaveOpen: false)
    {
    }

    /// <summary>The number of the last line read (1-based; 0 before the first).</summary>
    public long LineNumber => _lines.LineNumber;

    /// <summary>The header of the database whose records are being read, or null before the first header.</summary>
    public DbDumpHeader? Header => _current;

    /// <summary>
    /// Reads the next database's header. Call it first, and again after <see cref="ReadRecord"/> has
    /// returned false to find whether another database follows.
    /// </summary>
    /// <returns>The header, or null at the end of the input.</returns>
    /// <exception cref="DbDumpFormatException">The header is malformed, truncated or of an unsupported access method.</exception>
    /// <exception cref="InvalidOperationException">The current database's records have not been read to <c>DATA=END</c>.</exception>
    public DbDumpHeader? ReadHeader()
    {
        if (_inData)
        {
            throw new InvalidOperationException("Read the current database's records up to DATA=END before reading the next header.");
        }

        if (_ended || !_lines.TryReadLine(out ReadOnlySpan<byte> line, out _))
        {
            _ended = true;
            return null;
        }

        long first = _lines.LineNumber;
        int version = 0;
        var format = DbDumpFormat.ByteValue;
        string? type = null;
        byte[]? database = null;
        var fields = new List<KeyValuePair<string, string>>();
        while (true)
        {
            int equals = line.IndexOf((byte)'=');
            if (_lines.LineNumber == first && !line.StartsWith("VERSION="u8))
            {
                throw new DbDumpFormatException(first,
                    $"expected VERSION=3, the first line of a db_dump file, got {DumpText.Quote(line)} (for db_load -T plain text, read it as plain text)");
            }

            if (equals <= 0)
            {
                throw new DbDumpFormatException(_lines.LineNumber, $"expected NAME=VALUE or HEADER=END in the header, got {DumpText.Quote(line)}");
            }

            string name = Encoding.Latin1.GetString(line[..equals]);
            ReadOnlySpan<byte> rawValue = line[(equals + 1)..];
            if (name is "database" or "subdatabase")
            {
                // The only value that may be empty (db_load: [#8204]); written in print format.
                database = DumpText.DecodePrint(rawValue, _lines.LineNumber, equals + 2);
            }
            else
            {
                string value = Encoding.Latin1.GetString(rawValue);
                if (value.Length == 0)
                {
                    throw new DbDumpFormatException(_lines.LineNumber, $"the header line {name}= has no value");
                }

                if (name == "HEADER")
                {
                    if (value != "END")
                    {
                        throw new DbDumpFormatException(_lines.LineNumber, $"expected HEADER=END, got {DumpText.Quote(line)}");
                    }

                    break;
                }

                switch (name)
                {
                    case "VERSION":
                        version = ParseVersion(value);
                        break;
                    case "format":
                        format = value switch
                        {
                            "bytevalue" => DbDumpFormat.ByteValue,
                            "print" => DbDumpFormat.Print,
                            _ => throw new DbDumpFormatException(_lines.LineNumber, $"unknown format '{value}' (expected bytevalue or print)"),
                        };
                        break;
                    case "type":
                        type = value;
                        break;
                    default:
                        fields.Add(new(name, value));
                        break;
                }
            }

            if (!_lines.TryReadLine(out line, out _))
            {
                throw new DbDumpFormatException(_lines.LineNumber, "the input ends inside a header, before HEADER=END (truncated?)");
            }
        }

        CheckType(type, first);
        _current = new DbDumpHeader
        {
            Version = version,
            Format = format,
            Type = type!,
            Database = database,
            Fields = fields,
            LineNumber = first,
        };
        _inData = true;
        return _current;
    }

    /// <summary>Reads the next key/value pair of the current database.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>False at <c>DATA=END</c> (the end of the current database's records).</returns>
    /// <exception cref="DbDumpFormatException">A malformed data line, a key without a value, or a truncated dump.</exception>
    /// <exception cref="InvalidOperationException">No header has been read (or the records were already read to <c>DATA=END</c>).</exception>
    public bool ReadRecord([NotNullWhen(true)] out byte[]? key, [NotNullWhen(true)] out byte[]? value)
    {
        if (!_inData)
        {
            throw new InvalidOperationException(_current is null
                ? "Read the header (ReadHeader) before the records."
                : "The current database's records were read to DATA=END; call ReadHeader for the next database.");
        }

        key = ReadDataLine(isKey: true);
        if (key is null)
        {
            _inData = false;
            value = null;
            return false;
        }

        long keyLine = _lines.LineNumber;
        value = ReadDataLine(isKey: false);
        if (value is null)
        {
            throw new DbDumpFormatException(_lines.LineNumber, $"odd number of key/data pairs: the key on line {keyLine} has no value before DATA=END");
        }

        return true;
    }

    /// <summary>The current database's remaining records, read lazily up to <c>DATA=END</c>.</summary>
    /// <returns>The key/value pairs.</returns>
    public IEnumerable<KeyValuePair<byte[], byte[]>> ReadRecords()
    {
        while (ReadRecord(out byte[]? key, out byte[]? value))
        {
            yield return new(key, value);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    private byte[]? ReadDataLine(bool isKey)
    {
        if (!_lines.TryReadLine(out ReadOnlySpan<byte> line, out bool terminated))
        {
            throw new DbDumpFormatException(_lines.LineNumber, "the input ends before DATA=END (truncated?)");
        }

        if (line.Length == 0 || line[0] != (byte)' ')
        {
            if (line.SequenceEqual("DATA=END"u8))
            {
                return null;
            }

            throw new DbDumpFormatException(_lines.LineNumber,
                $"expected a {(isKey ? "key" : "value")} line starting with a space{(isKey ? " or DATA=END" : "")}, got {DumpText.Quote(line)}");
        }

        if (!terminated)
        {
            throw new DbDumpFormatException(_lines.LineNumber, "the input ends inside a data line, before DATA=END (truncated?)");
        }

        return _current!.Format == DbDumpFormat.ByteValue
            ? DumpText.DecodeHex(line[1..], _lines.LineNumber, 2)
            : DumpText.DecodePrint(line[1..], _lines.LineNumber, 2);
    }

    private int ParseVersion(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int version) || version is < 2 or > 3)
        {
            throw new DbDumpFormatException(_lines.LineNumber,
                $"VERSION={value} is not supported (db_dump writes VERSION=3; 2 is read too)");
        }

        return version;
    }

    private static void CheckType(string? type, long line)
    {
        switch (type)
        {
            case "hash" or "btree":
                return;
            case null:
                throw new DbDumpFormatException(line, "the header has no type= line");
            case "recno" or "queue" or "heap":
                throw new DbDumpFormatException(line,
                    $"type={type} is not supported: a dbm database holds key/value pairs (type=hash or type=btree)");
            default:
                throw new DbDumpFormatException(line, $"unknown type '{type}' (expected hash or btree)");
        }
    }
}

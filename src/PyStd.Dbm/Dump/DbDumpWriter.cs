using System.Text;

namespace PyStd.Dbm.Dump;

/// <summary>
/// Writes Berkeley DB's <c>db_dump</c> text format byte for byte as <c>db_dump</c> 5.3 does:
/// <see cref="WriteHeader"/>, then <see cref="WriteRecord"/> per key/value pair, then
/// <see cref="WriteEnd"/> (<c>DATA=END</c>); repeat for more databases. The output is ASCII and is
/// what <c>db_load</c> reads.
/// </summary>
/// <remarks>
/// Output is buffered; <see cref="Flush"/> or <see cref="Dispose"/> writes it out. A dump without
/// <see cref="WriteEnd"/> is deliberately incomplete: readers report it as truncated.
/// </remarks>
public sealed class DbDumpWriter : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private DbDumpFormat _format;
    private bool _inData;
    private bool _disposed;

    /// <summary>Writes a dump to a stream.</summary>
    /// <param name="output">Where the dump goes.</param>
    /// <param name="leaveOpen">True to leave <paramref name="output"/> open when the writer is disposed.</param>
    public DbDumpWriter(Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(output));
        }

        _output = output;
        _leaveOpen = leaveOpen;
    }

    /// <summary>The number of records written since the last header.</summary>
    public long RecordCount { get; private set; }

    /// <summary>
    /// Writes a database's header: <c>VERSION=3</c>, <c>format=</c>, <c>database=</c> (when named),
    /// <c>type=</c>, the <see cref="DbDumpHeader.Fields"/> in order, <c>HEADER=END</c>.
    /// </summary>
    /// <param name="header">The header; <see cref="DbDumpHeader.Version"/> is always written as 3.</param>
    /// <exception cref="ArgumentException">An access method other than hash or btree, or a field that cannot be written on one line.</exception>
    /// <exception cref="InvalidOperationException">The previous database was not ended with <see cref="WriteEnd"/>.</exception>
    public void WriteHeader(DbDumpHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_inData)
        {
            throw new InvalidOperationException("End the previous database with WriteEnd before the next header.");
        }

        if (header.Type is not ("hash" or "btree"))
        {
            throw new ArgumentException($"type={header.Type} cannot be written: a dbm dump is type=hash or type=btree.", nameof(header));
        }

        WriteAscii("VERSION=3\n");
        WriteAscii(header.Format == DbDumpFormat.Print ? "format=print\n" : "format=bytevalue\n");
        if (header.Database is not null)
        {
            WriteAscii("database=");
            WritePrint(header.Database);
            WriteByte((byte)'\n');
        }

        WriteAscii($"type={header.Type}\n");
        foreach (KeyValuePair<string, string> field in header.Fields)
        {
            if (field.Key.Length == 0 || field.Value.Length == 0 || field.Key.Contains('=', StringComparison.Ordinal)
                || field.Key is "VERSION" or "format" or "type" or "database" or "subdatabase" or "HEADER"
                || !IsHeaderText(field.Key) || !IsHeaderText(field.Value))
            {
                throw new ArgumentException($"The header field {field.Key}={field.Value} cannot be written.", nameof(header));
            }

            WriteAscii($"{field.Key}={field.Value}\n");
        }

        WriteAscii("HEADER=END\n");
        _format = header.Format;
        _inData = true;
        RecordCount = 0;
    }

    /// <summary>Writes one key/value pair (two lines).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">No header was written.</exception>
    public void WriteRecord(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_inData)
        {
            throw new InvalidOperationException("Write a header (WriteHeader) before the records.");
        }

        WriteDataLine(key);
        WriteDataLine(value);
        RecordCount++;
    }

    /// <summary>Ends the current database's records with <c>DATA=END</c>.</summary>
    /// <exception cref="InvalidOperationException">No header was written.</exception>
    public void WriteEnd()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_inData)
        {
            throw new InvalidOperationException("Write a header (WriteHeader) before DATA=END.");
        }

        WriteAscii("DATA=END\n");
        _inData = false;
    }

    /// <summary>Writes the buffered output to the stream and flushes it.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        FlushBuffer();
        _output.Flush();
    }

    /// <summary>Flushes, then closes the stream unless it was left open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            FlushBuffer();
            _output.Flush();
        }
        finally
        {
            _disposed = true;
            if (!_leaveOpen)
            {
                _output.Dispose();
            }
        }
    }

    private static bool IsHeaderText(string text)
    {
        foreach (char c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private void WriteDataLine(ReadOnlySpan<byte> data)
    {
        WriteByte((byte)' ');
        if (_format == DbDumpFormat.ByteValue)
        {
            while (!data.IsEmpty)
            {
                int room = (_buffer.Length - _used) / 2;
                if (room == 0)
                {
                    FlushBuffer();
                    continue;
                }

                int n = Math.Min(room, data.Length);
                _used += DumpText.EncodeHex(data[..n], _buffer.AsSpan(_used));
                data = data[n..];
            }
        }
        else
        {
            WritePrint(data);
        }

        WriteByte((byte)'\n');
    }

    private void WritePrint(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            if (_buffer.Length - _used < 3)
            {
                FlushBuffer();
            }

            _used += DumpText.EncodePrint(b, _buffer.AsSpan(_used));
        }
    }

    private void WriteByte(byte b)
    {
        if (_used == _buffer.Length)
        {
            FlushBuffer();
        }

        _buffer[_used++] = b;
    }

    private void WriteAscii(string text)
    {
        if (_buffer.Length - _used < text.Length)
        {
            FlushBuffer();
            if (text.Length > _buffer.Length)
            {
                _output.Write(Encoding.ASCII.GetBytes(text));
                return;
            }
        }

        // Header text is short and ASCII (checked above or built from fixed parts).
        _used += Encoding.ASCII.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void FlushBuffer()
    {
        if (_used > 0)
        {
            _output.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}

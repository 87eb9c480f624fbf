namespace PyStd.Dbm.Dump;

/// <summary>
/// Reads a stream line by line as bytes (a dump may hold any byte in <c>print</c> and <c>-T</c> lines),
/// without ever holding more than the longest line plus one read buffer.
/// </summary>
internal sealed class DumpLineReader : IDisposable
{
    /// <summary>Longest line accepted (1 GiB): far beyond any real record, short of an out-of-memory crash.</summary>
    internal const int MaxLineLength = 1 << 30;

    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private int _scanned;
    private bool _eof;

    public DumpLineReader(Stream stream, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>The number of lines returned so far (the 1-based number of the last one).</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Returns the next line without its <c>\n</c>. The span is valid until the next call.
    /// </summary>
    /// <param name="line">The line's bytes.</param>
    /// <param name="terminated">False for a last line that the input ends without a newline.</param>
    /// <returns>False at the end of the input.</returns>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool terminated)
    {
        while (true)
        {
            int found = _buffer.AsSpan(_start + _scanned, _end - _start - _scanned).IndexOf((byte)'\n');
            if (found >= 0)
            {
                int length = _scanned + found;
                line = _buffer.AsSpan(_start, length);
                terminated = true;
                _start += length + 1;
                _scanned = 0;
                LineNumber++;
                return true;
            }

            _scanned = _end - _start;
            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    terminated = false;
                    return false;
                }

                line = _buffer.AsSpan(_start, _end - _start);
                terminated = false;
                _start = _end;
                _scanned = 0;
                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineLength)
            {
                throw new DbDumpFormatException(LineNumber + 1, $"the line is longer than {MaxLineLength} bytes");
            }

            System.Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, MaxLineLength));
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}

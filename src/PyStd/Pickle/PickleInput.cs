using System.Runtime.CompilerServices;

namespace PyStd.Pickle;

/// <summary>
/// The unpickler's forward-only view of its input: a span over the caller's memory, or a window
/// over a <see cref="StreamWindow"/>'s buffer that refills from the stream on demand. Spans it
/// returns are valid until the next read.
/// </summary>
internal ref struct PickleInput
{
    private readonly StreamWindow? _stream;
    private readonly long _base;
    private ReadOnlySpan<byte> _span;
    private int _pos;

    public PickleInput(ReadOnlySpan<byte> data, long baseOffset)
    {
        _span = data;
        _pos = 0;
        _stream = null;
        _base = baseOffset;
    }

    public PickleInput(StreamWindow stream)
    {
        _stream = stream;
        _span = stream.Window;
        _pos = 0;
        _base = 0;
    }

    /// <summary>Bytes consumed since the input began (for memory input: plus the base offset).</summary>
    public readonly long Offset => _stream is null ? _base + _pos : _stream.Consumed + _pos;

    /// <summary>Bytes consumed from the span this input was made with (memory input only).</summary>
    public readonly int SpanPosition => _pos;

    /// <summary>How many bytes are known to remain; <see cref="long.MaxValue"/> for a stream of unknown length.</summary>
    public readonly long KnownRemaining =>
        _stream is null ? _span.Length - _pos : _stream.KnownRemaining(_span.Length - _pos);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadByte(out byte b)
    {
        if ((uint)_pos < (uint)_span.Length)
        {
            b = _span[_pos++];
            return true;
        }

        return TryReadByteSlow(out b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if ((uint)_pos < (uint)_span.Length)
        {
            return _span[_pos++];
        }

        return TryReadByteSlow(out byte b) ? b : throw Unpickler.Truncated();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Read(int count)
    {
        if ((uint)count <= (uint)(_span.Length - _pos))
        {
            ReadOnlySpan<byte> s = _span.Slice(_pos, count);
            _pos += count;
            return s;
        }

        return ReadSlow(count);
    }

    /// <summary>Reads a length-prefixed payload after checking the declared length against what is left.</summary>
    public ReadOnlySpan<byte> Read(long count)
    {
        if (count < 0 || count > KnownRemaining || count > int.MaxValue - 64)
        {
            throw Unpickler.Truncated();
        }

        return Read((int)count);
    }

    /// <summary>Makes sure <paramref name="count"/> more bytes are buffered without consuming them (FRAME).</summary>
    public void Prefetch(long count)
    {
        if (count < 0 || count > KnownRemaining || count > int.MaxValue - 64)
        {
            throw Unpickler.Truncated();
        }

        if (_span.Length - _pos < count && (_stream is null || !_stream.Fill(ref _span, ref _pos, (int)count)))
        {
            throw Unpickler.Truncated();
        }
    }

    /// <summary>Reads up to and including the next <c>\n</c>; truncated when the input ends first.</summary>
    public ReadOnlySpan<byte> ReadLine()
    {
        int scanned = 0;
        while (true)
        {
            int i = _span[(_pos + scanned)..].IndexOf((byte)'\n');
            if (i >= 0)
            {
                ReadOnlySpan<byte> line = _span.Slice(_pos, scanned + i + 1);
                _pos += scanned + i + 1;
                return line;
            }

            scanned = _span.Length - _pos;
            if (_stream is null || !_stream.Fill(ref _span, ref _pos, scanned + 1))
            {
                throw Unpickler.Truncated();
            }
        }
    }

    /// <summary>Gives unread buffered bytes back to the stream (seeks back) after a pickle ends.</summary>
    public readonly void Commit() => _stream?.Commit(_pos);

    /// <summary>Returns a seekable stream to where this input began (after a failure).</summary>
    public readonly void Rewind() => _stream?.Rewind();

    private bool TryReadByteSlow(out byte b)
    {
        if (_stream is not null && _stream.Fill(ref _span, ref _pos, 1))
        {
            b = _span[_pos++];
            return true;
        }

        b = 0;
        return false;
    }

    private ReadOnlySpan<byte> ReadSlow(int count)
    {
        if (count < 0 || _stream is null || !_stream.Fill(ref _span, ref _pos, count))
        {
            throw Unpickler.Truncated();
        }

        ReadOnlySpan<byte> s = _span.Slice(_pos, count);
        _pos += count;
        return s;
    }
}

/// <summary>
/// A buffer over a stream. Seekable streams are read ahead in chunks and, when a pickle ends, the
/// stream is sought back to just after its <c>STOP</c>; other streams are read exactly as far as
/// the unpickler needs (a protocol 4+ frame at a time), so a following pickle is never consumed.
/// The buffer grows only as data actually arrives, so a huge declared length cannot allocate memory
/// the stream does not back.
/// </summary>
internal sealed class StreamWindow
{
    private const int ChunkSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _canSeek;
    private readonly long _startPosition;
    private byte[] _buffer = new byte[256];
    private int _length;

    public StreamWindow(Stream stream)
    {
        _stream = stream;
        _canSeek = stream.CanSeek;
        _startPosition = _canSeek ? stream.Position : 0;
    }

    /// <summary>Bytes of the stream before the buffer's first byte, counted from where this load began.</summary>
    public long Consumed { get; private set; }

    public ReadOnlySpan<byte> Window => _buffer.AsSpan(0, _length);

    public long KnownRemaining(int buffered)
    {
        if (!_canSeek)
        {
            return long.MaxValue;
        }

        try
        {
            return buffered + Math.Max(0, _stream.Length - _stream.Position);
        }
        catch (NotSupportedException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>Ensures at least <paramref name="need"/> unread bytes; false at end of stream.</summary>
    public bool Fill(ref ReadOnlySpan<byte> span, ref int pos, int need)
    {
        int available = _length - pos;
        if (pos > 0)
        {
            System.Array.Copy(_buffer, pos, _buffer, 0, available);
            Consumed += pos;
            _length = available;
            pos = 0;
        }

        while (_length < need)
        {
            int want = _canSeek ? Math.Max(need - _length, ChunkSize) : need - _length;
            if (_buffer.Length - _length < want)
            {
                // Grow toward the need, but never by more than what has arrived so far (plus a chunk).
                long target = Math.Min((long)_length + want, Math.Max((long)_buffer.Length * 2, _length + ChunkSize));
                System.Array.Resize(ref _buffer, (int)Math.Min(target, System.Array.MaxLength));
            }

            int toRead = Math.Min(want, _buffer.Length - _length);
            int n = _stream.Read(_buffer, _length, toRead);
            if (n <= 0)
            {
                span = _buffer.AsSpan(0, _length);
                return false;
            }

            _length += n;
        }

        span = _buffer.AsSpan(0, _length);
        return true;
    }

    public void Commit(int pos)
    {
        int unread = _length - pos;
        if (_canSeek && unread > 0)
        {
            _stream.Seek(-unread, SeekOrigin.Current);
        }

        Consumed += pos;
        _length = 0;
    }

    public void Rewind()
    {
        if (_canSeek)
        {
            _stream.Position = _startPosition;
        }
    }
}

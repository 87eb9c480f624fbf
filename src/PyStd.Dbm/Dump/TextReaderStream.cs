using System.Text;

namespace PyStd.Dbm.Dump;

/// <summary>A read-only stream of the UTF-8 bytes of a <see cref="TextReader"/>'s characters, read lazily.</summary>
internal sealed class TextReaderStream(TextReader reader, bool leaveOpen) : Stream
{
    private readonly TextReader _reader = reader ?? throw new ArgumentNullException(nameof(reader));
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private readonly char[] _chars = new char[4096];
    private readonly byte[] _bytes = new byte[(4096 * 3) + 8];
    private int _start;
    private int _end;
    private bool _done;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end)
        {
            if (_done)
            {
                return 0;
            }

            int read = _reader.Read(_chars, 0, _chars.Length);
            _done = read == 0;
            _end = _encoder.GetBytes(_chars, 0, read, _bytes, 0, flush: _done);
            _start = 0;
        }

        int n = Math.Min(buffer.Length, _end - _start);
        _bytes.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }
}

namespace PyStd.Pty;

/// <summary>
/// <see cref="PtyProcess.Stream"/>: a non-seekable stream over the master. Reads block for at
/// least one byte (0 at end of file) and honour <see cref="ReadTimeout"/> with an
/// <see cref="IOException"/>, as <c>NetworkStream</c> does. The async methods are the base
/// class's, which run the blocking call on the thread pool. Disposing it does not close the process.
/// </summary>
internal sealed class PtyStream : Stream
{
    private readonly PtyProcess _process;
    private int _readTimeout = System.Threading.Timeout.Infinite;

    public PtyStream(PtyProcess process) => _process = process;

    public override bool CanRead => !_process.IsClosed;

    public override bool CanWrite => !_process.IsClosed;

    public override bool CanSeek => false;

    public override bool CanTimeout => true;

    public override int ReadTimeout
    {
        get => _readTimeout;
        set
        {
            if (value != System.Threading.Timeout.Infinite)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            }

            _readTimeout = value;
        }
    }

    public override long Length => throw new NotSupportedException("A terminal has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("A terminal cannot seek.");
        set => throw new NotSupportedException("A terminal cannot seek.");
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        TimeSpan timeout = _readTimeout == System.Threading.Timeout.Infinite
            ? System.Threading.Timeout.InfiniteTimeSpan
            : TimeSpan.FromMilliseconds(_readTimeout);
        return _process.TryRead(buffer, timeout, out int read)
            ? read
            : throw new IOException($"No output from the terminal within {_readTimeout} ms.", new TimeoutException());
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        _process.Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer) => _process.Write(buffer);

    public override void Flush()
    {
        // Writes go straight to the master; nothing is buffered here.
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A terminal cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A terminal has no length.");
}

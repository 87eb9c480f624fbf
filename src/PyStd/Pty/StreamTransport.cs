namespace PyStd.Pty;

/// <summary>
/// An <see cref="ExpectSession"/> over any readable stream and a writable one, often the same (pexpect's <c>fdspawn</c>): a read that
/// times out stays pending and its bytes are delivered by the next call, so nothing is lost and
/// the stream need not support cancellation.
/// </summary>
internal sealed class StreamTransport(Stream stream, Stream writer, bool ownsStreams) : IExpectTransport
{
    private Task<int>? _pending;
    private byte[] _pendingBuffer = [];
    private int _leftoverOffset;
    private int _leftoverCount;

    public bool TryRead(Span<byte> buffer, TimeSpan timeout, out int read)
    {
        read = 0;
        if (buffer.IsEmpty)
        {
            return true;
        }

        if (_leftoverCount == 0)
        {
            if (_pending is null)
            {
                if (_pendingBuffer.Length < buffer.Length)
                {
                    _pendingBuffer = new byte[buffer.Length];
                }

                _pending = stream.ReadAsync(_pendingBuffer, 0, buffer.Length);
            }

            if (!_pending.Wait(timeout))
            {
                return false;
            }

            _leftoverOffset = 0;
            _leftoverCount = _pending.GetAwaiter().GetResult();
            _pending = null;
            if (_leftoverCount == 0)
            {
                return true;
            }
        }

        read = Math.Min(buffer.Length, _leftoverCount);
        _pendingBuffer.AsSpan(_leftoverOffset, read).CopyTo(buffer);
        _leftoverOffset += read;
        _leftoverCount -= read;
        return true;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        writer.Write(data);
        writer.Flush();
    }

    public byte EofCharacter => throw new InvalidOperationException("SendEof needs a terminal; this session reads a stream (close its input instead).");

    public void Dispose()
    {
        if (ownsStreams)
        {
            stream.Dispose();
            if (!ReferenceEquals(writer, stream))
            {
                writer.Dispose();
            }
        }

        // A read left pending by a timeout ends with the stream; observe its fault so it is not reported as unobserved.
        _pending?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}

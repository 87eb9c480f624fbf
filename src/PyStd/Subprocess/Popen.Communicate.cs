using Microsoft.Win32.SafeHandles;
using PyStd.Native;

namespace PyStd.Subprocess;

/// <summary>
/// <c>communicate()</c>: one thread, one <c>poll(2)</c> loop over non-blocking pipes, as CPython's
/// <c>Popen._communicate</c> — writing input only when the child can take it and reading both
/// outputs whenever they have data, so neither side can wait on the other forever.
/// </summary>
public sealed partial class Popen
{
    private const int WriteChunk = 1 << 20;
    private const int ReadBudget = 1 << 20;

    private bool _communicationStarted;
    private ReadOnlyMemory<byte> _input;
    private int _inputOffset;
    private OutputBuffer? _stdoutBuffer;
    private OutputBuffer? _stderrBuffer;

    /// <summary>
    /// Sends <paramref name="input"/> to the child, reads its output and error to the end, and waits
    /// for it to end (Python's <c>communicate()</c>). Sizes do not matter: 100 MB each way at once
    /// completes. Output that is not a pipe comes back <see langword="null"/>.
    /// </summary>
    /// <param name="input">Bytes for standard input (which must then be a pipe); standard input is closed after them.</param>
    /// <param name="timeout">How long to take at most; <see langword="null"/> for as long as it takes.</param>
    /// <returns>Standard output and standard error as read.</returns>
    /// <exception cref="TimeoutExpiredException">
    /// Time ran out; the child is left running, the exception holds what was read so far, and calling
    /// <c>Communicate</c> again (without input) carries on where this call stopped.
    /// </exception>
    /// <exception cref="InvalidOperationException">Input for a standard input that is not a pipe, or input on a second call.</exception>
    public (byte[]? Stdout, byte[]? Stderr) Communicate(ReadOnlyMemory<byte> input = default, TimeSpan? timeout = null)
    {
        CommunicateCore(input, timeout);
        return (_stdoutBuffer?.ToArray(), _stderrBuffer?.ToArray());
    }

    /// <summary>
    /// <see cref="Communicate(ReadOnlyMemory{byte}, TimeSpan?)"/> in text mode: input is encoded and
    /// output decoded with <see cref="PopenOptions.Encoding"/> (UTF-8 by default) and
    /// <see cref="PopenOptions.Errors"/>, and <c>\r\n</c> and <c>\r</c> in output become <c>\n</c>.
    /// </summary>
    /// <param name="input">Text for standard input, or <see langword="null"/>.</param>
    /// <param name="timeout">How long to take at most.</param>
    /// <returns>Standard output and standard error as text.</returns>
    /// <exception cref="TimeoutExpiredException">Time ran out (see the bytes overload).</exception>
    /// <exception cref="System.Text.DecoderFallbackException">Output is not valid in the encoding under <c>strict</c> (Python's <c>UnicodeDecodeError</c>).</exception>
    public (string? Stdout, string? Stderr) CommunicateText(string? input = null, TimeSpan? timeout = null)
    {
        TextCodec codec = TextCodec.For(_options);
        (byte[]? stdout, byte[]? stderr) = Communicate(input is null ? default : codec.Encode(input), timeout);
        return (codec.Decode(stdout), codec.Decode(stderr));
    }

    private unsafe void CommunicateCore(ReadOnlyMemory<byte> input, TimeSpan? timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_communicationStarted && !input.IsEmpty)
        {
            throw new InvalidOperationException("Cannot send input after starting communication");
        }

        if (!input.IsEmpty && _stdinHandle is null)
        {
            throw new InvalidOperationException("Input was given, but standard input is not Redirect.Pipe.");
        }

        long deadline = timeout is null ? long.MaxValue : Environment.TickCount64 + (long)Math.Ceiling(Math.Max(0, timeout.Value.TotalMilliseconds));
        if (!_communicationStarted)
        {
            _communicationStarted = true;
            _input = input;
            _stdoutBuffer = _stdoutHandle is null ? null : new OutputBuffer();
            _stderrBuffer = _stderrHandle is null ? null : new OutputBuffer();
            if (_stdinHandle is not null && input.IsEmpty)
            {
                CloseStream(ref _stdinStream, ref _stdinHandle);
            }

            SetNonBlocking(_stdinHandle);
            SetNonBlocking(_stdoutHandle);
            SetNonBlocking(_stderrHandle);
        }

        using System.Buffers.MemoryHandle pinned = _input.Pin();
        LibC.PollFd* fds = stackalloc LibC.PollFd[3];
        while (true)
        {
            int n = 0;
            int stdinSlot = -1, stdoutSlot = -1, stderrSlot = -1;
            if (IsOpen(_stdinHandle))
            {
                stdinSlot = n;
                fds[n++] = new LibC.PollFd { Fd = (int)_stdinHandle!.DangerousGetHandle(), Events = LibC.POLLOUT };
            }

            if (IsOpen(_stdoutHandle))
            {
                stdoutSlot = n;
                fds[n++] = new LibC.PollFd { Fd = (int)_stdoutHandle!.DangerousGetHandle(), Events = LibC.POLLIN };
            }

            if (IsOpen(_stderrHandle))
            {
                stderrSlot = n;
                fds[n++] = new LibC.PollFd { Fd = (int)_stderrHandle!.DangerousGetHandle(), Events = LibC.POLLIN };
            }

            if (n == 0)
            {
                break;
            }

            int pollMs = -1;
            if (deadline != long.MaxValue)
            {
                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    ThrowTimeout(timeout!.Value);
                }

                pollMs = (int)Math.Min(left, int.MaxValue);
            }

            int ready = LibC.Poll(fds, (nuint)n, pollMs);
            if (ready == -1)
            {
                if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == LibC.EINTR)
                {
                    continue;
                }

                throw LibC.LastError();
            }

            if (ready == 0)
            {
                continue; // the deadline check above raises
            }

            if (stdinSlot >= 0 && fds[stdinSlot].REvents != 0)
            {
                WriteInput((byte*)pinned.Pointer);
            }

            if (stdoutSlot >= 0 && fds[stdoutSlot].REvents != 0)
            {
                ReadOutput(ref _stdoutStream, ref _stdoutHandle, _stdoutBuffer!);
            }

            if (stderrSlot >= 0 && fds[stderrSlot].REvents != 0)
            {
                ReadOutput(ref _stderrStream, ref _stderrHandle, _stderrBuffer!);
            }
        }

        long remaining = deadline == long.MaxValue ? -1 : Math.Max(0, deadline - Environment.TickCount64);
        if (remaining < 0)
        {
            Wait();
        }
        else if (!PosixSpawn.WaitForExit(Pid, TimeSpan.FromMilliseconds(remaining)))
        {
            ThrowTimeout(timeout!.Value);
        }
        else
        {
            Wait();
        }
    }

    private unsafe void WriteInput(byte* data)
    {
        int fd = (int)_stdinHandle!.DangerousGetHandle();
        while (_inputOffset < _input.Length)
        {
            nint written = LibC.Write(fd, data + _inputOffset, Math.Min(_input.Length - _inputOffset, WriteChunk));
            if (written > 0)
            {
                _inputOffset += (int)written;
                continue;
            }

            int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno == LibC.EINTR)
            {
                continue;
            }

            if (errno == LibC.EAGAIN)
            {
                return;
            }

            if (errno == LibC.EPIPE)
            {
                break; // the child stopped reading: BrokenPipeError is ignored, as in CPython
            }

            throw LibC.LastError();
        }

        CloseStream(ref _stdinStream, ref _stdinHandle);
    }

    private static unsafe void ReadOutput(ref FileStream? stream, ref SafeFileHandle? handle, OutputBuffer buffer)
    {
        int fd = (int)handle!.DangerousGetHandle();
        int budget = ReadBudget;
        while (budget > 0)
        {
            (byte[] array, int offset) = buffer.GetFree();
            nint got;
            fixed (byte* p = &array[offset])
            {
                got = LibC.ReadRetrying(fd, p, array.Length - offset);
            }

            if (got > 0)
            {
                buffer.Advance((int)got);
                budget -= (int)got;
                continue;
            }

            if (got == 0)
            {
                buffer.Touched = true;
                CloseStream(ref stream, ref handle); // end of file
                return;
            }

            if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == LibC.EAGAIN)
            {
                return;
            }

            throw LibC.LastError();
        }
    }

    private void ThrowTimeout(TimeSpan timeout) =>
        throw new TimeoutExpiredException(Command, timeout)
        {
            Output = _stdoutBuffer is { Touched: true } ? _stdoutBuffer.ToArray() : null,
            Stderr = _stderrBuffer is { Touched: true } ? _stderrBuffer.ToArray() : null,
        };

    private static bool IsOpen(SafeFileHandle? handle) => handle is not null && !handle.IsClosed;

    private static void SetNonBlocking(SafeFileHandle? handle)
    {
        if (IsOpen(handle))
        {
            int fd = (int)handle!.DangerousGetHandle();
            int flags = LibC.Check(LibC.Fcntl(fd, LibC.F_GETFL, 0));
            LibC.Check(LibC.Fcntl(fd, LibC.F_SETFL, flags | LibC.O_NONBLOCK));
        }
    }
}

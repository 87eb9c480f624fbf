using System.Text;
using Microsoft.Win32.SafeHandles;
using PyStd.Native;

namespace PyStd.Pty;

/// <summary>
/// A child process running on a pseudo-terminal, as <c>ptyprocess.PtyProcess</c> (the layer under
/// pexpect): the child's standard input, output and error are the slave, which is also its
/// controlling terminal; this object holds the master. Create one with <see cref="Pty.Spawn"/>.
/// </summary>
/// <remarks>
/// <para>Reads return what the child wrote after the terminal's output processing (a <c>\n</c>
/// arrives as <c>\r\n</c>), and what is written is typed at the terminal: echoed back when the
/// terminal echoes, turned into signals for <c>^C</c>/<c>^\</c>/<c>^Z</c>, into end-of-file for
/// <c>^D</c> at the start of a line.</para>
/// <para>End of file is reached when every descriptor of the slave is closed — normally when the
/// child (and any grandchild it left on the terminal) has exited; Linux reports it as <c>EIO</c>,
/// which reads here turn into 0 bytes.</para>
/// <para><see cref="Dispose"/> (or <see cref="Close"/>) hangs the terminal up, ends the child
/// politely and then by force, and reaps it: no zombie is left behind.</para>
/// </remarks>
public sealed partial class PtyProcess : IDisposable
{
    private readonly SafeFileHandle _master;
    private readonly Decoder _decoder;
    private readonly Lock _readLock = new();
    private PtyStream? _stream;
    private volatile bool _eof;

    internal PtyProcess(SafeFileHandle master, int pid, string ttyName, IReadOnlyList<string> args, Encoding encoding)
    {
        _master = master;
        Pid = pid;
        TtyName = ttyName;
        Args = args;
        Encoding = encoding;
        _decoder = encoding.GetDecoder();
    }

    /// <summary>The child's process id.</summary>
    public int Pid { get; }

    /// <summary>The slave's path, <c>/dev/pts/N</c>: what <c>tty</c> prints in the child.</summary>
    public string TtyName { get; }

    /// <summary>The argument vector as given; <c>Args[0]</c> was looked up on the child's <c>PATH</c> unless it holds a <c>/</c>.</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>The encoding of <see cref="ReadText"/> and <see cref="Write(string)"/> (UTF-8 unless chosen).</summary>
    public Encoding Encoding { get; }

    /// <summary>Whether a read has met the end of the terminal's output (pexpect's <c>flag_eof</c>).</summary>
    public bool IsEof => _eof;

    /// <summary>Whether the master is closed (after <see cref="Close"/> or <see cref="Dispose"/>).</summary>
    public bool IsClosed => _master.IsClosed;

    /// <summary>
    /// A <see cref="System.IO.Stream"/> over the master: reads are the child's output (0 at end of
    /// file), writes are typed at the terminal. Disposing the stream leaves the process open.
    /// </summary>
    public Stream Stream => _stream ??= new PtyStream(this);

    /// <summary>Reads what the child wrote, blocking until there is something or end of file.</summary>
    /// <param name="buffer">Where the bytes go.</param>
    /// <returns>The number of bytes read, 0 at end of file.</returns>
    /// <exception cref="ObjectDisposedException">The process was closed.</exception>
    public int Read(Span<byte> buffer)
    {
        TryRead(buffer, System.Threading.Timeout.InfiniteTimeSpan, out int read);
        return read;
    }

    /// <summary>Reads what the child wrote, waiting at most <paramref name="timeout"/> for the first byte.</summary>
    /// <param name="buffer">Where the bytes go.</param>
    /// <param name="timeout">How long to wait; <see cref="TimeSpan.Zero"/> polls, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.</param>
    /// <param name="bytesRead">The number of bytes read, 0 at end of file.</param>
    /// <returns><see langword="false"/> when the time ran out with nothing to read.</returns>
    /// <exception cref="ObjectDisposedException">The process was closed.</exception>
    /// <exception cref="PyOSException">The read failed.</exception>
    public unsafe bool TryRead(Span<byte> buffer, TimeSpan timeout, out int bytesRead)
    {
        long deadline = Deadline(timeout);
        bytesRead = 0;
        using var lease = new FdLease(_master);
        if (_eof || buffer.IsEmpty)
        {
            return true;
        }

        if (!PollReadable(lease.Fd, deadline))
        {
            return false;
        }

        nint n;
        fixed (byte* pointer = buffer)
        {
            n = LibC.ReadRetrying(lease.Fd, pointer, buffer.Length);
        }

        if (n > 0)
        {
            bytesRead = (int)n;
            return true;
        }

        int errno = n == 0 ? 0 : System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        if (errno is 0 or LibC.EIO)
        {
            // Linux answers EIO once the last slave descriptor is closed: that is end of file.
            _eof = true;
            return true;
        }

        if (errno == LibC.EAGAIN)
        {
            return false;
        }

        throw new PyOSException(errno, LibC.StrError(errno));
    }

    /// <summary>Reads up to <paramref name="size"/> bytes (ptyprocess's <c>read</c>), blocking for the first.</summary>
    /// <param name="size">The most bytes to return.</param>
    /// <returns>The bytes, empty at end of file.</returns>
    public byte[] Read(int size = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        byte[] buffer = new byte[size];
        int n = Read(buffer);
        return n == size ? buffer : buffer.AsSpan(0, n).ToArray();
    }

    /// <summary>
    /// Reads and decodes text with <see cref="Encoding"/> (incrementally: a character split across
    /// reads is returned whole by a later call), blocking until at least one character or end of file.
    /// </summary>
    /// <param name="maxBytes">The most bytes to read in one go.</param>
    /// <returns>The text, empty at end of file.</returns>
    public string ReadText(int maxBytes = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        byte[] bytes = new byte[maxBytes];
        char[] chars = new char[Encoding.GetMaxCharCount(maxBytes) + 2];
        lock (_readLock)
        {
            while (true)
            {
                int n = Read(bytes);
                int count = _decoder.GetChars(bytes, 0, n, chars, 0, flush: n == 0);
                if (count > 0 || n == 0)
                {
                    return new string(chars, 0, count);
                }
            }
        }
    }

    /// <summary>Writes bytes to the terminal (as if typed), all of them.</summary>
    /// <param name="data">The bytes.</param>
    /// <exception cref="ObjectDisposedException">The process was closed.</exception>
    /// <exception cref="PyOSException">The write failed (e.g. <c>EIO</c> once the terminal has no reader).</exception>
    public unsafe void Write(ReadOnlySpan<byte> data)
    {
        using var lease = new FdLease(_master);
        fixed (byte* pointer = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint n = LibC.Write(lease.Fd, pointer + done, data.Length - done);
                if (n < 0)
                {
                    int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                    if (errno == LibC.EINTR)
                    {
                        continue;
                    }

                    throw new PyOSException(errno, LibC.StrError(errno));
                }

                done += (int)n;
            }
        }
    }

    /// <summary>Writes text, encoded with <see cref="Encoding"/>.</summary>
    /// <param name="text">The text.</param>
    public void Write(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(Encoding.GetBytes(text));
    }

    /// <summary>
    /// Sets the terminal's window size (<c>TIOCSWINSZ</c>); when it changes the kernel sends
    /// <c>SIGWINCH</c> to the terminal's foreground process group.
    /// </summary>
    /// <param name="rows">Rows, 1 to 65535.</param>
    /// <param name="columns">Columns, 1 to 65535.</param>
    public void Resize(int rows, int columns) => PtyMaster.SetWindowSize(_master, rows, columns);

    /// <summary>The terminal's window size (<c>TIOCGWINSZ</c>).</summary>
    public (int Rows, int Columns) WindowSize => PtyMaster.GetWindowSize(_master);

    /// <summary>
    /// Whether the terminal echoes what is typed (the <c>ECHO</c> local mode; pexpect's
    /// <c>getecho</c>/<c>setecho</c>). Programs that read passwords turn it off themselves.
    /// </summary>
    public bool Echo
    {
        get => (PtyMaster.GetAttributes(_master).LFlag & LibC.ECHO) != 0;
        set
        {
            LibC.Termios termios = PtyMaster.GetAttributes(_master);
            termios.LFlag = value ? termios.LFlag | LibC.ECHO : termios.LFlag & ~LibC.ECHO;
            PtyMaster.SetAttributes(_master, termios);
        }
    }

    /// <summary>The terminal's end-of-file character (<c>VEOF</c>, normally <c>^D</c>), read from its settings.</summary>
    public byte EofCharacter => ControlCharacter(LibC.VEOF);

    /// <summary>The terminal's interrupt character (<c>VINTR</c>, normally <c>^C</c>), read from its settings.</summary>
    public byte InterruptCharacter => ControlCharacter(LibC.VINTR);

    /// <summary>Sends the end-of-file character: the child's pending read returns what is typed so far, or 0 bytes at the start of a line.</summary>
    public void SendEof() => Write([EofCharacter]);

    /// <summary>Sends the interrupt character: the terminal sends <c>SIGINT</c> to its foreground group.</summary>
    public void SendInterrupt() => Write([InterruptCharacter]);

    private unsafe byte ControlCharacter(int index)
    {
        LibC.Termios termios = PtyMaster.GetAttributes(_master);
        return termios.ControlChars[index];
    }

    private static long Deadline(TimeSpan timeout)
    {
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds);
    }

    private static int Remaining(long deadline)
    {
        if (deadline == long.MaxValue)
        {
            return -1;
        }

        return (int)Math.Clamp(deadline - Environment.TickCount64, 0, int.MaxValue);
    }

    private static unsafe bool PollReadable(int fd, long deadline)
    {
        while (true)
        {
            var entry = new LibC.PollFd { Fd = fd, Events = LibC.POLLIN };
            int r = LibC.Poll(&entry, 1, Remaining(deadline));
            if (r > 0)
            {
                return true;
            }

            if (r == 0)
            {
                return false;
            }

            int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno != LibC.EINTR)
            {
                throw new PyOSException(errno, LibC.StrError(errno));
            }
        }
    }
}

using System.Text;
using PyStd.Lifecycle;
using PyStd.Native;

namespace PyStd.Terminal;

/// <summary>
/// Standard input's cbreak mode (no echo, no line buffering, signals kept) with a nesting count,
/// the saved settings, and the byte reader behind <see cref="Keyboard"/>. The saved settings are put
/// back when the last user leaves, and also on Ctrl-C, SIGTERM/SIGHUP/SIGQUIT, process exit and an
/// unhandled exception (<see cref="ProcessHooks"/>).
/// </summary>
internal static class TerminalMode
{
    private const int Stdin = 0;

    // A multi-byte UTF-8 key arrives in one write; wait this long for its continuation bytes.
    private const int ContinuationMilliseconds = 50;

    private static readonly Lock s_gate = new();
    private static readonly Lock s_readGate = new();
    private static readonly Queue<byte> s_pushedBack = new();
    private static int s_depth;
    private static LibC.Termios s_saved;
    private static bool s_hooked;

    public static unsafe void Enter()
    {
        lock (s_gate)
        {
            if (s_depth == 0)
            {
                LibC.Termios saved;
                if (LibC.TcGetAttr(Stdin, &saved) != 0)
                {
                    throw TermiosError();
                }

                // Watch the terminating signals before changing anything: the runtime captures the
                // terminal's settings when signal handling starts, and must capture the original ones.
                Hook();

                LibC.Termios cbreak = saved;
                cbreak.LFlag &= ~(LibC.ICANON | LibC.ECHO);
                cbreak.ControlChars[LibC.VMIN] = 1;
                cbreak.ControlChars[LibC.VTIME] = 0;
                if (LibC.TcSetAttr(Stdin, LibC.TCSANOW, &cbreak) != 0)
                {
                    throw TermiosError();
                }

                s_saved = saved;
            }

            s_depth++;
        }
    }

    public static void Leave()
    {
        lock (s_gate)
        {
            if (s_depth == 0)
            {
                return;
            }

            if (--s_depth == 0)
            {
                RestoreSaved();
            }
        }
    }

    /// <summary>Puts the saved settings back now, whatever the nesting (process end, fatal signal).</summary>
    public static void RestoreNow()
    {
        lock (s_gate)
        {
            if (s_depth > 0)
            {
                s_depth = 0;
                RestoreSaved();
            }
        }
    }

    public static bool Available()
    {
        lock (s_readGate)
        {
            return s_pushedBack.Count > 0 || Poll(0);
        }
    }

    /// <summary>Reads one key: <see langword="null"/> on timeout, "" at end of file.</summary>
    public static string? ReadKey(int timeoutMilliseconds)
    {
        lock (s_readGate)
        {
            if (s_pushedBack.Count == 0 && timeoutMilliseconds >= 0 && !Poll(timeoutMilliseconds))
            {
                return null;
            }

            if (!NextByte(-1, out byte first))
            {
                return "";
            }

            if (first < 0x80)
            {
                return ((char)first).ToString();
            }

            int length = first >= 0xC2 && first <= 0xDF ? 2 : first >= 0xE0 && first <= 0xEF ? 3 : first >= 0xF0 && first <= 0xF4 ? 4 : 1;
            Span<byte> bytes = stackalloc byte[4];
            bytes[0] = first;
            int count = 1;
            while (count < length && NextByte(ContinuationMilliseconds, out byte next))
            {
                if ((next & 0xC0) != 0x80)
                {
                    s_pushedBack.Enqueue(next);
                    break;
                }

                bytes[count++] = next;
            }

            if (count == length && Rune.DecodeFromUtf8(bytes[..count], out Rune rune, out int used) == System.Buffers.OperationStatus.Done && used == count)
            {
                return rune.ToString();
            }

            // Not UTF-8: the lead byte as Python's surrogateescape would give it; the rest come next.
            var rest = new Queue<byte>(s_pushedBack);
            s_pushedBack.Clear();
            for (int i = 1; i < count; i++)
            {
                s_pushedBack.Enqueue(bytes[i]);
            }

            foreach (byte b in rest)
            {
                s_pushedBack.Enqueue(b);
            }

            return ((char)(0xDC00 + first)).ToString();
        }
    }

    private static unsafe void RestoreSaved()
    {
        LibC.Termios saved = s_saved;
        _ = LibC.TcSetAttr(Stdin, LibC.TCSANOW, &saved);
    }

    private static void Hook()
    {
        if (s_hooked)
        {
            return;
        }

        ProcessHooks.AddRestorer(RestoreNow);
        foreach (int signum in (ReadOnlySpan<int>)[Signals.SIGINT, Signals.SIGTERM, Signals.SIGHUP, Signals.SIGQUIT])
        {
            SignalHub.EnsureRegistered(signum);
        }

        s_hooked = true;
    }

    private static unsafe bool NextByte(int timeoutMilliseconds, out byte value)
    {
        if (s_pushedBack.Count > 0)
        {
            value = s_pushedBack.Dequeue();
            return true;
        }

        if (timeoutMilliseconds >= 0 && !Poll(timeoutMilliseconds))
        {
            value = 0;
            return false;
        }

        byte b;
        nint n = LibC.ReadRetrying(Stdin, &b, 1);
        if (n < 0)
        {
            throw LibC.LastError();
        }

        value = b;
        return n == 1;
    }

    private static unsafe bool Poll(int timeoutMilliseconds)
    {
        var fd = new LibC.PollFd { Fd = Stdin, Events = LibC.POLLIN };
        int n;
        while ((n = LibC.Poll(&fd, 1, timeoutMilliseconds)) < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == LibC.EINTR)
        {
        }

        LibC.Check(n);
        return n > 0;
    }

    private static TermiosException TermiosError()
    {
        int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        return new TermiosException(errno, LibC.StrError(errno));
    }
}

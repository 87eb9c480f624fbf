using System.Text;
using Microsoft.Win32.SafeHandles;
using PyStd.Native;

namespace PyStd.Pty;

/// <summary>
/// The master side of a pseudo-terminal: opening a new pair and the terminal ioctls made through
/// the master. Linux applies every terminal ioctl made on a master to its slave
/// (<c>tty_pair_get_tty</c> in <c>drivers/tty/tty_io.c</c>), so the window size and the line
/// discipline's settings are set and read here without the parent ever opening the slave.
/// </summary>
internal static class PtyMaster
{
    /// <summary>
    /// <c>posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)</c>, <c>grantpt</c>, <c>unlockpt</c>,
    /// <c>ptsname_r</c> — what CPython's <c>os.openpty</c> does on glibc.
    /// </summary>
    /// <param name="slavePath">The slave's path, <c>/dev/pts/N</c>.</param>
    /// <returns>The master descriptor, closed on exec.</returns>
    public static unsafe SafeFileHandle Open(out string slavePath)
    {
        int fd = LibC.Check(LibC.PosixOpenPt(LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC), "/dev/ptmx");
        var master = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            LibC.Check(LibC.GrantPt(fd));
            LibC.Check(LibC.UnlockPt(fd));
            byte* name = stackalloc byte[128];
            int error = LibC.PtsNameR(fd, name, 128);
            if (error != 0)
            {
                throw new PyOSException(error, LibC.StrError(error));
            }

            slavePath = System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)name) ?? throw new InvalidOperationException("ptsname_r returned no name.");
            return master;
        }
        catch
        {
            master.Dispose();
            throw;
        }
    }

    /// <summary><c>TIOCSWINSZ</c>: the kernel sends SIGWINCH to the terminal's foreground group when the size changes.</summary>
    /// <param name="master">The master.</param>
    /// <param name="rows">Rows, 1 to 65535.</param>
    /// <param name="columns">Columns, 1 to 65535.</param>
    public static unsafe void SetWindowSize(SafeFileHandle master, int rows, int columns)
    {
        CheckSize(rows, columns);
        var size = new LibC.WinSize { Rows = (ushort)rows, Columns = (ushort)columns };
        using var lease = new FdLease(master);
        LibC.Check(LibC.IoctlWinSize(lease.Fd, LibC.TIOCSWINSZ, &size));
    }

    /// <summary><c>TIOCGWINSZ</c>.</summary>
    /// <param name="master">The master.</param>
    /// <returns>Rows and columns.</returns>
    public static unsafe (int Rows, int Columns) GetWindowSize(SafeFileHandle master)
    {
        LibC.WinSize size;
        using var lease = new FdLease(master);
        LibC.Check(LibC.IoctlWinSize(lease.Fd, LibC.TIOCGWINSZ, &size));
        return (size.Rows, size.Columns);
    }

    /// <summary>Reads the terminal's settings (<c>tcgetattr</c> on the master reads the slave's).</summary>
    /// <param name="master">The master.</param>
    /// <returns>The settings.</returns>
    public static unsafe LibC.Termios GetAttributes(SafeFileHandle master)
    {
        LibC.Termios termios;
        using var lease = new FdLease(master);
        LibC.Check(LibC.TcGetAttr(lease.Fd, &termios));
        return termios;
    }

    /// <summary>Writes the terminal's settings at once (<c>TCSANOW</c>).</summary>
    /// <param name="master">The master.</param>
    /// <param name="termios">The settings.</param>
    public static unsafe void SetAttributes(SafeFileHandle master, LibC.Termios termios)
    {
        using var lease = new FdLease(master);
        LibC.Check(LibC.TcSetAttr(lease.Fd, LibC.TCSANOW, &termios));
    }

    /// <summary>Throws unless both dimensions fit a <c>struct winsize</c> and are not zero.</summary>
    /// <param name="rows">Rows.</param>
    /// <param name="columns">Columns.</param>
    public static void CheckSize(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, ushort.MaxValue);
    }

    /// <summary>UTF-8 without a BOM, invalid bytes decoded as U+FFFD (pexpect's <c>codec_errors='replace'</c>).</summary>
    public static readonly Encoding DefaultEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
}

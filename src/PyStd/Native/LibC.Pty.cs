using System.Runtime.InteropServices;

namespace PyStd.Native;

/// <summary>
/// Pseudo-terminals: the master side (<c>posix_openpt</c>, <c>grantpt</c>, <c>unlockpt</c>,
/// <c>ptsname_r</c>), the window size (<c>TIOCSWINSZ</c>/<c>TIOCGWINSZ</c>) and the line
/// discipline's settings (<c>tcgetattr</c>/<c>tcsetattr</c>). On Linux every terminal ioctl made on a
/// master acts on its slave (the kernel's <c>tty_pair_get_tty</c>), so the parent never needs to
/// open the slave itself.
/// </summary>
internal static partial class LibC
{
    /// <summary><c>EIO</c>: what reading a master returns once every slave descriptor is closed.</summary>
    public const int EIO = 5;

    /// <summary><c>TIOCGWINSZ</c>: read the window size.</summary>
    public const nuint TIOCGWINSZ = 0x5413;

    /// <summary><c>TIOCSWINSZ</c>: set the window size (SIGWINCH goes to the foreground group).</summary>
    public const nuint TIOCSWINSZ = 0x5414;

    /// <summary><c>TCSANOW</c> for <see cref="TcSetAttr"/>.</summary>
    public const int TCSANOW = 0;

    /// <summary>Index of <c>VINTR</c> in <see cref="Termios"/>'s control characters.</summary>
    public const int VINTR = 0;

    /// <summary>Index of <c>VEOF</c> in <see cref="Termios"/>'s control characters.</summary>
    public const int VEOF = 4;

    /// <summary><c>ECHO</c> in <c>c_lflag</c>.</summary>
    public const uint ECHO = 0x8;

    /// <summary>glibc's <c>struct winsize</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct WinSize
    {
        /// <summary>Rows.</summary>
        public ushort Rows;

        /// <summary>Columns.</summary>
        public ushort Columns;

        /// <summary>Width in pixels (unused).</summary>
        public ushort XPixel;

        /// <summary>Height in pixels (unused).</summary>
        public ushort YPixel;
    }

    /// <summary>glibc's <c>struct termios</c> (60 bytes on Linux).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct Termios
    {
        /// <summary>Input modes.</summary>
        public uint IFlag;

        /// <summary>Output modes.</summary>
        public uint OFlag;

        /// <summary>Control modes.</summary>
        public uint CFlag;

        /// <summary>Local modes.</summary>
        public uint LFlag;

        /// <summary>Line discipline.</summary>
        public byte Line;

        /// <summary>Control characters (<c>NCCS</c> = 32).</summary>
        public fixed byte ControlChars[32];

        /// <summary>Input speed.</summary>
        public uint ISpeed;

        /// <summary>Output speed.</summary>
        public uint OSpeed;
    }

    [LibraryImport(Lib, EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenPt(int flags);

    [LibraryImport(Lib, EntryPoint = "grantpt", SetLastError = true)]
    public static partial int GrantPt(int fd);

    [LibraryImport(Lib, EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int UnlockPt(int fd);

    /// <summary>Returns 0 or an error number (it does not set errno).</summary>
    [LibraryImport(Lib, EntryPoint = "ptsname_r")]
    public static unsafe partial int PtsNameR(int fd, byte* buffer, nuint length);

    /// <summary><c>ioctl(fd, request, struct winsize *)</c>: the variadic third argument passes as a pointer.</summary>
    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static unsafe partial int IoctlWinSize(int fd, nuint request, WinSize* size);

    [LibraryImport(Lib, EntryPoint = "tcgetattr", SetLastError = true)]
    public static unsafe partial int TcGetAttr(int fd, Termios* termios);

    [LibraryImport(Lib, EntryPoint = "tcsetattr", SetLastError = true)]
    public static unsafe partial int TcSetAttr(int fd, int optionalActions, Termios* termios);
}

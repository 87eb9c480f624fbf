using System.Runtime.InteropServices;

namespace PyStd.Native;

/// <summary>
/// The libc calls PyStd needs, declared once. This file holds the calls every area shares
/// (descriptors, processes, errno); each area adds its own in <c>LibC.&lt;Area&gt;.cs</c>
/// (<c>LibC.Process.cs</c>, <c>LibC.Pty.cs</c>, <c>LibC.Terminal.cs</c>, <c>LibC.Signals.cs</c>).
/// Raw calls return what libc returns; <see cref="Check(int, string?)"/> turns -1 into a
/// <see cref="PyOSException"/> carrying errno, as CPython's <c>OSError</c>.
/// </summary>
internal static partial class LibC
{
    private const string Lib = "libc";

    /// <summary><c>EINTR</c>: a call was interrupted by a signal.</summary>
    public const int EINTR = 4;

    /// <summary><c>EAGAIN</c>/<c>EWOULDBLOCK</c>.</summary>
    public const int EAGAIN = 11;

    /// <summary><c>ECHILD</c>: no such child.</summary>
    public const int ECHILD = 10;

    /// <summary><c>ESRCH</c>: no such process.</summary>
    public const int ESRCH = 3;

    /// <summary><c>EBADF</c>: bad descriptor.</summary>
    public const int EBADF = 9;

    /// <summary><c>F_GETFD</c> for <see cref="Fcntl(int, int, int)"/>.</summary>
    public const int F_GETFD = 1;

    /// <summary><c>F_SETFD</c>.</summary>
    public const int F_SETFD = 2;

    /// <summary><c>F_GETFL</c>.</summary>
    public const int F_GETFL = 3;

    /// <summary><c>F_SETFL</c>.</summary>
    public const int F_SETFL = 4;

    /// <summary><c>FD_CLOEXEC</c>.</summary>
    public const int FD_CLOEXEC = 1;

    /// <summary><c>O_NONBLOCK</c> (Linux).</summary>
    public const int O_NONBLOCK = 0x800;

    /// <summary><c>O_CLOEXEC</c> (Linux).</summary>
    public const int O_CLOEXEC = 0x80000;

    /// <summary><c>POLLIN</c>.</summary>
    public const short POLLIN = 0x1;

    /// <summary><c>POLLOUT</c>.</summary>
    public const short POLLOUT = 0x4;

    /// <summary><c>POLLERR</c>.</summary>
    public const short POLLERR = 0x8;

    /// <summary><c>POLLHUP</c>.</summary>
    public const short POLLHUP = 0x10;

    /// <summary><c>POLLNVAL</c>.</summary>
    public const short POLLNVAL = 0x20;

    /// <summary><c>WNOHANG</c> for <see cref="WaitPid(int, out int, int)"/>.</summary>
    public const int WNOHANG = 1;

    /// <summary>One entry of <c>poll(2)</c>'s array.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        /// <summary>The descriptor.</summary>
        public int Fd;

        /// <summary>The events asked for.</summary>
        public short Events;

        /// <summary>The events that happened.</summary>
        public short REvents;
    }

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(Lib, EntryPoint = "pipe2", SetLastError = true)]
    public static unsafe partial int Pipe2(int* fds, int flags);

    [LibraryImport(Lib, EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);

    [LibraryImport(Lib, EntryPoint = "dup3", SetLastError = true)]
    public static partial int Dup3(int oldFd, int newFd, int flags);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int cmd, int arg);

    [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport(Lib, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Lib, EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport(Lib, EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, out int status, int options);

    [LibraryImport(Lib, EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport(Lib, EntryPoint = "strerror_r")]
    private static unsafe partial byte* StrErrorR(int errnum, byte* buffer, nuint length);

    /// <summary>The text of <c>strerror(errno)</c>.</summary>
    public static unsafe string StrError(int errno)
    {
        // glibc's GNU strerror_r returns a pointer to the message (maybe not into the buffer).
        byte* buffer = stackalloc byte[256];
        byte* message = StrErrorR(errno, buffer, 256);
        return System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)message) ?? $"Unknown error {errno}";
    }

    /// <summary><c>read(2)</c>, called again while a signal interrupts it (<c>EINTR</c>, as PEP 475).</summary>
    /// <param name="fd">The descriptor.</param>
    /// <param name="buffer">Where the bytes go.</param>
    /// <param name="count">The most bytes to read.</param>
    /// <returns>The bytes read, 0 at end of file, or -1 with errno set (never <c>EINTR</c>).</returns>
    public static unsafe nint ReadRetrying(int fd, byte* buffer, nint count)
    {
        nint n;
        while ((n = Read(fd, buffer, count)) < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == EINTR)
        {
        }

        return n;
    }

    /// <summary>Builds the <see cref="PyOSException"/> for the last failed call's errno.</summary>
    /// <param name="fileName">The file the call was about, or <see langword="null"/>.</param>
    public static PyOSException LastError(string? fileName = null)
    {
        int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        return new PyOSException(errno, StrError(errno), fileName);
    }

    /// <summary>Returns <paramref name="result"/>, or throws the errno exception when it is -1.</summary>
    /// <param name="result">What the call returned.</param>
    /// <param name="fileName">The file the call was about, or <see langword="null"/>.</param>
    public static int Check(int result, string? fileName = null)
        => result == -1 ? throw LastError(fileName) : result;
}

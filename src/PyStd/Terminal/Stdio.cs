using PyStd.Native;

namespace PyStd.Terminal;

/// <summary>
/// The standard descriptors themselves (0, 1, 2), as Python's <c>os.close</c>, <c>os.dup</c> and
/// <c>os.dup2</c> handle them.
/// </summary>
/// <remarks>
/// <para>
/// Why doesn't closing <c>sys.stdout</c> close descriptor 1? (Python FAQ.) Python's
/// <c>sys.stdout</c> is a file object over descriptor 1 that does not own it; <c>close()</c> only
/// marks the object closed. .NET is the same: disposing <see cref="Console.Out"/> or the stream from
/// <see cref="Console.OpenStandardOutput()"/> leaves descriptor 1 open, so a reader of the pipe
/// never sees end of file. <see cref="Close(int)"/> closes the descriptor itself, as
/// <c>os.close(1)</c> does: the parent's read returns EOF at once while this process keeps running.
/// </para>
/// <para>
/// One .NET detail makes that harder than <c>close(2)</c>: the runtime keeps hidden duplicates of
/// descriptors 0, 1 and 2 (CoreCLR's platform layer makes one of each at start-up, and
/// <see cref="Console"/> makes another when it first opens a standard stream), so closing descriptor
/// 1 alone would leave the pipe open. When the descriptor is a pipe or socket that no other standard
/// descriptor shares, <see cref="Close(int)"/> also points those close-on-exec duplicates at
/// <c>/dev/null</c>. Duplicates made with <see cref="Dup(int)"/> or <see cref="Dup2(int, int, bool)"/>
/// are yours and stay open.
/// </para>
/// <para>
/// After <c>Close(1)</c> on a pipe, what is written to <see cref="Console.Out"/> goes to
/// <c>/dev/null</c> (Python's <c>print</c> would fail with <c>EBADF</c>), and the next descriptor
/// opened takes number 1. To silence output rather than close it, duplicate
/// <c>/dev/null</c> onto it: <c>Stdio.Dup2(devNullFd, 1)</c>.
/// </para>
/// </remarks>
public static class Stdio
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> s_userDuplicates = new();

    /// <summary>Descriptor 0.</summary>
    public const int StdinFileno = 0;

    /// <summary>Descriptor 1.</summary>
    public const int StdoutFileno = 1;

    /// <summary>Descriptor 2.</summary>
    public const int StderrFileno = 2;

    /// <summary>
    /// Python's <c>os.close(fd)</c>: closes an OS descriptor. For 0, 1 and 2 on a pipe or socket it
    /// also drops the hidden duplicates the .NET runtime keeps (see the class remarks), so the
    /// other end sees end of file at once, as it would after CPython's <c>os.close</c>.
    /// </summary>
    /// <param name="fd">The descriptor (0, 1, 2 or any other).</param>
    /// <exception cref="PyOSException"><c>[Errno 9] Bad file descriptor</c> when it is not open.</exception>
    public static void Close(int fd)
    {
        if (fd == StdoutFileno)
        {
            FlushQuietly(Console.Out);
        }
        else if (fd == StderrFileno)
        {
            FlushQuietly(Console.Error);
        }

        string? pipe = fd is >= StdinFileno and <= StderrFileno ? PipeOrSocketOf(fd) : null;

        // As CPython: EINTR from close(2) on Linux means the descriptor is closed; do not retry.
        if (LibC.Close(fd) != 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != LibC.EINTR)
        {
            throw LibC.LastError();
        }

        s_userDuplicates.TryRemove(fd, out _);
        if (pipe is not null)
        {
            DropHiddenDuplicates(fd, pipe);
        }
    }

    /// <summary>Python's <c>os.dup(fd)</c>: a new descriptor for the same file, not inherited by child processes.</summary>
    /// <param name="fd">The descriptor to duplicate.</param>
    /// <returns>The lowest free descriptor number.</returns>
    /// <exception cref="PyOSException"><c>[Errno 9] Bad file descriptor</c>.</exception>
    public static int Dup(int fd)
    {
        int copy = LibC.Check(LibC.Fcntl(fd, LibC.F_DUPFD_CLOEXEC, 0));
        s_userDuplicates[copy] = true;
        return copy;
    }

    /// <summary>
    /// Python's <c>os.dup2(fd, fd2, inheritable=True)</c>: makes <paramref name="fd2"/> refer to
    /// <paramref name="fd"/>'s file, closing what it referred to first.
    /// </summary>
    /// <param name="fd">The descriptor to duplicate.</param>
    /// <param name="fd2">The descriptor number to take, e.g. 1 to redirect standard output.</param>
    /// <param name="inheritable">Whether child processes inherit <paramref name="fd2"/>.</param>
    /// <returns><paramref name="fd2"/>.</returns>
    /// <exception cref="PyOSException"><c>[Errno 9] Bad file descriptor</c>.</exception>
    public static int Dup2(int fd, int fd2, bool inheritable = true)
    {
        if (fd == fd2)
        {
            // dup3 refuses equal descriptors; dup2 checks fd is open and returns it.
            LibC.Check(LibC.Fcntl(fd, LibC.F_GETFD, 0));
            return fd2;
        }

        if (fd2 == StdoutFileno)
        {
            FlushQuietly(Console.Out);
        }
        else if (fd2 == StderrFileno)
        {
            FlushQuietly(Console.Error);
        }

        int result = LibC.Check(LibC.Dup3(fd, fd2, inheritable ? 0 : LibC.O_CLOEXEC));
        s_userDuplicates[result] = true;
        return result;
    }

    // "pipe:[123]" / "socket:[456]" for a pipe or socket descriptor, else null.
    private static string? PipeOrSocketOf(int fd)
    {
        try
        {
            string? target = new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
            return target is not null && (target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("socket:", StringComparison.Ordinal))
                ? target : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The runtime holds close-on-exec duplicates of 0, 1 and 2: CoreCLR's PAL makes one of each at
    // start-up (F_DUPFD_CLOEXEC in its std-handle table) and Console makes another when it first
    // opens a standard stream. While any exists, closing fd 1 gives the reader no EOF. Unless
    // another standard descriptor still uses the same pipe (2>&1), point those duplicates at
    // /dev/null: the pipe is released and the runtime's descriptor numbers stay valid. Descriptors
    // made with Dup/Dup2 are the caller's and are left alone.
    private static void DropHiddenDuplicates(int closed, string pipe)
    {
        for (int std = StdinFileno; std <= StderrFileno; std++)
        {
            if (std != closed && PipeOrSocketOf(std) == pipe)
            {
                return;
            }
        }

        string[] entries;
        try
        {
            entries = Directory.GetFiles("/proc/self/fd");
        }
        catch (IOException)
        {
            return;
        }

        using Microsoft.Win32.SafeHandles.SafeFileHandle devNull = File.OpenHandle(
            "/dev/null", FileMode.Open, closed == StdinFileno ? FileAccess.Read : FileAccess.Write);
        int nullFd = (int)devNull.DangerousGetHandle();
        foreach (string entry in entries)
        {
            if (!int.TryParse(Path.GetFileName(entry), System.Globalization.CultureInfo.InvariantCulture, out int fd)
                || fd <= StderrFileno || fd == nullFd || s_userDuplicates.ContainsKey(fd))
            {
                continue;
            }

            int flags = LibC.Fcntl(fd, LibC.F_GETFD, 0);
            if (flags != -1 && (flags & LibC.FD_CLOEXEC) != 0 && PipeOrSocketOf(fd) == pipe)
            {
                _ = LibC.Dup3(nullFd, fd, LibC.O_CLOEXEC);
            }
        }
    }

    private static void FlushQuietly(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (IOException)
        {
            // already closed underneath
        }
    }
}

using System.Collections;
using System.Runtime.InteropServices;
using System.Text;

namespace PyStd.Native;

/// <summary>One step <c>posix_spawn</c> performs in the child before <c>exec</c>, in order.</summary>
internal abstract record SpawnFileAction
{
    private SpawnFileAction()
    {
    }

    /// <summary><c>dup2(From, To)</c>; when <c>From == To</c> it clears <c>FD_CLOEXEC</c> instead (glibc ≥ 2.29).</summary>
    /// <param name="From">The descriptor to copy.</param>
    /// <param name="To">The number it gets in the child.</param>
    internal sealed record Dup2(int From, int To) : SpawnFileAction;

    /// <summary><c>open(Path, Flags, Mode)</c> in the child, landing on descriptor <c>Fd</c>.</summary>
    /// <param name="Fd">The descriptor number in the child.</param>
    /// <param name="Path">The file.</param>
    /// <param name="Flags"><c>O_*</c> flags.</param>
    /// <param name="Mode">Permission bits for a created file.</param>
    internal sealed record Open(int Fd, string Path, int Flags, int Mode) : SpawnFileAction;

    /// <summary><c>close(Fd)</c> in the child.</summary>
    /// <param name="Fd">The descriptor.</param>
    internal sealed record Close(int Fd) : SpawnFileAction;
}

/// <summary>What to start and how: the input of <see cref="PosixSpawn.Spawn"/>.</summary>
internal sealed class SpawnRequest
{
    /// <summary>A path (containing '/'), or a name searched in <c>PATH</c> (of <see cref="Environment"/> if given).</summary>
    public required string Program { get; init; }

    /// <summary>The argument vector, <c>argv[0]</c> first.</summary>
    public required IReadOnlyList<string> Argv { get; init; }

    /// <summary><c>KEY=VALUE</c> strings; <see langword="null"/> inherits this process's (managed) environment.</summary>
    public IReadOnlyList<string>? Environment { get; init; }

    /// <summary>The child's working directory, or <see langword="null"/> for ours.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary><c>setsid()</c> in the child, before the file actions (so an <see cref="SpawnFileAction.Open"/> of a terminal makes it the controlling one).</summary>
    public bool NewSession { get; init; }

    /// <summary>-1: unchanged; 0: a new group led by the child; &gt; 0: join that group.</summary>
    public int ProcessGroup { get; init; } = -1;

    /// <summary>Applied in order, after the working directory change.</summary>
    public IReadOnlyList<SpawnFileAction> FileActions { get; init; } = [];

    /// <summary>Close every descriptor ≥ 3 that no <see cref="SpawnFileAction.Dup2"/> or <see cref="SpawnFileAction.Open"/> targets.</summary>
    public bool CloseOtherFds { get; init; } = true;
}

/// <summary>
/// Starts processes with glibc's <c>posix_spawn</c> (a <c>clone(CLONE_VM|CLONE_VFORK)</c> + <c>exec</c>
/// that runs no managed code in the child, unlike <c>fork</c>, which is unsafe in a multi-threaded
/// runtime) and waits for them. Every child starts with every catchable signal at <c>SIG_DFL</c> and an
/// empty signal mask: .NET ignores <c>SIGPIPE</c>, and an ignored disposition survives <c>exec</c>.
/// Exec and working-directory failures surface as <see cref="PyOSException"/> worded as CPython's
/// (<c>[Errno 2] No such file or directory: 'nope'</c>).
/// </summary>
internal static class PosixSpawn
{
    private const string DefaultPath = "/bin:/usr/bin"; // os.defpath

    private static bool s_noCloseFrom;

    /// <summary>Starts a process.</summary>
    /// <param name="request">What to start.</param>
    /// <returns>The child's pid.</returns>
    /// <exception cref="PyOSException">The program or the working directory cannot be used.</exception>
    /// <exception cref="ArgumentException">An empty argument vector or a string with an embedded NUL.</exception>
    public static unsafe int Spawn(SpawnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Argv.Count == 0)
        {
            throw new ArgumentException("The argument vector must not be empty.", nameof(request));
        }

        CheckNoNul(request.Program);
        foreach (string a in request.Argv)
        {
            CheckNoNul(a);
        }

        if (request.Environment is not null)
        {
            foreach (string e in request.Environment)
            {
                CheckNoNul(e);
            }
        }

        int cwdFd = -1;
        if (request.WorkingDirectory is not null)
        {
            CheckNoNul(request.WorkingDirectory);
            cwdFd = LibC.OpenRetrying(request.WorkingDirectory, LibC.O_PATH | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
            if (cwdFd < 0)
            {
                throw LibC.LastError(request.WorkingDirectory);
            }
        }

        NativeStrings argv = new(request.Argv);
        // null: this process's environment as .NET sees it, written straight from the variables.
        IDictionary? inherited = request.Environment is null ? Environment.GetEnvironmentVariables() : null;
        NativeStrings envp = inherited is null ? new(request.Environment!) : new(inherited);
        byte* block = (byte*)NativeMemory.AllocZeroed(LibC.SpawnFileActionsSize + LibC.SpawnAttrSize + (2 * LibC.SigSetSize));
        void* actions = block;
        void* attr = block + LibC.SpawnFileActionsSize;
        void* sigDefault = block + LibC.SpawnFileActionsSize + LibC.SpawnAttrSize;
        void* sigMask = (byte*)sigDefault + LibC.SigSetSize;
        bool actionsReady = false, attrReady = false;
        try
        {
            CheckSpawnCall(LibC.SpawnFileActionsInit(actions));
            actionsReady = true;
            CheckSpawnCall(LibC.SpawnAttrInit(attr));
            attrReady = true;
            BuildAttributes(request, attr, sigDefault, sigMask);
            BuildFileActions(request, actions, cwdFd);
            string path = request.Environment is null
                ? Environment.GetEnvironmentVariable("PATH") ?? DefaultPath
                : SearchPath(request.Environment);
            return SpawnSearching(request, path, actions, attr, argv.Pointers, envp.Pointers, cwdFd);
        }
        finally
        {
            if (actionsReady)
            {
                _ = LibC.SpawnFileActionsDestroy(actions);
            }

            if (attrReady)
            {
                _ = LibC.SpawnAttrDestroy(attr);
            }

            NativeMemory.Free(block);
            argv.Free();
            envp.Free();
            if (cwdFd >= 0)
            {
                _ = LibC.Close(cwdFd);
            }
        }
    }

    /// <summary>Waits for a child and reaps it.</summary>
    /// <param name="pid">The child.</param>
    /// <param name="timeout"><see langword="null"/> to wait as long as it takes.</param>
    /// <returns>CPython's returncode (exit status, or the negated signal number), or <see langword="null"/> on timeout.</returns>
    public static int? Wait(int pid, TimeSpan? timeout)
    {
        if (timeout is null)
        {
            while (true)
            {
                int r = LibC.WaitPid(pid, out int status, 0);
                if (r == pid)
                {
                    return DecodeStatus(status);
                }

                int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                if (r == -1 && errno == LibC.EINTR)
                {
                    continue;
                }

                if (r == -1 && errno == LibC.ECHILD)
                {
                    return 0; // reaped elsewhere (SIGCHLD ignored): CPython reports 0 too
                }

                throw LibC.LastError();
            }
        }

        return WaitForExit(pid, timeout) ? TryReap(pid) : null;
    }

    /// <summary>Reaps a child if it has exited, without blocking (<c>WNOHANG</c>).</summary>
    /// <param name="pid">The child.</param>
    /// <returns>Its returncode, or <see langword="null"/> while it runs.</returns>
    public static int? TryReap(int pid)
    {
        while (true)
        {
            int r = LibC.WaitPid(pid, out int status, LibC.WNOHANG);
            if (r == pid)
            {
                return DecodeStatus(status);
            }

            if (r == 0)
            {
                return null;
            }

            int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno == LibC.EINTR)
            {
                continue;
            }

            if (errno == LibC.ECHILD)
            {
                return 0;
            }

            throw LibC.LastError();
        }
    }

    /// <summary>
    /// Waits until a child has exited, leaving it waitable (unreaped), so a caller can reap it under
    /// its own lock. Uses <c>waitid(WNOWAIT)</c> for an unbounded wait and a pidfd with <c>poll</c>
    /// for a timed one (a short sleep loop where pidfds are missing).
    /// </summary>
    /// <param name="pid">The child.</param>
    /// <param name="timeout"><see langword="null"/> to wait as long as it takes.</param>
    /// <returns><see langword="true"/> when it has exited (or is not our child any more).</returns>
    public static unsafe bool WaitForExit(int pid, TimeSpan? timeout)
    {
        if (timeout is null)
        {
            byte* info = stackalloc byte[LibC.SigInfoSize];
            while (LibC.WaitId(LibC.P_PID, pid, info, LibC.WEXITED | LibC.WNOWAIT) == -1)
            {
                int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                if (errno == LibC.ECHILD)
                {
                    return true;
                }

                if (errno != LibC.EINTR)
                {
                    throw LibC.LastError();
                }
            }

            return true;
        }

        long deadline = Environment.TickCount64 + (long)Math.Ceiling(Math.Max(0, timeout.Value.TotalMilliseconds));
        int pidfd = LibC.PidfdOpen(pid);
        if (pidfd >= 0)
        {
            try
            {
                LibC.PollFd p = new() { Fd = pidfd, Events = LibC.POLLIN };
                while (true)
                {
                    long left = Math.Max(0, deadline - Environment.TickCount64);
                    int r = LibC.Poll(&p, 1, (int)Math.Min(left, int.MaxValue));
                    if (r > 0)
                    {
                        return true;
                    }

                    if (r == 0 && left == 0)
                    {
                        return false;
                    }

                    if (r == -1 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != LibC.EINTR)
                    {
                        throw LibC.LastError();
                    }
                }
            }
            finally
            {
                _ = LibC.Close(pidfd);
            }
        }

        // No pidfd (old kernel, or the pid is gone): CPython's sleep loop, 0.5 ms doubling to 50 ms.
        byte* si = stackalloc byte[LibC.SigInfoSize];
        int delayMs = 1;
        while (true)
        {
            new Span<byte>(si, LibC.SigInfoSize).Clear();
            int r = LibC.WaitId(LibC.P_PID, pid, si, LibC.WEXITED | LibC.WNOWAIT | LibC.WNOHANG);
            if (r == -1)
            {
                int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                if (errno == LibC.ECHILD)
                {
                    return true;
                }

                if (errno != LibC.EINTR)
                {
                    throw LibC.LastError();
                }
            }
            else if (*(int*)(si + 12) != 0)
            {
                return true; // si_pid is set once a child has changed state
            }

            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return false;
            }

            Thread.Sleep((int)Math.Min(delayMs, left));
            delayMs = Math.Min(delayMs * 2, 50);
        }
    }

    /// <summary>Turns a <c>waitpid</c> status into CPython's returncode (<c>os.waitstatus_to_exitcode</c>).</summary>
    /// <param name="status">The raw status.</param>
    /// <returns>The exit status, or the negated signal number.</returns>
    public static int DecodeStatus(int status)
    {
        int signal = status & 0x7f;
        if (signal == 0)
        {
            return (status >> 8) & 0xff; // WIFEXITED
        }

        if (signal != 0x7f)
        {
            return -signal; // WIFSIGNALED
        }

        throw new InvalidOperationException($"The process was stopped by signal {(status >> 8) & 0xff}, not ended.");
    }

    private static unsafe void BuildAttributes(SpawnRequest request, void* attr, void* sigDefault, void* sigMask)
    {
        short flags = LibC.POSIX_SPAWN_SETSIGDEF | LibC.POSIX_SPAWN_SETSIGMASK;
        // Every signal, including glibc's internal 32 and 33 (which sigfillset leaves out and
        // posix_spawn would otherwise set to SIG_IGN, an ignore that survives exec). All signals stay
        // blocked in the child until just before exec, so no handler can run in between.
        new Span<byte>(sigDefault, LibC.SigSetSize).Fill(0xff);
        _ = LibC.SigEmptySet(sigMask);
        CheckSpawnCall(LibC.SpawnAttrSetSigDefault(attr, sigDefault));
        CheckSpawnCall(LibC.SpawnAttrSetSigMask(attr, sigMask));
        if (request.NewSession)
        {
            flags |= LibC.POSIX_SPAWN_SETSID;
        }

        if (request.ProcessGroup >= 0)
        {
            flags |= LibC.POSIX_SPAWN_SETPGROUP;
            CheckSpawnCall(LibC.SpawnAttrSetPGroup(attr, request.ProcessGroup));
        }

        CheckSpawnCall(LibC.SpawnAttrSetFlags(attr, flags));
    }

    private static unsafe void BuildFileActions(SpawnRequest request, void* actions, int cwdFd)
    {
        // The working directory first: our descriptor for it cannot then be overwritten by a dup2 target.
        if (cwdFd >= 0)
        {
            CheckSpawnCall(LibC.SpawnFileActionsAddFchdir(actions, cwdFd));
        }

        var kept = new SortedSet<int> { 0, 1, 2 };
        foreach (SpawnFileAction action in request.FileActions)
        {
            switch (action)
            {
                case SpawnFileAction.Dup2 d:
                    CheckSpawnCall(LibC.SpawnFileActionsAddDup2(actions, d.From, d.To));
                    kept.Add(d.To);
                    break;
                case SpawnFileAction.Open o:
                    CheckNoNul(o.Path);
                    byte[] path = Encoding.UTF8.GetBytes(o.Path + "\0");
                    fixed (byte* p = path)
                    {
                        CheckSpawnCall(LibC.SpawnFileActionsAddOpen(actions, o.Fd, p, o.Flags, (uint)o.Mode)); // glibc copies the path
                    }

                    kept.Add(o.Fd);
                    break;
                case SpawnFileAction.Close c:
                    CheckSpawnCall(LibC.SpawnFileActionsAddClose(actions, c.Fd));
                    kept.Remove(c.Fd);
                    break;
                default:
                    throw new ArgumentException($"Unknown file action {action}.", nameof(request));
            }
        }

        if (!request.CloseOtherFds)
        {
            return;
        }

        // close_fds: everything from 3 up that is not kept. closefrom past the highest kept one, and
        // single closes in the gaps below it (a close of an unused descriptor is not an error in glibc).
        int previous = 2;
        foreach (int fd in kept)
        {
            for (int gap = Math.Max(previous + 1, 3); gap < fd; gap++)
            {
                CheckSpawnCall(LibC.SpawnFileActionsAddClose(actions, gap));
            }

            previous = Math.Max(previous, fd);
        }

        AddCloseFrom(actions, previous + 1);
    }

    private static unsafe void AddCloseFrom(void* actions, int lowFd)
    {
        if (!s_noCloseFrom)
        {
            try
            {
                CheckSpawnCall(LibC.SpawnFileActionsAddCloseFrom(actions, lowFd));
                return;
            }
            catch (EntryPointNotFoundException)
            {
                s_noCloseFrom = true; // glibc < 2.34
            }
        }

        foreach (string entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), out int fd) && fd >= lowFd)
            {
                CheckSpawnCall(LibC.SpawnFileActionsAddClose(actions, fd));
            }
        }
    }

    private static unsafe int SpawnSearching(SpawnRequest request, string searchPath, void* actions, void* attr, byte** argv, byte** envp, int cwdFd)
    {
        string program = request.Program;
        int firstError = 0;
        int pid;
        if (program.Contains('/', StringComparison.Ordinal))
        {
            firstError = TrySpawn(program, actions, attr, argv, envp, out pid);
            if (firstError == 0)
            {
                return pid;
            }
        }
        else
        {
            // os._execvpe's search: every PATH entry in turn; the first error that is not
            // ENOENT/ENOTDIR is the one reported (Modules/_posixsubprocess.c).
            foreach (string dir in searchPath.Split(':'))
            {
                string candidate = dir.Length == 0 ? program : dir.EndsWith('/') ? dir + program : dir + "/" + program;
                int error;
                if ((cwdFd < 0 || candidate.StartsWith('/')) && !Exists(candidate, out error))
                {
                    // Not there: no need to start a child to learn it.
                }
                else
                {
                    error = TrySpawn(candidate, actions, attr, argv, envp, out pid);
                    if (error == 0)
                    {
                        return pid;
                    }
                }

                if (error != LibC.ENOENT && error != LibC.ENOTDIR && firstError == 0)
                {
                    firstError = error;
                }
            }
        }

        if (firstError == 0)
        {
            firstError = LibC.ENOENT;
        }

        // A working directory we could open but not enter fails every exec with the same errno.
        string fileName = program;
        if (request.WorkingDirectory is not null && !Accessible(request.WorkingDirectory, LibC.X_OK))
        {
            fileName = request.WorkingDirectory;
        }

        throw new PyOSException(firstError, LibC.StrError(firstError), fileName);
    }

    private static unsafe int TrySpawn(string path, void* actions, void* attr, byte** argv, byte** envp, out int pid)
    {
        int n = Encoding.UTF8.GetByteCount(path);
        byte* p = stackalloc byte[n + 1];
        Encoding.UTF8.GetBytes(path, new Span<byte>(p, n));
        p[n] = 0;
        int child;
        int error = LibC.PosixSpawn(&child, p, actions, attr, argv, envp);
        pid = error == 0 ? child : 0;
        return error;
    }

    private static string SearchPath(IReadOnlyList<string> env)
    {
        foreach (string e in env)
        {
            if (e.StartsWith("PATH=", StringComparison.Ordinal))
            {
                return e[5..];
            }
        }

        return DefaultPath;
    }

    private static unsafe bool Exists(string path, out int error)
    {
        if (Accessible(path, LibC.F_OK))
        {
            error = 0;
            return true;
        }

        error = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        return false;
    }

    private static unsafe bool Accessible(string path, int mode)
    {
        int n = Encoding.UTF8.GetByteCount(path);
        byte* p = stackalloc byte[n + 1];
        Encoding.UTF8.GetBytes(path, new Span<byte>(p, n));
        p[n] = 0;
        return LibC.Access(p, mode) == 0;
    }

    /// <summary>Whether a string can name an environment variable: not empty, no <c>=</c>, no NUL (CPython's test).</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it can.</returns>
    public static bool IsEnvironmentName(string name) =>
        name.Length != 0 && !name.Contains('=', StringComparison.Ordinal) && !name.Contains('\0', StringComparison.Ordinal);

    private static void CheckNoNul(string s)
    {
        if (s.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("embedded null byte");
        }
    }

    private static void CheckSpawnCall(int error)
    {
        if (error != 0)
        {
            throw new PyOSException(error, LibC.StrError(error));
        }
    }

    /// <summary>A NULL-terminated array of NUL-terminated UTF-8 strings in one native block.</summary>
    private readonly unsafe struct NativeStrings
    {
        private readonly byte* _block;

        public NativeStrings(IReadOnlyList<string> strings)
        {
            int count = strings.Count;
            nuint bytes = (nuint)((count + 1) * sizeof(nint));
            for (int i = 0; i < count; i++)
            {
                bytes += (nuint)Encoding.UTF8.GetByteCount(strings[i]) + 1;
            }

            _block = (byte*)NativeMemory.Alloc(bytes);
            byte** pointers = (byte**)_block;
            byte* text = _block + ((count + 1) * sizeof(nint));
            byte* end = _block + bytes;
            for (int i = 0; i < count; i++)
            {
                pointers[i] = text;
                int n = Encoding.UTF8.GetBytes(strings[i], new Span<byte>(text, (int)(end - text)));
                text[n] = 0;
                text += n + 1;
            }

            pointers[count] = null;
        }

        public NativeStrings(IDictionary variables)
        {
            int count = variables.Count;
            nuint bytes = (nuint)((count + 1) * sizeof(nint));
            foreach (DictionaryEntry e in variables)
            {
                bytes += (nuint)(Encoding.UTF8.GetByteCount((string)e.Key) + Encoding.UTF8.GetByteCount((string?)e.Value ?? string.Empty) + 2);
            }

            _block = (byte*)NativeMemory.Alloc(bytes);
            byte** pointers = (byte**)_block;
            byte* text = _block + ((count + 1) * sizeof(nint));
            byte* end = _block + bytes;
            int i = 0;
            foreach (DictionaryEntry e in variables)
            {
                pointers[i++] = text;
                text += Encoding.UTF8.GetBytes((string)e.Key, new Span<byte>(text, (int)(end - text)));
                *text++ = (byte)'=';
                text += Encoding.UTF8.GetBytes((string?)e.Value ?? string.Empty, new Span<byte>(text, (int)(end - text)));
                *text++ = 0;
            }

            pointers[count] = null;
        }

        public byte** Pointers => (byte**)_block;

        public void Free() => NativeMemory.Free(_block);
    }
}

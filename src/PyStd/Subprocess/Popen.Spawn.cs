using Microsoft.Win32.SafeHandles;
using PyStd.Native;

namespace PyStd.Subprocess;

/// <summary>Starting the child: pipes, redirections and the <see cref="SpawnRequest"/>.</summary>
public sealed partial class Popen
{
    private const string Shell = "/bin/sh";

    private unsafe int Start(PopenOptions options)
    {
        if (options.Stdin.Kind == RedirectKind.Stdout || options.Stdout.Kind == RedirectKind.Stdout)
        {
            throw new ArgumentException("Redirect.Stdout only applies to standard error.", nameof(options));
        }

        List<string> argv = [.. Args];
        if (options.Shell)
        {
            argv.InsertRange(0, [Shell, "-c"]);
            if (options.Executable is not null)
            {
                argv[0] = options.Executable;
            }
        }

        string program = options.Executable ?? argv[0];
        List<string>? environment = null;
        if (options.Environment is not null)
        {
            environment = new List<string>(options.Environment.Count);
            foreach ((string key, string value) in options.Environment)
            {
                if (!PosixSpawn.IsEnvironmentName(key))
                {
                    throw new ArgumentException("illegal environment variable name", nameof(options));
                }

                environment.Add(key + "=" + value);
            }
        }

        var actions = new List<SpawnFileAction>(4 + options.PassFds.Count);
        var childEnds = new List<int>(3); // ours to close once the child has its copies
        var refs = new List<SafeFileHandle>(3);
        bool started = false;
        try
        {
            _stdinHandle = Setup(options.Stdin, 0, options.PipeSize, actions, childEnds, refs);
            _stdoutHandle = Setup(options.Stdout, 1, options.PipeSize, actions, childEnds, refs);
            if (options.Stderr.Kind == RedirectKind.Stdout)
            {
                actions.Add(new SpawnFileAction.Dup2(1, 2)); // the very same pipe: true order
            }
            else
            {
                _stderrHandle = Setup(options.Stderr, 2, options.PipeSize, actions, childEnds, refs);
            }

            foreach (int fd in options.PassFds)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(fd, nameof(options));
                if (fd > 2)
                {
                    actions.Add(new SpawnFileAction.Dup2(fd, fd)); // clears FD_CLOEXEC in the child
                }
            }

            int pid = PosixSpawn.Spawn(new SpawnRequest
            {
                Program = program,
                Argv = argv,
                Environment = environment,
                WorkingDirectory = options.WorkingDirectory,
                NewSession = options.StartNewSession,
                ProcessGroup = options.ProcessGroup ?? -1,
                FileActions = actions,
                CloseOtherFds = options.CloseFds || options.PassFds.Count > 0,
            });
            started = true;
            return pid;
        }
        finally
        {
            foreach (int fd in childEnds)
            {
                _ = LibC.Close(fd);
            }

            foreach (SafeFileHandle h in refs)
            {
                h.DangerousRelease();
            }

            if (!started)
            {
                _stdinHandle?.Dispose();
                _stdoutHandle?.Dispose();
                _stderrHandle?.Dispose();
                _stdinHandle = _stdoutHandle = _stderrHandle = null;
            }
        }
    }

    /// <summary>Prepares one standard stream; returns our end when it is a pipe.</summary>
    private static unsafe SafeFileHandle? Setup(Redirect redirect, int target, int pipeSize, List<SpawnFileAction> actions, List<int> childEnds, List<SafeFileHandle> refs)
    {
        switch (redirect.Kind)
        {
            case RedirectKind.Inherit:
                return null;
            case RedirectKind.DevNull:
                actions.Add(new SpawnFileAction.Open(target, "/dev/null", target == 0 ? LibC.O_RDONLY : LibC.O_WRONLY, 0));
                return null;
            case RedirectKind.Pipe:
            {
                int* fds = stackalloc int[2];
                LibC.Check(LibC.Pipe2(fds, LibC.O_CLOEXEC));
                int read = AboveStdio(fds[0]), write = AboveStdio(fds[1]);
                if (pipeSize > 0 && LibC.Fcntl(write, LibC.F_SETPIPE_SZ, pipeSize) == -1)
                {
                    PyOSException error = LibC.LastError();
                    _ = LibC.Close(read);
                    _ = LibC.Close(write);
                    throw error;
                }

                int child = target == 0 ? read : write;
                childEnds.Add(child);
                actions.Add(new SpawnFileAction.Dup2(child, target));
                return new SafeFileHandle(target == 0 ? write : read, ownsHandle: true);
            }

            case RedirectKind.Descriptor:
                AddDescriptor(redirect.Descriptor, target, actions, childEnds);
                return null;
            case RedirectKind.Handle:
            case RedirectKind.Stream:
            {
                SafeFileHandle handle = redirect.Handle ?? ((FileStream)redirect.Stream!).SafeFileHandle;
                redirect.Stream?.Flush();
                bool added = false;
                handle.DangerousAddRef(ref added);
                refs.Add(handle);
                AddDescriptor((int)handle.DangerousGetHandle(), target, actions, childEnds);
                return null;
            }

            case RedirectKind.File:
            {
                int flags = target == 0 ? LibC.O_RDONLY : LibC.O_WRONLY | LibC.O_CREAT | (redirect.Append ? LibC.O_APPEND : LibC.O_TRUNC);
                int fd = OpenFile(redirect.Path!, flags | LibC.O_CLOEXEC);
                childEnds.Add(fd);
                actions.Add(new SpawnFileAction.Dup2(fd, target));
                return null;
            }

            default:
                throw new ArgumentException($"{redirect} cannot be used here.", nameof(redirect));
        }
    }

    /// <summary>A descriptor of ours for the child's <paramref name="target"/>: one below 3 is copied above first, so no dup2 overwrites another's source.</summary>
    private static void AddDescriptor(int fd, int target, List<SpawnFileAction> actions, List<int> childEnds)
    {
        if (LibC.Fcntl(fd, LibC.F_GETFD, 0) == -1)
        {
            throw LibC.LastError();
        }

        if (fd < 3 && fd != target)
        {
            fd = LibC.Check(LibC.Fcntl(fd, LibC.F_DUPFD_CLOEXEC, 3));
            childEnds.Add(fd);
        }

        actions.Add(new SpawnFileAction.Dup2(fd, target));
    }

    /// <summary>Moves a descriptor to 3 or above (a pipe gets 0–2 only when our own stdio is closed).</summary>
    private static int AboveStdio(int fd)
    {
        if (fd > 2)
        {
            return fd;
        }

        int moved = LibC.Fcntl(fd, LibC.F_DUPFD_CLOEXEC, 3);
        _ = LibC.Close(fd);
        return LibC.Check(moved);
    }

    private static int OpenFile(string path, int flags)
    {
        int fd = LibC.OpenRetrying(path, flags, 0x1b6); // 0666, less the umask
        return fd == -1 ? throw LibC.LastError(path) : fd;
    }
}

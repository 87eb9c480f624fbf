using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;
using PyStd.Native;
using PyStd.Objects;

namespace PyStd.Subprocess;

/// <summary>
/// A running child process: Python's <c>subprocess.Popen</c>. Start it with arguments and
/// <see cref="PopenOptions"/>; talk to it with <see cref="Communicate(ReadOnlyMemory{byte}, TimeSpan?)"/>
/// (which cannot deadlock however much each side writes) or through <see cref="Stdin"/>,
/// <see cref="Stdout"/> and <see cref="Stderr"/>; end it with <see cref="Wait(TimeSpan?)"/>,
/// <see cref="Terminate"/> or <see cref="Kill"/>.
/// </summary>
/// <remarks>
/// <para>The child is started with <c>posix_spawn</c> (see docs/subprocess.md): no managed code
/// runs between fork and exec, every signal is at its default and none is blocked in the child, and
/// every descriptor ≥ 3 is closed unless named in <see cref="PopenOptions.PassFds"/>.</para>
/// <para>Reaping: <see cref="Wait(TimeSpan?)"/>, <see cref="Poll"/>, <see cref="Communicate(ReadOnlyMemory{byte}, TimeSpan?)"/>
/// and <see cref="Dispose"/> reap the child. <see cref="Dispose"/> closes the pipes and then waits
/// for the child to end, as Python's <c>with Popen(...)</c> does, so it blocks while the child runs.
/// A <see cref="Popen"/> that is dropped without either leaves a zombie until the garbage collector
/// finalizes it; its pid then joins a list that the next <see cref="Popen"/> reaps (Python's
/// <c>_active</c> list), so zombies never accumulate.</para>
/// <para>Thread safety: <see cref="Poll"/>, <see cref="Wait(TimeSpan?)"/>, <see cref="SendSignal"/>,
/// <see cref="Terminate"/> and <see cref="Kill"/> may be called from any thread at once; a signal is
/// never sent after the child was reaped (so never to a recycled pid). Communication belongs to one thread.</para>
/// </remarks>
public sealed partial class Popen : IDisposable
{
    private static readonly ConcurrentQueue<int> s_orphans = new();

    private readonly Lock _lock = new();
    private readonly bool _argsIsString;
    private readonly PopenOptions _options;
    private readonly bool _killGroup;
    private SafeFileHandle? _stdinHandle;
    private SafeFileHandle? _stdoutHandle;
    private SafeFileHandle? _stderrHandle;
    private FileStream? _stdinStream;
    private FileStream? _stdoutStream;
    private FileStream? _stderrStream;
    private volatile bool _reaped;
    private int _returnCode;
    private bool _disposed;

    /// <summary>Starts a program with arguments (Python's <c>Popen([...])</c>).</summary>
    /// <param name="args">The program and its arguments; with <see cref="PopenOptions.Shell"/>, the shell command then <c>$0</c>, <c>$1</c> ….</param>
    /// <param name="options">How to start it; <see langword="null"/> for <see cref="PopenOptions.Default"/>.</param>
    /// <exception cref="PyOSException">The program or working directory cannot be used (<c>[Errno 2] No such file or directory: 'nope'</c>), or a pipe cannot be made.</exception>
    /// <exception cref="ArgumentException"><paramref name="args"/> is empty, a string holds a NUL, or an option is invalid.</exception>
    public Popen(IReadOnlyList<string> args, PopenOptions? options = null)
        : this(args, argsIsString: false, options)
    {
    }

    /// <summary>
    /// Starts a command given as one string (Python's <c>Popen("...")</c>): a shell command line with
    /// <see cref="PopenOptions.Shell"/>, otherwise the name of a program run without arguments.
    /// </summary>
    /// <param name="args">The command.</param>
    /// <param name="options">How to start it.</param>
    /// <exception cref="PyOSException">The program or working directory cannot be used.</exception>
    public Popen(string args, PopenOptions? options = null)
        : this([args ?? throw new ArgumentNullException(nameof(args))], argsIsString: true, options)
    {
    }

    private Popen(IReadOnlyList<string> args, bool argsIsString, PopenOptions? options)
    {
        ArgumentNullException.ThrowIfNull(args);
        options ??= PopenOptions.Default;
        if (args.Count == 0)
        {
            throw new ArgumentException("The argument list must not be empty.", nameof(args));
        }

        Args = [.. args];
        _argsIsString = argsIsString;
        _options = options;
        if (options.IsTextMode)
        {
            _ = TextCodec.For(options); // an unknown error handler fails before the child starts
        }

        _killGroup = options.StartNewSession || options.ProcessGroup == 0;
        Command = FormatCommand(Args, argsIsString);
        ReapOrphans();
        Pid = Start(options);
    }

    /// <summary>Reaps the children of <see cref="Popen"/>s that were dropped unwaited.</summary>
    ~Popen()
    {
        if (Pid > 0 && !_reaped)
        {
            s_orphans.Enqueue(Pid);
        }
    }

    /// <summary>The arguments as given.</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>The child's process id.</summary>
    public int Pid { get; }

    /// <summary>
    /// The return code once the child has been reaped, else <see langword="null"/> (Python's
    /// <c>returncode</c>): the exit status, or minus the signal number that ended it (-9 after
    /// <see cref="Kill"/>). It does not poll; call <see cref="Poll"/> for that.
    /// </summary>
    public int? ReturnCode => _reaped ? _returnCode : null;

    /// <summary>Our end of the child's standard input when it is <see cref="Redirect.Pipe"/>, else <see langword="null"/>. Unbuffered.</summary>
    public Stream? Stdin => _stdinStream ??= _stdinHandle is null || _stdinHandle.IsClosed ? null : new FileStream(_stdinHandle, FileAccess.Write, 0);

    /// <summary>Our end of the child's standard output when it is <see cref="Redirect.Pipe"/>, else <see langword="null"/>. Unbuffered.</summary>
    public Stream? Stdout => _stdoutStream ??= _stdoutHandle is null || _stdoutHandle.IsClosed ? null : new FileStream(_stdoutHandle, FileAccess.Read, 0);

    /// <summary>Our end of the child's standard error when it is <see cref="Redirect.Pipe"/>, else <see langword="null"/>. Unbuffered.</summary>
    public Stream? Stderr => _stderrStream ??= _stderrHandle is null || _stderrHandle.IsClosed ? null : new FileStream(_stderrHandle, FileAccess.Read, 0);

    /// <summary>The options the child was started with.</summary>
    public PopenOptions Options => _options;

    /// <summary>The command as CPython's messages print it.</summary>
    internal string Command { get; }

    /// <summary>Whether <see cref="Args"/> came as one string (CPython keeps the str).</summary>
    internal bool ArgsIsString => _argsIsString;

    /// <summary>Reaps the child if it has ended (Python's <c>poll()</c>).</summary>
    /// <returns>The return code, or <see langword="null"/> while it runs.</returns>
    public int? Poll()
    {
        lock (_lock)
        {
            return PollLocked();
        }
    }

    /// <summary>Waits for the child to end and reaps it (Python's <c>wait()</c>).</summary>
    /// <param name="timeout">How long to wait; <see langword="null"/> for as long as it takes.</param>
    /// <returns>The return code.</returns>
    /// <exception cref="TimeoutExpiredException">The child still runs after <paramref name="timeout"/>; it is left running.</exception>
    public int Wait(TimeSpan? timeout = null)
    {
        while (true)
        {
            if (_reaped)
            {
                return _returnCode;
            }

            // Wait without reaping, then reap under the lock, so a concurrent SendSignal can never
            // hit a pid that was reaped (and perhaps reused) in between.
            if (!PosixSpawn.WaitForExit(Pid, timeout))
            {
                lock (_lock)
                {
                    if (PollLocked() is int late)
                    {
                        return late;
                    }
                }

                throw new TimeoutExpiredException(Command, timeout!.Value);
            }

            lock (_lock)
            {
                if (PollLocked() is int code)
                {
                    return code;
                }
            }
        }
    }

    /// <summary>Sends a signal to the child unless it has already been reaped (Python's <c>send_signal</c>).</summary>
    /// <param name="signal">The signal number, e.g. 15 for <c>SIGTERM</c>.</param>
    public void SendSignal(int signal)
    {
        lock (_lock)
        {
            if (PollLocked() is null && LibC.Kill(Pid, signal) == -1
                && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != LibC.ESRCH)
            {
                throw LibC.LastError();
            }
        }
    }

    /// <summary>Sends <c>SIGTERM</c> (Python's <c>terminate()</c>); the return code becomes -15.</summary>
    public void Terminate() => SendSignal(15);

    /// <summary>Sends <c>SIGKILL</c> (Python's <c>kill()</c>); the return code becomes -9.</summary>
    public void Kill() => SendSignal(9);

    /// <summary>
    /// Closes our ends of the pipes, then waits for the child to end and reaps it, as Python's
    /// <c>with Popen(...)</c> does on exit. It blocks while the child runs: kill it first if it
    /// must not outlive the call.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CloseParentEnds();
        if (Pid > 0)
        {
            Wait();
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"<Popen: returncode: {(ReturnCode is int rc ? rc : "None")} args: {Command}>";

    /// <summary>Sends <c>SIGKILL</c> to the child, and to its whole process group when it leads one of its own.</summary>
    internal void KillForTimeout()
    {
        lock (_lock)
        {
            // A group outlives its leader's reaping only while members remain, and the kernel does not
            // reuse a pid that is still some group's id, so killpg is safe even after a reap.
            if (_killGroup)
            {
                _ = LibC.Kill(-Pid, 9);
            }
            else if (PollLocked() is null)
            {
                _ = LibC.Kill(Pid, 9);
            }
        }
    }

    private static string FormatCommand(IReadOnlyList<string> args, bool argsIsString)
    {
        if (argsIsString)
        {
            return args[0];
        }

        var list = new List<object?>(args.Count);
        foreach (string a in args)
        {
            list.Add(a);
        }

        return PyRepr.Repr(list);
    }

    private static void ReapOrphans()
    {
        for (int n = s_orphans.Count; n > 0 && s_orphans.TryDequeue(out int pid); n--)
        {
            if (PosixSpawn.TryReap(pid) is null)
            {
                s_orphans.Enqueue(pid);
            }
        }
    }

    private int? PollLocked()
    {
        if (!_reaped && PosixSpawn.TryReap(Pid) is int code)
        {
            _returnCode = code;
            _reaped = true;
        }

        return _reaped ? _returnCode : null;
    }

    private void CloseParentEnds()
    {
        // Python's __exit__ order: stdout, stderr, then stdin (whose flush may meet a closed pipe).
        CloseStream(ref _stdoutStream, ref _stdoutHandle);
        CloseStream(ref _stderrStream, ref _stderrHandle);
        try
        {
            CloseStream(ref _stdinStream, ref _stdinHandle);
        }
        catch (IOException)
        {
            // BrokenPipeError on the final flush is ignored, as in CPython.
        }
    }

    private static void CloseStream(ref FileStream? stream, ref SafeFileHandle? handle)
    {
        FileStream? s = stream;
        SafeFileHandle? h = handle;
        stream = null;
        handle = null;
        try
        {
            s?.Dispose();
        }
        finally
        {
            h?.Dispose();
        }
    }
}

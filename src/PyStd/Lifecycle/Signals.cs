using PyStd.Native;

namespace PyStd.Lifecycle;

/// <summary>
/// Python's <c>signal</c> module for .NET on Linux: install a handler for any catchable POSIX
/// signal, called as <c>handler(signum, frame)</c>; restore the default action or ignore the signal;
/// send one to yourself; schedule <c>SIGALRM</c>.
/// </summary>
/// <remarks>
/// <code>
/// Signals.Signal(Signals.SIGUSR1, (signum, frame) =&gt; Console.WriteLine($"got {signum}"));
/// Signals.Signal(Signals.SIGHUP, Signals.SigIgn);     // kill -HUP no longer ends the process
/// Signals.Signal(Signals.SIGTERM, Signals.SigDfl);    // the kernel's default: death by SIGTERM
/// Signals.Alarm(5);                                   // SIGALRM in five seconds
/// </code>
/// <para>
/// How it works. No managed code runs inside a raw signal handler: a handler is installed through
/// <see cref="System.Runtime.InteropServices.PosixSignalRegistration"/> (which accepts raw signal
/// numbers on Unix), whose native handler only writes the signal number to a pipe. PyStd then calls
/// the handlers one at a time, in arrival order, on one background thread ("PyStd signal
/// handlers"). CPython calls them on the main thread between bytecodes; .NET cannot interrupt the
/// main thread, so a handler must be thread-safe with respect to it. <see cref="SigDfl"/> and
/// <see cref="SigIgn"/> set the kernel's disposition with <c>sigaction(2)</c>, exactly as CPython
/// does: <c>SigDfl</c> really restores the default action (the exit status shows the signal) and
/// <c>SigIgn</c> is inherited by child processes.
/// </para>
/// <para>
/// Differences from CPython, all forced by the .NET runtime: SIGILL, SIGTRAP, SIGABRT, SIGBUS,
/// SIGFPE, SIGSEGV and SIGRTMIN (34, the runtime's thread-activation signal) are refused with an
/// <see cref="ArgumentException"/>; <c>SigIgn</c> on SIGCHLD, SIGCONT, SIGURG and SIGWINCH (whose
/// default action is already to ignore them) only stops PyStd from calling a handler and leaves the
/// runtime's own handler in place, so SIGCHLD is never auto-reaped and
/// <see cref="System.Diagnostics.Process"/> keeps working; CPython also ignores SIGXFSZ at start-up,
/// a .NET process does not. An exception thrown by a handler is an unhandled exception on the
/// handler thread (it ends the process, as an uncaught exception raised by a CPython handler does),
/// except <see cref="KeyboardInterruptException"/>, which ends it as Ctrl-C does.
/// </para>
/// <para>
/// Ctrl-C. Until you install a SIGINT handler, <see cref="GetSignal"/> returns
/// <see cref="DefaultIntHandler"/>, Python's <c>default_int_handler</c>: once PyStd watches SIGINT
/// (after <see cref="AtExit.Register(Action)"/>, while the keyboard is read, or after
/// <c>Signal(SIGINT, DefaultIntHandler)</c>), Ctrl-C restores the terminal, prints
/// <c>KeyboardInterrupt</c>, runs the <see cref="AtExit"/> handlers and then dies by SIGINT, the
/// way CPython 3.8+ ends on an uncaught <c>KeyboardInterrupt</c> (exit status 130 in a shell, -2 in
/// Python's <c>subprocess</c>). An unhandled SIGTERM, as in CPython, kills the process without
/// running the <see cref="AtExit"/> handlers.
/// </para>
/// </remarks>
public static partial class Signals
{
    private const int RaiseWaitMilliseconds = 10_000;

    /// <summary>
    /// Python's <c>signal.SIG_DFL</c>: the signal's default action. A sentinel compared by
    /// reference; PyStd never calls it.
    /// </summary>
    public static readonly SignalHandler SigDfl = static (_, _) => { };

    /// <summary>
    /// Python's <c>signal.SIG_IGN</c>: ignore the signal. A sentinel compared by reference; PyStd
    /// never calls it.
    /// </summary>
    public static readonly SignalHandler SigIgn = static (_, _) => { };

    /// <summary>
    /// Python's <c>signal.default_int_handler</c>: throws <see cref="KeyboardInterruptException"/>.
    /// Installed for SIGINT, it makes Ctrl-C end the process as an uncaught
    /// <c>KeyboardInterrupt</c> ends CPython (see the class remarks).
    /// </summary>
    public static readonly SignalHandler DefaultIntHandler = static (_, _) => throw new KeyboardInterruptException();

    /// <summary>
    /// Python's <c>signal.signal(signalnum, handler)</c>: sets the handler for a signal and returns
    /// the previous one.
    /// </summary>
    /// <param name="signum">A signal number, e.g. <see cref="SIGUSR1"/>.</param>
    /// <param name="handler">A handler, <see cref="SigDfl"/>, <see cref="SigIgn"/> or <see cref="DefaultIntHandler"/>.</param>
    /// <returns>The previous handler, as <see cref="GetSignal"/> would have returned it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="PyValueException"><c>signal number out of range</c> (not 1 … 64).</exception>
    /// <exception cref="PyOSException"><c>[Errno 22] Invalid argument</c> for SIGKILL, SIGSTOP, 32 and 33, which cannot be caught.</exception>
    /// <exception cref="ArgumentException">The .NET runtime owns the signal (SIGSEGV, SIGRTMIN …).</exception>
    public static SignalHandler? Signal(int signum, SignalHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CheckRange(signum);
        if (signum is SIGKILL or SIGSTOP or 32 or 33)
        {
            throw new PyOSException(LibC.EINVAL, LibC.StrError(LibC.EINVAL));
        }

        if (SignalHub.IsRuntimeOwned(signum))
        {
            throw new ArgumentException(
                $"signal {signum} ({Name(signum) ?? "SIGRTMIN"}) is used by the .NET runtime and cannot be handled, ignored or reset", nameof(signum));
        }

        return SignalHub.SetHandler(signum, handler);
    }

    /// <summary>
    /// Python's <c>signal.getsignal(signalnum)</c>: the current handler of a signal.
    /// </summary>
    /// <param name="signum">A signal number.</param>
    /// <returns>
    /// The handler installed with <see cref="Signal"/>; else <see cref="SigIgn"/> when the signal is
    /// ignored (SIGPIPE, or ignored by the parent), <see cref="DefaultIntHandler"/> for SIGINT,
    /// <see cref="SigDfl"/> otherwise; <see langword="null"/> for 32 and 33, which glibc keeps for itself.
    /// </returns>
    /// <exception cref="PyValueException"><c>signal number out of range</c>.</exception>
    public static SignalHandler? GetSignal(int signum)
    {
        CheckRange(signum);
        return SignalHub.GetHandler(signum);
    }

    /// <summary>
    /// Python's <c>signal.raise_signal(signum)</c>: sends a signal to this process (the calling
    /// thread). As in CPython, when a PyStd handler is installed it has run by the time this returns
    /// (PyStd waits up to ten seconds for it; from inside a handler it does not wait).
    /// </summary>
    /// <param name="signum">A signal number.</param>
    /// <exception cref="PyOSException"><c>[Errno 22] Invalid argument</c> for a number the system does not know.</exception>
    public static void RaiseSignal(int signum)
    {
        long ticket = SignalHub.DispatchTicket(signum);
        if (LibC.Raise(signum) != 0)
        {
            throw LibC.LastError();
        }

        if (ticket >= 0)
        {
            SignalHub.WaitDispatched(signum, ticket, RaiseWaitMilliseconds);
        }
    }

    /// <summary>
    /// Python's <c>signal.alarm(seconds)</c>: delivers SIGALRM after <paramref name="seconds"/>
    /// seconds (0 cancels), replacing any earlier alarm. Without a handler SIGALRM ends the process.
    /// </summary>
    /// <param name="seconds">Seconds from now; 0 cancels the pending alarm.</param>
    /// <returns>The seconds that were left on the previous alarm, 0 if none.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative.</exception>
    public static int Alarm(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        return (int)LibC.Alarm((uint)seconds);
    }
}

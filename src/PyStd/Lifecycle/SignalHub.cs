using System.Runtime.InteropServices;
using PyStd.Native;

namespace PyStd.Lifecycle;

/// <summary>
/// The one owner of PyStd's signal state: a <see cref="PosixSignalRegistration"/> per watched signal
/// (kept for the life of the process), the handler table, the kernel dispositions PyStd sets, and
/// the thread that calls the handlers.
/// </summary>
/// <remarks>
/// The runtime's native handler (System.Native's <c>SignalHandler</c>) writes the signal number to a
/// pipe; its thread calls <see cref="OnSignal"/>, which only decides and queues; the dispatch thread
/// calls user code. A signal whose disposition is <c>SIG_IGN</c> when first registered (inherited from
/// the parent, or set by <see cref="Signals.SigIgn"/>) is left ignored by the runtime, so installing a
/// handler puts the runtime's own native handler back by copying SIGCONT's disposition, which the
/// runtime installs for every process at start-up. See dotnet/runtime
/// <c>src/native/libs/System.Native/pal_signal.c</c>.
/// </remarks>
internal static class SignalHub
{
    private static readonly Lock s_gate = new();
    private static readonly object s_queueGate = new();
    private static readonly PosixSignalRegistration?[] s_registrations = new PosixSignalRegistration?[Signals.NSIG];
    private static readonly SignalHandler?[] s_handlers = new SignalHandler?[Signals.NSIG];
    private static readonly long[] s_dispatched = new long[Signals.NSIG];
    private static readonly Queue<int> s_pending = new();
    private static Thread? s_dispatcher;

    /// <summary>Signals the .NET runtime needs for itself (faults, aborts, thread activation).</summary>
    public static bool IsRuntimeOwned(int signum) =>
        signum is Signals.SIGILL or Signals.SIGTRAP or Signals.SIGABRT or Signals.SIGBUS or Signals.SIGFPE or Signals.SIGSEGV
        || signum == LibC.CurrentSigRtMin();

    /// <summary>Signals whose default action is to ignore them (or continue): the runtime keeps its handler on them.</summary>
    public static bool IsDefaultIgnored(int signum) =>
        signum is Signals.SIGCHLD or Signals.SIGCONT or Signals.SIGURG or Signals.SIGWINCH;

    /// <summary>Signals whose default action stops the process.</summary>
    public static bool IsDefaultStop(int signum) =>
        signum is Signals.SIGTSTP or Signals.SIGTTIN or Signals.SIGTTOU;

    /// <summary>Watches a signal through the runtime (once); the current disposition is respected.</summary>
    public static void EnsureRegistered(int signum)
    {
        lock (s_gate)
        {
            s_registrations[signum] ??= PosixSignalRegistration.Create((PosixSignal)signum, context => OnSignal(signum, context));
        }
    }

    public static SignalHandler? SetHandler(int signum, SignalHandler handler)
    {
        ProcessHooks.EnsureInstalled();
        lock (s_gate)
        {
            SignalHandler? previous = GetHandler(signum);
            if (ReferenceEquals(handler, Signals.SigDfl) || ReferenceEquals(handler, Signals.SigIgn))
            {
                Volatile.Write(ref s_handlers[signum], handler);
                if (!IsDefaultIgnored(signum))
                {
                    SetKernelDisposition(signum, ReferenceEquals(handler, Signals.SigDfl) ? LibC.SIG_DFL : LibC.SIG_IGN);
                }
            }
            else
            {
                EnsureRegistered(signum);
                Volatile.Write(ref s_handlers[signum], handler);
                EnsureRuntimeDisposition(signum);
            }

            return previous;
        }
    }

    public static unsafe SignalHandler? GetHandler(int signum)
    {
        SignalHandler? handler = Volatile.Read(ref s_handlers[signum]);
        if (handler is not null)
        {
            return handler;
        }

        if (signum is 32 or 33)
        {
            return null;
        }

        LibC.SigAction current;
        LibC.Check(LibC.SigActionCall(signum, null, &current));
        if (current.Handler == LibC.SIG_IGN)
        {
            return Signals.SigIgn;
        }

        return signum == Signals.SIGINT ? Signals.DefaultIntHandler : Signals.SigDfl;
    }

    /// <summary>The dispatch count to wait past after raising <paramref name="signum"/>, or -1 when there is nothing to wait for.</summary>
    public static long DispatchTicket(int signum)
    {
        if (signum < 1 || signum >= Signals.NSIG || Thread.CurrentThread == s_dispatcher)
        {
            return -1;
        }

        SignalHandler? handler = Volatile.Read(ref s_handlers[signum]);
        if (handler is null || ReferenceEquals(handler, Signals.SigDfl) || ReferenceEquals(handler, Signals.SigIgn)
            || ReferenceEquals(handler, Signals.DefaultIntHandler))
        {
            return -1;
        }

        lock (s_queueGate)
        {
            return s_dispatched[signum];
        }
    }

    public static void WaitDispatched(int signum, long ticket, int timeoutMilliseconds)
    {
        long deadline = Environment.TickCount64 + timeoutMilliseconds;
        lock (s_queueGate)
        {
            while (s_dispatched[signum] <= ticket)
            {
                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    return;
                }

                Monitor.Wait(s_queueGate, (int)left);
            }
        }
    }

    // Runs on the runtime's signal thread: decide, queue, return. Cancel=false lets the runtime
    // carry out the default action (for a terminating signal: restore and re-raise it).
    private static void OnSignal(int signum, PosixSignalContext context)
    {
        SignalHandler? handler = Volatile.Read(ref s_handlers[signum]);
        if (handler is null && signum == Signals.SIGINT)
        {
            handler = Signals.DefaultIntHandler;
        }

        if (handler is null || ReferenceEquals(handler, Signals.SigDfl))
        {
            if (!IsDefaultIgnored(signum) && !IsDefaultStop(signum))
            {
                ProcessHooks.BeforeSignalDeath();
            }

            return;
        }

        if (!IsDefaultIgnored(signum))
        {
            context.Cancel = true;
        }

        if (!ReferenceEquals(handler, Signals.SigIgn))
        {
            Enqueue(signum);
        }
    }

    private static void Enqueue(int signum)
    {
        lock (s_queueGate)
        {
            s_pending.Enqueue(signum);
            if (s_dispatcher is null)
            {
                s_dispatcher = new Thread(DispatchLoop) { IsBackground = true, Name = "PyStd signal handlers" };
                s_dispatcher.UnsafeStart();
            }

            Monitor.PulseAll(s_queueGate);
        }
    }

    private static void DispatchLoop()
    {
        while (true)
        {
            int signum;
            lock (s_queueGate)
            {
                while (s_pending.Count == 0)
                {
                    Monitor.Wait(s_queueGate);
                }

                signum = s_pending.Dequeue();
            }

            try
            {
                Invoke(signum);
            }
            finally
            {
                lock (s_queueGate)
                {
                    s_dispatched[signum]++;
                    Monitor.PulseAll(s_queueGate);
                }
            }
        }
    }

    private static void Invoke(int signum)
    {
        SignalHandler? handler = Volatile.Read(ref s_handlers[signum]);
        if (handler is null && signum == Signals.SIGINT)
        {
            handler = Signals.DefaultIntHandler;
        }

        if (handler is null || ReferenceEquals(handler, Signals.SigDfl) || ReferenceEquals(handler, Signals.SigIgn))
        {
            return; // changed while the signal was queued
        }

        try
        {
            handler(signum, null);
        }
        catch (KeyboardInterruptException)
        {
            ProcessHooks.ExitOnKeyboardInterrupt();
        }
    }

    private static unsafe void SetKernelDisposition(int signum, nint disposition)
    {
        LibC.SigAction action = default;
        action.Handler = disposition;
        LibC.Check(LibC.SigActionCall(signum, &action, null));
    }

    private static unsafe void EnsureRuntimeDisposition(int signum)
    {
        LibC.SigAction current;
        LibC.Check(LibC.SigActionCall(signum, null, &current));
        if (current.Handler != LibC.SIG_DFL && current.Handler != LibC.SIG_IGN)
        {
            return; // the runtime's handler (or the runtime's own default machinery) is in place
        }

        LibC.SigAction runtime;
        LibC.Check(LibC.SigActionCall(Signals.SIGCONT, null, &runtime));
        if ((runtime.Flags & LibC.SA_SIGINFO) == 0 || runtime.Handler == LibC.SIG_DFL || runtime.Handler == LibC.SIG_IGN)
        {
            throw new InvalidOperationException(
                $"The .NET runtime's signal handler is not installed (SIGCONT is ignored), so a handler for signal {signum} cannot be installed.");
        }

        LibC.Check(LibC.SigActionCall(signum, &runtime, null));
    }
}

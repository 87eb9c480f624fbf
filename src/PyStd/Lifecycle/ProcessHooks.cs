using PyStd.Native;

namespace PyStd.Lifecycle;

/// <summary>
/// What PyStd does when the process ends: restore what it changed (the terminal), run the
/// <see cref="AtExit"/> handlers, and for Ctrl-C end the process by SIGINT as CPython does.
/// Hooked once, on first use of <see cref="AtExit"/>, <see cref="Signals"/> or the keyboard.
/// </summary>
internal static class ProcessHooks
{
    private static readonly Lock s_gate = new();
    private static readonly List<Action> s_restorers = [];
    private static int s_installed;

    /// <summary>Hooks <see cref="AppDomain.ProcessExit"/> and <see cref="AppDomain.UnhandledException"/> (once).</summary>
    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 0)
        {
            // ProcessExit: return from Main and Environment.Exit. UnhandledException: the runtime
            // aborts right after these handlers, without ProcessExit.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => AtProcessEnd();
            AppDomain.CurrentDomain.UnhandledException += (_, _) => AtProcessEnd();
        }
    }

    /// <summary>Adds an action that puts back something PyStd changed (it must be idempotent).</summary>
    public static void AddRestorer(Action restore)
    {
        EnsureInstalled();
        lock (s_gate)
        {
            s_restorers.Add(restore);
        }
    }

    /// <summary>Runs the restorers: the process is about to be killed by a signal's default action.</summary>
    public static void BeforeSignalDeath() => Restore();

    /// <summary>
    /// Ends the process as an uncaught <c>KeyboardInterrupt</c> ends CPython 3.8+: restore the
    /// terminal, print <c>KeyboardInterrupt</c>, run the atexit handlers, then die by SIGINT.
    /// </summary>
    public static void ExitOnKeyboardInterrupt()
    {
        Restore();
        Console.Error.WriteLine("KeyboardInterrupt");
        AtExit.RunExitFuncs();
        DieBySignal(Signals.SIGINT);
    }

    /// <summary>Restores the default action of <paramref name="signum"/> and sends it to this process.</summary>
    public static unsafe void DieBySignal(int signum)
    {
        Flush(Console.Out);
        Flush(Console.Error);
        LibC.SigAction action = default; // SIG_DFL, empty mask
        _ = LibC.SigActionCall(signum, &action, null);
        _ = LibC.Kill(LibC.GetPid(), signum);
        Thread.Sleep(Timeout.Infinite); // the kernel ends the process
    }

    private static void Flush(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (IOException)
        {
            // the descriptor may have been closed (Stdio.Close); nothing left to save
        }
    }

    private static void AtProcessEnd()
    {
        Restore();
        AtExit.RunExitFuncs();
    }

    private static void Restore()
    {
        Action[] restorers;
        lock (s_gate)
        {
            restorers = [.. s_restorers];
        }

        foreach (Action restore in restorers)
        {
#pragma warning disable CA1031 // a restorer that fails must not stop the others at exit
            try
            {
                restore();
            }
            catch (Exception)
            {
            }
#pragma warning restore CA1031
        }
    }
}

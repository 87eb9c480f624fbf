using PyStd.Native;

namespace PyStd.Pty;

/// <summary>Waiting, signals and closing: every path ends with the child reaped.</summary>
public sealed partial class PtyProcess
{
    private const int SigHup = 1;
    private const int SigInt = 2;
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private const int SigCont = 18;

    /// <summary>How long <see cref="Close"/> gives the child after each polite step (ptyprocess's 0.1 s delays).</summary>
    private static readonly TimeSpan s_gracePeriod = TimeSpan.FromMilliseconds(100);

    private readonly Lock _reapLock = new();
    private int? _returnCode;

    /// <summary>
    /// The exit status as CPython's <c>Popen.returncode</c>: the exit code, or the negative signal
    /// number when a signal ended the child; <see langword="null"/> while not yet reaped. Updated by
    /// <see cref="IsAlive"/>, <see cref="Wait()"/> and <see cref="Close"/>.
    /// </summary>
    public int? ReturnCode
    {
        get
        {
            lock (_reapLock)
            {
                return _returnCode;
            }
        }
    }

    /// <summary>The exit code when the child exited normally (pexpect's <c>exitstatus</c>), else <see langword="null"/>.</summary>
    public int? ExitStatus => ReturnCode is int rc && rc >= 0 ? rc : null;

    /// <summary>The signal that ended the child (pexpect's <c>signalstatus</c>), else <see langword="null"/>.</summary>
    public int? SignalStatus => ReturnCode is int rc && rc < 0 ? -rc : null;

    /// <summary>Whether the child is still running; reaps it (without blocking) when it has exited.</summary>
    public bool IsAlive => TryReap() is null;

    /// <summary>Waits for the child to exit and reaps it.</summary>
    /// <returns>The return code (negative signal number when killed).</returns>
    /// <remarks>
    /// As with pexpect's <c>wait()</c>, output the child writes meanwhile is not read: a child
    /// blocked on a full terminal buffer never exits. Read to end of file first, or use <see cref="Close"/>.
    /// </remarks>
    public int Wait() => Wait(System.Threading.Timeout.InfiniteTimeSpan) ?? throw new InvalidOperationException("An infinite wait returned without a status.");

    /// <summary>Waits at most <paramref name="timeout"/> for the child to exit, and reaps it.</summary>
    /// <param name="timeout">How long to wait; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <returns>The return code, or <see langword="null"/> when the child is still running.</returns>
    public int? Wait(TimeSpan timeout)
    {
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        }

        // Wait without reaping (waitid WNOWAIT / a pidfd), then reap under the lock, so a signal
        // sent concurrently never reaches a recycled pid.
        if (TryReap() is int rc)
        {
            return rc;
        }

        TimeSpan? limit = timeout == System.Threading.Timeout.InfiniteTimeSpan ? null : timeout;
        return PosixSpawn.WaitForExit(Pid, limit) ? TryReap() : null;
    }

    /// <summary>Sends a signal to the child (not to its group); does nothing once it has been reaped.</summary>
    /// <param name="signal">The signal number, e.g. 15 for <c>SIGTERM</c>.</param>
    /// <exception cref="PyOSException">The signal could not be sent.</exception>
    public void SendSignal(int signal)
    {
        lock (_reapLock)
        {
            // Once reaped, the pid may belong to another process: never signal it.
            if (_returnCode is null && LibC.Kill(Pid, signal) == -1)
            {
                PyOSException error = LibC.LastError();
                if (error.Errno != LibC.ESRCH)
                {
                    throw error;
                }
            }
        }
    }

    /// <summary>Sends <c>SIGTERM</c>.</summary>
    public void Terminate() => SendSignal(SigTerm);

    /// <summary>Sends <c>SIGKILL</c>.</summary>
    public void Kill() => SendSignal(SigKill);

    /// <summary>
    /// Closes the master — the terminal hangs up, and the kernel sends <c>SIGHUP</c> to the child's
    /// session — then, as ptyprocess does, gives the child a moment and sends <c>SIGHUP</c>,
    /// <c>SIGCONT</c>, <c>SIGINT</c> in turn, and finally <c>SIGKILL</c> when <paramref name="force"/>.
    /// </summary>
    /// <param name="force">Whether to kill a child that survived the polite signals.</param>
    /// <returns>Whether the child has exited and been reaped.</returns>
    public bool Close(bool force = true)
    {
        _master.Dispose();
        if (Wait(s_gracePeriod) is not null)
        {
            return true;
        }

        foreach (int signal in (ReadOnlySpan<int>)[SigHup, SigCont, SigInt])
        {
            SendSignal(signal);
            if (Wait(s_gracePeriod) is not null)
            {
                return true;
            }
        }

        if (!force)
        {
            return false;
        }

        SendSignal(SigKill);
        Wait();
        return true;
    }

    /// <summary>Closes the terminal and ends and reaps the child (<see cref="Close"/> with force).</summary>
    public void Dispose()
    {
        Close(force: true);
    }

    private int? TryReap()
    {
        lock (_reapLock)
        {
            if (_returnCode is null && PosixSpawn.TryReap(Pid) is int rc)
            {
                _returnCode = rc;
            }

            return _returnCode;
        }
    }
}

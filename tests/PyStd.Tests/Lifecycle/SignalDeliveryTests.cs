using PyStd.Lifecycle;

namespace PyStd.Tests.Lifecycle;

/// <summary>Real signals sent with kill(2) to a real child (tests/PyStd.LifecycleHost).</summary>
public class SignalDeliveryTests
{
    [Fact]
    public void Each_handler_runs_once_with_its_signal_number_for_real_kills()
    {
        int[] signals = [Signals.SIGUSR1, Signals.SIGUSR2, Signals.SIGHUP, Signals.SIGTERM, Signals.SIGALRM, Signals.SIGWINCH, Signals.SIGCHLD, Signals.SIGPIPE, Signals.SIGQUIT, Signals.SIGINT, 40];
        using LifecycleHost host = LifecycleHost.Start(["signals", .. signals.Select(s => $"handle:{s}")]);
        host.Expect("ready");
        foreach (int s in signals)
        {
            host.Kill(s);
            host.Expect($"signal {s} frame=None");
        }

        host.Send("quit");
        Assert.Equal(0, host.WaitForExit());
        Assert.Empty(host.ReadRemainingLines());
    }

    [Fact]
    public void Raise_signal_returns_after_the_handler_ran()
    {
        using LifecycleHost host = LifecycleHost.Start("signals", "handle:10");
        host.Expect("ready");
        host.Send("raise 10");
        host.Expect("signal 10 frame=None");
        host.Expect("raised 10");
        host.Send("getsignal 10");
        host.Expect("getsignal handler");
        host.Send("quit");
        Assert.Equal(0, host.WaitForExit());
    }

    [Fact]
    public void SIG_IGN_ignores_the_signal()
    {
        using LifecycleHost host = LifecycleHost.Start("signals", "ign:1", "ign:10", "ign:15");
        host.Expect("ready");
        host.Kill(Signals.SIGHUP);
        host.Kill(Signals.SIGUSR1);
        host.Kill(Signals.SIGTERM);
        host.Send("getsignal 1");
        host.Expect("getsignal Handlers.SIG_IGN");
        host.Send("quit");
        Assert.Equal(0, host.WaitForExit());
        Assert.Empty(host.ReadRemainingLines());
    }

    [Fact]
    public void A_handler_after_SIG_IGN_receives_the_signal_again()
    {
        using LifecycleHost host = LifecycleHost.Start("signals", "ign:1", "handle:1");
        host.Expect("ready");
        host.Kill(Signals.SIGHUP);
        host.Expect("signal 1 frame=None");
        host.Send("quit");
        Assert.Equal(0, host.WaitForExit());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(1)]
    [InlineData(2)]
    public void SIG_DFL_restores_default_termination_and_the_exit_status_shows_the_signal(int signum)
    {
        using LifecycleHost host = LifecycleHost.Start("signals", $"handle:{signum}", $"dfl:{signum}");
        host.Expect("ready");
        host.Send($"getsignal {signum}");
        host.Expect("getsignal Handlers.SIG_DFL");
        host.Kill(signum);
        Assert.Equal(128 + signum, host.WaitForExit()); // .NET reports death by signal N as 128 + N
        Assert.Empty(host.ReadRemainingLines());
    }

    [Fact]
    public void Alarm_delivers_SIGALRM_to_its_handler()
    {
        using LifecycleHost host = LifecycleHost.Start("signals", "handle:14", "alarm:1");
        host.Expect("ready");
        host.Expect("signal 14 frame=None");
        host.Send("quit");
        Assert.Equal(0, host.WaitForExit());
    }

    [Fact]
    public void Alarm_without_a_handler_ends_the_process_by_SIGALRM()
    {
        using LifecycleHost host = LifecycleHost.Start("signals", "alarm:1");
        host.Expect("ready");
        Assert.Equal(128 + Signals.SIGALRM, host.WaitForExit());
    }
}

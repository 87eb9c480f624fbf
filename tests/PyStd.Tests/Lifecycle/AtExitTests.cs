using PyStd.Lifecycle;

namespace PyStd.Tests.Lifecycle;

/// <summary>atexit handlers in real child processes that end in every way a process ends.</summary>
public class AtExitTests
{
    private static readonly string[] s_lifo = ["atexit 3", "atexit 2", "atexit 1"];

    [Fact]
    public void Handlers_run_once_last_registered_first_when_main_returns()
    {
        var (code, lines, stderr) = LifecycleHost.Run("atexit", "return");
        Assert.True(code == 0, stderr);
        Assert.Equal(["registered 3", "main returns", .. s_lifo], lines);
    }

    [Fact]
    public void Handlers_run_on_Environment_Exit()
    {
        var (code, lines, _) = LifecycleHost.Run("atexit", "exit");
        Assert.Equal(3, code);
        Assert.Equal(["registered 3", .. s_lifo], lines);
    }

    [Fact]
    public void Handlers_run_on_an_unhandled_exception()
    {
        var (code, lines, stderr) = LifecycleHost.Run("atexit", "throw");
        Assert.Equal(["registered 3", .. s_lifo], lines);
        Assert.Contains("unhandled in main", stderr, StringComparison.Ordinal);
        Assert.Equal(128 + Signals.SIGABRT, code); // the runtime aborts after an unhandled exception
    }

    [Fact]
    public void Ctrl_C_runs_the_handlers_then_dies_by_SIGINT_as_CPython()
    {
        using LifecycleHost host = LifecycleHost.Start("atexit", "sigint");
        host.Expect("registered 3");
        host.Expect("ready");
        host.Kill(Signals.SIGINT);
        Assert.Equal(128 + Signals.SIGINT, host.WaitForExit());
        Assert.Equal(s_lifo, host.ReadRemainingLines());
        Assert.Equal("KeyboardInterrupt\n", host.Stderr);
    }

    [Fact]
    public void An_unhandled_SIGTERM_kills_without_running_the_handlers_as_CPython()
    {
        using LifecycleHost host = LifecycleHost.Start("atexit", "sigterm");
        host.Expect("registered 3");
        host.Expect("ready");
        host.Kill(Signals.SIGTERM);
        Assert.Equal(128 + Signals.SIGTERM, host.WaitForExit());
        Assert.Empty(host.ReadRemainingLines());
    }

    [Fact]
    public void Run_exit_funcs_runs_them_now_and_they_do_not_run_again()
    {
        var (code, lines, _) = LifecycleHost.Run("atexit", "run");
        Assert.Equal(0, code);
        Assert.Equal(["registered 3", .. s_lifo, "after run 0", "main returns"], lines);
    }

    [Fact]
    public void A_failing_handler_is_reported_on_stderr_and_the_others_still_run()
    {
        var (code, lines, stderr) = LifecycleHost.Run("atexit", "error");
        Assert.Equal(0, code);
        Assert.Equal(["registered 3", "main returns", "atexit 3", "atexit 1"], lines);
        Assert.StartsWith("Exception ignored in atexit callback <function ", stderr, StringComparison.Ordinal);
        Assert.Contains(">:\nSystem.InvalidOperationException: boom in handler 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unregister_removes_the_handler()
    {
        var (code, lines, _) = LifecycleHost.Run("atexit", "unregister");
        Assert.Equal(0, code);
        Assert.Equal(["registered 2", "main returns", "atexit 2", "atexit 1"], lines);
    }
}

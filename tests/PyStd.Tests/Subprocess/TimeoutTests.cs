using System.Diagnostics;
using System.Globalization;
using System.Text;
using PyStd.Subprocess;
using static PyStd.Subprocess.Subprocess;

namespace PyStd.Tests.Subprocess;

/// <summary>Run's timeout kills and reaps the child, and with a new session its whole group.</summary>
[Collection("Subprocess")]
public class TimeoutTests
{
    [Fact]
    public void A_sleep_100_child_is_killed_and_reaped_within_the_timeout()
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<TimeoutExpiredException>(() => Run(["sleep", "100"], new RunOptions { Timeout = TimeSpan.FromSeconds(0.3) }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
        Assert.Equal("Command '['sleep', '100']' timed out after 0.3 seconds", e.Message);
        Assert.Equal("subprocess.TimeoutExpired", e.PythonName);
        AssertNoZombies();
    }

    [Fact]
    public void A_shell_with_grandchildren_in_a_new_session_is_killed_whole_and_the_partial_output_kept()
    {
        // The shell and the host's children share the new session and group; they hold the pipe
        // open, so without killpg Communicate would wait for them.
        string script = $"echo shell $$; {TestHost.Path} spawn 3 100 & wait";
        var e = Assert.Throws<TimeoutExpiredException>(() => Run(["/bin/sh", "-c", script],
            new RunOptions { CaptureOutput = true, StartNewSession = true, Timeout = TimeSpan.FromSeconds(3) }));
        string output = Encoding.ASCII.GetString(e.Output!);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 5, $"expected the shell, the host and 3 children: {output}");
        int session = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var pids = lines.Select(l => int.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).ToList();

        // SIGKILL is delivered at once; orphaned grandchildren are reaped by init, not by us.
        Assert.True(TestHost.Eventually(() => TestHost.LiveInSession(session).Count == 0, 5),
            "still alive: " + string.Join(", ", TestHost.LiveInSession(session)));
        Assert.All(pids, pid => Assert.NotEqual('R', TestHost.Stat(pid)?.State ?? 'Z'));
        AssertNoZombies();
    }

    [Fact]
    public void Without_a_new_session_only_the_child_is_killed_as_in_CPython()
    {
        var e = Assert.Throws<TimeoutExpiredException>(() => Run(TestHost.Args("spawn", "1", "100"),
            new RunOptions { Stdout = Redirect.Pipe, Timeout = TimeSpan.FromSeconds(3) }));
        string[] lines = Encoding.ASCII.GetString(e.Output!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int host = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        int grandchild = int.Parse(lines[1].Split(' ')[1], CultureInfo.InvariantCulture);
        Assert.Null(TestHost.Stat(host));
        Assert.NotEqual('Z', TestHost.Stat(grandchild)!.Value.State); // still alive: kill it ourselves
        Native.LibC.Kill(grandchild, 9);
    }

    [Fact]
    public void Call_kills_the_child_when_its_wait_times_out()
    {
        var e = Assert.Throws<TimeoutExpiredException>(() => Call(["sleep", "100"], timeout: TimeSpan.FromSeconds(0.2)));
        Assert.Equal("Command '['sleep', '100']' timed out after 0.2 seconds", e.Message);
        AssertNoZombies();
    }

    // Other test classes run in parallel and may own a child that has just exited; theirs are reaped
    // within moments, a zombie of ours would stay.
    private static void AssertNoZombies() =>
        Assert.True(TestHost.Eventually(() => TestHost.OurZombies().Count == 0), "zombies: " + string.Join(", ", TestHost.OurZombies()));
}

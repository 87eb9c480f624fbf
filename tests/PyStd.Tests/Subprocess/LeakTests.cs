using PyStd.Subprocess;

namespace PyStd.Tests.Subprocess;

/// <summary>Many spawns, one after another and at once, leave no zombie and no descriptor behind.</summary>
[Collection("Descriptor counts")]
public class LeakTests
{
    [Fact]
    public void Ten_thousand_sequential_spawns_leave_no_zombie_and_no_descriptor()
    {
        int before = TestHost.PipeAndNullDescriptors();
        var pids = new List<int>(10_000);
        for (int i = 0; i < 10_000; i++)
        {
            // Alternate the shapes: plain, captured (two pipes), and stdin from /dev/null with a pipe.
            using var p = new Popen(["/bin/true"], (i % 3) switch
            {
                0 => PopenOptions.Default,
                1 => new PopenOptions { Stdout = Redirect.Pipe, Stderr = Redirect.Pipe },
                _ => new PopenOptions { Stdin = Redirect.DevNull, Stdout = Redirect.Pipe, Stderr = Redirect.Stdout },
            });
            pids.Add(p.Pid);
            if (i % 3 != 0)
            {
                (byte[]? stdout, byte[]? stderr) = p.Communicate();
                Assert.Equal(System.Array.Empty<byte>(), stdout);
                Assert.Equal(i % 3 == 1 ? System.Array.Empty<byte>() : null, stderr);
            }

            Assert.Equal(0, p.Wait());
        }

        Assert.Empty(TestHost.OurZombies(pids));
        Assert.True(TestHost.Eventually(() => TestHost.PipeAndNullDescriptors() <= before + 16),
            $"pipe and /dev/null descriptors: {before} before, {TestHost.PipeAndNullDescriptors()} after");
    }

    [Fact]
    public void Five_hundred_concurrent_children_leave_no_zombie_and_no_descriptor()
    {
        int before = TestHost.PipeAndNullDescriptors();
        var children = new Popen[500];

        // Started from several threads at once; all 500 are alive together (cat waits for its input).
        Parallel.For(0, children.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            children[i] = new Popen(["cat"], new PopenOptions { Stdin = Redirect.Pipe, Stdout = Redirect.Pipe }));
        Assert.All(children, c => Assert.Null(c.Poll()));
        Parallel.For(0, children.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            byte[] input = System.Text.Encoding.ASCII.GetBytes($"child {i}\n");
            (byte[]? stdout, _) = children[i].Communicate(input);
            Assert.Equal(input, stdout);
            children[i].Dispose();
        });

        Assert.All(children, c => Assert.Equal(0, c.ReturnCode));
        Assert.Empty(TestHost.OurZombies(children.Select(c => c.Pid)));
        Assert.True(TestHost.Eventually(() => TestHost.PipeAndNullDescriptors() <= before + 16),
            $"pipe and /dev/null descriptors: {before} before, {TestHost.PipeAndNullDescriptors()} after");
    }

    [Fact]
    public void A_dropped_Popen_is_reaped_by_a_later_one()
    {
        int pid = StartAndDrop();
        Assert.True(TestHost.Eventually(() => TestHost.Stat(pid)?.State == 'Z'), "the dropped child should have exited");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using (var later = new Popen(["true"]))
        {
            later.Wait();
        }

        Assert.Null(TestHost.Stat(pid));
    }

    private static int StartAndDrop() => new Popen(["true"]).Pid;
}

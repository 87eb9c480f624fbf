using PyStd.Pty;
using PyStd.Tests.Subprocess;

namespace PyStd.Tests.Pty;

/// <summary>Many spawns, ended every way, leave no zombie and no descriptor behind (checked in /proc).</summary>
[Collection("Descriptor counts")]
public class PtyLeakTests
{
    [Fact]
    public void Two_hundred_spawns_leave_no_zombie_and_no_descriptor()
    {
        List<string> before = TerminalDescriptors();
        var pids = new List<int>();
        for (int i = 0; i < 200; i++)
        {
            switch (i % 4)
            {
                case 0:
                {
                    // Still running when disposed: hung up and reaped.
                    using PtyProcess child = PyStd.Pty.Pty.Spawn(["sleep", "30"]);
                    pids.Add(child.Pid);
                    break;
                }

                case 1:
                {
                    using PtyProcess child = PyStd.Pty.Pty.Spawn(["sh", "-c", "echo $$"]);
                    pids.Add(child.Pid);
                    Assert.Equal($"{child.Pid}\r\n", System.Text.Encoding.ASCII.GetString(PtyTestSupport.ReadToEnd(child)));
                    Assert.Equal(0, child.Wait());
                    break;
                }

                case 2:
                {
                    // Exited but never waited for: Dispose reaps it.
                    using PtyProcess child = PyStd.Pty.Pty.Spawn(["true"]);
                    pids.Add(child.Pid);
                    PtyTestSupport.ReadToEnd(child);
                    break;
                }

                default:
                    Assert.Throws<PyOSException>(() => PyStd.Pty.Pty.Spawn(["pystd-no-such-program"]));
                    break;
            }
        }

        Assert.Equal(before, TerminalDescriptors());
        int self = Environment.ProcessId;
        foreach (int pid in pids)
        {
            // Only a recycled pid may exist, and then it is not our child.
            if (TestHost.Stat(pid) is TestHost.ProcStat stat)
            {
                Assert.False(stat.ParentPid == self, $"pid {pid} is still our child, state {stat.State}");
            }
        }
    }

    /// <summary>This process's descriptors on a terminal master or slave, or on a pidfd.</summary>
    private static List<string> TerminalDescriptors() =>
        TestHost.Descriptors(target => target == "/dev/ptmx" || target.StartsWith("/dev/pts/", StringComparison.Ordinal) || target.Contains("pidfd", StringComparison.Ordinal));
}

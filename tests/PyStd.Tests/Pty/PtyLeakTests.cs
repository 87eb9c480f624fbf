using PyStd.Pty;

namespace PyStd.Tests.Pty;

/// <summary>The leak test counts this process's descriptors, so nothing else may run beside it.</summary>
[CollectionDefinition("Pty descriptors", DisableParallelization = true)]
public sealed class PtyDescriptorsCollection;

/// <summary>Many spawns, ended every way, leave no zombie and no descriptor behind (checked in /proc).</summary>
[Collection("Pty descriptors")]
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
            string stat = $"/proc/{pid}/stat";
            if (File.Exists(stat))
            {
                // Only a recycled pid may exist, and then it is not our child.
                string text = File.ReadAllText(stat);
                string[] fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                Assert.False(int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == self, $"pid {pid} is still our child, state {fields[0]}");
            }
        }
    }

    /// <summary>This process's descriptors on a terminal master or slave, or on a pidfd.</summary>
    private static List<string> TerminalDescriptors()
    {
        var found = new List<string>();
        foreach (string fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed while listing
            }

            if (target is not null && (target == "/dev/ptmx" || target.StartsWith("/dev/pts/", StringComparison.Ordinal) || target.Contains("pidfd", StringComparison.Ordinal)))
            {
                found.Add($"{Path.GetFileName(fd)} -> {target}");
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}

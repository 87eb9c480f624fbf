using System.Globalization;

namespace PyStd.Tests.Subprocess;

/// <summary>
/// The child program the subprocess tests run (tests/PyStd.TestHost, copied beside the tests), and
/// what the tests read from /proc about processes and descriptors.
/// </summary>
internal static class TestHost
{
    /// <summary>The test host's apphost.</summary>
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "PyStd.TestHost");

    /// <summary>The command line for a verb of the test host.</summary>
    /// <param name="args">The verb and its arguments.</param>
    /// <returns><c>[host, args…]</c>.</returns>
    public static string[] Args(params string[] args) => [Path, .. args];

    /// <summary>The bytes the host's <c>out</c>/<c>err</c> verbs write: byte i is i % 251.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The pattern.</returns>
    public static byte[] Pattern(int count)
    {
        var data = new byte[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = (byte)(i % 251);
        }

        return data;
    }

    /// <summary>Whether <paramref name="data"/> is the pattern from its first byte on.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The index of the first wrong byte, or -1.</returns>
    public static long FirstPatternMismatch(byte[] data)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != (byte)(i % 251))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One process as /proc/PID/stat shows it.</summary>
    /// <param name="Pid">Its pid.</param>
    /// <param name="State">R, S, D, Z …</param>
    /// <param name="ParentPid">Its parent.</param>
    /// <param name="Group">Its process group.</param>
    /// <param name="Session">Its session.</param>
    public readonly record struct ProcStat(int Pid, char State, int ParentPid, int Group, int Session);

    /// <summary>Reads /proc/PID/stat, or null when the process is gone.</summary>
    /// <param name="pid">The pid.</param>
    /// <returns>Its state.</returns>
    public static ProcStat? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid pgrp session ..." — comm may hold spaces and parentheses.
        string[] f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcStat(pid, f[0][0], Int(f[1]), Int(f[2]), Int(f[3]));
    }

    /// <summary>Every process on the machine.</summary>
    /// <returns>Their states.</returns>
    public static List<ProcStat> AllProcesses()
    {
        var list = new List<ProcStat>();
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(dir), out int pid) && Stat(pid) is ProcStat s)
            {
                list.Add(s);
            }
        }

        return list;
    }

    /// <summary>Our zombie children among <paramref name="pids"/> (or all, when null).</summary>
    /// <param name="pids">The pids to look at.</param>
    /// <returns>The zombies.</returns>
    public static List<int> OurZombies(IEnumerable<int>? pids = null)
    {
        int self = Environment.ProcessId;
        IEnumerable<ProcStat> candidates = pids is null
            ? AllProcesses()
            : pids.Select(Stat).Where(s => s is not null).Select(s => s!.Value);
        return candidates.Where(s => s.State == 'Z' && s.ParentPid == self).Select(s => s.Pid).ToList();
    }

    /// <summary>Processes still alive (not zombies) in a session.</summary>
    /// <param name="session">The session id.</param>
    /// <returns>Their pids.</returns>
    public static List<int> LiveInSession(int session) =>
        AllProcesses().Where(s => s.Session == session && s.State != 'Z').Select(s => s.Pid).ToList();

    /// <summary>Our open descriptors that are pipes or /dev/null.</summary>
    /// <returns>How many.</returns>
    public static int PipeAndNullDescriptors() =>
        Descriptors(target => target.StartsWith("pipe:", StringComparison.Ordinal) || target == "/dev/null").Count;

    /// <summary>Our open descriptors (from /proc/self/fd) whose target matches, as sorted "FD -> TARGET" lines.</summary>
    /// <param name="matches">Which link targets to keep.</param>
    /// <returns>The descriptors.</returns>
    public static List<string> Descriptors(Func<string, bool> matches)
    {
        var found = new List<string>();
        foreach (string entry in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(entry).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed while we looked
            }

            if (target is not null && matches(target))
            {
                found.Add($"{System.IO.Path.GetFileName(entry)} -> {target}");
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="seconds"/> pass.</summary>
    /// <param name="condition">What to wait for.</param>
    /// <param name="seconds">At most this long.</param>
    /// <returns>Whether it held.</returns>
    public static bool Eventually(Func<bool> condition, double seconds = 5)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (condition())
            {
                return true;
            }

            if (DateTime.UtcNow > until)
            {
                return false;
            }

            Thread.Sleep(20);
        }
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}

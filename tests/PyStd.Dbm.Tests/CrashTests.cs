using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PyStd.Dbm.Tests;

/// <summary>
/// The FAQ's complaint: a program killed before close(). A child process (PyStd.Dbm.CrashHost) writes
/// the CrashWorkload and prints "ack N" after each acknowledged write group; the test SIGKILLs it at a
/// random moment, then checks the database opens, verifies, and holds exactly the acknowledged state
/// (plus, at most, the one group that was in flight, applied entirely or not at all).
/// </summary>
public class CrashTests
{
    private const int Kills = 50;

    /// <summary>The kill loop of one backend (each backend's class runs in parallel with the other).</summary>
    internal static void KillRepeatedly(string backend)
    {
        using var dir = new TempDir();
        string path = dir.Path("crash" + (backend == "sqlite3" ? ".db" : ""));
        var random = new System.Random(backend.Length);
        const int seed = 77;
        int next = 0;
        for (int kill = 0; kill < Kills; kill++)
        {
            using Process host = StartHost(backend, path, seed, next, 1_000_000);
            var acks = new List<int>();
            var opened = new ManualResetEventSlim();
            var done = new ManualResetEventSlim();
            host.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    done.Set();
                    return;
                }

                lock (acks)
                {
                    if (e.Data.StartsWith("ack ", StringComparison.Ordinal))
                    {
                        acks.Add(int.Parse(e.Data.AsSpan(4), CultureInfo.InvariantCulture));
                    }
                    else if (e.Data.StartsWith("error", StringComparison.Ordinal))
                    {
                        acks.Add(-1);
                    }
                }

                opened.Set();
            };
            host.BeginOutputReadLine();
            Assert.True(opened.Wait(TimeSpan.FromSeconds(30)), "the crash host did not start");
            Thread.Sleep(random.Next(0, 40));
            host.Kill();
            host.WaitForExit();
            done.Wait(TimeSpan.FromSeconds(10));
            int lastAck;
            lock (acks)
            {
                Assert.DoesNotContain(-1, acks);
                lastAck = acks.Count == 0 ? next - 1 : acks[^1];
            }

            DbmVerifyResult verify = DbmVerifier.Verify(path);
            Assert.True(verify.IsValid, $"kill {kill}: {string.Join("; ", verify.Problems)}");

            // Acknowledged: ops [0, lastAck]; the group after it may have landed whole or not at all.
            Dictionary<string, byte[]> acked = CrashWorkload.Model(seed, lastAck + 1);
            int inFlight = CrashWorkload.GroupSize(seed, lastAck + 1);
            Dictionary<string, byte[]> withInFlight = new(acked, StringComparer.Ordinal);
            CrashWorkload.Apply(withInFlight, seed, lastAck + 1, lastAck + 1 + inFlight);
            Dictionary<string, byte[]> actual = ReadAll(path);
            bool matches = SameContents(acked, actual);
            bool matchesInFlight = SameContents(withInFlight, actual);
            Assert.True(matches || matchesInFlight, $"kill {kill} after ack {lastAck}: {Describe(acked, actual)}");
            next = lastAck + 1; // the in-flight group is replayed: every op is absolute, so that is idempotent
        }

        Assert.True(next > Kills, "the host wrote too little to prove anything");
    }

    [Fact]
    public void Two_concurrent_sqlite_writers_lose_nothing()
    {
        using var dir = new TempDir();
        string path = dir.Path("two.db");
        using (IDbm db = Dbm.Open(path, "c"))
        {
        }

        using Process a = StartHost("sqlite3", path, 5, 0, 400, "a");
        using Process b = StartHost("sqlite3", path, 6, 0, 400, "b");
        string outA = a.StandardOutput.ReadToEnd();
        string outB = b.StandardOutput.ReadToEnd();
        a.WaitForExit();
        b.WaitForExit();
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);
        Assert.DoesNotContain("error", outA + outB, StringComparison.Ordinal);
        var expected = CrashWorkload.Model(5, LastAck(outA) + 1, "a");
        foreach (KeyValuePair<string, byte[]> kv in CrashWorkload.Model(6, LastAck(outB) + 1, "b"))
        {
            expected.Add(kv.Key, kv.Value);
        }

        Assert.True(SameContents(expected, ReadAll(path)));
        Assert.True(DbmVerifier.Verify(path).IsValid);
    }

    [Fact]
    public void A_second_dumb_writer_gets_a_clear_error_and_the_first_is_unharmed()
    {
        using var dir = new TempDir();
        string path = dir.Path("locked");
        using Process first = StartHost("dumb", path, 3, 0, 1_000_000);
        Assert.Equal("open", first.StandardOutput.ReadLine());
        Assert.StartsWith("ack ", first.StandardOutput.ReadLine());
        using Process second = StartHost("dumb", path, 4, 0, 10, "other");
        string secondOut = second.StandardOutput.ReadToEnd();
        second.WaitForExit();
        Assert.Equal(3, second.ExitCode);
        Assert.Contains($"error {path}: the database is locked: another process has it open", secondOut);
        Assert.Throws<DbmException>(() => Dbm.Open(path, "w"));
        first.Kill();
        string rest = first.StandardOutput.ReadToEnd();
        first.WaitForExit();
        int lastAck = LastAck(rest);
        Assert.True(DbmVerifier.Verify(path).IsValid);
        Dictionary<string, byte[]> actual = ReadAll(path);
        Assert.True(SameContents(CrashWorkload.Model(3, lastAck + 1), actual)
            || SameContents(CrashWorkload.Model(3, lastAck + 1 + CrashWorkload.GroupSize(3, lastAck + 1)), actual));
        Assert.DoesNotContain(actual.Keys, k => k.StartsWith("other", StringComparison.Ordinal));
    }

    internal static Process StartHost(string backend, string path, int seed, int first, int max, string prefix = "key")
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PyStd.Dbm.CrashHost.dll"));
        foreach (string arg in new[] { backend, path, seed.ToString(CultureInfo.InvariantCulture), first.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture), prefix })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["DOTNET_TieredPGO"] = "0";
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the crash host");
    }

    private static int LastAck(string output)
    {
        int last = -1;
        foreach (string line in output.Split('\n'))
        {
            if (line.StartsWith("ack ", StringComparison.Ordinal))
            {
                last = int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
            }
        }

        return last;
    }

    private static Dictionary<string, byte[]> ReadAll(string path)
    {
        var all = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (Dbm.WhichDb(path) is null)
        {
            return all;
        }

        using IDbm db = Dbm.Open(path, "r");
        foreach (KeyValuePair<byte[], byte[]> kv in db)
        {
            all.Add(Encoding.UTF8.GetString(kv.Key), kv.Value);
        }

        return all;
    }

    private static bool SameContents(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual) =>
        expected.Count == actual.Count
        && expected.All(kv => actual.TryGetValue(kv.Key, out byte[]? v) && v.AsSpan().SequenceEqual(kv.Value));

    private static string Describe(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).Take(5);
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).Take(5);
        var wrong = expected.Keys.Where(k => actual.TryGetValue(k, out byte[]? v) && !v.AsSpan().SequenceEqual(expected[k])).Take(5);
        return $"missing [{string.Join(",", missing)}] extra [{string.Join(",", extra)}] wrong [{string.Join(",", wrong)}]";
    }
}

/// <summary>50 SIGKILLs of a dbm.sqlite3 writer.</summary>
public class SqliteCrashTests
{
    [Fact]
    public void Every_acknowledged_write_survives_sigkill_at_random_moments() => CrashTests.KillRepeatedly("sqlite3");
}

/// <summary>50 SIGKILLs of a dbm.dumb writer.</summary>
public class DumbCrashTests
{
    [Fact]
    public void Every_acknowledged_write_survives_sigkill_at_random_moments() => CrashTests.KillRepeatedly("dumb");
}

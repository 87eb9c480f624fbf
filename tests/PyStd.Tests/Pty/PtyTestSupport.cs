using System.Collections;
using PyStd.Pty;

namespace PyStd.Tests.Pty;

/// <summary>Shared pieces of the pty tests: the environment children get, and reading to the end.</summary>
internal static class PtyTestSupport
{
    /// <summary>This process's environment without <c>TERM</c> (so the spawn's default applies) and with a fixed Python hash seed.</summary>
    public static Dictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        env.Remove("TERM");
        env.Remove("PYTHONSTARTUP");
        env["PYTHONHASHSEED"] = "0";
        return env;
    }

    /// <summary>Spawns with <see cref="Environment"/>.</summary>
    public static PtyProcess Spawn(params string[] args) => PyStd.Pty.Pty.Spawn(args, env: Environment());

    /// <summary>An expect session with <see cref="Environment"/> and a timeout that a loaded machine still meets.</summary>
    public static ExpectSession Session(params string[] args)
    {
        var session = ExpectSession.Spawn(args, env: Environment());
        session.Timeout = TimeSpan.FromSeconds(20);
        return session;
    }

    /// <summary>Everything the child writes until end of file.</summary>
    public static byte[] ReadToEnd(PtyProcess process)
    {
        var output = new MemoryStream();
        byte[] buffer = new byte[4096];
        while (true)
        {
            Assert.True(process.TryRead(buffer, TimeSpan.FromSeconds(20), out int n), "The child produced no output and no end of file within 20 s.");
            if (n == 0)
            {
                return output.ToArray();
            }

            output.Write(buffer, 0, n);
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace PyStd.Dbm.Tests.Dump;

/// <summary>
/// Runs Berkeley DB 5.3's own <c>db_load</c> and <c>db_dump</c> (Debian's <c>db-util</c>, installed by
/// .ci/run). A missing tool is a failure, never a skip.
/// </summary>
internal static class BerkeleyDbTools
{
    public static string Tool(string name)
    {
        foreach (string candidate in new[] { name, name.Replace("db_", "db5.3_", StringComparison.Ordinal) })
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
            {
                string path = Path.Combine(dir, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new InvalidOperationException($"{name} (Berkeley DB utilities) is not installed; .ci/run installs the apt package db-util.");
    }

    /// <summary>Runs a tool; returns its exit code, standard output bytes and standard error.</summary>
    public static (int Code, byte[] Out, string Err) Run(string tool, byte[]? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo(Tool(tool))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process process = Process.Start(psi)!;
        var output = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish in 60 s");
        }

        copy.GetAwaiter().GetResult();
        return (process.ExitCode, output.ToArray(), error.GetAwaiter().GetResult());
    }

    /// <summary>db_load -f DUMP DB (or -T -t hash with plain text); fails the test on a non-zero exit.</summary>
    public static void Load(string dumpFile, string dbFile, bool plainText = false)
    {
        var (code, _, err) = plainText
            ? Run("db_load", File.ReadAllBytes(dumpFile), "-T", "-t", "hash", dbFile)
            : Run("db_load", null, "-f", dumpFile, dbFile);
        Assert.True(code == 0 && err.Length == 0, $"db_load failed ({code}): {err}");
    }

    /// <summary>db_dump [-p] DB; returns the dump's bytes.</summary>
    public static byte[] Dump(string dbFile, bool print = false)
    {
        var (code, output, err) = print ? Run("db_dump", null, "-p", dbFile) : Run("db_dump", null, dbFile);
        Assert.True(code == 0, $"db_dump failed ({code}): {err}");
        return output;
    }

    public static string Ascii(byte[] data) => Encoding.Latin1.GetString(data);
}

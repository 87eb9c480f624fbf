using System.Diagnostics;
using System.Text;

namespace PyStd.Tests.Python;

/// <summary>
/// The one place tests run CPython. Every differential test asks python3 for a whole table of
/// cases in one process (a script under tests/PyStd.Tests/Python/, or inline source), then
/// checks ours against it. python3 missing is a failure, never a skip: .ci/run installs it.
/// </summary>
public static class PythonRunner
{
    private static readonly string ScriptDirectory = Path.Combine(AppContext.BaseDirectory, "Python");

    /// <summary>Runs a script file from tests/PyStd.Tests/Python/ and returns its standard output.</summary>
    /// <param name="scriptName">File name, e.g. <c>gen_literals.py</c>.</param>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>Everything the script printed (UTF-8).</returns>
    public static string RunScript(string scriptName, params string[] args)
    {
        string path = Path.Combine(ScriptDirectory, scriptName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Python test script not found: {path}");
        }

        return Run(path, null, args);
    }

    /// <summary>Runs a script file from tests/PyStd.Tests/Python/ with text on its standard input.</summary>
    /// <param name="scriptName">File name, e.g. <c>gen_pickler_values.py</c>.</param>
    /// <param name="stdin">Text for its standard input.</param>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>Everything the script printed (UTF-8).</returns>
    public static string RunScriptWithInput(string scriptName, string stdin, params string[] args)
    {
        string path = Path.Combine(ScriptDirectory, scriptName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Python test script not found: {path}");
        }

        return Run(path, stdin, args);
    }

    /// <summary>Runs Python source text and returns its standard output.</summary>
    /// <param name="source">The program.</param>
    /// <param name="stdin">Text for its standard input, or null.</param>
    /// <returns>Everything it printed (UTF-8).</returns>
    public static string RunSource(string source, string? stdin = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"pystd-test-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source, new UTF8Encoding(false));
        try
        {
            return Run(path, stdin, []);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs a script file and splits its output into lines (without the final empty one).</summary>
    /// <param name="scriptName">File name under tests/PyStd.Tests/Python/.</param>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The lines.</returns>
    public static string[] RunScriptLines(string scriptName, params string[] args) =>
        SplitLines(RunScript(scriptName, args));

    /// <summary>Splits output on '\n' and drops the trailing empty line.</summary>
    /// <param name="output">Script output.</param>
    /// <returns>The lines.</returns>
    public static string[] SplitLines(string output)
    {
        string[] lines = output.Split('\n');
        return lines.Length > 0 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    private static string Run(string scriptPath, string? stdin, string[] args)
    {
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add("-X");
        psi.ArgumentList.Add("utf8");
        psi.ArgumentList.Add(scriptPath);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONHASHSEED"] = "0";
        psi.Environment["PYTHONIOENCODING"] = "utf-8";

        using Process process = Process.Start(psi)
            ?? throw new InvalidOperationException("python3 could not be started; .ci/run installs it.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python3 {scriptPath} did not finish in 3 minutes.");
        }

        string output = stdout.GetAwaiter().GetResult();
        string errors = stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 {Path.GetFileName(scriptPath)} exited with {process.ExitCode}: {errors}");
        }

        return output;
    }
}

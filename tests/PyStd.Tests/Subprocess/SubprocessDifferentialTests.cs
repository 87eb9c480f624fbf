using System.Text;
using System.Text.Json;
using PyStd.Objects;
using PyStd.Subprocess;
using PyStd.Tests.Python;

namespace PyStd.Tests.Subprocess;

/// <summary>
/// CPython's subprocess.run/check_output/call/check_call against ours on one table of commands
/// (Python/subprocess_table.py): return codes, stdout and stderr bytes, text mode with its newline
/// translation and error handlers, env, cwd, shell, input, and the errors with their errno and text.
/// Each result is compared through CPython's repr, so the bytes must be equal.
/// </summary>
[Collection("Subprocess")]
public class SubprocessDifferentialTests
{
    [Fact]
    public void Every_case_gives_CPythons_result()
    {
        string[] lines = PythonRunner.RunScriptLines("subprocess_table.py");
        Assert.True(lines.Length >= 60, $"only {lines.Length} cases");
        var failures = new List<string>();
        foreach (string line in lines)
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement c = doc.RootElement;
            string expected = Describe(c);
            string actual;
            try
            {
                actual = Describe(RunOurs(c), c);
            }
            catch (Exception e)
            {
                actual = Describe(e, c);
            }

            if (expected != actual)
            {
                failures.Add($"case {c.GetProperty("id")}: {c.GetProperty("args")} {c.GetProperty("kwargs")}\n  CPython: {expected}\n  PyStd:   {actual}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {lines.Length} cases differ:\n" + string.Join("\n", failures));
    }

    private static string Describe(JsonElement c)
    {
        if (c.TryGetProperty("value", out JsonElement value))
        {
            return "value " + value.GetString();
        }

        string error = c.GetProperty("error").GetString()!;
        return error switch
        {
            "CalledProcessError" => $"{error} {c.GetProperty("message").GetString()} rc={c.GetProperty("returncode")} out={c.GetProperty("output").GetString()} err={c.GetProperty("stderr").GetString()}",
            "TimeoutExpired" => $"{error} {TimeoutPrefix(c.GetProperty("message").GetString()!)} out={c.GetProperty("output").GetString()} err={c.GetProperty("stderr").GetString()}",
            "OSError" => $"{error} {c.GetProperty("errno")} {c.GetProperty("message").GetString()}",
            _ => error,
        };
    }

    private static string Describe(object? result, JsonElement c) => "value " + result switch
    {
        CompletedProcess p => p.ToString(),
        byte[] b => PyRepr.Repr(b),
        string s => PyRepr.Repr(s),
        int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "?",
    };

    private static string Describe(Exception e, JsonElement c)
    {
        bool text = IsText(c.GetProperty("kwargs"));
        return e switch
        {
            CalledProcessException p => $"CalledProcessError {p.Message} rc={p.ReturnCode} out={(text ? PyRepr.Repr(p.OutputText) : PyRepr.Repr(p.Output))} err={(text ? PyRepr.Repr(p.StderrText) : PyRepr.Repr(p.Stderr))}",
            TimeoutExpiredException t => $"TimeoutExpired {TimeoutPrefix(t.Message)} out={PyRepr.Repr(t.Output)} err={PyRepr.Repr(t.Stderr)}",
            PyOSException o => $"OSError {o.Errno} {o.Message}",
            DecoderFallbackException => "UnicodeDecodeError",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
    }

    // CPython reports the *remaining* time when the final wait() times out ("after 0.2499899 seconds");
    // PyStd always reports the timeout given, so only the text up to "after" is compared.
    private static string TimeoutPrefix(string message) => message[..message.IndexOf(" after ", StringComparison.Ordinal)];

    private static bool IsText(JsonElement kwargs) =>
        kwargs.TryGetProperty("text", out _) || kwargs.TryGetProperty("universal_newlines", out _)
        || kwargs.TryGetProperty("encoding", out _) || kwargs.TryGetProperty("errors", out _);

    private static object? RunOurs(JsonElement c)
    {
        JsonElement args = c.GetProperty("args");
        string? command = args.ValueKind == JsonValueKind.String ? args.GetString() : null;
        string[] list = command is null ? args.EnumerateArray().Select(a => a.GetString()!).ToArray() : [];
        RunOptions options = Options(c.GetProperty("kwargs"));
        switch (c.GetProperty("func").GetString())
        {
            case "run":
                return command is null ? PyStd.Subprocess.Subprocess.Run(list, options) : PyStd.Subprocess.Subprocess.Run(command, options);
            case "check_output":
                return options.IsTextMode
                    ? command is null ? PyStd.Subprocess.Subprocess.CheckOutputText(list, options) : PyStd.Subprocess.Subprocess.CheckOutputText(command, options)
                    : command is null ? PyStd.Subprocess.Subprocess.CheckOutput(list, options) : PyStd.Subprocess.Subprocess.CheckOutput(command, options);
            case "call":
                return command is null ? PyStd.Subprocess.Subprocess.Call(list, options, options.Timeout) : PyStd.Subprocess.Subprocess.Call(command, options, options.Timeout);
            case "check_call":
                if (command is null)
                {
                    PyStd.Subprocess.Subprocess.CheckCall(list, options, options.Timeout);
                }
                else
                {
                    PyStd.Subprocess.Subprocess.CheckCall(command, options, options.Timeout);
                }

                return 0;
            default:
                throw new InvalidOperationException("unknown func");
        }
    }

    private static RunOptions Options(JsonElement kwargs)
    {
        var o = new RunOptions();
        foreach (JsonProperty p in kwargs.EnumerateObject())
        {
            JsonElement v = p.Value;
            o = p.Name switch
            {
                "capture_output" => o with { CaptureOutput = v.GetBoolean() },
                "check" => o with { Check = v.GetBoolean() },
                "shell" => o with { Shell = v.GetBoolean() },
                "text" or "universal_newlines" => o with { Text = v.GetBoolean() },
                "errors" => o with { Errors = v.GetString() },
                "encoding" => o with { Encoding = v.GetString() switch { "latin-1" => Encoding.Latin1, "ascii" => Encoding.ASCII, _ => Encoding.UTF8 } },
                "cwd" => o with { WorkingDirectory = v.GetString() },
                "executable" => o with { Executable = v.GetString() },
                "timeout" => o with { Timeout = TimeSpan.FromSeconds(v.GetDouble()) },
                "env" => o with { Environment = v.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString()!) },
                "input" => v.ValueKind == JsonValueKind.String
                    ? o with { InputText = v.GetString() }
                    : o with { Input = Convert.FromBase64String(v.GetProperty("b64").GetString()!) },
                "stdin" => o with { Stdin = Redirect(v.GetString()!) },
                "stdout" => o with { Stdout = Redirect(v.GetString()!) },
                "stderr" => o with { Stderr = Redirect(v.GetString()!) },
                _ => throw new InvalidOperationException($"unknown keyword {p.Name}"),
            };
        }

        return o;
    }

    private static PyStd.Subprocess.Redirect Redirect(string name) => name switch
    {
        "PIPE" => PyStd.Subprocess.Redirect.Pipe,
        "DEVNULL" => PyStd.Subprocess.Redirect.DevNull,
        "STDOUT" => PyStd.Subprocess.Redirect.Stdout,
        _ => throw new InvalidOperationException(name),
    };
}

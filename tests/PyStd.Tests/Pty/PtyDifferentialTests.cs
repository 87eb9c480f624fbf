using System.Text.Json;
using System.Text.Json.Nodes;
using PyStd.Pty;
using PyStd.Tests.Python;

namespace PyStd.Tests.Pty;

/// <summary>
/// Ours against CPython: the same children under CPython's <c>pty.spawn</c> and under
/// <see cref="PyStd.Pty.Pty.Spawn"/> give byte-identical transcripts (the terminal's output
/// processing, its settings, the session it gives the child) and the same return codes; and the
/// same scripted session under pexpect and under <see cref="ExpectSession"/> gives the same
/// indexes, <c>before</c>, <c>after</c> and groups.
/// </summary>
public class PtyDifferentialTests
{
    private static readonly Dictionary<string, string> s_env = new(StringComparer.Ordinal)
    {
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        ["TERM"] = "dumb",
        ["LANG"] = "C.UTF-8",
        ["PYTHONIOENCODING"] = "utf-8",
        ["PYTHONHASHSEED"] = "0",
    };

    private static readonly string[][] s_cases =
    [
        ["python3", "-c", "import sys; sys.stdout.buffer.write(bytes(range(256)) * 2)"],
        ["sh", "-c", "printf 'a\\nb\\r\\nc\\td'; echo err >&2; exit 3"],
        ["python3", "-c", "import os, termios\na = termios.tcgetattr(0)\nprint(a[:6], list(a[6]))\n"
            + "print(os.isatty(0), os.isatty(1), os.isatty(2), os.getsid(0) == os.getpid(), os.tcgetpgrp(0) == os.getpgrp())"],
        ["python3", "-c", "print('h\\u00e9llo w\\u00f6rld \\u2713 ' * 2000)"],
        ["python3", "-c", "import sys; sys.stdout.write(''.join(f'{i}\\n' for i in range(20000)))"],
        ["sh", "-c", "kill -TERM $$"],
        ["sh", "-c", "exec python3 -c 'import os, signal; os.kill(os.getpid(), signal.SIGKILL)'"],
        ["echo"],
        ["true"],
        ["false"],
    ];

    [Fact]
    public void Transcripts_and_return_codes_match_CPythons_pty_spawn()
    {
        string spec = JsonSerializer.Serialize(new { env = s_env, cases = s_cases });
        JsonArray expected = JsonNode.Parse(PythonRunner.RunScriptWithInput("pty_transcript.py", spec))!.AsArray();
        Assert.Equal(s_cases.Length, expected.Count);
        for (int i = 0; i < s_cases.Length; i++)
        {
            using PtyProcess child = PyStd.Pty.Pty.Spawn(s_cases[i], env: s_env);
            string ours = Convert.ToHexStringLower(PtyTestSupport.ReadToEnd(child));
            int returnCode = child.Wait();
            Assert.True(expected[i]!["hex"]!.GetValue<string>() == ours, $"case {i} ({string.Join(' ', s_cases[i])}): transcripts differ");
            Assert.Equal(expected[i]!["returncode"]!.GetValue<int>(), returnCode);
        }
    }

    [Fact]
    public void A_scripted_session_gives_what_pexpect_gives()
    {
        const string child =
            "print('Name? ', end='', flush=True)\n" +
            "name = input()\n" +
            "print(f'Hello {name}! Your number is 42.')\n" +
            "print('Pick: [a] apple [b] banana \\u2713')\n" +
            "c = input('> ')\n" +
            "print('chose', c)\n" +
            "print('done')\n";
        string[] argv = ["python3", "-c", child];
        object[] steps =
        [
            new { op = "expect", patterns = new[] { "Name\\? " } },
            new { op = "expect", patterns = new[] { "nope", "<TIMEOUT>" }, timeout = 0.1 },
            new { op = "sendline", text = "Ada" },
            new { op = "expect", patterns = new[] { "number is (\\d+)(x)?\\.", "never" } },
            new { op = "expect_exact", patterns = new[] { "[b]", "[a]" } },
            new { op = "expect", patterns = new[] { "banana (.)\\r\\n" } },
            new { op = "expect_exact", patterns = new[] { "> " } },
            new { op = "sendline", text = "b\u00e9" },
            new { op = "expect", patterns = new[] { "chose (\\w+)", "<EOF>" } },
            new { op = "expect", patterns = new[] { "zzz" } },
            new { op = "expect", patterns = new[] { "<EOF>", "zzz" } },
            new { op = "wait" },
        ];

        string spec = JsonSerializer.Serialize(new { argv, env = s_env, steps });
        JsonNode expected = JsonNode.Parse(PythonRunner.RunScriptWithInput("pexpect_session.py", spec))!;
        JsonNode ours = JsonNode.Parse(RunSession(argv, JsonNode.Parse(spec)!["steps"]!.AsArray()).ToJsonString())!;
        Assert.True(JsonNode.DeepEquals(expected, ours), $"pexpect:\n{expected.ToJsonString()}\nours:\n{ours.ToJsonString()}");
    }

    private static JsonArray RunSession(string[] argv, JsonArray steps)
    {
        var results = new JsonArray();
        using var session = ExpectSession.Spawn(argv, env: s_env);
        session.Timeout = TimeSpan.FromSeconds(20);
        foreach (JsonNode? step in steps)
        {
            string op = step!["op"]!.GetValue<string>();
            switch (op)
            {
                case "expect" or "expect_exact":
                {
                    ExpectPattern[] patterns = [.. step["patterns"]!.AsArray().Select(p => p!.GetValue<string>() switch
                    {
                        "<EOF>" => ExpectPattern.Eof,
                        "<TIMEOUT>" => ExpectPattern.Timeout,
                        string s => ExpectPattern.FromString(s),
                    })];
                    TimeSpan timeout = TimeSpan.FromSeconds(step["timeout"]?.GetValue<double>() ?? 20);
                    try
                    {
                        int index = op == "expect" ? session.Expect(timeout, patterns) : session.ExpectExact(timeout, patterns);
                        string? after = session.After ?? (patterns[index] == ExpectPattern.Eof ? "<EOF>" : "<TIMEOUT>");
                        JsonArray? groups = session.Match is null
                            ? null
                            : [.. session.Match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Select(g => g.Success ? JsonValue.Create(g.Value) : null)];
                        results.Add(new JsonObject { ["index"] = index, ["before"] = session.Before, ["after"] = after, ["groups"] = groups });
                    }
                    catch (PtyEofException)
                    {
                        results.Add(new JsonObject { ["error"] = "EOF", ["before"] = session.Before });
                    }
                    catch (PtyTimeoutException)
                    {
                        results.Add(new JsonObject { ["error"] = "TIMEOUT", ["before"] = session.Before });
                    }

                    break;
                }

                case "sendline":
                    results.Add(new JsonObject { ["sent"] = session.SendLine(step["text"]!.GetValue<string>()) });
                    break;
                case "wait":
                    results.Add(new JsonObject { ["status"] = session.Wait() });
                    break;
                default:
                    throw new InvalidOperationException(op);
            }
        }

        session.Close();
        results.Add(new JsonObject { ["exitstatus"] = session.ExitStatus, ["signalstatus"] = session.SignalStatus });
        return results;
    }
}

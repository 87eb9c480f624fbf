using System.Text.Json;
using PyStd.Tests.Lifecycle;
using PyStd.Tests.Python;

namespace PyStd.Tests.Terminal;

/// <summary>
/// Keypresses through a real pseudo-terminal: python3's pty driver (Python/pty_keys.py) makes the
/// program the terminal's owner, types keys without Enter and runs <c>stty -g</c> on the same
/// terminal before and after.
/// </summary>
public class KeyboardPtyTests
{
    private static JsonElement Drive(string[][] steps, params string[] program)
    {
        string json = JsonSerializer.Serialize(steps);
        return JsonDocument.Parse(PythonRunner.RunScript("pty_keys.py", [json, .. program])).RootElement;
    }

    private static string[] Chunks(JsonElement result) =>
        [.. result.GetProperty("chunks").EnumerateArray().Select(c => c.GetString()!)];

    private static void AssertRestored(JsonElement result)
    {
        Assert.Equal(result.GetProperty("stty_before").GetString(), result.GetProperty("stty_after").GetString());
        Assert.False(result.GetProperty("echo").GetBoolean(), "echo was on while reading keys");
        Assert.False(result.GetProperty("icanon").GetBoolean());
        Assert.True(result.GetProperty("isig").GetBoolean(), "Ctrl-C must still interrupt");
    }

    [Fact]
    public void Getkey_prints_each_key_as_it_is_pressed_without_echo_and_restores_the_terminal()
    {
        JsonElement result = Drive(
            [["a", "Got character"], ["é", "Got character"], ["€", "Got character"], ["😀", "Got character"], ["\u001b", "Got character"], [" ", "Got character"], ["q", ""]],
            LifecycleHost.PystdPath, "getkey");
        // Exactly the program's line after each key: no echo of the key, no waiting for Enter.
        Assert.Equal(
            ["Got character 'a'\r\n", "Got character 'é'\r\n", "Got character '€'\r\n", "Got character '😀'\r\n", "Got character '\\x1b'\r\n", "Got character ' '\r\n", "Got character 'q'\r\n"],
            Chunks(result));
        Assert.Equal("", result.GetProperty("early").GetString());
        Assert.Equal(0, result.GetProperty("returncode").GetInt32());
        AssertRestored(result);
    }

    [Fact]
    public void Ctrl_C_mid_read_restores_the_terminal_and_dies_by_SIGINT()
    {
        JsonElement result = Drive([["x", "Got character"], ["\u0003", ""]], LifecycleHost.PystdPath, "getkey");
        Assert.Equal(["Got character 'x'\r\n", "KeyboardInterrupt\r\n"], Chunks(result));
        Assert.Equal(-2, result.GetProperty("returncode").GetInt32());
        AssertRestored(result);
    }

    [Theory]
    [InlineData("SIGTERM", -15)]
    [InlineData("SIGHUP", -1)]
    public void A_terminating_signal_mid_read_restores_the_terminal(string signal, int returnCode)
    {
        JsonElement result = Drive([["x", "key"], ["!" + signal, ""]], LifecycleHost.ExePath, "keys", "read");
        Assert.Equal("key 'x'\r\n", Chunks(result)[0]);
        Assert.Equal(returnCode, result.GetProperty("returncode").GetInt32());
        AssertRestored(result);
    }

    [Fact]
    public void An_unhandled_exception_in_a_session_restores_the_terminal()
    {
        JsonElement result = Drive([["x", "key"], ["", ""]], LifecycleHost.ExePath, "keys", "throw");
        Assert.Equal("key 'x'\r\n", Chunks(result)[0]);
        Assert.Contains("thrown while reading keys", Chunks(result)[1], StringComparison.Ordinal);
        AssertRestored(result);
    }

    [Fact]
    public void Static_calls_and_a_sessions_try_read_key_with_timeouts()
    {
        // One static ReadKey and KeyAvailable (each switches the mode and back), then a session.
        JsonElement result = Drive([["z", "available"], ["", "timeout"], ["ab", "key 'b'"], ["q", ""]], LifecycleHost.ExePath, "keys", "poll");
        Assert.Equal("", result.GetProperty("early").GetString());
        // "ab" arrives in one write: after 'a' the session still has 'b' available.
        Assert.Equal(["once 'z'\r\navailable False\r\n", "timeout\r\n", "key 'a' available True\r\nkey 'b' available False\r\n", "key 'q' available False\r\n"], Chunks(result));
        Assert.Equal(0, result.GetProperty("returncode").GetInt32());
        AssertRestored(result);
    }
}

using System.Text;
using PyStd.Subprocess;

namespace PyStd.Tests.Subprocess;

/// <summary>
/// The FAQ's deadlock and its cure: Communicate moves any amount both ways at once; stderr merged
/// into stdout keeps the child's exact order; a timeout leaves what was read in the exception.
/// </summary>
[Collection("Subprocess")]
public class CommunicateTests
{
    private const int HundredMegabytes = 100_000_000;

    [Fact]
    public void A_child_writing_100_MB_to_stdout_and_stderr_while_reading_100_MB_completes()
    {
        byte[] input = TestHost.Pattern(HundredMegabytes);
        using var p = new Popen(TestHost.Args("both", HundredMegabytes.ToString(), HundredMegabytes.ToString()),
            new PopenOptions { Stdin = Redirect.Pipe, Stdout = Redirect.Pipe, Stderr = Redirect.Pipe });
        (byte[]? stdout, byte[]? stderr) = p.Communicate(input, TimeSpan.FromMinutes(2));
        Assert.Equal(0, p.ReturnCode); // 3 or 4: the child did not get exactly our 100 MB
        Assert.Equal(HundredMegabytes, stdout!.Length);
        Assert.Equal(HundredMegabytes, stderr!.Length);
        Assert.Equal(-1, TestHost.FirstPatternMismatch(stdout));
        Assert.Equal(-1, TestHost.FirstPatternMismatch(stderr));
    }

    [Fact]
    public void Stderr_merged_into_stdout_keeps_the_childs_interleaving_exactly()
    {
        const int lines = 20_000;
        CompletedProcess done = PyStd.Subprocess.Subprocess.Run(TestHost.Args("interleave", lines.ToString()),
            new RunOptions { Stdout = Redirect.Pipe, Stderr = Redirect.Stdout });
        var expected = new StringBuilder();
        for (int i = 0; i < lines; i++)
        {
            expected.Append("line ").Append(i).Append('\n');
        }

        Assert.Equal(expected.ToString(), Encoding.ASCII.GetString(done.Stdout!));
        Assert.Null(done.Stderr);
    }

    [Fact]
    public void Input_larger_than_the_pipe_to_a_child_that_never_reads_ends_with_the_child()
    {
        // The child exits without reading: the write meets EPIPE, which is ignored as in CPython.
        using var p = new Popen(TestHost.Args("exit", "3"), new PopenOptions { Stdin = Redirect.Pipe, Stdout = Redirect.Pipe });
        (byte[]? stdout, byte[]? stderr) = p.Communicate(new byte[10_000_000]);
        Assert.Equal(3, p.ReturnCode);
        Assert.Equal(System.Array.Empty<byte>(), stdout);
        Assert.Null(stderr);
    }

    [Fact]
    public void A_timeout_holds_the_partial_output_and_a_second_call_carries_on()
    {
        using var p = new Popen(["/bin/sh", "-c", "echo first; echo err >&2; sleep 1.5; echo second"],
            new PopenOptions { Stdout = Redirect.Pipe, Stderr = Redirect.Pipe });
        var e = Assert.Throws<TimeoutExpiredException>(() => p.Communicate(timeout: TimeSpan.FromSeconds(0.5)));
        Assert.Equal("first\n"u8.ToArray(), e.Output);
        Assert.Equal("err\n"u8.ToArray(), e.Stderr);
        Assert.Equal("Command '['/bin/sh', '-c', 'echo first; echo err >&2; sleep 1.5; echo second']' timed out after 0.5 seconds", e.Message);
        Assert.Null(p.ReturnCode); // still running
        Assert.Throws<InvalidOperationException>(() => p.Communicate(new byte[1]));
        (byte[]? stdout, byte[]? stderr) = p.Communicate();
        Assert.Equal("first\nsecond\n"u8.ToArray(), stdout);
        Assert.Equal("err\n"u8.ToArray(), stderr);
        Assert.Equal(0, p.ReturnCode);
    }

    [Fact]
    public void CommunicateText_encodes_and_decodes_with_the_options_codec()
    {
        using var p = new Popen(TestHost.Args("cat"), new PopenOptions { Stdin = Redirect.Pipe, Stdout = Redirect.Pipe, Encoding = Encoding.Latin1 });
        (string? stdout, string? stderr) = p.CommunicateText("ÿé\r\n");
        Assert.Equal("ÿé\n", stdout);
        Assert.Null(stderr);
    }

    [Fact]
    public void Text_error_handlers_follow_Python()
    {
        byte[] bad = [(byte)'a', 0xff, 0xe2, 0x82, (byte)'b', (byte)'\r'];
        string Decode(string errors) => PyStd.Subprocess.Subprocess.Run(TestHost.Args("cat"),
            new RunOptions { Input = bad, Stdout = Redirect.Pipe, Errors = errors }).StdoutText!;
        Assert.Equal("a\uFFFD\uFFFDb\n", Decode("replace"));
        Assert.Equal("ab\n", Decode("ignore"));
        Assert.Equal("a\uDCFF\uDCE2\uDC82b\n", Decode("surrogateescape"));
        Assert.Equal("a\\xff\\xe2\\x82b\n", Decode("backslashreplace"));
        Assert.Throws<DecoderFallbackException>(() => Decode("strict"));

        // surrogateescape round-trips the bytes through text.
        CompletedProcess back = PyStd.Subprocess.Subprocess.Run(TestHost.Args("cat"),
            new RunOptions { InputText = "a\uDCFF\uDCE2\uDC82b", Stdout = Redirect.Pipe, Errors = "surrogateescape" });
        Assert.Equal(new byte[] { (byte)'a', 0xff, 0xe2, 0x82, (byte)'b' }, back.Stdout);
    }

    [Fact]
    public void Streams_can_be_used_directly_and_piped_into_another_child()
    {
        // echo | cat: the first child's stdout stream is the second child's stdin, as in a shell pipeline.
        using var first = new Popen(TestHost.Args("echo", "through", "a", "pipeline"), new PopenOptions { Stdout = Redirect.Pipe });
        using var second = new Popen(["cat"], new PopenOptions { Stdin = Redirect.FromStream(first.Stdout!), Stdout = Redirect.Pipe });
        first.Stdout!.Dispose();
        using var reader = new StreamReader(second.Stdout!);
        Assert.Equal("through a pipeline\n", reader.ReadToEnd());
        Assert.Equal(0, first.Wait());
        Assert.Equal(0, second.Wait());
    }
}

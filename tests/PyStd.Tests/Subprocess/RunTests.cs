using System.Text;
using PyStd.Subprocess;
using static PyStd.Subprocess.Subprocess;

namespace PyStd.Tests.Subprocess;

/// <summary>Run, CheckOutput, Call and CheckCall on real programs and the test host.</summary>
[Collection("Subprocess")]
public class RunTests
{
    private static readonly RunOptions Capture = new() { CaptureOutput = true };

    [Fact]
    public void Run_captures_stdout_and_stderr_and_the_return_code()
    {
        CompletedProcess done = Run(["/bin/sh", "-c", "printf out; printf err >&2; exit 7"], Capture);
        Assert.Equal(7, done.ReturnCode);
        Assert.Equal("out"u8.ToArray(), done.Stdout);
        Assert.Equal("err"u8.ToArray(), done.Stderr);
        Assert.Equal("CompletedProcess(args=['/bin/sh', '-c', 'printf out; printf err >&2; exit 7'], returncode=7, stdout=b'out', stderr=b'err')", done.ToString());
    }

    [Fact]
    public void Run_without_capture_leaves_output_null()
    {
        CompletedProcess done = Run(["true"]);
        Assert.Equal(0, done.ReturnCode);
        Assert.Null(done.Stdout);
        Assert.Null(done.Stderr);
        Assert.Equal("CompletedProcess(args=['true'], returncode=0)", done.ToString());
    }

    [Fact]
    public void Input_reaches_the_child_and_text_mode_translates_newlines()
    {
        CompletedProcess done = Run(TestHost.Args("cat"), Capture with { Input = "a\r\nb\rc\n"u8.ToArray() });
        Assert.Equal("a\r\nb\rc\n"u8.ToArray(), done.Stdout);
        CompletedProcess text = Run(TestHost.Args("cat"), Capture with { InputText = "é\r\nb\rc\n", Text = true });
        Assert.Equal("é\nb\nc\n", text.StdoutText);
        Assert.Equal(Encoding.UTF8.GetBytes("é\r\nb\rc\n"), text.Stdout);
        Assert.Equal("", text.StderrText);
    }

    [Fact]
    public void Check_throws_CalledProcessException_with_CPythons_message_and_the_output()
    {
        var e = Assert.Throws<CalledProcessException>(() => Run(["false"], new RunOptions { Check = true }));
        Assert.Equal("Command '['false']' returned non-zero exit status 1.", e.Message);
        Assert.Equal(1, e.ReturnCode);

        var k = Assert.Throws<CalledProcessException>(() => Run("kill -9 $$", Capture with { Shell = true, Check = true }));
        Assert.Equal("Command 'kill -9 $$' died with <Signals.SIGKILL: 9>.", k.Message);
        Assert.Equal(-9, k.ReturnCode);
        Assert.Equal(System.Array.Empty<byte>(), k.Output);

        var o = Assert.Throws<CalledProcessException>(() => CheckOutput(["/bin/sh", "-c", "echo partial; exit 3"]));
        Assert.Equal("partial\n"u8.ToArray(), o.Output);
        Assert.Equal(3, o.ReturnCode);
        Assert.Equal("subprocess.CalledProcessError", o.PythonName);
    }

    [Fact]
    public void CheckOutput_Call_and_CheckCall()
    {
        Assert.Equal("hi there\n"u8.ToArray(), CheckOutput(TestHost.Args("echo", "hi", "there")));
        Assert.Equal("a\nb\n", CheckOutputText(["printf", "a\r\nb\n"]));
        Assert.Equal(5, Call(TestHost.Args("exit", "5")));
        Assert.Equal(0, Call("exit 0", new PopenOptions { Shell = true }));
        CheckCall(["true"]);
        var e = Assert.Throws<CalledProcessException>(() => CheckCall("exit 4", new PopenOptions { Shell = true }));
        Assert.Equal("Command 'exit 4' returned non-zero exit status 4.", e.Message);
    }

    [Fact]
    public void Shell_runs_sh_c_with_extra_items_as_positional_parameters()
    {
        CompletedProcess done = Run(["echo \"$0-$1\"", "zero", "one"], Capture with { Shell = true });
        Assert.Equal("zero-one\n"u8.ToArray(), done.Stdout);
        Assert.Equal(127, Run("no-such-command-pystd 2>/dev/null", new RunOptions { Shell = true }).ReturnCode);
        Assert.Equal(126, Run("/etc/passwd 2>/dev/null", new RunOptions { Shell = true }).ReturnCode);
        Assert.Equal(-15, Run("kill $$", new RunOptions { Shell = true }).ReturnCode);
    }

    [Fact]
    public void Working_directory_and_environment_reach_the_child()
    {
        string dir = Directory.CreateTempSubdirectory("pystd-cwd").FullName;
        try
        {
            Assert.Equal(dir + "\n", CheckOutputText(TestHost.Args("cwd"), new RunOptions { WorkingDirectory = dir }));
            var env = new Dictionary<string, string> { ["PYSTD_X"] = "1 2 ü", ["PATH"] = "/usr/bin:/bin" };
            Assert.Equal("1 2 ü\n", CheckOutputText(TestHost.Args("env", "PYSTD_X"), new RunOptions { Environment = env }));
            Assert.Equal("<unset>\n", CheckOutputText(TestHost.Args("env", "HOME"), new RunOptions { Environment = env }));

            // A relative program path is resolved from the child's working directory, as CPython's exec after chdir.
            File.WriteAllText(Path.Combine(dir, "script.sh"), "#!/bin/sh\necho from-script\n");
            CheckCall(["chmod", "755", Path.Combine(dir, "script.sh")]);
            Assert.Equal("from-script\n", CheckOutputText(["./script.sh"], new RunOptions { WorkingDirectory = dir }));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Environment_changes_made_in_dotnet_are_inherited_and_PATH_is_searched_there()
    {
        Environment.SetEnvironmentVariable("PYSTD_SUBPROCESS_PROBE", "set-in-dotnet");
        try
        {
            Assert.Equal("set-in-dotnet\n", CheckOutputText(["/bin/sh", "-c", "echo $PYSTD_SUBPROCESS_PROBE"]));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PYSTD_SUBPROCESS_PROBE", null);
        }

        // An environment without PATH searches os.defpath (/bin:/usr/bin).
        Assert.Equal("A=1\n", CheckOutputText(["env"], new RunOptions { Environment = new Dictionary<string, string> { ["A"] = "1" } }));
    }

    [Fact]
    public void Missing_program_and_bad_working_directory_raise_CPythons_OSError()
    {
        var e = Assert.Throws<PyOSException>(() => Run(["pystd-no-such-program"]));
        Assert.Equal(2, e.Errno);
        Assert.Equal("[Errno 2] No such file or directory: 'pystd-no-such-program'", e.Message);

        var d = Assert.Throws<PyOSException>(() => Run(["true"], new RunOptions { WorkingDirectory = "/pystd/none" }));
        Assert.Equal("[Errno 2] No such file or directory: '/pystd/none'", d.Message);

        var n = Assert.Throws<PyOSException>(() => Run(["true"], new RunOptions { WorkingDirectory = "/etc/passwd" }));
        Assert.Equal("[Errno 20] Not a directory: '/etc/passwd'", n.Message);

        var p = Assert.Throws<PyOSException>(() => Run(["/etc/passwd"]));
        Assert.Equal("[Errno 13] Permission denied: '/etc/passwd'", p.Message);
    }

    [Fact]
    public void Conflicting_options_are_argument_errors()
    {
        Assert.Throws<ArgumentException>(() => Run(["true"], new RunOptions { Input = new byte[1], Stdin = Redirect.DevNull }));
        Assert.Throws<ArgumentException>(() => Run(["true"], new RunOptions { CaptureOutput = true, Stdout = Redirect.DevNull }));
        Assert.Throws<ArgumentException>(() => Run([]));
        Assert.Throws<ArgumentException>(() => Run(["tr\0ue"]));
        Assert.Throws<ArgumentException>(() => Run(["true"], new RunOptions { Stdout = Redirect.Stdout }));
        Assert.Throws<ArgumentException>(() => Run(["true"], new RunOptions { Environment = new Dictionary<string, string> { ["A=B"] = "1" } }));
        Assert.Throws<ArgumentException>(() => Run(["true"], new RunOptions { Text = true, Errors = "bogus" }));
    }
}

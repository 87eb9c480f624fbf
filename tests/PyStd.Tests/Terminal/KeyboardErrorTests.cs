using System.Diagnostics;
using PyStd.Tests.Lifecycle;

namespace PyStd.Tests.Terminal;

public class KeyboardErrorTests
{
    [Fact]
    public void Reading_a_key_from_a_pipe_is_pythons_termios_error()
    {
        string expected = PythonSignalTable.Value.GetProperty("termios").GetString()!;
        Assert.Equal("error|(25, 'Inappropriate ioctl for device')", expected);
        var (code, lines, stderr) = LifecycleHost.Run("keys", "error");
        Assert.True(code == 0, stderr);
        Assert.Equal(["termios.error|(25, 'Inappropriate ioctl for device')|25"], lines);
    }

    [Fact]
    public void Pystd_getkey_without_a_terminal_is_one_line_and_exit_code_1()
    {
        var psi = new ProcessStartInfo(LifecycleHost.PystdPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add("getkey");
        using Process p = Process.Start(psi)!;
        p.StandardInput.Write("abc");
        p.StandardInput.Close();
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(30_000));
        Assert.Equal(1, p.ExitCode);
        Assert.Equal("", output);
        Assert.Equal("pystd: TermiosException: (25, 'Inappropriate ioctl for device'): standard input is not a terminal; getkey reads keypresses from one\n", error);
    }
}

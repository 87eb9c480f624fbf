using System.Text;
using PyStd.Pty;
using static PyStd.Tests.Pty.PtyTestSupport;

namespace PyStd.Tests.Pty;

/// <summary>
/// <see cref="PyStd.Pty.Pty.Spawn"/> with real children: the slave is the child's controlling
/// terminal, the window size is set before the child runs and resizes reach it as SIGWINCH, and
/// every way of ending leaves the child reaped with CPython's return code.
/// </summary>
public class PtySpawnTests
{
    private const string TerminalReport =
        "import os, sys\n" +
        "fd = os.open('/dev/tty', os.O_RDWR); os.close(fd)\n" +
        "print(os.ttyname(0), os.ttyname(1), os.ttyname(2))\n" +
        "print('sid', os.getsid(0) == os.getpid(), 'fg', os.tcgetpgrp(0) == os.getpgrp(), 'pgid', os.getpgrp() == os.getpid())\n" +
        "print('TERM', os.environ.get('TERM'))\n" +
        "print('cwd', os.getcwd())\n";

    [Fact]
    public void Tty_in_the_child_prints_the_slave_path()
    {
        using PtyProcess child = Spawn("tty");
        string output = Encoding.UTF8.GetString(ReadToEnd(child));
        Assert.Equal(child.TtyName + "\r\n", output);
        Assert.StartsWith("/dev/pts/", child.TtyName, StringComparison.Ordinal);
        Assert.Equal(0, child.Wait());
        Assert.Equal(0, child.ExitStatus);
        Assert.Null(child.SignalStatus);
    }

    [Fact]
    public void The_child_leads_a_session_that_owns_the_terminal()
    {
        string cwd = Path.GetTempPath().TrimEnd('/');
        using PtyProcess child = PyStd.Pty.Pty.Spawn(["python3", "-c", TerminalReport], env: Environment(), cwd: cwd);
        string[] lines = Encoding.UTF8.GetString(ReadToEnd(child)).Split("\r\n");
        Assert.Equal($"{child.TtyName} {child.TtyName} {child.TtyName}", lines[0]);
        Assert.Equal("sid True fg True pgid True", lines[1]);
        Assert.Equal("TERM dumb", lines[2]);
        Assert.Equal("cwd " + cwd, lines[3]);
        Assert.Equal(0, child.Wait());
    }

    [Fact]
    public void A_TERM_in_the_environment_is_kept()
    {
        Dictionary<string, string> env = Environment();
        env["TERM"] = "xterm-256color";
        using PtyProcess child = PyStd.Pty.Pty.Spawn(["sh", "-c", "echo $TERM"], env: env);
        Assert.Equal("xterm-256color\r\n", Encoding.UTF8.GetString(ReadToEnd(child)));
    }

    [Fact]
    public void The_initial_size_is_seen_and_a_resize_arrives_as_SIGWINCH()
    {
        const string script =
            "import os, signal, sys\n" +
            "def on_winch(sig, frame):\n" +
            "    c, l = os.get_terminal_size(0)\n" +
            "    print(f'winch {l}x{c}', flush=True)\n" +
            "signal.signal(signal.SIGWINCH, on_winch)\n" +
            "c, l = os.get_terminal_size(0)\n" +
            "print(f'size {l}x{c}', flush=True)\n" +
            "sys.stdin.readline()\n";
        using var session = new ExpectSession(PyStd.Pty.Pty.Spawn(["python3", "-c", script], rows: 33, columns: 101, env: Environment()))
        {
            Timeout = TimeSpan.FromSeconds(20),
        };
        session.ExpectExact("size 33x101\r\n");
        Assert.Equal((33, 101), session.Process!.WindowSize);

        session.Process.Resize(40, 120);
        session.ExpectExact("winch 40x120\r\n");
        Assert.Equal((40, 120), session.Process.WindowSize);

        session.SendLine();
        session.Expect(ExpectPattern.Eof);
        Assert.Equal(0, session.Wait());
    }

    [Fact]
    public void Output_newlines_arrive_as_CRLF_and_bytes_are_untouched()
    {
        using PtyProcess child = Spawn("printf", "a\\nb\\tc\\r\\n\\303\\251\\377");
        Assert.Equal("a\r\nb\tc\r\r\n\u00e9"u8.ToArray().Concat(new byte[] { 0xff }), ReadToEnd(child));
    }

    [Fact]
    public void Exit_codes_and_signals_give_CPython_return_codes()
    {
        using (PtyProcess exits = Spawn("sh", "-c", "exit 7"))
        {
            ReadToEnd(exits);
            Assert.Equal(7, exits.Wait());
            Assert.Equal(7, exits.ExitStatus);
        }

        using (PtyProcess killed = Spawn("sleep", "30"))
        {
            Assert.True(killed.IsAlive);
            killed.Kill();
            Assert.Equal(-9, killed.Wait());
            Assert.Equal(9, killed.SignalStatus);
            Assert.Null(killed.ExitStatus);
            Assert.False(killed.IsAlive);
        }

        using PtyProcess terminated = Spawn("sleep", "30");
        terminated.Terminate();
        Assert.Equal(-15, terminated.Wait());
    }

    [Fact]
    public void Wait_with_a_timeout_returns_null_while_the_child_runs()
    {
        using PtyProcess child = Spawn("sleep", "30");
        Assert.Null(child.Wait(TimeSpan.FromMilliseconds(50)));
        Assert.Null(child.ReturnCode);
        child.SendSignal(15);
        Assert.Equal(-15, child.Wait(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Close_hangs_up_and_the_child_dies_of_SIGHUP()
    {
        PtyProcess child = Spawn("sleep", "30");
        Assert.True(child.Close());
        Assert.Equal(-1, child.ReturnCode);
        Assert.True(child.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => child.Read(new byte[10]));
        child.Dispose();
    }

    [Fact]
    public void A_child_that_ignores_the_polite_signals_is_killed_only_when_forced()
    {
        const string stubborn =
            "import signal, sys, time\n" +
            "for s in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM): signal.signal(s, signal.SIG_IGN)\n" +
            "print('ready', flush=True)\n" +
            "time.sleep(60)\n";
        PtyProcess child = PyStd.Pty.Pty.Spawn(["python3", "-c", stubborn], env: Environment());
        using (var session = new ExpectSession(child, ownsProcess: false) { Timeout = TimeSpan.FromSeconds(20) })
        {
            session.ExpectExact("ready\r\n"); // the whole line: a write after the hang-up would fail with EIO and end the child
        }

        Assert.False(child.Close(force: false));
        Assert.True(child.IsAlive);
        Assert.True(child.Close(force: true));
        Assert.Equal(-9, child.ReturnCode);
        child.Dispose();
    }

    [Fact]
    public void Text_reads_decode_a_character_split_across_reads()
    {
        using PtyProcess child = Spawn("python3", "-c", "import os, time; os.write(1, b'\\xe2\\x9c'); time.sleep(0.2); os.write(1, b'\\x93!')");
        var text = new StringBuilder();
        while (true)
        {
            string part = child.ReadText(1);
            if (part.Length == 0)
            {
                break;
            }

            text.Append(part);
        }

        Assert.Equal("\u2713!", text.ToString());
    }

    [Fact]
    public void The_stream_view_reads_and_writes_the_terminal()
    {
        using PtyProcess child = Spawn("cat");
        Stream stream = child.Stream;
        Assert.False(stream.CanSeek);
        stream.ReadTimeout = 20_000;
        child.Echo = false;
        Assert.False(child.Echo);
        stream.Write("ping\n"u8);
        using var reader = new StreamReader(stream, leaveOpen: true);
        Assert.Equal("ping", reader.ReadLine()?.TrimEnd('\r'));

        stream.ReadTimeout = 50;
        Assert.Throws<IOException>(() => stream.Read(new byte[16], 0, 16));
        child.SendEof();
        stream.ReadTimeout = 20_000;
        Assert.Equal(0, stream.Read(new byte[16], 0, 16));
        Assert.True(child.IsEof);
        Assert.Equal(0, child.Wait());
    }

    [Fact]
    public void The_terminal_echoes_by_default_and_reports_its_control_characters()
    {
        using PtyProcess child = Spawn("cat");
        Assert.True(child.Echo);
        Assert.Equal(4, child.EofCharacter);
        Assert.Equal(3, child.InterruptCharacter);
        child.Write("hi\n");
        Assert.True(child.TryRead(new byte[64], TimeSpan.FromSeconds(20), out int n));
        Assert.True(n > 0);
    }

    [Fact]
    public void A_missing_program_raises_FileNotFoundError_and_leaks_nothing()
    {
        var error = Assert.Throws<PyOSException>(() => PyStd.Pty.Pty.Spawn(["pystd-no-such-program"]));
        Assert.Equal(2, error.Errno);
        Assert.Equal("[Errno 2] No such file or directory: 'pystd-no-such-program'", error.Message);
    }

    [Fact]
    public void Bad_arguments_raise_argument_exceptions()
    {
        Assert.Throws<ArgumentException>(() => PyStd.Pty.Pty.Spawn([]));
        Assert.Throws<ArgumentException>(() => PyStd.Pty.Pty.Spawn(["echo", "a\0b"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PyStd.Pty.Pty.Spawn(["true"], rows: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PyStd.Pty.Pty.Spawn(["true"], columns: 70_000));
        Assert.Throws<ArgumentException>(() => PyStd.Pty.Pty.Spawn(["true"], env: new Dictionary<string, string> { ["A=B"] = "x" }));
        using PtyProcess child = Spawn("true");
        Assert.Throws<ArgumentOutOfRangeException>(() => child.Resize(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => child.Read(0));
    }
}

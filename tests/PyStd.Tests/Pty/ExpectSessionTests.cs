using System.Text.RegularExpressions;
using PyStd.Pty;
using static PyStd.Tests.Pty.PtyTestSupport;

namespace PyStd.Tests.Pty;

/// <summary>
/// <see cref="ExpectSession"/> driving real interactive programs on a terminal: getpass, the
/// Python REPL, cat, sleep; end of file and timeouts both raising and returning their index.
/// </summary>
public class ExpectSessionTests
{
    [Fact]
    public void A_getpass_prompt_is_answered_and_the_password_is_not_echoed()
    {
        using ExpectSession child = Session("python3", "-c",
            "import getpass\np = getpass.getpass('Password: ')\nprint('got', len(p), p[::-1])");
        Assert.Equal(0, child.Expect("Password: "));
        Assert.Equal("", child.Before);
        child.SendLine("hunter2");
        Assert.Equal(0, child.Expect(@"got (\d+) (\S+)\r\n"));
        Assert.Equal("7", child.Match!.Groups[1].Value);
        Assert.Equal("2retnuh", child.Match.Groups[2].Value);
        Assert.DoesNotContain("hunter2", child.Before, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", child.Before, StringComparison.Ordinal);
        Assert.Equal(0, child.Expect(ExpectPattern.Eof));
        Assert.Equal(0, child.Wait());
    }

    [Fact]
    public void The_python_REPL_is_driven_through_its_prompts()
    {
        using ExpectSession python = Session("python3", "-q", "-i");
        python.ExpectExact(">>> ");
        python.SendLine("6 * 7");
        python.ExpectExact(">>> ");
        Assert.Contains("\r\n42\r\n", python.Before, StringComparison.Ordinal);

        python.SendLine("def f(x):");
        python.ExpectExact("... ");
        python.SendLine("    return x * 2");
        python.ExpectExact("... ");
        python.SendLine();
        python.ExpectExact(">>> ");
        python.SendLine("print([f(i) for i in range(4)])");
        Assert.Equal(1, python.Expect(">>> ", @"\[0, 2, 4, 6\]"));
        python.ExpectExact(">>> ");

        python.SendLine("1/0");
        python.ExpectExact(">>> ");
        Assert.Contains("ZeroDivisionError: division by zero", python.Before, StringComparison.Ordinal);

        python.SendEof();
        Assert.Equal(0, python.Expect(ExpectPattern.Eof));
        Assert.Equal(0, python.Wait());
    }

    [Fact]
    public void SendEof_ends_cat_after_it_echoed_and_repeated_a_line()
    {
        using ExpectSession cat = Session("cat");
        cat.SendLine("hello");
        Assert.Equal(0, cat.ExpectExact("hello\r\nhello\r\n"));
        Assert.Equal("", cat.Before);
        Assert.Equal("hello\r\nhello\r\n", cat.After);
        Assert.Null(cat.Match);
        cat.SendEof();
        Assert.Equal(1, cat.Expect("never", ExpectPattern.Eof));
        Assert.True(cat.IsEof);
        Assert.Equal(0, cat.Wait());
        Assert.Equal(0, cat.ExitStatus);
    }

    [Fact]
    public void SendControl_c_interrupts_sleep()
    {
        using ExpectSession sleep = Session("sleep", "30");
        sleep.SendControl('c');
        sleep.Expect(ExpectPattern.Eof);
        Assert.Equal(-2, sleep.Wait());
        Assert.Equal(2, sleep.SignalStatus);
    }

    [Fact]
    public void SendIntr_interrupts_too()
    {
        using ExpectSession sleep = Session("sleep", "30");
        sleep.SendIntr();
        sleep.Expect(ExpectPattern.Eof);
        Assert.Equal(-2, sleep.Wait());
    }

    [Fact]
    public void End_of_file_raises_with_pexpects_message_or_returns_its_index()
    {
        using (ExpectSession echo = Session("echo", "hi"))
        {
            var error = Assert.Throws<PtyEofException>(() => echo.Expect("never"));
            Assert.StartsWith("End Of File (EOF).\n", error.Message, StringComparison.Ordinal);
            Assert.Contains("\nargs: ['echo', 'hi']\n", error.Message, StringComparison.Ordinal);
            Assert.Contains("\nbefore (last 100 chars): 'hi\\r\\n'\n", error.Message, StringComparison.Ordinal);
            Assert.Contains("\nafter: <class 'pexpect.exceptions.EOF'>\n", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("\nsearcher: searcher_re:\n    0: re.compile('never')", error.Message, StringComparison.Ordinal);
            Assert.Equal("pexpect.EOF", error.PythonName);
            Assert.Equal("hi\r\n", echo.Before);
            Assert.Null(echo.After);
            Assert.Null(echo.MatchIndex);
            Assert.Equal("", echo.Buffer);
        }

        using ExpectSession echo2 = Session("echo", "hi");
        Assert.Equal(2, echo2.Expect("never", ExpectPattern.Timeout, ExpectPattern.Eof));
        Assert.Equal("hi\r\n", echo2.Before);
        Assert.Equal(2, echo2.MatchIndex);
        Assert.Equal(0, echo2.Expect(ExpectPattern.Eof));
        Assert.Equal("", echo2.Before);
    }

    [Fact]
    public void A_timeout_raises_with_pexpects_message_or_returns_its_index_and_keeps_the_text()
    {
        using ExpectSession cat = Session("cat");
        cat.Send("abc");
        cat.ExpectExact("a");
        var error = Assert.Throws<PtyTimeoutException>(() => cat.ExpectExact(TimeSpan.FromMilliseconds(200), "never", ExpectPattern.Eof));
        Assert.StartsWith("Timeout exceeded.\n", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("\nsearcher: searcher_string:\n    0: 'never'\n    1: EOF", error.Message, StringComparison.Ordinal);
        Assert.Contains("\nafter: <class 'pexpect.exceptions.TIMEOUT'>\n", error.Message, StringComparison.Ordinal);
        Assert.Equal("pexpect.TIMEOUT", error.PythonName);

        Assert.Equal(1, cat.Expect(TimeSpan.Zero, "never", ExpectPattern.Timeout));
        Assert.Equal("bc", cat.Before);
        Assert.Null(cat.After);
        Assert.Equal(1, cat.MatchIndex);

        // The text a timeout saw is still there for the next call.
        Assert.Equal(0, cat.Expect(TimeSpan.Zero, "b(c)"));
        Assert.Equal("c", cat.Match!.Groups[1].Value);
    }

    [Fact]
    public void The_earliest_match_wins_and_ties_go_to_the_first_pattern()
    {
        using ExpectSession child = Session("printf", "xx-bb-aa-cc");
        Assert.Equal(1, child.Expect("aa", "bb"));
        Assert.Equal("xx-", child.Before);
        Assert.Equal(0, child.Expect("-a", "-"));
        Assert.Equal(1, child.ExpectExact("cc", "a"));
        Assert.Equal(0, child.ExpectExact("-", "-cc"));
        Assert.Equal(1, child.Expect(ExpectPattern.Timeout, "c+"));
        Assert.Equal("cc", child.After);
        child.Expect(ExpectPattern.Eof);
    }

    [Fact]
    public void ExpectExact_takes_regex_characters_literally()
    {
        using ExpectSession child = Session("printf", "cost: $5.00 (a+b)*");
        Assert.Equal(0, child.ExpectExact("$5.00 (a+b)*"));
        Assert.Equal("cost: ", child.Before);
        Assert.Throws<ArgumentException>(() => child.ExpectExact(new Regex("x")));
    }

    [Fact]
    public void String_patterns_are_dotall_regexes_and_IgnoreCase_applies_to_them()
    {
        using ExpectSession child = Session("printf", "ONE\\ntwo\\n");
        child.IgnoreCase = true;
        Assert.Equal(0, child.Expect("one.*two"));
        Assert.Equal("ONE\r\ntwo", child.After);
        Assert.Throws<ArgumentException>(() => child.Expect("("));
        Assert.Throws<ArgumentException>(() => child.Expect([]));
    }

    [Fact]
    public void The_logs_record_both_directions()
    {
        var both = new StringWriter();
        var read = new StringWriter();
        var sent = new StringWriter();
        using ExpectSession cat = Session("cat");
        cat.LogFile = both;
        cat.LogFileRead = read;
        cat.LogFileSend = sent;
        cat.DelayBeforeSend = TimeSpan.Zero;
        cat.SendLine("héllo ✓");
        cat.ExpectExact("héllo ✓\r\nhéllo ✓\r\n");
        cat.SendEof();
        cat.Expect(ExpectPattern.Eof);

        Assert.Equal("héllo ✓\n\u0004", sent.ToString());
        Assert.StartsWith("héllo ✓\r\nhéllo ✓\r\n", read.ToString(), StringComparison.Ordinal);
        Assert.Equal("héllo ✓\nhéllo ✓\r\nhéllo ✓\r\n\u0004", both.ToString()[.."héllo ✓\nhéllo ✓\r\nhéllo ✓\r\n\u0004".Length]);
    }

    [Fact]
    public void SendControl_maps_letters_and_symbols_as_pexpect()
    {
        var sent = new StringWriter();
        // A raw terminal, so ^C, ^\ and the erase character arrive as bytes instead of acting.
        using ExpectSession raw = Session("sh", "-c", "stty raw -echo; echo ready; sleep 30");
        raw.ExpectExact("ready");
        raw.LogFileSend = sent;
        raw.DelayBeforeSend = TimeSpan.Zero;
        foreach (char c in "gG@[\\]^_?")
        {
            Assert.Equal(1, raw.SendControl(c));
        }

        Assert.Equal("\a\a\0\u001b\u001c\u001d\u001e\u001f\u007f", sent.ToString());
        Assert.Throws<ArgumentException>(() => raw.SendControl('1'));
        Assert.True(raw.IsAlive);
    }

    [Fact]
    public void Long_output_is_found_with_a_search_window()
    {
        using ExpectSession child = Session("python3", "-c", "import sys; sys.stdout.write('x' * 200000 + 'END'); sys.stdout.flush()");
        child.SearchWindowSize = 10;
        Assert.Equal(0, child.Expect("x{3}END"));
        Assert.Equal(200000 - 3, child.Before.Length);
        child.Expect(ExpectPattern.Eof);
        Assert.Throws<ArgumentOutOfRangeException>(() => child.SearchWindowSize = 0);
    }

    [Fact]
    public void A_stream_session_finds_patterns_across_chunks_and_survives_timeouts()
    {
        using var server = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        using var client = new System.IO.Pipes.AnonymousPipeClientStream(System.IO.Pipes.PipeDirection.In, server.ClientSafePipeHandle);
        using var session = new ExpectSession(client, Stream.Null, ownsStreams: false);
        byte[] text = "prompt ✓> "u8.ToArray();
        foreach (byte b in text[..^1])
        {
            // Byte by byte, the check mark split across three reads: nothing can match yet.
            server.Write([b]);
            server.Flush();
            Assert.Equal(0, session.Expect(TimeSpan.FromMilliseconds(1), ExpectPattern.Timeout, "✓> "));
        }

        server.Write(text.AsSpan(text.Length - 1));
        Assert.Equal(1, session.Expect(TimeSpan.FromSeconds(20), ExpectPattern.Timeout, "✓> "));
        Assert.Equal("prompt ", session.Before);
        Assert.Throws<InvalidOperationException>(() => session.SendEof());
        Assert.Throws<InvalidOperationException>(() => session.Wait());

        server.Write("tail"u8);
        server.Dispose();
        Assert.Equal(0, session.Expect(ExpectPattern.Eof));
        Assert.Equal("tail", session.Before);
    }

    [Fact]
    public void A_closed_session_refuses_work()
    {
        ExpectSession cat = Session("cat");
        Assert.True(cat.Close());
        Assert.Equal(-1, cat.ReturnCode);
        Assert.Throws<ObjectDisposedException>(() => cat.Expect("x"));
        Assert.Throws<ObjectDisposedException>(() => cat.Send("x"));
        cat.Dispose();
    }
}

using System.Text;

namespace PyStd.Pty;

/// <summary>The expect loop (pexpect's <c>Expecter.expect_loop</c>, <c>pexpect/expect.py</c>).</summary>
public sealed partial class ExpectSession
{
    private const int LastCharsShown = 100;

    /// <summary>
    /// Reads until one of <paramref name="patterns"/> matches, within <see cref="Timeout"/>.
    /// Strings are regexes (<see cref="System.Text.RegularExpressions.RegexOptions.Singleline"/>).
    /// </summary>
    /// <param name="patterns">Strings, regexes, <see cref="ExpectPattern.Eof"/>, <see cref="ExpectPattern.Timeout"/>.</param>
    /// <returns>The index of the pattern that matched (of <c>Eof</c>/<c>Timeout</c> when those happened and are listed).</returns>
    /// <exception cref="PtyEofException">The output ended first and <c>Eof</c> is not listed.</exception>
    /// <exception cref="PtyTimeoutException">The time ran out first and <c>Timeout</c> is not listed.</exception>
    /// <exception cref="ArgumentException">No pattern, or a string that is no valid regex.</exception>
    public int Expect(params ReadOnlySpan<ExpectPattern> patterns) => Expect(_timeout, patterns);

    /// <summary>As <see cref="Expect(ReadOnlySpan{ExpectPattern})"/> with its own timeout.</summary>
    /// <param name="timeout">How long to wait; <see cref="TimeSpan.Zero"/> takes only what is already there, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.</param>
    /// <param name="patterns">Strings, regexes, <see cref="ExpectPattern.Eof"/>, <see cref="ExpectPattern.Timeout"/>.</param>
    /// <returns>The index of the pattern that matched.</returns>
    /// <exception cref="PtyEofException">The output ended first and <c>Eof</c> is not listed.</exception>
    /// <exception cref="PtyTimeoutException">The time ran out first and <c>Timeout</c> is not listed.</exception>
    public int Expect(TimeSpan timeout, params ReadOnlySpan<ExpectPattern> patterns)
    {
        CheckTimeout(timeout);
        return Run(ExpectSearcher.Create(patterns, exact: false, Compile), patterns, timeout);
    }

    /// <summary>
    /// Reads until one of the literal strings appears (pexpect's <c>expect_exact</c>): no regex
    /// syntax, and only new text is searched, so it is the fast choice for long outputs.
    /// </summary>
    /// <param name="patterns">Strings, <see cref="ExpectPattern.Eof"/>, <see cref="ExpectPattern.Timeout"/>.</param>
    /// <returns>The index of the string that appeared first.</returns>
    /// <exception cref="PtyEofException">The output ended first and <c>Eof</c> is not listed.</exception>
    /// <exception cref="PtyTimeoutException">The time ran out first and <c>Timeout</c> is not listed.</exception>
    /// <exception cref="ArgumentException">No pattern, or a <see cref="System.Text.RegularExpressions.Regex"/> among them.</exception>
    public int ExpectExact(params ReadOnlySpan<ExpectPattern> patterns) => ExpectExact(_timeout, patterns);

    /// <summary>As <see cref="ExpectExact(ReadOnlySpan{ExpectPattern})"/> with its own timeout.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="patterns">Strings, <see cref="ExpectPattern.Eof"/>, <see cref="ExpectPattern.Timeout"/>.</param>
    /// <returns>The index of the string that appeared first.</returns>
    /// <exception cref="PtyEofException">The output ended first and <c>Eof</c> is not listed.</exception>
    /// <exception cref="PtyTimeoutException">The time ran out first and <c>Timeout</c> is not listed.</exception>
    public int ExpectExact(TimeSpan timeout, params ReadOnlySpan<ExpectPattern> patterns)
    {
        CheckTimeout(timeout);
        return Run(ExpectSearcher.Create(patterns, exact: true, Compile), patterns, timeout);
    }

    private int Run(ExpectSearcher searcher, ReadOnlySpan<ExpectPattern> patterns, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long deadline = timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds);

        // Text left from earlier calls counts as new: the patterns have changed.
        if (searcher.Search(_chars.AsSpan(0, _length), _length, _searchWindowSize, out ExpectHit hit))
        {
            return Found(hit);
        }

        if (_readBuffer.Length != _maxRead)
        {
            _readBuffer = new byte[_maxRead];
        }

        while (true)
        {
            if (IsEof)
            {
                return EndOfFile(searcher, patterns);
            }

            TimeSpan remaining = deadline == long.MaxValue
                ? System.Threading.Timeout.InfiniteTimeSpan
                : TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            if (!_transport.TryRead(_readBuffer, remaining, out int read))
            {
                return TimedOut(searcher, patterns);
            }

            int fresh = Decode(_readBuffer.AsSpan(0, read), flush: read == 0);
            if (read == 0)
            {
                IsEof = true;
                continue;
            }

            if (searcher.Search(_chars.AsSpan(0, _length), fresh, _searchWindowSize, out hit))
            {
                return Found(hit);
            }
        }
    }

    /// <summary>Decodes bytes onto the end of the buffer and logs them; returns the number of new characters.</summary>
    private int Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        int needed = _length + Encoding.GetMaxCharCount(bytes.Length + 4);
        if (needed > _chars.Length)
        {
            System.Array.Resize(ref _chars, Math.Max(needed, _chars.Length * 2));
        }

        int count = _decoder.GetChars(bytes, _chars.AsSpan(_length), flush);
        if (count > 0)
        {
            Log(_chars.AsSpan(_length, count), LogFileRead);
        }

        _length += count;
        return count;
    }

    private int Found(ExpectHit hit)
    {
        Before = new string(_chars, 0, hit.Start);
        After = new string(_chars, hit.Start, hit.End - hit.Start);
        Match = hit.Match;
        MatchIndex = hit.Index;
        Consume(hit.End);
        return hit.Index;
    }

    private int EndOfFile(ExpectSearcher searcher, ReadOnlySpan<ExpectPattern> patterns)
    {
        Before = Buffer;
        After = null;
        Match = null;
        Consume(_length);
        if (searcher.EofIndex >= 0)
        {
            MatchIndex = searcher.EofIndex;
            return searcher.EofIndex;
        }

        MatchIndex = null;
        throw new PtyEofException(Describe("End Of File (EOF).", "<class 'pexpect.exceptions.EOF'>", searcher, patterns));
    }

    private int TimedOut(ExpectSearcher searcher, ReadOnlySpan<ExpectPattern> patterns)
    {
        // Unlike end of file, a timeout keeps the text: the next Expect searches it again.
        Before = Buffer;
        After = null;
        Match = null;
        if (searcher.TimeoutIndex >= 0)
        {
            MatchIndex = searcher.TimeoutIndex;
            return searcher.TimeoutIndex;
        }

        MatchIndex = null;
        throw new PtyTimeoutException(Describe("Timeout exceeded.", "<class 'pexpect.exceptions.TIMEOUT'>", searcher, patterns));
    }

    private void Consume(int count)
    {
        _chars.AsSpan(count, _length - count).CopyTo(_chars);
        _length -= count;
    }

    /// <summary>pexpect's message: the reason, <c>str(spawn)</c>'s main lines, then <c>searcher: …</c>.</summary>
    private string Describe(string reason, string after, ExpectSearcher searcher, ReadOnlySpan<ExpectPattern> patterns)
    {
        string buffer = Buffer;
        var text = new StringBuilder(reason).Append('\n');
        text.Append("<PyStd.Pty.ExpectSession>\n");
        if (Process is not null)
        {
            text.Append("command: ").Append(Process.Args[0]).Append('\n');
            text.Append("args: ").Append(Objects.PyRepr.Repr(Process.Args.Cast<object?>().ToList())).Append('\n');
        }

        text.Append("buffer (last ").Append(LastCharsShown).Append(" chars): ").Append(Objects.PyRepr.Repr(Last(buffer))).Append('\n');
        text.Append("before (last ").Append(LastCharsShown).Append(" chars): ").Append(Objects.PyRepr.Repr(Last(Before))).Append('\n');
        text.Append("after: ").Append(after).Append('\n');
        text.Append("match: None\n");
        text.Append("match_index: None\n");
        text.Append("exitstatus: ").Append(Process?.ExitStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None").Append('\n');
        text.Append("flag_eof: ").Append(IsEof ? "True" : "False").Append('\n');
        if (Process is not null)
        {
            text.Append("pid: ").Append(Process.Pid).Append('\n');
        }

        text.Append("timeout: ").Append(_timeout == System.Threading.Timeout.InfiniteTimeSpan ? "None" : _timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        text.Append("searchwindowsize: ").Append(_searchWindowSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None").Append('\n');
        text.Append("searcher: ").Append(searcher.Describe(patterns));
        return text.ToString();
    }

    private static string Last(string text) => text.Length <= LastCharsShown ? text : text[^LastCharsShown..];
}

using System.Text;
using System.Text.RegularExpressions;

namespace PyStd.Pty;

/// <summary>
/// pexpect's <c>searcher_re</c> and <c>searcher_string</c> (<c>pexpect/expect.py</c>): the
/// patterns of one <c>Expect</c> call, searched over the session's unmatched text. The match
/// that starts first wins; at equal starts the earlier pattern in the list.
/// </summary>
internal sealed class ExpectSearcher
{
    private readonly int[] _indexes;
    private readonly Regex?[] _regexes;
    private readonly string?[] _literals;

    private ExpectSearcher(bool exact, int count)
    {
        IsExact = exact;
        _indexes = new int[count];
        _regexes = new Regex?[count];
        _literals = new string?[count];
    }

    /// <summary>Whether the patterns are literal strings (<c>ExpectExact</c>).</summary>
    public bool IsExact { get; }

    /// <summary>The index of <see cref="ExpectPattern.Eof"/> in the list, or -1.</summary>
    public int EofIndex { get; private set; } = -1;

    /// <summary>The index of <see cref="ExpectPattern.Timeout"/> in the list, or -1.</summary>
    public int TimeoutIndex { get; private set; } = -1;

    /// <summary>Builds the searcher of one call.</summary>
    /// <param name="patterns">The caller's list.</param>
    /// <param name="exact">Whether strings are literals (<c>ExpectExact</c>) or regexes (<c>Expect</c>).</param>
    /// <param name="compile">Compiles a string pattern (with the session's options) in regex mode.</param>
    /// <returns>The searcher.</returns>
    public static ExpectSearcher Create(ReadOnlySpan<ExpectPattern> patterns, bool exact, Func<string, Regex> compile)
    {
        if (patterns.IsEmpty)
        {
            throw new ArgumentException("At least one pattern is needed.", nameof(patterns));
        }

        int searchable = 0;
        foreach (ExpectPattern pattern in patterns)
        {
            ArgumentNullException.ThrowIfNull(pattern, nameof(patterns));
            if (pattern.Kind is ExpectPatternKind.Text or ExpectPatternKind.Regex)
            {
                searchable++;
            }
        }

        var searcher = new ExpectSearcher(exact, searchable);
        int slot = 0;
        for (int i = 0; i < patterns.Length; i++)
        {
            ExpectPattern pattern = patterns[i];
            switch (pattern.Kind)
            {
                case ExpectPatternKind.Eof:
                    searcher.EofIndex = i;
                    break;
                case ExpectPatternKind.Timeout:
                    searcher.TimeoutIndex = i;
                    break;
                case ExpectPatternKind.Regex when exact:
                    throw new ArgumentException($"ExpectExact takes strings, EOF and TIMEOUT; pattern {i} is a regex.", nameof(patterns));
                default:
                    searcher._indexes[slot] = i;
                    if (exact)
                    {
                        searcher._literals[slot] = pattern.Text;
                    }
                    else
                    {
                        searcher._regexes[slot] = pattern.Regex ?? compile(pattern.Text!);
                    }

                    slot++;
                    break;
            }
        }

        return searcher;
    }

    /// <summary>
    /// Searches <paramref name="buffer"/>, of which the last <paramref name="freshLength"/>
    /// characters have not been searched by this call before.
    /// </summary>
    /// <param name="buffer">All text not yet consumed by a match.</param>
    /// <param name="freshLength">How many characters at its end are new.</param>
    /// <param name="window">pexpect's <c>searchwindowsize</c>: only the last this many characters are searched; <see langword="null"/> for all.</param>
    /// <param name="hit">The match found.</param>
    /// <returns>Whether a pattern matched.</returns>
    public bool Search(ReadOnlySpan<char> buffer, int freshLength, int? window, out ExpectHit hit)
    {
        hit = default;
        return IsExact ? SearchLiterals(buffer, freshLength, window, ref hit) : SearchRegexes(buffer, window, ref hit);
    }

    private bool SearchLiterals(ReadOnlySpan<char> buffer, int freshLength, int? window, ref ExpectHit hit)
    {
        int best = -1;
        for (int slot = 0; slot < _literals.Length; slot++)
        {
            string literal = _literals[slot]!;

            // Without a window a literal can only end in the fresh text (everything older was
            // searched already), so only the fresh text and the literal's length before it are
            // read: a long output is never scanned twice.
            int start = window is int size
                ? Math.Max(0, buffer.Length - size)
                : Math.Max(0, buffer.Length - freshLength - literal.Length);
            int found = buffer[start..].IndexOf(literal, StringComparison.Ordinal);
            if (found >= 0 && (best < 0 || start + found < hit.Start))
            {
                best = slot;
                hit = new ExpectHit(_indexes[slot], start + found, start + found + literal.Length, null);
            }
        }

        return best >= 0;
    }

    private bool SearchRegexes(ReadOnlySpan<char> buffer, int? window, ref ExpectHit hit)
    {
        // A regex can match across old and new text, so the whole window is searched on each
        // read, as pexpect does; SearchWindowSize bounds the work on long outputs. Spans keep
        // this allocation-free: a string is made only for the match that is returned.
        int windowStart = window is int size ? Math.Max(0, buffer.Length - size) : 0;
        ReadOnlySpan<char> text = buffer[windowStart..];
        int best = -1;
        int bestStart = int.MaxValue;
        for (int slot = 0; slot < _regexes.Length; slot++)
        {
            foreach (ValueMatch match in _regexes[slot]!.EnumerateMatches(text))
            {
                if (match.Index < bestStart)
                {
                    bestStart = match.Index;
                    best = slot;
                }

                break;
            }
        }

        if (best < 0)
        {
            return false;
        }

        Match full = _regexes[best]!.Match(text.ToString());
        hit = new ExpectHit(_indexes[best], windowStart + full.Index, windowStart + full.Index + full.Length, full);
        return true;
    }

    /// <summary>pexpect's <c>str(searcher)</c>, for exception messages.</summary>
    /// <param name="patterns">The caller's list, for the entries' texts.</param>
    /// <returns>E.g. <c>searcher_re:\n    0: re.compile('x')\n    1: EOF</c>.</returns>
    public string Describe(ReadOnlySpan<ExpectPattern> patterns)
    {
        var text = new StringBuilder(IsExact ? "searcher_string:" : "searcher_re:");
        for (int i = 0; i < patterns.Length; i++)
        {
            ExpectPattern pattern = patterns[i];
            text.Append('\n').Append("    ").Append(i).Append(": ");
            text.Append(pattern.Kind switch
            {
                ExpectPatternKind.Eof => "EOF",
                ExpectPatternKind.Timeout => "TIMEOUT",
                ExpectPatternKind.Regex => $"re.compile({Objects.PyRepr.Repr(pattern.Regex!.ToString())})",
                _ when IsExact => Objects.PyRepr.Repr(pattern.Text),
                _ => $"re.compile({Objects.PyRepr.Repr(pattern.Text)})",
            });
        }

        return text.ToString();
    }
}

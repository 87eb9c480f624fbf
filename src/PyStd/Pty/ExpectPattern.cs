using System.Text.RegularExpressions;

namespace PyStd.Pty;

/// <summary>
/// One entry of the list given to <see cref="ExpectSession.Expect(ReadOnlySpan{ExpectPattern})"/>:
/// a string (a regular expression there, a literal for <see cref="ExpectSession.ExpectExact(ReadOnlySpan{ExpectPattern})"/>),
/// a <see cref="Regex"/>, or one of the markers <see cref="Eof"/> and <see cref="Timeout"/>
/// (pexpect's <c>pexpect.EOF</c> and <c>pexpect.TIMEOUT</c> in a pattern list). Strings and
/// regexes convert implicitly, so a call reads as in pexpect:
/// <c>child.Expect("password: ", ExpectPattern.Eof, ExpectPattern.Timeout)</c>.
/// </summary>
public sealed class ExpectPattern
{
    private ExpectPattern(ExpectPatternKind kind, string? text, Regex? regex)
    {
        Kind = kind;
        Text = text;
        Regex = regex;
    }

    /// <summary>Matches the end of the child's output: the call returns this entry's index instead of throwing <see cref="PtyEofException"/>.</summary>
    public static ExpectPattern Eof { get; } = new(ExpectPatternKind.Eof, null, null);

    /// <summary>Matches the timeout running out: the call returns this entry's index instead of throwing <see cref="PtyTimeoutException"/>.</summary>
    public static ExpectPattern Timeout { get; } = new(ExpectPatternKind.Timeout, null, null);

    /// <summary>What this entry is.</summary>
    public ExpectPatternKind Kind { get; }

    /// <summary>The string, for <see cref="ExpectPatternKind.Text"/>.</summary>
    public string? Text { get; }

    /// <summary>The regex, for <see cref="ExpectPatternKind.Regex"/>.</summary>
    public Regex? Regex { get; }

    /// <summary>A string entry: compiled as a regex by <c>Expect</c> (with pexpect's <c>re.DOTALL</c>, i.e. <see cref="RegexOptions.Singleline"/>), taken literally by <c>ExpectExact</c>.</summary>
    /// <param name="text">The string.</param>
    /// <returns>The entry.</returns>
    public static ExpectPattern FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ExpectPattern(ExpectPatternKind.Text, text, null);
    }

    /// <summary>A compiled regex entry, used as given (its options are not changed).</summary>
    /// <param name="regex">The regex.</param>
    /// <returns>The entry.</returns>
    public static ExpectPattern FromRegex(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return new ExpectPattern(ExpectPatternKind.Regex, null, regex);
    }

    /// <summary>See <see cref="FromString"/>.</summary>
    /// <param name="text">The string.</param>
    public static implicit operator ExpectPattern(string text) => FromString(text);

    /// <summary>See <see cref="FromRegex"/>.</summary>
    /// <param name="regex">The regex.</param>
    public static implicit operator ExpectPattern(Regex regex) => FromRegex(regex);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ExpectPatternKind.Eof => "EOF",
        ExpectPatternKind.Timeout => "TIMEOUT",
        ExpectPatternKind.Regex => $"re.compile({Objects.PyRepr.Repr(Regex!.ToString())})",
        _ => Objects.PyRepr.Repr(Text),
    };
}

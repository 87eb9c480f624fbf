namespace PyStd.Pty;

/// <summary>What an <see cref="ExpectPattern"/> stands for.</summary>
public enum ExpectPatternKind
{
    /// <summary>A string: a regex for <c>Expect</c>, a literal for <c>ExpectExact</c>.</summary>
    Text,

    /// <summary>A compiled <see cref="System.Text.RegularExpressions.Regex"/>.</summary>
    Regex,

    /// <summary>The end of the child's output (<c>pexpect.EOF</c>).</summary>
    Eof,

    /// <summary>The timeout running out (<c>pexpect.TIMEOUT</c>).</summary>
    Timeout,
}

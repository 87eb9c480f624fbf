namespace PyStd;

/// <summary>
/// pexpect's <c>EOF</c>: <see cref="Pty.ExpectSession.Expect(System.ReadOnlySpan{Pty.ExpectPattern})"/>
/// met the end of the child's output before any pattern matched, and <see cref="Pty.ExpectPattern.Eof"/>
/// was not among the patterns. The message is pexpect's: <c>End Of File (EOF).</c> followed by the
/// session's state and the searcher.
/// </summary>
public class PtyEofException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public PtyEofException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">pexpect's wording.</param>
    public PtyEofException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">pexpect's wording.</param>
    /// <param name="innerException">The cause.</param>
    public PtyEofException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "pexpect.EOF";
}

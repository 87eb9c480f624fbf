namespace PyStd;

/// <summary>
/// pexpect's <c>TIMEOUT</c>: no pattern matched within the timeout of
/// <see cref="Pty.ExpectSession.Expect(System.ReadOnlySpan{Pty.ExpectPattern})"/>, and
/// <see cref="Pty.ExpectPattern.Timeout"/> was not among the patterns. The message is pexpect's:
/// <c>Timeout exceeded.</c> followed by the session's state and the searcher. What was read stays
/// in the session's buffer for the next <c>Expect</c>.
/// </summary>
public class PtyTimeoutException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public PtyTimeoutException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">pexpect's wording.</param>
    public PtyTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">pexpect's wording.</param>
    /// <param name="innerException">The cause.</param>
    public PtyTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "pexpect.TIMEOUT";
}

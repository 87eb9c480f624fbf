namespace PyStd;

/// <summary>
/// Python's <c>subprocess.SubprocessError</c>: the base of the errors the subprocess module raises
/// about a child (<see cref="CalledProcessException"/>, <see cref="TimeoutExpiredException"/>).
/// Failures to start a child are <see cref="PyOSException"/>, as in CPython.
/// </summary>
public class SubprocessException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public SubprocessException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public SubprocessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public SubprocessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The command as CPython's messages print it: the list's repr, or the string itself.</summary>
    public string Command { get; init; } = string.Empty;

    /// <summary>What the child wrote to a captured standard output, or <see langword="null"/>.</summary>
    public byte[]? Output { get; init; }

    /// <summary>What the child wrote to a captured standard error, or <see langword="null"/>.</summary>
    public byte[]? Stderr { get; init; }

    /// <summary><see cref="Output"/> decoded, when the call ran in text mode; otherwise <see langword="null"/>.</summary>
    public string? OutputText { get; init; }

    /// <summary><see cref="Stderr"/> decoded, when the call ran in text mode; otherwise <see langword="null"/>.</summary>
    public string? StderrText { get; init; }

    /// <inheritdoc />
    public override string PythonName => "subprocess.SubprocessError";
}

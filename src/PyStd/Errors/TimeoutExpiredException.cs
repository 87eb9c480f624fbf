namespace PyStd;

/// <summary>
/// Python's <c>subprocess.TimeoutExpired</c>: a wait or a communication with a child outlasted its
/// timeout. <see cref="SubprocessException.Output"/> and <see cref="SubprocessException.Stderr"/> hold
/// what was read before the timeout (<c>Communicate</c>; <see langword="null"/> for a stream nothing
/// was read from yet, as CPython's <c>None</c>; a plain <c>Wait</c> reads nothing). The
/// message is CPython's: <c>Command '['sleep', '100']' timed out after 0.5 seconds</c>.
/// </summary>
public class TimeoutExpiredException : SubprocessException
{
    /// <summary>Creates an exception with no message.</summary>
    public TimeoutExpiredException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public TimeoutExpiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public TimeoutExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a command and the timeout it outlasted, with CPython's message.</summary>
    /// <param name="command">The command as CPython prints it (see <see cref="SubprocessException.Command"/>).</param>
    /// <param name="timeout">The timeout.</param>
    public TimeoutExpiredException(string command, TimeSpan timeout)
        : base($"Command '{command}' timed out after {Objects.PyRepr.Repr(timeout.TotalSeconds)} seconds")
    {
        Command = command;
        Timeout = timeout;
    }

    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public override string PythonName => "subprocess.TimeoutExpired";
}

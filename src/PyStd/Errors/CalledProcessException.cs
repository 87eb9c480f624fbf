namespace PyStd;

/// <summary>
/// Python's <c>subprocess.CalledProcessError</c>: a child run with <c>check</c> ended with a non-zero
/// return code. The message is CPython's: <c>Command '['false']' returned non-zero exit status 1.</c>,
/// or <c>Command 'sleep 9' died with &lt;Signals.SIGKILL: 9&gt;.</c> when a signal ended it.
/// </summary>
public class CalledProcessException : SubprocessException
{
    /// <summary>Creates an exception with no message.</summary>
    public CalledProcessException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public CalledProcessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public CalledProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a command and its return code, with CPython's message.</summary>
    /// <param name="returnCode">The return code (negative: the signal that ended the child).</param>
    /// <param name="command">The command as CPython prints it (see <see cref="SubprocessException.Command"/>).</param>
    public CalledProcessException(int returnCode, string command)
        : base(FormatMessage(returnCode, command))
    {
        ReturnCode = returnCode;
        Command = command;
    }

    /// <summary>The child's return code: the exit status, or minus the signal number.</summary>
    public int ReturnCode { get; }

    /// <inheritdoc />
    public override string PythonName => "subprocess.CalledProcessError";

    private static string FormatMessage(int returnCode, string command)
    {
        if (returnCode >= 0)
        {
            return $"Command '{command}' returned non-zero exit status {returnCode}.";
        }

        string? name = Lifecycle.Signals.Name(-returnCode);
        return name is null
            ? $"Command '{command}' died with unknown signal {-returnCode}."
            : $"Command '{command}' died with <Signals.{name}: {-returnCode}>.";
    }
}

namespace PyStd;

/// <summary>
/// Python's <c>KeyboardInterrupt</c>: Ctrl-C (SIGINT) under the default handler.
/// <see cref="Lifecycle.Signals.DefaultIntHandler"/> throws it; when it escapes a signal handler,
/// PyStd ends the process as CPython ends one whose <c>KeyboardInterrupt</c> was not caught: it prints
/// <c>KeyboardInterrupt</c> on standard error, runs the <see cref="Lifecycle.AtExit"/> handlers,
/// restores the terminal, and dies by SIGINT (exit status 130 in a shell, -2 in Python's
/// <c>subprocess</c>).
/// </summary>
public class KeyboardInterruptException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public KeyboardInterruptException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public KeyboardInterruptException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public KeyboardInterruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "KeyboardInterrupt";
}

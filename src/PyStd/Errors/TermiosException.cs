namespace PyStd;

/// <summary>
/// Python's <c>termios.error</c>: a terminal call failed. The message reads as CPython's
/// <c>str()</c> of it, <c>(25, 'Inappropriate ioctl for device')</c> when standard input is not a
/// terminal. Like <c>termios.error</c>, it is not an <c>OSError</c>.
/// </summary>
public class TermiosException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public TermiosException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public TermiosException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public TermiosException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed terminal call, worded as CPython's <c>termios.error</c>.</summary>
    /// <param name="errno">The C <c>errno</c> value.</param>
    /// <param name="strError">The text of <c>strerror(errno)</c>.</param>
    public TermiosException(int errno, string strError)
        : base($"({errno}, {Objects.PyRepr.Repr(strError)})")
    {
        Errno = errno;
        StrError = strError;
    }

    /// <summary>The C <c>errno</c> value (25, <c>ENOTTY</c>, when the descriptor is not a terminal).</summary>
    public int Errno { get; }

    /// <summary>The text of <c>strerror(errno)</c>, or <see langword="null"/>.</summary>
    public string? StrError { get; }

    /// <inheritdoc />
    public override string PythonName => "termios.error";
}

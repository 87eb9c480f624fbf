namespace PyStd;

/// <summary>
/// Python's <c>EOFError</c>: a read met the end of its input before it had what it needed, for
/// example <c>array.fromfile</c> on a file shorter than the count asked for.
/// </summary>
public class PyEofException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public PyEofException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">CPython's wording, e.g. <c>read() didn't return enough bytes</c>.</param>
    public PyEofException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="innerException">The cause.</param>
    public PyEofException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "EOFError";
}

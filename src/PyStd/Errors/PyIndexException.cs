namespace PyStd;

/// <summary>
/// Python's <c>IndexError</c>: a sequence index is out of range, for example
/// <c>pop index out of range</c>.
/// </summary>
public class PyIndexException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public PyIndexException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">CPython's wording, e.g. <c>array index out of range</c>.</param>
    public PyIndexException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="innerException">The cause.</param>
    public PyIndexException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "IndexError";
}

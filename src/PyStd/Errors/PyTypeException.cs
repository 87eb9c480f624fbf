namespace PyStd;

/// <summary>
/// Python's <c>TypeError</c>: an operation met a value of the wrong Python type, for example
/// an unhashable <c>list</c> used as a dict key or set member.
/// </summary>
public class PyTypeException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public PyTypeException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">CPython's wording, e.g. <c>unhashable type: 'list'</c>.</param>
    public PyTypeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="innerException">The cause.</param>
    public PyTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "TypeError";
}

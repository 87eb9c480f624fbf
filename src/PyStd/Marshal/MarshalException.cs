namespace PyStd.Marshal;

/// <summary>
/// Python's errors from <c>marshal</c>: the input is not valid marshal data (<c>ValueError: bad
/// marshal data (unknown type code)</c>), is truncated (<c>EOFError: EOF read where object
/// expected</c>, <c>marshal data too short</c>), or a value cannot be written (<c>ValueError:
/// unmarshallable object</c>). Every problem with the input surfaces as this exception — never as
/// another type — with CPython's message; <see cref="PythonName"/> is the exception CPython raises.
/// </summary>
public class MarshalException : PyStdException
{
    private readonly string _pythonName = "ValueError";

    /// <summary>Creates an exception with no message.</summary>
    public MarshalException()
    {
    }

    /// <summary>Creates an exception with a message (CPython's <c>ValueError</c>).</summary>
    /// <param name="message">CPython's wording, e.g. <c>bad marshal data (unknown type code)</c>.</param>
    public MarshalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="innerException">The cause.</param>
    public MarshalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a message and the name of CPython's exception.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="pythonName">CPython's exception, e.g. <c>EOFError</c>.</param>
    internal MarshalException(string message, string pythonName)
        : base(message)
    {
        _pythonName = pythonName;
    }

    /// <summary>Where in the input the problem was found (0-based byte offset), or -1.</summary>
    public long Position { get; internal set; } = -1;

    /// <inheritdoc />
    public override string PythonName => _pythonName;
}

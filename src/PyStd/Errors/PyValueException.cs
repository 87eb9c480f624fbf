namespace PyStd;

/// <summary>
/// Python's <c>ValueError</c>: an argument has the right type but a wrong value, for example an
/// unknown array typecode or <c>array.remove(x)</c> for an <c>x</c> that is not there.
/// </summary>
public class PyValueException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public PyValueException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">CPython's wording, e.g. <c>bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)</c>.</param>
    public PyValueException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="innerException">The cause.</param>
    public PyValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "ValueError";
}

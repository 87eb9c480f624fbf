namespace PyStd;

/// <summary>
/// Python's <c>struct.error</c>: a bad format string, a value that does not fit its format code,
/// the wrong number of values, or a buffer of the wrong size. Messages are CPython 3.11's,
/// word for word (for example <c>'h' format requires -32768 &lt;= number &lt;= 32767</c> or
/// <c>unpack requires a buffer of 8 bytes</c>), so they can be searched for.
/// </summary>
/// <remarks>
/// Where CPython's <c>struct</c> raises <c>OverflowError</c> instead (a float too large for the
/// <c>e</c> or standard-size <c>f</c> code) PyStd throws <see cref="OverflowException"/> with
/// CPython's message.
/// </remarks>
public class StructException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public StructException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">CPython's wording, e.g. <c>bad char in struct format</c>.</param>
    public StructException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="innerException">The cause.</param>
    public StructException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "struct.error";
}

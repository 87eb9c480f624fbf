namespace PyStd;

/// <summary>
/// Python's <c>pickle.UnpicklingError</c>: the input is not a valid pickle, is truncated, uses
/// something the options forbid (a denied or unknown global, a limit), or needs what was not given
/// (a persistent-load callback, out-of-band buffers). Every problem with the input surfaces as this
/// exception — never as another type — with CPython's message where a user would search for it
/// (<c>pickle data was truncated</c>, <c>invalid load key, 'x'.</c>, <c>unsupported pickle protocol: 6</c>).
/// </summary>
/// <remarks>
/// Where CPython raises another error for bad input (<c>EOFError: Ran out of input</c>,
/// <c>ValueError: unregistered extension code 5</c>, <c>UnicodeDecodeError</c> …) PyStd raises this
/// exception with CPython's message; <see cref="Exception.InnerException"/> carries the .NET cause when
/// there is one.
/// </remarks>
public class UnpicklingException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public UnpicklingException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">CPython's wording, e.g. <c>pickle data was truncated</c>.</param>
    public UnpicklingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="innerException">The cause.</param>
    public UnpicklingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where in the input the problem was found (0-based byte offset of the opcode), or -1.</summary>
    public long Position { get; internal set; } = -1;

    /// <inheritdoc />
    public override string PythonName => "pickle.UnpicklingError";
}

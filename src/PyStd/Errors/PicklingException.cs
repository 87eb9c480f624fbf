namespace PyStd;

/// <summary>
/// Python's <c>pickle.PicklingError</c>: a value the pickler cannot write — a .NET type with no
/// mapping to a Python value, a global name the protocol cannot spell, a persistent ID protocol 0
/// cannot carry. Messages are CPython's where a user would search for them (<c>can't pickle 'X'
/// object</c>, <c>PickleBuffer can only pickled with protocol &gt;= 5</c>).
/// </summary>
/// <remarks>
/// Where CPython raises another error while pickling, PyStd follows the architecture's table:
/// nesting beyond the limit is <see cref="PyRecursionException"/>; a <c>str</c> or <c>bytes</c>
/// over 4 GiB below protocol 4 is <see cref="OverflowException"/>.
/// </remarks>
public class PicklingException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public PicklingException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">CPython's wording, e.g. <c>can't pickle 'Foo' object</c>.</param>
    public PicklingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="innerException">The cause.</param>
    public PicklingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "pickle.PicklingError";
}

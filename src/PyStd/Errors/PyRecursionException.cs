namespace PyStd;

/// <summary>
/// Python's <c>RecursionError</c>: a value is nested deeper than PyStd walks, for example a
/// list nested thousands of levels deep given to <see cref="Objects.PyRepr.Repr"/>.
/// </summary>
public class PyRecursionException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public PyRecursionException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">CPython's wording, e.g. <c>maximum recursion depth exceeded while getting the repr of an object</c>.</param>
    public PyRecursionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">CPython's wording.</param>
    /// <param name="innerException">The cause.</param>
    public PyRecursionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "RecursionError";
}

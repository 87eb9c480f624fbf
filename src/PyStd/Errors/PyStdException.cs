namespace PyStd;

/// <summary>
/// The base of every exception PyStd raises for a Python error (<c>struct.error</c>,
/// <c>pickle.UnpicklingError</c>, <c>dbm.error</c> …). Catch this to catch them all.
/// </summary>
public class PyStdException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public PyStdException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public PyStdException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public PyStdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The name of the Python exception this one stands for (<c>struct.error</c>,
    /// <c>SyntaxError</c> …), used by the CLI and in docs.
    /// </summary>
    public virtual string PythonName => "Exception";
}

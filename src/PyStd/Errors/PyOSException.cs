namespace PyStd;

/// <summary>
/// Python's <c>OSError</c>: a system call failed. <see cref="Errno"/> is the C <c>errno</c>, and the
/// message reads as CPython's, <c>[Errno 2] No such file or directory: 'x'</c>.
/// </summary>
public class PyOSException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public PyOSException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public PyOSException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public PyOSException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a failed system call, worded as CPython's <c>OSError</c>.</summary>
    /// <param name="errno">The C <c>errno</c> value.</param>
    /// <param name="strError">The text of <c>strerror(errno)</c>.</param>
    /// <param name="fileName">The file the call was about, or <see langword="null"/>.</param>
    public PyOSException(int errno, string strError, string? fileName = null)
        : base(fileName is null ? $"[Errno {errno}] {strError}" : $"[Errno {errno}] {strError}: {Objects.PyRepr.Repr(fileName)}")
    {
        Errno = errno;
        StrError = strError;
        FileName = fileName;
    }

    /// <summary>The C <c>errno</c> value, 0 when not from a system call.</summary>
    public int Errno { get; }

    /// <summary>The text of <c>strerror(errno)</c>, or <see langword="null"/>.</summary>
    public string? StrError { get; }

    /// <summary>The file the failed call was about, or <see langword="null"/>.</summary>
    public string? FileName { get; }

    /// <inheritdoc />
    public override string PythonName => "OSError";
}

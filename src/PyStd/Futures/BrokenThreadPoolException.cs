namespace PyStd.Futures;

/// <summary>
/// Python's <c>concurrent.futures.thread.BrokenThreadPool</c>: a worker's initializer threw, so
/// the pool is unusable — pending futures fail with this exception and <c>Submit</c> throws it.
/// </summary>
public class BrokenThreadPoolException : PyStdException
{
    /// <summary>CPython's message.</summary>
    public const string DefaultMessage = "A thread initializer failed, the thread pool is not usable anymore";

    /// <summary>Creates an exception with <see cref="DefaultMessage"/>.</summary>
    public BrokenThreadPoolException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public BrokenThreadPoolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause (the initializer's exception).</param>
    public BrokenThreadPoolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "concurrent.futures.thread.BrokenThreadPool";
}

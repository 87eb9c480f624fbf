namespace PyStd.Queue;

/// <summary>
/// Python's <c>queue.Full</c>: a non-blocking <c>put</c> found a bounded queue full, or a
/// <c>put</c> with a timeout waited that long without a slot coming free.
/// </summary>
public class QueueFullException : PyStdException
{
    /// <summary>The message used when none is given: <c>The queue is full.</c></summary>
    public const string DefaultMessage = "The queue is full.";

    /// <summary>Creates an exception with <see cref="DefaultMessage"/>.</summary>
    public QueueFullException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public QueueFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public QueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "queue.Full";
}

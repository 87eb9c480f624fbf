namespace PyStd.Queue;

/// <summary>
/// Python's <c>queue.Empty</c>: a non-blocking <c>get</c> found the queue empty, or a <c>get</c>
/// with a timeout waited that long without an item arriving.
/// </summary>
public class QueueEmptyException : PyStdException
{
    /// <summary>The message used when none is given: <c>The queue is empty.</c></summary>
    public const string DefaultMessage = "The queue is empty.";

    /// <summary>Creates an exception with <see cref="DefaultMessage"/>.</summary>
    public QueueEmptyException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public QueueEmptyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public QueueEmptyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "queue.Empty";
}

namespace PyStd.Queue;

/// <summary>
/// Python 3.13's <c>queue.ShutDown</c>: a <c>put</c> on a queue that has been shut down, or a
/// <c>get</c> on one that has been shut down and is empty (at once after an immediate shutdown,
/// which drains it). Blocked getters and putters are woken with it.
/// </summary>
public class QueueShutDownException : PyStdException
{
    /// <summary>The message used when none is given: <c>The queue has been shut down.</c></summary>
    public const string DefaultMessage = "The queue has been shut down.";

    /// <summary>Creates an exception with <see cref="DefaultMessage"/>.</summary>
    public QueueShutDownException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    public QueueShutDownException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">One sentence naming the problem.</param>
    /// <param name="innerException">The cause.</param>
    public QueueShutDownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string PythonName => "queue.ShutDown";
}

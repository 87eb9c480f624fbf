using PyStd.Queue;

namespace PyStd.Futures;

/// <summary>
/// A <see cref="Future"/> whose call returns a <typeparamref name="T"/>: what
/// <see cref="ThreadPoolExecutor.Submit{T}(Func{T})"/> returns.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class Future<T> : Future
{
    private readonly TaskCompletionSource<T> _task = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    /// <summary>Creates a pending future (for executors of your own and tests, as in Python).</summary>
    public Future()
    {
    }

    /// <summary>A task that completes with the future (result, exception, or cancelled).</summary>
    public new Task<T> Task => _task.Task;

    private protected override Task UntypedTask => _task.Task;

    private protected override object? BoxedResult => _result;

    private protected override string ResultTypeName => _result?.GetType().Name ?? "None";

    /// <summary>
    /// Waits for the call to finish and returns its result (Python's <c>result(timeout)</c>). If
    /// the call threw, the same exception is rethrown here, unwrapped, with its stack trace.
    /// </summary>
    /// <param name="timeout">How long to wait; null waits for ever; a negative one does not wait.</param>
    /// <returns>The result.</returns>
    /// <exception cref="OperationCanceledException">The future was cancelled (<c>CancelledError</c>).</exception>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/> (<c>TimeoutError</c>).</exception>
    public T Result(TimeSpan? timeout = null) => ResultUntil(Deadline.From(ClampNegative(timeout)));

    /// <summary>Finishes the future with a result (Python's <c>set_result</c>; for executors and tests).</summary>
    /// <param name="result">The result.</param>
    /// <exception cref="InvalidOperationException">The future is already cancelled or finished (<c>InvalidStateError</c>).</exception>
    public void SetResult(T result) => FinishWithResult(() => _result = result);

    internal T ResultUntil(long deadline)
    {
        WaitFinished(deadline);
        ThrowIfFailed();
        return _result;
    }

    private protected override void CompleteTaskCancelled() => _task.TrySetCanceled();

    private protected override void CompleteTaskFaulted(Exception exception) => _task.TrySetException(exception);

    private protected override void CompleteTaskResult() => _task.TrySetResult(_result);
}

using System.Diagnostics;
using System.Runtime.ExceptionServices;
using PyStd.Queue;

namespace PyStd.Futures;

/// <summary>
/// Python's <c>concurrent.futures.Future</c> (CPython 3.13, <c>Lib/concurrent/futures/_base.py</c>):
/// the pending result of a call handed to an executor. It moves from pending to running to
/// finished (with a result or an exception), or from pending to cancelled.
/// <see cref="Future{T}"/> adds the typed result; <see cref="ThreadPoolExecutor.Submit(Action)"/>
/// returns a plain <see cref="Future"/>.
/// </summary>
/// <remarks>
/// <para>Errors are .NET's where Python's are .NET concepts (see docs/errors.md):
/// <c>concurrent.futures.CancelledError</c> is <see cref="OperationCanceledException"/> and
/// <c>TimeoutError</c> is <see cref="TimeoutException"/>. The exception the call threw is
/// rethrown by <c>Result</c> as the same object — not wrapped — with its original stack trace
/// kept, as Python re-raises the stored exception and as <c>await</c> does.</para>
/// <para><see cref="Task"/> completes with the future, so async code can <c>await</c> it.</para>
/// </remarks>
public abstract class Future
{
    private readonly object _gate = new();
    private List<Action<Future>>? _callbacks;
    private FutureState _state;
    private Exception? _exception;

    private protected Future()
    {
    }

    private enum FutureState
    {
        Pending,
        Running,
        Cancelled,
        CancelledAndNotified,
        Finished,
    }

    /// <summary>True if the future was cancelled (Python's <c>cancelled()</c>).</summary>
    public bool Cancelled
    {
        get
        {
            lock (_gate)
            {
                return _state is FutureState.Cancelled or FutureState.CancelledAndNotified;
            }
        }
    }

    /// <summary>True while the call is running and can no longer be cancelled (Python's <c>running()</c>).</summary>
    public bool Running
    {
        get
        {
            lock (_gate)
            {
                return _state == FutureState.Running;
            }
        }
    }

    /// <summary>True once the future was cancelled or the call finished (Python's <c>done()</c>).</summary>
    public bool Done
    {
        get
        {
            lock (_gate)
            {
                return _state is FutureState.Cancelled or FutureState.CancelledAndNotified or FutureState.Finished;
            }
        }
    }

    /// <summary>
    /// A task that completes with the future: with its result, faulted with the call's exception,
    /// or cancelled.
    /// </summary>
    public Task Task => UntypedTask;

    private protected abstract Task UntypedTask { get; }

    /// <summary>
    /// Tries to cancel the call (Python's <c>cancel()</c>). A call that is running or finished
    /// cannot be cancelled.
    /// </summary>
    /// <returns>True if the future is now cancelled (also when it already was).</returns>
    public bool Cancel()
    {
        lock (_gate)
        {
            if (_state is FutureState.Running or FutureState.Finished)
            {
                return false;
            }

            if (_state is FutureState.Cancelled or FutureState.CancelledAndNotified)
            {
                return true;
            }

            _state = FutureState.Cancelled;
            Monitor.PulseAll(_gate);
        }

        CompleteTaskCancelled();
        InvokeCallbacks();
        return true;
    }

    /// <summary>
    /// Waits for the call to finish and returns the exception it threw, or null if it returned
    /// normally (Python's <c>exception(timeout)</c>).
    /// </summary>
    /// <param name="timeout">How long to wait; null waits for ever.</param>
    /// <returns>The exception, or null.</returns>
    /// <exception cref="OperationCanceledException">The future was cancelled (<c>CancelledError</c>).</exception>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/> (<c>TimeoutError</c>).</exception>
    public Exception? Exception(TimeSpan? timeout = null)
    {
        WaitFinished(Deadline.From(ClampNegative(timeout)));
        return _exception;
    }

    /// <summary>
    /// Waits for the call to finish and returns its result boxed (Python's <c>result(timeout)</c>);
    /// <see cref="Future{T}.Result"/> is the typed version.
    /// </summary>
    /// <param name="timeout">How long to wait; null waits for ever.</param>
    /// <returns>The result; null for a call that returns nothing.</returns>
    /// <exception cref="OperationCanceledException">The future was cancelled.</exception>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/>.</exception>
    public object? ResultObject(TimeSpan? timeout = null)
    {
        WaitFinished(Deadline.From(ClampNegative(timeout)));
        ThrowIfFailed();
        return BoxedResult;
    }

    /// <summary>
    /// Adds a callback called with this future when it is cancelled or finishes (Python's
    /// <c>add_done_callback</c>); at once, on this thread, if it already is done. Callbacks run in
    /// the order added, on the thread that completes the future. An exception from a callback is
    /// written to standard error and ignored, as CPython logs it.
    /// </summary>
    /// <param name="callback">The callback.</param>
    public void AddDoneCallback(Action<Future> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            if (_state is not (FutureState.Cancelled or FutureState.CancelledAndNotified or FutureState.Finished))
            {
                (_callbacks ??= []).Add(callback);
                return;
            }
        }

        RunCallback(callback);
    }

    /// <summary>
    /// Marks the future running, or reports that it was cancelled (Python's
    /// <c>set_running_or_notify_cancel</c>; for executors and tests).
    /// </summary>
    /// <returns>False if the future was cancelled (do not run the call), true if it is now running.</returns>
    /// <exception cref="InvalidOperationException">The future is already running or finished.</exception>
    public bool SetRunningOrNotifyCancel()
    {
        lock (_gate)
        {
            switch (_state)
            {
                case FutureState.Cancelled:
                    _state = FutureState.CancelledAndNotified;
                    return false;
                case FutureState.Pending:
                    _state = FutureState.Running;
                    return true;
                default:
                    throw new InvalidOperationException($"Future in unexpected state: {StateName(_state)}.");
            }
        }
    }

    /// <summary>Finishes the future with an exception (Python's <c>set_exception</c>; for executors and tests).</summary>
    /// <param name="exception">What the call threw.</param>
    /// <exception cref="InvalidOperationException">The future is already cancelled or finished (<c>InvalidStateError</c>).</exception>
    public void SetException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_gate)
        {
            ThrowIfFinished();
            _exception = exception;
            _state = FutureState.Finished;
            Monitor.PulseAll(_gate);
        }

        CompleteTaskFaulted(exception);
        InvokeCallbacks();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_gate)
        {
            string state = StateName(_state);
            if (_state != FutureState.Finished)
            {
                return $"<Future state={state}>";
            }

            return _exception is null
                ? $"<Future state={state} returned {ResultTypeName}>"
                : $"<Future state={state} raised {_exception.GetType().Name}>";
        }
    }

    private protected abstract object? BoxedResult { get; }

    private protected abstract string ResultTypeName { get; }

    private protected abstract void CompleteTaskCancelled();

    private protected abstract void CompleteTaskFaulted(Exception exception);

    private protected abstract void CompleteTaskResult();

    /// <summary>Marks the future finished after the subclass stored its result.</summary>
    private protected void FinishWithResult(Action store)
    {
        lock (_gate)
        {
            ThrowIfFinished();
            store();
            _state = FutureState.Finished;
            Monitor.PulseAll(_gate);
        }

        CompleteTaskResult();
        InvokeCallbacks();
    }

    /// <summary>Waits until finished or cancelled; throws for cancellation and timeout.</summary>
    private protected void WaitFinished(long deadline)
    {
        lock (_gate)
        {
            while (!IsDone(_state))
            {
                int ms = deadline == Deadline.Never ? Timeout.Infinite : Deadline.RemainingMilliseconds(deadline);
                if (ms == 0)
                {
                    break;
                }

                Monitor.Wait(_gate, ms);
            }

            if (_state is FutureState.Cancelled or FutureState.CancelledAndNotified)
            {
                throw new OperationCanceledException("The future was cancelled.");
            }

            if (_state != FutureState.Finished)
            {
                throw new TimeoutException("The future did not finish within the timeout.");
            }
        }
    }

    /// <summary>Rethrows the call's exception, as is, with its stack trace.</summary>
    private protected void ThrowIfFailed()
    {
        if (_exception is not null)
        {
            ExceptionDispatchInfo.Capture(_exception).Throw();
        }
    }

    // Python's Condition.wait treats a negative timeout as "do not wait".
    private protected static TimeSpan? ClampNegative(TimeSpan? timeout) =>
        timeout is TimeSpan t && t < TimeSpan.Zero && t != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : timeout;

    private static bool IsDone(FutureState state) =>
        state is FutureState.Cancelled or FutureState.CancelledAndNotified or FutureState.Finished;

    private static string StateName(FutureState state) => state switch
    {
        FutureState.Pending => "pending",
        FutureState.Running => "running",
        FutureState.Cancelled or FutureState.CancelledAndNotified => "cancelled",
        _ => "finished",
    };

    private void ThrowIfFinished()
    {
        if (_state is FutureState.Cancelled or FutureState.CancelledAndNotified or FutureState.Finished)
        {
            throw new InvalidOperationException($"Cannot complete a future that is already {StateName(_state)}.");
        }
    }

    private void InvokeCallbacks()
    {
        List<Action<Future>>? callbacks;
        lock (_gate)
        {
            callbacks = _callbacks;
            _callbacks = null;
        }

        if (callbacks is null)
        {
            return;
        }

        foreach (Action<Future> callback in callbacks)
        {
            RunCallback(callback);
        }
    }

    private void RunCallback(Action<Future> callback)
    {
        try
        {
            callback(this);
        }
#pragma warning disable CA1031 // CPython logs an exception from a done callback and carries on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"exception calling callback for {this}");
            Console.Error.WriteLine(ex);
            Debug.WriteLine(ex);
        }
    }
}

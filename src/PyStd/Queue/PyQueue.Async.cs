namespace PyStd.Queue;

// Async twins of Get, Put and Join (a .NET addition; CPython's asyncio.Queue is a separate,
// single-threaded class). They wait on the same condition variables as the blocking calls, so
// threads and async code can share one queue; an item available at once returns synchronously.
public partial class PyQueue<T>
{
    private const int NotEmptyList = 0;
    private const int NotFullList = 1;
    private const int AllTasksDoneList = 2;

    /// <summary>Removes and returns the next item, waiting asynchronously while the queue is empty.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The item.</returns>
    /// <exception cref="QueueShutDownException">The queue is shut down and empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    public ValueTask<T> GetAsync(CancellationToken cancellationToken = default) => GetAsync(null, cancellationToken);

    /// <summary>Removes and returns the next item, waiting asynchronously at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits for ever.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The item.</returns>
    /// <exception cref="QueueEmptyException">No item arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down and empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout.</exception>
    public ValueTask<T> GetAsync(TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        QueueThrow.IfNegative(timeout);
        lock (_mutex)
        {
            if (QSizeCore() > 0)
            {
                T item = GetCore();
                _notFull.NotifyOne();
                return new ValueTask<T>(item);
            }
        }

        return GetSlowAsync(timeout, cancellationToken);
    }

    /// <summary>Puts an item, waiting asynchronously while a bounded queue is full.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>Completes when the item is in the queue.</returns>
    /// <exception cref="QueueShutDownException">The queue is (or becomes) shut down.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    public ValueTask PutAsync(T item, CancellationToken cancellationToken = default) => PutAsync(item, null, cancellationToken);

    /// <summary>Puts an item, waiting asynchronously at most <paramref name="timeout"/> for a free slot.</summary>
    /// <param name="item">The item.</param>
    /// <param name="timeout">How long to wait; null waits for ever.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>Completes when the item is in the queue.</returns>
    /// <exception cref="QueueFullException">No slot came free within <paramref name="timeout"/>.</exception>
    /// <exception cref="QueueShutDownException">The queue is (or becomes) shut down.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout.</exception>
    public ValueTask PutAsync(T item, TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        QueueThrow.IfNegative(timeout);
        lock (_mutex)
        {
            if (_isShutdown)
            {
                return ValueTask.FromException(new QueueShutDownException());
            }

            if (MaxSize <= 0 || QSizeCore() < MaxSize)
            {
                PutCore(item);
                _unfinishedTasks++;
                _notEmpty.NotifyOne();
                return ValueTask.CompletedTask;
            }
        }

        return PutSlowAsync(item, timeout, cancellationToken);
    }

    /// <summary>Waits asynchronously until every item put has been marked done with <see cref="TaskDone"/>.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>Completes when no task is unfinished.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    public async Task JoinAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            AsyncWaiter w;
            lock (_mutex)
            {
                if (_unfinishedTasks == 0)
                {
                    return;
                }

                cancellationToken.ThrowIfCancellationRequested();
                w = new AsyncWaiter(AllTasksDoneList, CancelWaiter);
                _allTasksDone.Link(w);
            }

            await w.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<T> GetSlowAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource? timer = TimerFor(timeout, cancellationToken);
        CancellationToken token = timer?.Token ?? cancellationToken;
        while (true)
        {
            AsyncWaiter w;
            lock (_mutex)
            {
                if (QSizeCore() > 0)
                {
                    T item = GetCore();
                    _notFull.NotifyOne();
                    return item;
                }

                if (_isShutdown)
                {
                    QueueThrow.ShutDown();
                }

                ThrowIfStopped(full: false, token, cancellationToken);
                w = new AsyncWaiter(NotEmptyList, CancelWaiter);
                _notEmpty.Link(w);
            }

            await w.WaitAsync(token).ConfigureAwait(false);
        }
    }

    private async ValueTask PutSlowAsync(T item, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource? timer = TimerFor(timeout, cancellationToken);
        CancellationToken token = timer?.Token ?? cancellationToken;
        while (true)
        {
            AsyncWaiter w;
            lock (_mutex)
            {
                if (_isShutdown)
                {
                    QueueThrow.ShutDown();
                }

                if (QSizeCore() < MaxSize)
                {
                    PutCore(item);
                    _unfinishedTasks++;
                    _notEmpty.NotifyOne();
                    return;
                }

                ThrowIfStopped(full: true, token, cancellationToken);
                w = new AsyncWaiter(NotFullList, CancelWaiter);
                _notFull.Link(w);
            }

            await w.WaitAsync(token).ConfigureAwait(false);
        }
    }

    private static CancellationTokenSource? TimerFor(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        // CancelAfter takes at most 2^32 - 2 ms (49 days); longer is as good as for ever.
        if (timeout is not TimeSpan t || t == Timeout.InfiniteTimeSpan || t.TotalMilliseconds > uint.MaxValue - 1.0)
        {
            return null;
        }

        CancellationTokenSource timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(t);
        return timer;
    }

    private static void ThrowIfStopped(bool full, CancellationToken token, CancellationToken cancellationToken)
    {
        if (token.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (full)
            {
                QueueThrow.Full();
            }

            QueueThrow.Empty();
        }
    }

    private void CancelWaiter(AsyncWaiter w)
    {
        lock (_mutex)
        {
            if (w.IsLinked)
            {
                switch (w.List)
                {
                    case NotEmptyList:
                        _notEmpty.Unlink(w);
                        break;
                    case NotFullList:
                        _notFull.Unlink(w);
                        break;
                    default:
                        _allTasksDone.Unlink(w);
                        break;
                }
            }

            w.Wake();
        }
    }
}

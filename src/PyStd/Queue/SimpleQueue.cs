namespace PyStd.Queue;

/// <summary>
/// Python's <c>queue.SimpleQueue</c> (CPython's <c>_queue.SimpleQueue</c>): an unbounded FIFO
/// queue without task tracking or shutdown. <c>Put</c> never blocks; <c>Get</c> blocks with an
/// optional timeout. Lighter than <see cref="PyQueue{T}"/> when <c>Join</c>, <c>maxsize</c> and
/// <c>Shutdown</c> are not needed; 3.13's <c>SimpleQueue</c> has none of them, and neither has
/// this one.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class SimpleQueue<T>
{
    private readonly Lock _mutex = new();
    private WaitList _notEmpty;
    private Ring<T> _items = new(16);

    /// <summary>Threads and async calls blocked in a get.</summary>
    internal int WaitingGetters
    {
        get
        {
            lock (_mutex)
            {
                return _notEmpty.Count;
            }
        }
    }

    /// <summary>The number of items now (Python's <c>qsize()</c>; a snapshot).</summary>
    /// <returns>The item count.</returns>
    public int QSize()
    {
        lock (_mutex)
        {
            return _items.Count;
        }
    }

    /// <summary>True if the queue holds no items now (Python's <c>empty()</c>; a snapshot).</summary>
    /// <returns>Whether it is empty.</returns>
    public bool Empty() => QSize() == 0;

    /// <summary>
    /// Puts an item; never blocks. <paramref name="block"/> and <paramref name="timeout"/> are
    /// ignored, as in CPython, and exist for symmetry with <see cref="PyQueue{T}.Put"/>.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="block">Ignored.</param>
    /// <param name="timeout">Ignored.</param>
    public void Put(T item, bool block = true, TimeSpan? timeout = null)
    {
        _ = block;
        _ = timeout;
        lock (_mutex)
        {
            _items.Append(item);
            _notEmpty.NotifyOne();
        }
    }

    /// <summary>Puts an item (Python's <c>put_nowait</c>; same as <see cref="Put"/>).</summary>
    /// <param name="item">The item.</param>
    public void PutNowait(T item) => Put(item);

    /// <summary>Removes and returns the next item, blocking while the queue is empty (Python's <c>get</c>).</summary>
    /// <param name="block">False to fail at once when empty.</param>
    /// <param name="timeout">How long to wait; null waits for ever. Ignored when <paramref name="block"/> is false.</param>
    /// <returns>The item.</returns>
    /// <exception cref="QueueEmptyException">No item (at once, or within <paramref name="timeout"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout with <paramref name="block"/> true (CPython's <c>ValueError</c>).</exception>
    public T Get(bool block = true, TimeSpan? timeout = null)
    {
        long deadline = Deadline.Never;
        if (block && timeout is TimeSpan t && t != Timeout.InfiniteTimeSpan)
        {
            // _queue.SimpleQueue checks the timeout before looking at the items.
            if (t < TimeSpan.Zero)
            {
                QueueThrow.NegativeTimeout();
            }

            deadline = Deadline.From(t);
        }

        _mutex.Enter();
        try
        {
            while (_items.Count == 0)
            {
                if (!block || Deadline.Passed(deadline))
                {
                    QueueThrow.Empty();
                }

                _notEmpty.Wait(_mutex, deadline);
            }

            return _items.PopLeft();
        }
        finally
        {
            _mutex.Exit();
        }
    }

    /// <summary>Removes and returns an item only if one is there now (Python's <c>get_nowait</c>).</summary>
    /// <returns>The item.</returns>
    /// <exception cref="QueueEmptyException">The queue is empty.</exception>
    public T GetNowait() => Get(block: false);

    /// <summary>Removes an item if one is there now; the non-throwing twin of <see cref="GetNowait"/>.</summary>
    /// <param name="item">The item, or default.</param>
    /// <returns>False if the queue is empty.</returns>
    public bool TryGet(out T item)
    {
        lock (_mutex)
        {
            if (_items.Count == 0)
            {
                item = default!;
                return false;
            }

            item = _items.PopLeft();
            return true;
        }
    }

    /// <summary>Removes and returns the next item, waiting asynchronously while the queue is empty.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The item.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    public ValueTask<T> GetAsync(CancellationToken cancellationToken = default)
    {
        lock (_mutex)
        {
            if (_items.Count > 0)
            {
                return new ValueTask<T>(_items.PopLeft());
            }
        }

        return GetSlowAsync(cancellationToken);
    }

    private async ValueTask<T> GetSlowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            AsyncWaiter w;
            lock (_mutex)
            {
                if (_items.Count > 0)
                {
                    return _items.PopLeft();
                }

                cancellationToken.ThrowIfCancellationRequested();
                w = new AsyncWaiter(0, CancelWaiter);
                _notEmpty.Link(w);
            }

            await w.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void CancelWaiter(AsyncWaiter w)
    {
        lock (_mutex)
        {
            if (w.IsLinked)
            {
                _notEmpty.Unlink(w);
            }

            w.Wake();
        }
    }
}

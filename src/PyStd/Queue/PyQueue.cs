using System.Runtime.CompilerServices;

namespace PyStd.Queue;

/// <summary>
/// Python's <c>queue.Queue</c> (CPython 3.13, <c>Lib/queue.py</c>): a multi-producer,
/// multi-consumer FIFO queue for handing work between threads.
/// </summary>
/// <remarks>
/// <para>
/// One lock guards the items, and three condition variables over it — <c>not_empty</c>,
/// <c>not_full</c>, <c>all_tasks_done</c> — wake blocked getters, putters and joiners, exactly as
/// in CPython. <see cref="LifoQueue{T}"/> and <see cref="PyPriorityQueue{T}"/> derive from this
/// class and only replace the storage hooks (<see cref="Init"/>, <see cref="QSizeCore"/>,
/// <see cref="PutCore"/>, <see cref="GetCore"/> — CPython's <c>_init</c>, <c>_qsize</c>,
/// <c>_put</c>, <c>_get</c>), so all three share one implementation of blocking, timeouts, task
/// accounting and shutdown. Subclass it the same way for another ordering.
/// </para>
/// <para>The FAQ's recipe — workers loop over <c>Get</c>, process, <c>TaskDone</c>; the main thread
/// puts jobs and <c>Join</c>s:</para>
/// <code>
/// var q = new PyQueue&lt;int&gt;();
/// for (int i = 0; i &lt; 5; i++)
/// {
///     new Thread(() =&gt; { while (true) { int job = q.Get(); Process(job); q.TaskDone(); } }) { IsBackground = true }.Start();
/// }
/// for (int job = 0; job &lt; 50; job++) q.Put(job);
/// q.Join();   // returns once every job has been processed
/// </code>
/// <para>
/// Timeouts: <c>null</c> (or <see cref="Timeout.InfiniteTimeSpan"/>) is Python's <c>None</c>,
/// block for ever; any other negative timeout is CPython's <c>ValueError: 'timeout' must be a
/// non-negative number</c>, thrown as <see cref="ArgumentOutOfRangeException"/> at the same point
/// CPython checks it. <see cref="QSize"/>, <see cref="Empty"/> and <see cref="Full"/> are, as in
/// Python, only snapshots.
/// </para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public partial class PyQueue<T>
{
    private readonly Lock _mutex = new();
    private WaitList _notEmpty;
    private WaitList _notFull;
    private WaitList _allTasksDone;
    private Ring<T> _fifo;
    private int _unfinishedTasks;
    private bool _isShutdown;

    /// <summary>Creates a queue.</summary>
    /// <param name="maxSize">The most items it holds; zero or less (the default) means no limit.</param>
    public PyQueue(int maxSize = 0)
    {
        MaxSize = maxSize;
#pragma warning disable CA2214 // CPython's _init hook: subclasses set up their storage here, knowing maxsize.
        Init(maxSize);
#pragma warning restore CA2214
    }

    /// <summary>The most items the queue holds; zero or less means no limit (Python's <c>maxsize</c>).</summary>
    public int MaxSize { get; }

    /// <summary>
    /// Items put but not yet marked done with <see cref="TaskDone"/> (Python's <c>unfinished_tasks</c>).
    /// </summary>
    public int UnfinishedTasks
    {
        get
        {
            lock (_mutex)
            {
                return _unfinishedTasks;
            }
        }
    }

    /// <summary>True once <see cref="Shutdown"/> has been called (Python's <c>is_shutdown</c>).</summary>
    public bool IsShutdown
    {
        get
        {
            lock (_mutex)
            {
                return _isShutdown;
            }
        }
    }

    /// <summary>Threads and async calls blocked in a get, a put and a join: (getters, putters, joiners).</summary>
    internal (int Getters, int Putters, int Joiners) Waiting
    {
        get
        {
            lock (_mutex)
            {
                return (_notEmpty.Count, _notFull.Count, _allTasksDone.Count);
            }
        }
    }

    /// <summary>The number of items in the queue now (Python's <c>qsize()</c>; a snapshot).</summary>
    /// <returns>The item count.</returns>
    public int QSize()
    {
        lock (_mutex)
        {
            return QSizeCore();
        }
    }

    /// <summary>True if the queue holds no items now (Python's <c>empty()</c>; a snapshot).</summary>
    /// <returns>Whether it is empty.</returns>
    public bool Empty()
    {
        lock (_mutex)
        {
            return QSizeCore() == 0;
        }
    }

    /// <summary>True if a bounded queue holds <see cref="MaxSize"/> items now (Python's <c>full()</c>).</summary>
    /// <returns>Whether it is full; always false for an unbounded queue.</returns>
    public bool Full()
    {
        lock (_mutex)
        {
            return MaxSize > 0 && MaxSize <= QSizeCore();
        }
    }

    /// <summary>
    /// Puts an item in the queue, blocking while a bounded queue is full (Python's <c>put</c>).
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="block">False to fail at once when the queue is full instead of waiting.</param>
    /// <param name="timeout">How long to wait for a free slot; null waits for ever. Ignored when
    /// <paramref name="block"/> is false.</param>
    /// <exception cref="QueueFullException">No free slot (at once, or within <paramref name="timeout"/>).</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down, or was shut down while waiting.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout on a bounded queue (CPython's <c>ValueError</c>).</exception>
    public void Put(T item, bool block = true, TimeSpan? timeout = null)
    {
        _mutex.Enter();
        try
        {
            if (_isShutdown)
            {
                QueueThrow.ShutDown();
            }

            // CPython checks a negative timeout on every blocking put to a bounded queue, full or not.
            if (MaxSize > 0 && (QSizeCore() >= MaxSize || (block && QueueThrow.IsNegative(timeout))))
            {
                WaitNotFull(block, timeout);
            }

            PutCore(item);
            _unfinishedTasks++;
            _notEmpty.NotifyOne();
        }
        finally
        {
            _mutex.Exit();
        }
    }

    /// <summary>Puts an item only if a slot is free now (Python's <c>put_nowait</c>).</summary>
    /// <param name="item">The item.</param>
    /// <exception cref="QueueFullException">The queue is full.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    public void PutNowait(T item) => Put(item, block: false);

    /// <summary>Puts an item if a slot is free now; the non-throwing twin of <see cref="PutNowait"/>.</summary>
    /// <param name="item">The item.</param>
    /// <returns>False if the queue is full.</returns>
    /// <exception cref="QueueShutDownException">The queue is shut down.</exception>
    public bool TryPut(T item)
    {
        lock (_mutex)
        {
            if (_isShutdown)
            {
                QueueThrow.ShutDown();
            }

            if (MaxSize > 0 && QSizeCore() >= MaxSize)
            {
                return false;
            }

            PutCore(item);
            _unfinishedTasks++;
            _notEmpty.NotifyOne();
            return true;
        }
    }

    /// <summary>
    /// Removes and returns the next item, blocking while the queue is empty (Python's <c>get</c>).
    /// </summary>
    /// <param name="block">False to fail at once when the queue is empty instead of waiting.</param>
    /// <param name="timeout">How long to wait for an item; null waits for ever. Ignored when
    /// <paramref name="block"/> is false.</param>
    /// <returns>The item.</returns>
    /// <exception cref="QueueEmptyException">No item (at once, or within <paramref name="timeout"/>).</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down and empty (an immediate shutdown empties it).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout (CPython's <c>ValueError</c>).</exception>
    public T Get(bool block = true, TimeSpan? timeout = null)
    {
        _mutex.Enter();
        try
        {
            // CPython rejects a negative timeout even when an item is waiting; keep that order.
            if (QSizeCore() == 0 || (block && QueueThrow.IsNegative(timeout)))
            {
                WaitNotEmpty(block, timeout);
            }

            T item = GetCore();
            _notFull.NotifyOne();
            return item;
        }
        finally
        {
            _mutex.Exit();
        }
    }

    /// <summary>Removes and returns an item only if one is there now (Python's <c>get_nowait</c>).</summary>
    /// <returns>The item.</returns>
    /// <exception cref="QueueEmptyException">The queue is empty.</exception>
    /// <exception cref="QueueShutDownException">The queue is shut down and empty.</exception>
    public T GetNowait() => Get(block: false);

    /// <summary>Removes an item if one is there now; the non-throwing twin of <see cref="GetNowait"/>.</summary>
    /// <param name="item">The item, or default.</param>
    /// <returns>False if the queue is empty.</returns>
    /// <exception cref="QueueShutDownException">The queue is shut down and empty.</exception>
    public bool TryGet(out T item)
    {
        lock (_mutex)
        {
            if (QSizeCore() == 0)
            {
                if (_isShutdown)
                {
                    QueueThrow.ShutDown();
                }

                item = default!;
                return false;
            }

            item = GetCore();
            _notFull.NotifyOne();
            return true;
        }
    }

    /// <summary>
    /// Marks one item fetched with <c>Get</c> as processed (Python's <c>task_done</c>). When every
    /// item put has been marked, <see cref="Join()"/> returns.
    /// </summary>
    /// <exception cref="PyValueException"><c>task_done() called too many times</c>.</exception>
    public void TaskDone()
    {
        lock (_mutex)
        {
            int unfinished = _unfinishedTasks - 1;
            if (unfinished <= 0)
            {
                if (unfinished < 0)
                {
                    throw new PyValueException("task_done() called too many times");
                }

                _allTasksDone.NotifyAll();
            }

            _unfinishedTasks = unfinished;
        }
    }

    /// <summary>
    /// Blocks until every item ever put has been fetched and marked done with <see cref="TaskDone"/>
    /// (Python's <c>join</c>): the way to wait for workers without sleeping.
    /// </summary>
    public void Join() => Join(null);

    /// <summary>Like <see cref="Join()"/>, but gives up after <paramref name="timeout"/> (a .NET addition).</summary>
    /// <param name="timeout">How long to wait; null waits for ever.</param>
    /// <returns>True if all tasks were done, false on timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout other than <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public bool Join(TimeSpan? timeout)
    {
        QueueThrow.IfNegative(timeout);
        long deadline = Deadline.From(timeout);
        lock (_mutex)
        {
            while (_unfinishedTasks != 0)
            {
                if (Deadline.Passed(deadline))
                {
                    return false;
                }

                _allTasksDone.Wait(_mutex, deadline);
            }

            return true;
        }
    }

    /// <summary>
    /// Shuts the queue down (Python 3.13's <c>shutdown</c>): every later <c>Put</c> throws
    /// <see cref="QueueShutDownException"/>, and so does every <c>Get</c> once the queue is empty.
    /// All blocked getters and putters wake up and re-check.
    /// </summary>
    /// <param name="immediate">True to also drain the queue at once — gets then throw straight
    /// away — counting each drained item as done, which may release <see cref="Join()"/>.</param>
    public void Shutdown(bool immediate = false)
    {
        lock (_mutex)
        {
            _isShutdown = true;
            if (immediate)
            {
                while (QSizeCore() > 0)
                {
                    GetCore();
                    if (_unfinishedTasks > 0)
                    {
                        _unfinishedTasks--;
                    }
                }

                _allTasksDone.NotifyAll();
            }

            _notEmpty.NotifyAll();
            _notFull.NotifyAll();
        }
    }

    /// <summary>
    /// Sets up the storage (CPython's <c>_init</c>). Called once from the constructor, before any
    /// other hook; the FIFO default uses a circular buffer.
    /// </summary>
    /// <param name="maxSize">The queue's <see cref="MaxSize"/>.</param>
    protected virtual void Init(int maxSize) => _fifo = new Ring<T>(maxSize is > 0 and <= 1024 ? maxSize : 16);

    /// <summary>The number of stored items (CPython's <c>_qsize</c>); called with the lock held.</summary>
    /// <returns>The item count.</returns>
    protected virtual int QSizeCore() => _fifo.Count;

    /// <summary>Stores an item (CPython's <c>_put</c>); called with the lock held.</summary>
    /// <param name="item">The item.</param>
    protected virtual void PutCore(T item) => _fifo.Append(item);

    /// <summary>Removes the next item (CPython's <c>_get</c>); called with the lock held, never when empty.</summary>
    /// <returns>The item.</returns>
    protected virtual T GetCore() => _fifo.PopLeft();

    // CPython's put() loop for a full bounded queue, lock held.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitNotFull(bool block, TimeSpan? timeout)
    {
        if (!block)
        {
            QueueThrow.Full();
        }

        long deadline = Deadline.Never;
        if (timeout is TimeSpan t && t != Timeout.InfiniteTimeSpan)
        {
            if (t < TimeSpan.Zero)
            {
                QueueThrow.NegativeTimeout();
            }

            deadline = Deadline.From(t);
        }

        while (QSizeCore() >= MaxSize)
        {
            if (Deadline.Passed(deadline))
            {
                QueueThrow.Full();
            }

            _notFull.Wait(_mutex, deadline);
            if (_isShutdown)
            {
                QueueThrow.ShutDown();
            }
        }
    }

    // CPython's get() checks and loop for an empty queue (or a negative timeout), lock held.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitNotEmpty(bool block, TimeSpan? timeout)
    {
        if (_isShutdown && QSizeCore() == 0)
        {
            QueueThrow.ShutDown();
        }

        if (!block)
        {
            if (QSizeCore() == 0)
            {
                QueueThrow.Empty();
            }

            return;
        }

        long deadline = Deadline.Never;
        if (timeout is TimeSpan t && t != Timeout.InfiniteTimeSpan)
        {
            if (t < TimeSpan.Zero)
            {
                QueueThrow.NegativeTimeout();
            }

            deadline = Deadline.From(t);
        }

        while (QSizeCore() == 0)
        {
            if (Deadline.Passed(deadline))
            {
                QueueThrow.Empty();
            }

            _notEmpty.Wait(_mutex, deadline);
            if (_isShutdown && QSizeCore() == 0)
            {
                QueueThrow.ShutDown();
            }
        }
    }
}

using PyStd.Queue;

namespace PyStd.Futures;

/// <summary>
/// Python's <c>concurrent.futures.ThreadPoolExecutor</c> (CPython 3.13,
/// <c>Lib/concurrent/futures/thread.py</c>): runs calls on a pool of at most
/// <see cref="MaxWorkers"/> dedicated threads, each call's outcome on a <see cref="Future{T}"/>.
/// </summary>
/// <remarks>
/// <para>As in CPython, workers are started lazily — one per <c>Submit</c> while none is idle,
/// up to <see cref="MaxWorkers"/> — and take work from one <see cref="SimpleQueue{T}"/>.
/// <see cref="Shutdown"/> (or <see cref="Dispose"/>, which is <c>Shutdown(wait: true)</c>, the
/// <c>with</c> statement's exit) lets queued calls finish unless <c>cancelFutures</c> is set.
/// Workers are background threads: calls still queued when the process exits without a
/// shutdown are abandoned, where CPython would join them at interpreter exit.</para>
/// <code>
/// using var pool = new ThreadPoolExecutor(maxWorkers: 4);
/// Future&lt;int&gt; f = pool.Submit(() =&gt; 6 * 7);
/// Console.WriteLine(f.Result());                         // 42
/// foreach (int n in pool.Map(x =&gt; x * x, [1, 2, 3]))     // 1 4 9, in input order
///     Console.WriteLine(n);
/// </code>
/// </remarks>
public sealed class ThreadPoolExecutor : IDisposable
{
    private static int s_counter;

    private readonly PoolState _state = new();
    private readonly List<Thread> _threads = [];
    private readonly Action? _initializer;
    private readonly string _threadNamePrefix;

    /// <summary>Creates an executor.</summary>
    /// <param name="maxWorkers">The most threads it starts; null for CPython 3.13's default,
    /// <c>min(32, cpu_count + 4)</c>.</param>
    /// <param name="threadNamePrefix">Names the threads <c>{prefix}_{n}</c>; empty or null for
    /// <c>ThreadPoolExecutor-{k}</c>, as CPython.</param>
    /// <param name="initializer">Called on each worker thread before its first call. If it
    /// throws, the pool is broken (<see cref="BrokenThreadPoolException"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWorkers"/> is 0 or less
    /// (CPython's <c>ValueError: max_workers must be greater than 0</c>).</exception>
    public ThreadPoolExecutor(int? maxWorkers = null, string? threadNamePrefix = null, Action? initializer = null)
    {
        if (maxWorkers is int n && n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWorkers), n, "max_workers must be greater than 0");
        }

        MaxWorkers = maxWorkers ?? DefaultMaxWorkers;
        _threadNamePrefix = string.IsNullOrEmpty(threadNamePrefix)
            ? $"ThreadPoolExecutor-{Interlocked.Increment(ref s_counter) - 1}"
            : threadNamePrefix;
        _initializer = initializer;
    }

    /// <summary>Shuts the pool down if it was dropped without <see cref="Shutdown"/>, so idle workers exit.</summary>
    ~ThreadPoolExecutor()
    {
        _state.Stop();
    }

    /// <summary>CPython 3.13's default pool size: <c>min(32, process CPU count + 4)</c>.</summary>
    public static int DefaultMaxWorkers => Math.Min(32, Environment.ProcessorCount + 4);

    /// <summary>The most worker threads the pool starts.</summary>
    public int MaxWorkers { get; }

    /// <summary>The number of worker threads started so far.</summary>
    public int ThreadCount
    {
        get
        {
            lock (_state.Gate)
            {
                return _threads.Count;
            }
        }
    }

    /// <summary>Schedules <paramref name="fn"/> and returns its future (Python's <c>submit</c>).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="fn">The call.</param>
    /// <returns>The future.</returns>
    /// <exception cref="InvalidOperationException">The pool is shut down
    /// (<c>cannot schedule new futures after shutdown</c>, CPython's <c>RuntimeError</c>).</exception>
    /// <exception cref="BrokenThreadPoolException">A worker's initializer failed.</exception>
    public Future<T> Submit<T>(Func<T> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        var future = new Future<T>();
        Schedule(new WorkItem<T>(future, fn));
        return future;
    }

    /// <summary>Schedules an action and returns its future, whose result is null.</summary>
    /// <param name="fn">The call.</param>
    /// <returns>The future.</returns>
    /// <exception cref="InvalidOperationException">The pool is shut down.</exception>
    /// <exception cref="BrokenThreadPoolException">A worker's initializer failed.</exception>
    public Future Submit(Action fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        return Submit<object?>(() =>
        {
            fn();
            return null;
        });
    }

    /// <summary>
    /// Calls <paramref name="fn"/> on every item concurrently and yields the results in input
    /// order (Python's <c>map</c>). Every call is submitted before this method returns; the
    /// timeout counts from this call, as CPython's. If a call threw, enumeration rethrows its
    /// exception at that position. Stopping early (or an exception) cancels the calls not yet
    /// reached.
    /// </summary>
    /// <typeparam name="TIn">The item type.</typeparam>
    /// <typeparam name="TOut">The result type.</typeparam>
    /// <param name="fn">The call.</param>
    /// <param name="items">The inputs.</param>
    /// <param name="timeout">The time allowed for all results from now; null for no limit.</param>
    /// <returns>The results, lazily, in input order.</returns>
    /// <exception cref="TimeoutException">(While enumerating) a result was not ready by the deadline.</exception>
    /// <exception cref="InvalidOperationException">The pool is shut down.</exception>
    public IEnumerable<TOut> Map<TIn, TOut>(Func<TIn, TOut> fn, IEnumerable<TIn> items, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(fn);
        ArgumentNullException.ThrowIfNull(items);
        long deadline = Deadline.From(timeout is TimeSpan t && t < TimeSpan.Zero && t != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : timeout);
        var futures = new List<Future<TOut>>();
        foreach (TIn item in items)
        {
            futures.Add(Submit(() => fn(item)));
        }

        return MapResults(futures, deadline);
    }

    /// <summary>
    /// Stops the pool (Python's <c>shutdown</c>): no new calls are accepted; queued calls still
    /// run unless <paramref name="cancelFutures"/> cancels them; workers exit once the queue is
    /// empty. Calling it again is harmless.
    /// </summary>
    /// <param name="wait">True to return only after every worker has exited.</param>
    /// <param name="cancelFutures">True to cancel every call that has not started.</param>
    public void Shutdown(bool wait = true, bool cancelFutures = false)
    {
        Thread[] threads;
        lock (_state.Gate)
        {
            _state.IsShutdown = true;
            if (cancelFutures)
            {
                while (_state.Work.TryGet(out WorkItem? item))
                {
                    item?.Future.Cancel();
                }
            }

            _state.Work.Put(null);
            threads = [.. _threads];
        }

        if (wait)
        {
            foreach (Thread thread in threads)
            {
                if (thread != Thread.CurrentThread)
                {
                    thread.Join();
                }
            }
        }
    }

    /// <summary>Shuts the pool down and waits for its workers (<c>Shutdown(wait: true)</c>).</summary>
    public void Dispose()
    {
        Shutdown(wait: true);
        GC.SuppressFinalize(this);
    }

    private static IEnumerable<TOut> MapResults<TOut>(List<Future<TOut>> futures, long deadline)
    {
        int next = 0;
        try
        {
            while (next < futures.Count)
            {
                Future<TOut> future = futures[next++];
                TOut result;
                try
                {
                    result = future.ResultUntil(deadline);
                }
                finally
                {
                    future.Cancel();
                }

                yield return result;
            }
        }
        finally
        {
            for (int i = next; i < futures.Count; i++)
            {
                futures[i].Cancel();
            }
        }
    }

    private void Schedule(WorkItem item)
    {
        lock (_state.Gate)
        {
            if (_state.Broken is string broken)
            {
                throw new BrokenThreadPoolException(broken);
            }

            if (_state.IsShutdown)
            {
                throw new InvalidOperationException("cannot schedule new futures after shutdown");
            }

            _state.Work.Put(item);
            AdjustThreadCount();
        }
    }

    // CPython's _adjust_thread_count: reuse an idle worker if one is waiting, else start one.
    private void AdjustThreadCount()
    {
        if (_state.Idle.Wait(0))
        {
            return;
        }

        if (_threads.Count < MaxWorkers)
        {
            PoolState state = _state;
            Action? initializer = _initializer;
            var thread = new Thread(() => Worker(state, initializer))
            {
                IsBackground = true,
                Name = $"{_threadNamePrefix}_{_threads.Count}",
            };
            thread.Start();
            _threads.Add(thread);
        }
    }

    // CPython's _worker. It holds only the shared state, never the executor, so a dropped
    // executor can be finalized, which stops the workers.
    private static void Worker(PoolState state, Action? initializer)
    {
        if (initializer is not null)
        {
            try
            {
                initializer();
            }
#pragma warning disable CA1031 // CPython logs the initializer's exception and breaks the pool.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Console.Error.WriteLine("Exception in initializer:");
                Console.Error.WriteLine(ex);
                state.InitializerFailed(ex);
                return;
            }
        }

        while (true)
        {
            if (!state.Work.TryGet(out WorkItem? item))
            {
                state.Idle.Release();
                item = state.Work.Get();
            }

            if (item is not null)
            {
                item.Run();
                continue;
            }

            // The shutdown sentinel: pass it on so every other worker sees it too.
            state.Work.Put(null);
            return;
        }
    }

    /// <summary>What the workers share; kept apart from the executor so they don't keep it alive.</summary>
#pragma warning disable CA1001 // Idle lives as long as the workers, which may outlive the executor; its handle is lazy.
    private sealed class PoolState
#pragma warning restore CA1001
    {
        internal readonly Lock Gate = new();
        internal readonly SimpleQueue<WorkItem?> Work = new();
        internal readonly SemaphoreSlim Idle = new(0);
        internal bool IsShutdown;
        internal string? Broken;

        internal void Stop()
        {
            lock (Gate)
            {
                IsShutdown = true;
                Work.Put(null);
            }
        }

        // CPython's _initializer_failed: break the pool and fail everything queued.
        internal void InitializerFailed(Exception cause)
        {
            lock (Gate)
            {
                Broken = BrokenThreadPoolException.DefaultMessage;
                while (Work.TryGet(out WorkItem? item))
                {
                    if (item is not null)
                    {
                        try
                        {
                            item.Future.SetException(new BrokenThreadPoolException(Broken, cause));
                        }
                        catch (InvalidOperationException)
                        {
                            // Cancelled meanwhile: nothing to report.
                        }
                    }
                }

                if (IsShutdown)
                {
                    Work.Put(null); // the drained sentinel, for the workers still waiting
                }
            }
        }
    }
}

using System.Diagnostics;
using PyStd.Futures;

namespace PyStd.Tests.Futures;

/// <summary>
/// ThreadPoolExecutor on real threads, behaving as CPython 3.13's: Submit/Result, exceptions
/// surfacing unchanged on the future, Map in input order with a timeout counted from the call,
/// Shutdown with and without cancelFutures, lazy worker start bounded by maxWorkers, and a
/// failing initializer breaking the pool.
/// </summary>
public class ThreadPoolExecutorTests
{
    [Fact]
    public void Submit_runs_the_call_and_Result_returns_its_value()
    {
        using var pool = new ThreadPoolExecutor(maxWorkers: 2);
        Future<int> f = pool.Submit(() => 6 * 7);
        Assert.Equal(42, f.Result(TimeSpan.FromSeconds(20)));
        Assert.True(f.Done);
        Assert.False(f.Running);
        Assert.False(f.Cancelled);
        Assert.Null(f.Exception());
        Assert.Equal("<Future state=finished returned Int32>", f.ToString());
    }

    [Fact]
    public async Task An_exception_in_the_call_is_rethrown_by_Result_as_the_same_object()
    {
        using var pool = new ThreadPoolExecutor(maxWorkers: 1);
        var boom = new InvalidDataException("boom");
        Future<int> f = pool.Submit<int>(() => throw boom);
        var thrown = Assert.Throws<InvalidDataException>(() => f.Result());
        Assert.Same(boom, thrown);
        Assert.Same(boom, f.Exception());
        Assert.Contains(nameof(An_exception_in_the_call_is_rethrown_by_Result_as_the_same_object), thrown.StackTrace, StringComparison.Ordinal);
        Assert.Equal("<Future state=finished raised InvalidDataException>", f.ToString());
        var awaited = await Assert.ThrowsAsync<InvalidDataException>(() => f.Task);
        Assert.Same(boom, awaited);
    }

    [Fact]
    public void Map_yields_results_in_input_order_whatever_order_they_finish_in()
    {
        using var pool = new ThreadPoolExecutor(maxWorkers: 4);
        int[] inputs = Enumerable.Range(0, 40).ToArray();
        List<int> results = pool.Map(x =>
        {
            Thread.Sleep((40 - x) % 7); // later items tend to finish first
            return x * x;
        }, inputs).ToList();
        Assert.Equal(inputs.Select(x => x * x), results);
    }

    [Fact]
    public void Map_submits_everything_at_the_call_and_rethrows_a_calls_exception_at_its_position()
    {
        using var pool = new ThreadPoolExecutor(maxWorkers: 2);
        int calls = 0;
        IEnumerable<int> results = pool.Map(x =>
        {
            Interlocked.Increment(ref calls);
            return x == 3 ? throw new ArithmeticException("three") : x;
        }, Enumerable.Range(0, 6));
        pool.Shutdown(wait: true); // nothing enumerated yet, yet every call has run
        Assert.Equal(6, calls);
        using IEnumerator<int> e = results.GetEnumerator();
        var seen = new List<int>();
        var ex = Assert.Throws<ArithmeticException>(() =>
        {
            while (e.MoveNext())
            {
                seen.Add(e.Current);
            }
        });
        Assert.Equal("three", ex.Message);
        Assert.Equal([0, 1, 2], seen);
    }

    [Fact]
    public void Map_timeout_counts_from_the_call_and_cancels_what_is_left()
    {
        using var pool = new ThreadPoolExecutor(maxWorkers: 1);
        using var gate = new ManualResetEventSlim();
        var started = new List<int>();
        IEnumerable<int> results = pool.Map(x =>
        {
            lock (started)
            {
                started.Add(x);
            }

            gate.Wait(TimeSpan.FromSeconds(20));
            return x;
        }, [1, 2, 3], timeout: TimeSpan.FromMilliseconds(200));

        // The whole budget is spent before enumerating. Had the timeout counted from the
        // enumeration, opening the gate 100 ms in would let the first result arrive in time.
        Thread.Sleep(300);
        var opener = new Thread(() =>
        {
            Thread.Sleep(100);
            gate.Set();
        });
        opener.Start();
        Assert.Throws<TimeoutException>(() => results.ToList());
        opener.Join();
        pool.Shutdown(wait: true);
        Assert.Equal([1], started); // 2 and 3 were cancelled before a worker reached them
    }

    [Fact]
    public void Map_with_a_timeout_that_is_met_returns_everything()
    {
        using var pool = new ThreadPoolExecutor(maxWorkers: 2);
        Assert.Equal([2, 4, 6], pool.Map(x => x * 2, [1, 2, 3], TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Result_with_a_timeout_throws_TimeoutException_and_a_cancelled_future_OperationCanceledException()
    {
        using var pool = new ThreadPoolExecutor(maxWorkers: 1);
        using var gate = new ManualResetEventSlim();
        Future<int> running = pool.Submit(() =>
        {
            gate.Wait(TimeSpan.FromSeconds(20));
            return 1;
        });
        Future<int> queued = pool.Submit(() => 2);
        var sw = Stopwatch.StartNew();
        Assert.Throws<TimeoutException>(() => running.Result(TimeSpan.FromMilliseconds(200)));
        Assert.InRange(sw.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2.2));
        Assert.Throws<TimeoutException>(() => running.Exception(TimeSpan.Zero));
        Assert.True(queued.Cancel());
        Assert.True(queued.Cancel());
        Assert.True(queued.Cancelled && queued.Done);
        Assert.Throws<OperationCanceledException>(() => queued.Result());
        Assert.Throws<OperationCanceledException>(() => queued.Exception());
        Assert.True(queued.Task.IsCanceled);
        QueueTestWait(() => running.Running);
        Assert.False(running.Cancel());
        gate.Set();
        Assert.Equal(1, running.Result());
        Assert.False(running.Cancel());
    }

    [Fact]
    public void Shutdown_with_cancelFutures_cancels_queued_calls_and_lets_the_running_one_finish()
    {
        var pool = new ThreadPoolExecutor(maxWorkers: 1);
        using var gate = new ManualResetEventSlim();
        Future<int> first = pool.Submit(() =>
        {
            gate.Wait(TimeSpan.FromSeconds(20));
            return 1;
        });
        QueueTestWait(() => first.Running);
        Future<int>[] queued = Enumerable.Range(0, 5).Select(i => pool.Submit(() => i)).ToArray();
        pool.Shutdown(wait: false, cancelFutures: true);
        Assert.All(queued, f => Assert.True(f.Cancelled));
        Assert.Equal("cannot schedule new futures after shutdown", Assert.Throws<InvalidOperationException>(() => pool.Submit(() => 0)).Message);
        gate.Set();
        Assert.Equal(1, first.Result(TimeSpan.FromSeconds(20)));
        pool.Shutdown(wait: true);
        pool.Dispose();
    }

    [Fact]
    public void Shutdown_without_cancelFutures_runs_every_queued_call_first()
    {
        int ran = 0;
        Future[] futures;
        using (var pool = new ThreadPoolExecutor(maxWorkers: 3))
        {
            futures = Enumerable.Range(0, 30).Select(_ => pool.Submit(() =>
            {
                Thread.SpinWait(1000);
                Interlocked.Increment(ref ran);
            })).ToArray();
        } // Dispose = Shutdown(wait: true)

        Assert.Equal(30, ran);
        Assert.All(futures, f => Assert.Null(f.ResultObject(TimeSpan.Zero)));
    }

    [Fact]
    public void Workers_start_lazily_and_never_exceed_maxWorkers()
    {
        using var pool = new ThreadPoolExecutor(maxWorkers: 3, threadNamePrefix: "pystd-test");
        Assert.Equal(0, pool.ThreadCount);
        var names = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        using var gate = new ManualResetEventSlim();
        Future[] fs = Enumerable.Range(0, 10).Select(_ => pool.Submit(() =>
        {
            names[Thread.CurrentThread.Name!] = true;
            gate.Wait(TimeSpan.FromSeconds(20));
        })).ToArray();
        Assert.Equal(3, pool.ThreadCount);
        gate.Set();
        foreach (Future f in fs)
        {
            f.ResultObject(TimeSpan.FromSeconds(20));
        }

        Assert.Subset(new HashSet<string> { "pystd-test_0", "pystd-test_1", "pystd-test_2" }, names.Keys.ToHashSet());
        Assert.Equal(Math.Min(32, Environment.ProcessorCount + 4), ThreadPoolExecutor.DefaultMaxWorkers);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPoolExecutor(maxWorkers: 0));
    }

    [Fact]
    public void A_failing_initializer_breaks_the_pool()
    {
        using var pool = new ThreadPoolExecutor(maxWorkers: 1, initializer: () => throw new InvalidOperationException("init"));
        Future<int> f = pool.Submit(() => 1);
        var ex = Assert.Throws<BrokenThreadPoolException>(() => f.Result(TimeSpan.FromSeconds(20)));
        Assert.Equal(BrokenThreadPoolException.DefaultMessage, ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Throws<BrokenThreadPoolException>(() => pool.Submit(() => 2));
    }

    [Fact]
    public async Task Futures_can_be_awaited_and_call_done_callbacks_once_in_order()
    {
        using var pool = new ThreadPoolExecutor();
        var calls = new List<string>();
        using var gate = new ManualResetEventSlim();
        Future<string> f = pool.Submit(() =>
        {
            gate.Wait(TimeSpan.FromSeconds(20));
            return "x";
        });
        f.AddDoneCallback(d => calls.Add("a:" + ((Future<string>)d).Result()));
        f.AddDoneCallback(_ => throw new InvalidOperationException("ignored, logged"));
        f.AddDoneCallback(_ => calls.Add("b"));
        gate.Set();
        Assert.Equal("x", await f.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        QueueTestWait(() => calls.Count == 2);
        f.AddDoneCallback(_ => calls.Add("late")); // already done: runs at once
        Assert.Equal(["a:x", "b", "late"], calls);
    }

    [Fact]
    public void A_future_cannot_be_completed_twice()
    {
        var f = new Future<int>();
        Assert.True(f.SetRunningOrNotifyCancel());
        f.SetResult(1);
        Assert.Throws<InvalidOperationException>(() => f.SetResult(2));
        Assert.Throws<InvalidOperationException>(() => f.SetException(new IOException()));
        Assert.Equal(1, f.Result());
        var c = new Future<int>();
        Assert.True(c.Cancel());
        Assert.False(c.SetRunningOrNotifyCancel());
    }

    private static void QueueTestWait(Func<bool> condition) =>
        PyStd.Tests.Queue.QueueTestHelpers.WaitUntil(condition, "the future reaches the expected state");
}

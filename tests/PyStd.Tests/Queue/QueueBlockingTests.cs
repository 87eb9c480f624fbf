using System.Diagnostics;
using PyStd.Queue;
using static PyStd.Tests.Queue.QueueTestHelpers;

namespace PyStd.Tests.Queue;

/// <summary>
/// Real threads blocking in get, put and join: timeouts are honoured (never early, and not much
/// late — generous bounds for a loaded machine), Join returns only after the last TaskDone, and
/// Shutdown — graceful or immediate — wakes every blocked getter, putter and joiner.
/// </summary>
public class QueueBlockingTests
{
    private static readonly TimeSpan Timeout300 = TimeSpan.FromMilliseconds(300);

    private static void AssertWaited(Stopwatch sw, TimeSpan timeout)
    {
        Assert.True(sw.Elapsed >= timeout, $"returned after {sw.Elapsed.TotalMilliseconds} ms, before the {timeout.TotalMilliseconds} ms timeout");
        Assert.True(sw.Elapsed < timeout + TimeSpan.FromSeconds(2), $"returned after {sw.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Get_with_a_timeout_on_an_empty_queue_waits_that_long_then_throws_Empty()
    {
        foreach (PyQueue<int> q in new PyQueue<int>[] { new(), new LifoQueue<int>(), new PyPriorityQueue<int>() })
        {
            var sw = Stopwatch.StartNew();
            Assert.Throws<QueueEmptyException>(() => q.Get(timeout: Timeout300));
            AssertWaited(sw, Timeout300);
        }
    }

    [Fact]
    public void Put_with_a_timeout_on_a_full_queue_waits_that_long_then_throws_Full()
    {
        var q = new PyQueue<int>(maxSize: 2);
        q.Put(1);
        q.Put(2);
        var sw = Stopwatch.StartNew();
        Assert.Throws<QueueFullException>(() => q.Put(3, timeout: Timeout300));
        AssertWaited(sw, Timeout300);
        Assert.Equal(2, q.QSize());
        Assert.Equal(2, q.UnfinishedTasks);
    }

    [Fact]
    public void SimpleQueue_get_with_a_timeout_waits_that_long_then_throws_Empty()
    {
        var q = new SimpleQueue<string>();
        var sw = Stopwatch.StartNew();
        Assert.Throws<QueueEmptyException>(() => q.Get(timeout: Timeout300));
        AssertWaited(sw, Timeout300);
    }

    [Fact]
    public void A_blocked_get_returns_the_item_another_thread_puts()
    {
        var q = new PyQueue<string>();
        string? got = null;
        var (thread, outcome) = Start(() => got = q.Get(timeout: TimeSpan.FromSeconds(20)));
        WaitUntil(() => q.Waiting.Getters == 1, "the getter blocks");
        q.Put("hello");
        JoinAll([thread]);
        Assert.Null(outcome());
        Assert.Equal("hello", got);
    }

    [Fact]
    public void A_blocked_put_on_a_full_queue_completes_when_a_slot_frees()
    {
        var q = new PyQueue<int>(maxSize: 1);
        q.Put(1);
        var (thread, outcome) = Start(() => q.Put(2));
        WaitUntil(() => q.Waiting.Putters == 1, "the putter blocks");
        Assert.Equal(1, q.Get());
        JoinAll([thread]);
        Assert.Null(outcome());
        Assert.Equal(2, q.GetNowait());
    }

    [Fact]
    public void Join_returns_only_after_every_TaskDone()
    {
        var q = new PyQueue<int>();
        for (int i = 0; i < 200; i++)
        {
            q.Put(i);
        }

        int processed = 0;
        var workers = new List<Thread>();
        for (int w = 0; w < 4; w++)
        {
            workers.Add(Start(() =>
            {
                while (q.TryGet(out _))
                {
                    Thread.SpinWait(200);
                    Interlocked.Increment(ref processed);
                    q.TaskDone();
                }
            }).Thread);
        }

        q.Join();
        Assert.Equal(200, Volatile.Read(ref processed));
        JoinAll(workers);

        // One fetched-but-unfinished task holds Join back until its TaskDone.
        q.Put(7);
        Assert.Equal(7, q.Get());
        bool joined = false;
        var (joiner, outcome) = Start(() =>
        {
            q.Join();
            joined = true;
        });
        WaitUntil(() => q.Waiting.Joiners == 1, "the joiner blocks");
        Assert.False(q.Join(TimeSpan.FromMilliseconds(50)));
        Assert.False(Volatile.Read(ref joined));
        q.TaskDone();
        JoinAll([joiner]);
        Assert.Null(outcome());
        Assert.True(joined);
        Assert.Equal("task_done() called too many times", Assert.Throws<PyValueException>(q.TaskDone).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shutdown_wakes_every_blocked_getter_with_ShutDown(bool immediate)
    {
        var q = new PyQueue<int>();
        var getters = Enumerable.Range(0, 4).Select(_ => Start(() => q.Get())).ToList();
        WaitUntil(() => q.Waiting.Getters == 4, "four getters block");
        q.Shutdown(immediate);
        JoinAll(getters.Select(g => g.Thread));
        Assert.All(getters, g => Assert.IsType<QueueShutDownException>(g.Outcome()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shutdown_wakes_every_blocked_putter_with_ShutDown(bool immediate)
    {
        var q = new PyQueue<int>(maxSize: 1);
        q.Put(0);
        var putters = Enumerable.Range(1, 3).Select(i => Start(() => q.Put(i, timeout: TimeSpan.FromSeconds(30)))).ToList();
        WaitUntil(() => q.Waiting.Putters == 3, "three putters block");
        q.Shutdown(immediate);
        JoinAll(putters.Select(p => p.Thread));
        Assert.All(putters, p => Assert.IsType<QueueShutDownException>(p.Outcome()));
        Assert.Equal(immediate ? 0 : 1, q.QSize());
    }

    [Fact]
    public void Immediate_shutdown_releases_a_blocked_join_and_graceful_shutdown_does_not()
    {
        var q = new PyQueue<int>();
        q.Put(1);
        q.Put(2);
        var (joiner, outcome) = Start(q.Join);
        WaitUntil(() => q.Waiting.Joiners == 1, "the joiner blocks");
        q.Shutdown();
        Assert.False(q.Join(TimeSpan.FromMilliseconds(50)));
        Assert.Equal(1, q.Waiting.Joiners);
        q.Shutdown(immediate: true);
        JoinAll([joiner]);
        Assert.Null(outcome());
        Assert.Equal(0, q.UnfinishedTasks);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_CPythons_message()
    {
        var q = new PyQueue<int>();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => q.Get(timeout: TimeSpan.FromSeconds(-1)));
        Assert.StartsWith("'timeout' must be a non-negative number", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => q.Join(TimeSpan.FromSeconds(-2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleQueue<int>().Get(true, TimeSpan.FromTicks(-1)));

        // Timeout.InfiniteTimeSpan is .NET's spelling of None: it blocks rather than throwing.
        q.Put(5);
        Assert.Equal(5, q.Get(timeout: Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void A_dequeued_reference_is_not_kept_alive_by_the_queue()
    {
        var q = new PyQueue<object>();
        WeakReference weak = PutAndTake(q);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.False(weak.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference PutAndTake(PyQueue<object> q)
    {
        var o = new object();
        q.Put(o);
        q.Get();
        return new WeakReference(o);
    }
}

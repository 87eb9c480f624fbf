using System.Diagnostics;
using PyStd.Queue;
using static PyStd.Tests.Queue.QueueTestHelpers;

namespace PyStd.Tests.Queue;

/// <summary>
/// The async twins share the blocking calls' condition variables: threads and async code can meet
/// on one queue, cancellation unlinks the waiter without losing a notify, and shutdown wakes async
/// waiters as it wakes threads.
/// </summary>
public class QueueAsyncTests
{
    [Fact]
    public async Task GetAsync_completes_when_a_thread_puts()
    {
        var q = new PyQueue<int>();
        ValueTask<int> pending = q.GetAsync();
        Assert.False(pending.IsCompleted);
        WaitUntil(() => q.Waiting.Getters == 1, "the async getter is linked");
        new Thread(() => q.Put(42)).Start();
        Assert.Equal(42, await pending);
    }

    [Fact]
    public async Task A_cancelled_GetAsync_throws_and_leaves_no_waiter_behind()
    {
        var q = new PyQueue<int>();
        using var cts = new CancellationTokenSource();
        ValueTask<int> pending = q.GetAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
        Assert.Equal(0, q.Waiting.Getters);

        // The next item goes to the next getter, not to the cancelled one.
        q.Put(1);
        Assert.Equal(1, await q.GetAsync());
    }

    [Fact]
    public async Task GetAsync_with_a_timeout_throws_Empty_and_PutAsync_with_a_timeout_throws_Full()
    {
        var q = new PyQueue<int>(maxSize: 1);
        var sw = Stopwatch.StartNew();
        await Assert.ThrowsAsync<QueueEmptyException>(async () => await q.GetAsync(TimeSpan.FromMilliseconds(200)));
        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(190), $"{sw.Elapsed}");
        await q.PutAsync(1);
        await Assert.ThrowsAsync<QueueFullException>(async () => await q.PutAsync(2, TimeSpan.FromMilliseconds(100)));
        Assert.Equal(0, q.Waiting.Putters);
        Assert.Equal(1, q.QSize());
    }

    [Fact]
    public async Task PutAsync_waits_for_a_slot_and_JoinAsync_for_the_last_TaskDone()
    {
        var q = new PyQueue<int>(maxSize: 1);
        await q.PutAsync(1);
        ValueTask put = q.PutAsync(2);
        Assert.False(put.IsCompleted);
        Task join = q.JoinAsync();
        Assert.Equal(1, q.Get());
        await put;
        Assert.Equal(2, await q.GetAsync());
        q.TaskDone();
        Assert.False(join.IsCompleted);
        q.TaskDone();
        await join.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Shutdown_faults_async_getters_and_putters_with_ShutDown()
    {
        var q = new PyQueue<int>(maxSize: 1);
        ValueTask<int> get = q.GetAsync();
        q.Put(0);
        Assert.Equal(0, await get);
        q.Put(1);
        ValueTask put = q.PutAsync(2);
        var empty = new PyQueue<int>();
        ValueTask<int> get2 = empty.GetAsync();
        q.Shutdown();
        empty.Shutdown(immediate: true);
        await Assert.ThrowsAsync<QueueShutDownException>(async () => await put);
        await Assert.ThrowsAsync<QueueShutDownException>(async () => await get2);
    }

    [Fact]
    public async Task SimpleQueue_GetAsync_completes_when_a_thread_puts_and_honours_cancellation()
    {
        var q = new SimpleQueue<string>();
        ValueTask<string> pending = q.GetAsync();
        WaitUntil(() => q.WaitingGetters == 1, "the async getter is linked");
        new Thread(() => q.Put("x")).Start();
        Assert.Equal("x", await pending);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await q.GetAsync(cts.Token));
        Assert.Equal(0, q.WaitingGetters);
    }
}

using PyStd.Queue;

namespace PyStd.Tests.Queue;

/// <summary>
/// Eight producers and eight consumers on one queue: every item comes out exactly once. The
/// consumers stop the 3.13 way — the main thread calls Shutdown() after the producers finish, the
/// consumers drain what is left and then get ShutDown — so shutdown is exercised under load too.
/// PyQueue moves 1,000,000 items; the others (and a bounded PyQueue, whose producers block)
/// 200,000, to keep the set fast on a busy two-core machine.
/// </summary>
public class QueueStressTests
{
    private const int Producers = 8;
    private const int Consumers = 8;

    [Fact]
    public void PyQueue_8x8_moves_a_million_items_exactly_once() =>
        Stress(new PyQueue<int>(), 1_000_000);

    [Fact]
    public void Bounded_PyQueue_8x8_moves_every_item_exactly_once() =>
        Stress(new PyQueue<int>(maxSize: 64), 200_000);

    [Fact]
    public void LifoQueue_8x8_moves_every_item_exactly_once() =>
        Stress(new LifoQueue<int>(), 200_000);

    [Fact]
    public void PyPriorityQueue_8x8_moves_every_item_exactly_once() =>
        Stress(new PyPriorityQueue<int>(), 200_000);

    [Fact]
    public void SimpleQueue_8x8_moves_every_item_exactly_once()
    {
        const int total = 200_000;
        var q = new SimpleQueue<int>();
        int[] seen = new int[total];
        Thread[] consumers = Enumerable.Range(0, Consumers).Select(_ => new Thread(() =>
        {
            while (true)
            {
                int item = q.Get();
                if (item < 0)
                {
                    return;
                }

                Interlocked.Increment(ref seen[item]);
            }
        })).ToArray();
        Thread[] producers = MakeProducers(total, item => q.Put(item));
        Run(producers, consumers, () =>
        {
            for (int i = 0; i < Consumers; i++)
            {
                q.Put(-1);
            }
        });
        AssertExactlyOnce(seen);
        Assert.Equal(0, q.QSize());
    }

    private static void Stress(PyQueue<int> q, int total)
    {
        int[] seen = new int[total];
        Thread[] consumers = Enumerable.Range(0, Consumers).Select(_ => new Thread(() =>
        {
            try
            {
                while (true)
                {
                    int item = q.Get();
                    Interlocked.Increment(ref seen[item]);
                    q.TaskDone();
                }
            }
            catch (QueueShutDownException)
            {
            }
        })).ToArray();
        Thread[] producers = MakeProducers(total, item => q.Put(item));
        Run(producers, consumers, () => q.Shutdown());
        AssertExactlyOnce(seen);
        Assert.Equal(0, q.QSize());
        Assert.Equal(0, q.UnfinishedTasks);
    }

    private static Thread[] MakeProducers(int total, Action<int> put) =>
        Enumerable.Range(0, Producers).Select(p => new Thread(() =>
        {
            for (int i = p; i < total; i += Producers)
            {
                put(i);
            }
        })).ToArray();

    private static void Run(Thread[] producers, Thread[] consumers, Action afterProducers)
    {
        foreach (Thread t in consumers.Concat(producers))
        {
            t.IsBackground = true;
            t.Start();
        }

        QueueTestHelpers.JoinAll(producers);
        afterProducers();
        QueueTestHelpers.JoinAll(consumers);
    }

    private static void AssertExactlyOnce(int[] seen)
    {
        int missing = seen.Count(n => n == 0);
        int duplicated = seen.Count(n => n > 1);
        Assert.True(missing == 0 && duplicated == 0, $"{missing} items lost, {duplicated} delivered more than once");
    }
}

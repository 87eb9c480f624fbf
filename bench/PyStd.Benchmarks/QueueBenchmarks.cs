using System.Collections.Concurrent;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PyStd.Queue;

namespace PyStd.Benchmarks;

/// <summary>
/// Queue throughput, in time per item: <see cref="PyQueue{T}"/> (and <see cref="SimpleQueue{T}"/>)
/// against an unbounded <see cref="Channel"/> and a <see cref="BlockingCollection{T}"/>, on three
/// workloads — one thread putting then getting <see cref="SingleItems"/> items; one producer and
/// one consumer thread moving <see cref="ThreadedItems"/>; four producers and four consumers
/// moving as many. Channel consumers are async (<c>WaitToReadAsync</c>/<c>TryRead</c>), as
/// channels are used; the others block. bench/cpython/queue_bench.py times <c>queue.Queue</c> on
/// the same work; bench/run-queue.sh runs both.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class QueueBenchmarks
{
    /// <summary>Items per single-threaded operation.</summary>
    public const int SingleItems = 1_000;

    /// <summary>Items per multi-threaded operation.</summary>
    public const int ThreadedItems = 100_000;

    private readonly PyQueue<int> _pyQueue = new();
    private readonly SimpleQueue<int> _simpleQueue = new();
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>();
    private readonly BlockingCollection<int> _blocking = [];

    // ---- one thread: put N, then get N ----

    [Benchmark(Baseline = true, Description = "Channel", OperationsPerInvoke = SingleItems)]
    [BenchmarkCategory("single")]
    public int SingleChannel()
    {
        ChannelWriter<int> w = _channel.Writer;
        ChannelReader<int> r = _channel.Reader;
        for (int i = 0; i < SingleItems; i++)
        {
            w.TryWrite(i);
        }

        int sum = 0;
        for (int i = 0; i < SingleItems; i++)
        {
            r.TryRead(out int x);
            sum += x;
        }

        return sum;
    }

    [Benchmark(Description = "PyQueue", OperationsPerInvoke = SingleItems)]
    [BenchmarkCategory("single")]
    public int SinglePyQueue()
    {
        PyQueue<int> q = _pyQueue;
        for (int i = 0; i < SingleItems; i++)
        {
            q.Put(i);
        }

        int sum = 0;
        for (int i = 0; i < SingleItems; i++)
        {
            sum += q.Get();
            q.TaskDone();
        }

        return sum;
    }

    [Benchmark(Description = "SimpleQueue", OperationsPerInvoke = SingleItems)]
    [BenchmarkCategory("single")]
    public int SingleSimpleQueue()
    {
        SimpleQueue<int> q = _simpleQueue;
        for (int i = 0; i < SingleItems; i++)
        {
            q.Put(i);
        }

        int sum = 0;
        for (int i = 0; i < SingleItems; i++)
        {
            sum += q.Get();
        }

        return sum;
    }

    [Benchmark(Description = "BlockingCollection", OperationsPerInvoke = SingleItems)]
    [BenchmarkCategory("single")]
    public int SingleBlockingCollection()
    {
        BlockingCollection<int> q = _blocking;
        for (int i = 0; i < SingleItems; i++)
        {
            q.Add(i);
        }

        int sum = 0;
        for (int i = 0; i < SingleItems; i++)
        {
            sum += q.Take();
        }

        return sum;
    }

    // ---- 1 producer / 1 consumer and 4 producers / 4 consumers ----

    [Benchmark(Baseline = true, Description = "Channel", OperationsPerInvoke = ThreadedItems)]
    [BenchmarkCategory("1x1")]
    public void OneByOneChannel() => RunChannel(1);

    [Benchmark(Description = "PyQueue", OperationsPerInvoke = ThreadedItems)]
    [BenchmarkCategory("1x1")]
    public void OneByOnePyQueue() => RunBlocking(1, i => _pyQueue.Put(i), () => _pyQueue.Get());

    [Benchmark(Description = "SimpleQueue", OperationsPerInvoke = ThreadedItems)]
    [BenchmarkCategory("1x1")]
    public void OneByOneSimpleQueue() => RunBlocking(1, i => _simpleQueue.Put(i), () => _simpleQueue.Get());

    [Benchmark(Description = "BlockingCollection", OperationsPerInvoke = ThreadedItems)]
    [BenchmarkCategory("1x1")]
    public void OneByOneBlockingCollection() => RunBlocking(1, _blocking.Add, _blocking.Take);

    [Benchmark(Baseline = true, Description = "Channel", OperationsPerInvoke = ThreadedItems)]
    [BenchmarkCategory("4x4")]
    public void FourByFourChannel() => RunChannel(4);

    [Benchmark(Description = "PyQueue", OperationsPerInvoke = ThreadedItems)]
    [BenchmarkCategory("4x4")]
    public void FourByFourPyQueue() => RunBlocking(4, i => _pyQueue.Put(i), () => _pyQueue.Get());

    [Benchmark(Description = "SimpleQueue", OperationsPerInvoke = ThreadedItems)]
    [BenchmarkCategory("4x4")]
    public void FourByFourSimpleQueue() => RunBlocking(4, i => _simpleQueue.Put(i), () => _simpleQueue.Get());

    [Benchmark(Description = "BlockingCollection", OperationsPerInvoke = ThreadedItems)]
    [BenchmarkCategory("4x4")]
    public void FourByFourBlockingCollection() => RunBlocking(4, _blocking.Add, _blocking.Take);

    // Each producer puts ThreadedItems / pairs items; each consumer takes as many.
    private static void RunBlocking(int pairs, Action<int> put, Func<int> get)
    {
        int share = ThreadedItems / pairs;
        var threads = new Thread[pairs * 2];
        for (int p = 0; p < pairs; p++)
        {
            threads[p] = new Thread(() =>
            {
                for (int i = 0; i < share; i++)
                {
                    put(i);
                }
            });
            threads[pairs + p] = new Thread(() =>
            {
                for (int i = 0; i < share; i++)
                {
                    get();
                }
            });
        }

        foreach (Thread t in threads)
        {
            t.Start();
        }

        foreach (Thread t in threads)
        {
            t.Join();
        }
    }

    private void RunChannel(int pairs)
    {
        int share = ThreadedItems / pairs;
        ChannelWriter<int> w = _channel.Writer;
        ChannelReader<int> r = _channel.Reader;
        var tasks = new Task[pairs * 2];
        for (int p = 0; p < pairs; p++)
        {
            tasks[p] = Task.Factory.StartNew(() =>
            {
                for (int i = 0; i < share; i++)
                {
                    w.TryWrite(i);
                }
            }, TaskCreationOptions.LongRunning);
            tasks[pairs + p] = Task.Run(async () =>
            {
                int taken = 0;
                while (taken < share && await r.WaitToReadAsync().ConfigureAwait(false))
                {
                    while (taken < share && r.TryRead(out _))
                    {
                        taken++;
                    }
                }
            });
        }

        Task.WaitAll(tasks);
    }
}

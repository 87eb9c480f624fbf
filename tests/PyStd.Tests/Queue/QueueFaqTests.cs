using System.Collections.Concurrent;
using PyStd.Queue;

namespace PyStd.Tests.Queue;

/// <summary>
/// The Python FAQ's "How do I parcel out work among a bunch of worker threads?" with PyStd, as
/// docs/queue.md shows it: five named workers loop get → process → TaskDone, the main thread puts
/// fifty jobs and Joins — no sleeping to wait for the threads, which the FAQ warns against.
/// </summary>
public class QueueFaqTests
{
    [Fact]
    public void Workers_parcel_out_fifty_jobs_and_Join_returns_when_all_are_done()
    {
        var log = new ConcurrentQueue<string>();
        var done = new ConcurrentDictionary<int, string>();

        // --- docs/queue.md sample, from here ---
        var q = new PyQueue<int>();

        void Worker()
        {
            log.Enqueue($"Running {Thread.CurrentThread.Name}");
            while (true)
            {
                int arg = q.Get();
                log.Enqueue($"Worker {Thread.CurrentThread.Name} running with argument {arg}");
                done.TryAdd(arg, Thread.CurrentThread.Name!); // the work
                q.TaskDone();
            }
        }

        // Start a pool of 5 workers (background threads: they end with the process).
        for (int i = 0; i < 5; i++)
        {
            new Thread(Worker) { Name = $"worker {i + 1}", IsBackground = true }.Start();
        }

        // Begin adding work to the queue, then wait for it to be done.
        for (int i = 0; i < 50; i++)
        {
            q.Put(i);
        }

        q.Join();
        // --- to here ---

        Assert.Equal(Enumerable.Range(0, 50), done.Keys.Order());
        Assert.All(done.Values, name => Assert.Matches("^worker [1-5]$", name));
        Assert.Equal(50, log.Count(l => l.Contains("running with argument", StringComparison.Ordinal)));
        Assert.Equal(0, q.UnfinishedTasks);
    }

    [Fact]
    public void The_FAQs_original_workers_stop_when_get_without_blocking_finds_the_queue_empty()
    {
        // The FAQ's literal version: workers take jobs with get(block=False) and exit on Empty.
        var q = new PyQueue<int>();
        for (int i = 0; i < 50; i++)
        {
            q.Put(i);
        }

        var taken = new ConcurrentBag<int>();
        int emptySeen = 0;
        Thread[] workers = Enumerable.Range(1, 5).Select(n => new Thread(() =>
        {
            while (true)
            {
                try
                {
                    taken.Add(q.Get(block: false));
                }
                catch (QueueEmptyException)
                {
                    Interlocked.Increment(ref emptySeen);
                    break;
                }
            }
        })
        { Name = $"worker {n}" }).ToArray();
        foreach (Thread t in workers)
        {
            t.Start();
        }

        QueueTestHelpers.JoinAll(workers);
        Assert.Equal(Enumerable.Range(0, 50), taken.Order());
        Assert.Equal(5, emptySeen);
    }
}

namespace PyStd.Tests.Queue;

/// <summary>
/// Python 3.13's <c>Queue.shutdown(immediate)</c>, single-threaded. The machine's python3 is 3.11,
/// which has no shutdown, so these vectors were derived by hand from CPython 3.13's
/// <c>Lib/queue.py</c> (<c>put</c> checks <c>is_shutdown</c> first; <c>get</c> raises ShutDown only
/// when shut down and empty, before the block/timeout checks; <c>shutdown(immediate=True)</c>
/// drains the queue, decrementing <c>unfinished_tasks</c> per drained item while it is positive,
/// and wakes joiners) and checked against that source line by line. Same operation language as
/// Python/gen_queue_ops.py, plus <c>shutdown</c>, <c>shutdown_now</c> (immediate),
/// <c>is_shutdown</c> and <c>join_t0</c> (a .NET <c>Join(TimeSpan.Zero)</c>: True when no task is
/// unfinished).
/// </summary>
public class QueueShutdownTests
{
    public static TheoryData<string, int, string, string> Vectors => new()
    {
        // Graceful: items already queued still come out, then gets raise; puts raise at once.
        { "Queue", 0, "put 1;put 2;shutdown;is_shutdown;get_nowait;get;get_nowait;get;get_t0;put 3;put_nowait 3;qsize;unfinished;task_done;task_done;task_done",
          "None;None;None;True;1;2;ShutDown;ShutDown;ShutDown;ShutDown;ShutDown;0;2;None;None;ValueError" },
        // Immediate: drained at once, unfinished tasks counted down to zero, join released.
        { "Queue", 2, "put 1;put 2;join_t0;shutdown_now;qsize;unfinished;join_t0;get_nowait;get_t0;task_done;empty;full",
          "None;None;False;None;0;0;True;ShutDown;ShutDown;ValueError;True;False" },
        // Items already fetched but not marked done stay unfinished after an immediate shutdown.
        { "Queue", 3, "put 1;get;put 2;shutdown_now;unfinished;join_t0;task_done;join_t0;task_done",
          "None;1;None;None;1;False;None;True;ValueError" },
        // Drain decrements only while positive: task_done calls already made are not double counted.
        { "Queue", 0, "put 1;put 2;put 3;get;task_done;shutdown_now;unfinished;qsize",
          "None;None;None;1;None;None;0;0" },
        // LIFO and priority orders are kept by a graceful shutdown.
        { "LifoQueue", 0, "put 1;put 2;put 3;shutdown;get;get;get_nowait;get_nowait;full",
          "None;None;None;None;3;2;1;ShutDown;False" },
        { "PriorityQueue", 0, "put 5:1;put 1:2;put 3:3;shutdown;get;get_t0;get_nowait;get;put 0:4",
          "None;None;None;None;1:2;3:3;5:1;ShutDown;ShutDown" },
        // put checks is_shutdown before Full and before the negative-timeout ValueError.
        { "Queue", 1, "put 1;shutdown;put_nowait 2;put_t0 2;put_neg 2;put 2;qsize;full",
          "None;None;ShutDown;ShutDown;ShutDown;ShutDown;1;True" },
        // get checks "shut down and empty" before block and timeout: even get(False, -1) and get(True, -1).
        { "Queue", 0, "shutdown;get_neg;get_false_neg;get_nowait;get_t0",
          "None;ShutDown;ShutDown;ShutDown;ShutDown" },
        // Shut down but not empty: the timeout is still validated (ValueError), the item stays.
        { "Queue", 0, "put 1;shutdown;get_neg;qsize;get_false_neg;qsize",
          "None;None;ValueError;1;1;0" },
        // Shutting down twice is harmless; a later immediate shutdown drains what a graceful one left.
        { "Queue", 0, "put 1;put 2;shutdown;shutdown;qsize;shutdown_now;qsize;unfinished;get_nowait",
          "None;None;None;None;2;None;0;0;ShutDown" },
        { "LifoQueue", 4, "put 1;put 2;put 3;put 4;full;shutdown_now;full;empty;unfinished;put_nowait 5",
          "None;None;None;None;True;None;False;True;0;ShutDown" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Shutdown_matches_CPython_3_13(string kind, int maxSize, string ops, string expected)
    {
        string[] actual = QueueOpRunner.Run(kind, maxSize, ops.Split(';'));
        Assert.Equal(expected, string.Join(";", actual));
    }
}

using System.Globalization;
using PyStd.Queue;

namespace PyStd.Tests.Queue;

/// <summary>
/// Replays the operation language of Python/gen_queue_ops.py on our queues and renders each
/// result as the script does (None, ints, True/False, priority:tag, or the Python exception name).
/// </summary>
internal static class QueueOpRunner
{
    /// <summary>A PriorityQueue item: ordered by priority alone, like the script's class P.</summary>
    internal readonly record struct Prio(int P, int Tag)
    {
        public override string ToString() => $"{P}:{Tag}";
    }

    private static readonly TimeSpan s_minus1 = TimeSpan.FromSeconds(-1);

    internal static readonly IComparer<Prio> ByPriority = Comparer<Prio>.Create((a, b) => a.P.CompareTo(b.P));

    internal static string[] Run(string kind, int maxSize, string[] ops)
    {
        return kind switch
        {
            "Queue" => RunQueue(new PyQueue<int>(maxSize), ops, ParseInt),
            "LifoQueue" => RunQueue(new LifoQueue<int>(maxSize), ops, ParseInt),
            "PriorityQueue" => RunQueue(new PyPriorityQueue<Prio>(ByPriority, maxSize), ops, ParsePrio),
            "SimpleQueue" => RunSimple(new SimpleQueue<int>(), ops),
            _ => throw new ArgumentException($"unknown kind {kind}"),
        };
    }

    internal static string PythonName(Exception ex) => ex switch
    {
        QueueEmptyException => "Empty",
        QueueFullException => "Full",
        QueueShutDownException => "ShutDown",
        PyValueException => "ValueError",
        ArgumentOutOfRangeException => "ValueError",
        _ => ex.GetType().Name,
    };

    private static int ParseInt(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static Prio ParsePrio(string s)
    {
        string[] parts = s.Split(':');
        return new Prio(ParseInt(parts[0]), ParseInt(parts[1]));
    }

    private static string Show(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static string[] RunQueue<T>(PyQueue<T> q, string[] ops, Func<string, T> parse) =>
        Replay(ops, words => words[0] switch
        {
            "put" => Do(() => q.Put(parse(words[1]))),
            "put_nowait" => Do(() => q.PutNowait(parse(words[1]))),
            "put_t0" => Do(() => q.Put(parse(words[1]), true, TimeSpan.Zero)),
            "put_neg" => Do(() => q.Put(parse(words[1]), true, s_minus1)),
            "get" => q.Get(),
            "get_nowait" => q.GetNowait(),
            "get_t0" => q.Get(true, TimeSpan.Zero),
            "get_neg" => q.Get(true, s_minus1),
            "get_false_neg" => q.Get(false, s_minus1),
            "qsize" => q.QSize(),
            "empty" => q.Empty(),
            "full" => q.Full(),
            "task_done" => Do(q.TaskDone),
            "unfinished" => q.UnfinishedTasks,
            "shutdown" => Do(() => q.Shutdown()),
            "shutdown_now" => Do(() => q.Shutdown(immediate: true)),
            "is_shutdown" => q.IsShutdown,
            "join_t0" => q.Join(TimeSpan.Zero),
            _ => UnknownOp(words),
        });

    private static string[] RunSimple(SimpleQueue<int> q, string[] ops) =>
        Replay(ops, words => words[0] switch
        {
            "put" => Do(() => q.Put(ParseInt(words[1]))),
            "put_nowait" => Do(() => q.PutNowait(ParseInt(words[1]))),
            "get" => q.Get(),
            "get_nowait" => q.GetNowait(),
            "get_t0" => q.Get(true, TimeSpan.Zero),
            "get_neg" => q.Get(true, s_minus1),
            "get_false_neg" => q.Get(false, s_minus1),
            "qsize" => q.QSize(),
            "empty" => q.Empty(),
            _ => UnknownOp(words),
        });

    /// <summary>Applies each op (split into words) in turn and renders its result or Python exception name.</summary>
    private static string[] Replay(string[] ops, Func<string[], object?> apply)
    {
        var results = new string[ops.Length];
        for (int i = 0; i < ops.Length; i++)
        {
            try
            {
                results[i] = Show(apply(ops[i].Split(' ')));
            }
            catch (Exception ex) when (ex is PyStdException or ArgumentOutOfRangeException)
            {
                results[i] = PythonName(ex);
            }
        }

        return results;
    }

    private static object? UnknownOp(string[] words) => throw new ArgumentException($"unknown op {string.Join(' ', words)}");

    private static object? Do(Action action)
    {
        action();
        return null;
    }
}

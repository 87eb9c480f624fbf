using System.Globalization;
using PyStd.Tests.Python;

namespace PyStd.Tests.Queue;

/// <summary>
/// CPython's queue.Queue, LifoQueue, PriorityQueue and SimpleQueue against ours, operation by
/// operation (Python/gen_queue_ops.py): 240 random single-threaded sequences over put/get in
/// every blocking mode, negative and zero timeouts, bounded and unbounded queues, qsize/empty/full
/// and task_done, plus four 3,000-item priority heaps with one to seven distinct priorities, whose
/// pop order of equal items must be heapq's exactly.
/// </summary>
public class QueueDifferentialTests
{
    [Fact]
    public void Every_operation_gives_what_CPython_gives()
    {
        string[] lines = PythonRunner.RunScriptLines("gen_queue_ops.py");
        Assert.True(lines.Length >= 244, $"only {lines.Length} cases");
        var failures = new List<string>();
        var kinds = new Dictionary<string, int>();
        int ops = 0;
        foreach (string line in lines)
        {
            string[] f = line.Split('|');
            string kind = f[0];
            int maxSize = int.Parse(f[1], CultureInfo.InvariantCulture);
            string[] opList = f[2].Split(';');
            string[] expected = f[3].Split(';');
            string[] actual = QueueOpRunner.Run(kind, maxSize, opList);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            ops += opList.Length;
            for (int i = 0; i < opList.Length; i++)
            {
                if (actual[i] != expected[i])
                {
                    failures.Add($"{kind}({maxSize}) op {i} '{opList[i]}': python {expected[i]}, ours {actual[i]} (after {string.Join(";", opList.Take(i).TakeLast(6))})");
                    break;
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {lines.Length} cases differ:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(4, kinds.Count);
        Assert.True(ops > 20_000, $"only {ops} operations");
    }
}

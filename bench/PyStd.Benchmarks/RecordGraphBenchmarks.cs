using BenchmarkDotNet.Attributes;
using PyStd.Objects;

namespace PyStd.Benchmarks;

/// <summary>
/// The floor under every <c>loads</c> benchmark of the pickle and marshal issues: the records'
/// object graph built directly in C# through the model's public API, with no input to read —
/// presized dicts and lists, one box per distinct int. A loader can beat it only by what the public
/// setters' duplicate-key checks cost, so CPython's <c>loads</c> time divided by it is about the
/// highest ratio any loader returning the value model could reach on the same machine and GC.
/// </summary>
[MemoryDiagnoser]
public class RecordGraphBenchmarks
{
    /// <summary>Builds the 200,000 records.</summary>
    /// <returns>The list of dicts.</returns>
    [Benchmark]
    public List<object?> BuildRecords()
    {
        byte[] blob = "xyzxyzxyz"u8.ToArray();
        object a = "a";
        object bb = "bb";
        object active = true;
        object inactive = false;
        var records = new List<object?>(PickleData.Count);
        object next = 0L;
        for (long i = 0; i < PickleData.Count; i++)
        {
            object id = next;
            next = i + 1; // t[1] is the next record's id: one box for both, as the loaders' int cache does
            records.Add(new PyDict(7)
            {
                ["id"] = id,
                ["name"] = $"user{i}", // one allocation, as a loader decoding the str
                ["score"] = i * 0.5,
                ["tags"] = new List<object?>(2) { a, bb },
                ["active"] = i % 2 == 0 ? active : inactive,
                ["blob"] = blob,
                ["t"] = new PyTuple(id, next),
            });
        }

        return records;
    }
}

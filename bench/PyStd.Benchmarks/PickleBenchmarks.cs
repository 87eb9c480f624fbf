using System.Collections;
using BenchmarkDotNet.Attributes;
using PyStd.Objects;
using RazorvinePickler = Razorvine.Pickle.Pickler;
using RazorvineUnpickler = Razorvine.Pickle.Unpickler;

namespace PyStd.Benchmarks;

/// <summary>
/// Issue #4's pickle benchmark: 200,000 records
/// <c>{"id": i, "name": "user%d" % i, "score": i * 0.5, "tags": ["a", "bb"], "active": i % 2 == 0,
/// "blob": b"xyzxyzxyz", "t": (i, i + 1)}</c> in a list, at protocols 2, 4 and 5. <c>Loads</c> reads the
/// bytes CPython writes for them (PyStd's <c>Dumps</c> writes the same bytes, which the setup checks
/// against the file bench/run-pickle.sh has python3 write, when it is there); <c>Dumps</c> writes
/// them. Razorvine.Pickle 1.5.0, the .NET library to beat, loads every protocol and writes only
/// protocol 2 (see <see cref="PickleRazorvineDumpBenchmarks"/>). bench/cpython/pickle_bench.py times
/// CPython's C <c>_pickle</c> on the same data.
/// </summary>
[MemoryDiagnoser]
public class PickleBenchmarks
{
    private List<object?> _records = [];
    private byte[] _pickle = [];

    /// <summary>The pickle protocol.</summary>
    [Params(2, 4, 5)]
    public int Protocol { get; set; }

    /// <summary>Builds the records and their pickle.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _records = PickleData.Records(PickleData.Count);
        _pickle = PyStd.Pickle.Pickle.Dumps(_records, Protocol);
        PickleData.CheckAgainstCPython(_pickle, Protocol);
    }

    /// <summary><c>pickle.loads(data)</c> with PyStd (safe defaults).</summary>
    /// <returns>The records.</returns>
    [Benchmark]
    public object? Loads() => PyStd.Pickle.Pickle.Loads(_pickle);

    /// <summary>The same bytes loaded by Razorvine.Pickle.</summary>
    /// <returns>The records.</returns>
    [Benchmark]
    public object LoadsRazorvine()
    {
        using var unpickler = new RazorvineUnpickler();
        return unpickler.loads(_pickle);
    }

    /// <summary><c>pickle.dumps(records, protocol)</c> with PyStd.</summary>
    /// <returns>The pickle.</returns>
    [Benchmark]
    public byte[] Dumps() => PyStd.Pickle.Pickle.Dumps(_records, Protocol);
}

/// <summary>
/// Dumping the data set at protocol 2, the only protocol Razorvine.Pickle writes, with each library's
/// natural input: PyStd's value model, and for Razorvine the .NET types it maps
/// (<see cref="Hashtable"/>, <see cref="ArrayList"/>, <c>object[]</c> for tuples).
/// </summary>
[MemoryDiagnoser]
public class PickleRazorvineDumpBenchmarks
{
    private List<object?> _records = [];
    private ArrayList _razorvineRecords = [];

    /// <summary>Builds both forms of the records.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _records = PickleData.Records(PickleData.Count);
        _razorvineRecords = PickleData.RazorvineRecords(PickleData.Count);
    }

    /// <summary><c>pickle.dumps(records, 2)</c> with PyStd.</summary>
    /// <returns>The pickle.</returns>
    [Benchmark(Baseline = true)]
    public byte[] Dumps() => PyStd.Pickle.Pickle.Dumps(_records, 2);

    /// <summary>Razorvine.Pickle's protocol 2 pickler (memo on, as CPython's).</summary>
    /// <returns>The pickle.</returns>
    [Benchmark]
    public byte[] DumpsRazorvine()
    {
        using var pickler = new RazorvinePickler(useMemo: true);
        return pickler.dumps(_razorvineRecords);
    }
}

/// <summary>The pickle benchmarks' data set.</summary>
public static class PickleData
{
    /// <summary>Records in the data set.</summary>
    public const int Count = 200_000;

    /// <summary>The records in PyStd's value model, sharing what CPython's share (the <c>bytes</c> constant).</summary>
    /// <param name="count">How many records.</param>
    /// <returns>The list of dicts.</returns>
    public static List<object?> Records(int count)
    {
        byte[] blob = "xyzxyzxyz"u8.ToArray(); // one object, as the constant b"xyzxyzxyz" is in CPython
        var records = new List<object?>(count);
        for (long i = 0; i < count; i++)
        {
            records.Add(new PyDict
            {
                ["id"] = i,
                ["name"] = "user" + i,
                ["score"] = i * 0.5,
                ["tags"] = new List<object?> { "a", "bb" },
                ["active"] = i % 2 == 0,
                ["blob"] = blob,
                ["t"] = new PyTuple(i, i + 1),
            });
        }

        return records;
    }

    /// <summary>The same records in the types Razorvine.Pickle pickles as dict, list, tuple and bytes.</summary>
    /// <param name="count">How many records.</param>
    /// <returns>The list of hashtables.</returns>
    public static ArrayList RazorvineRecords(int count)
    {
        byte[] blob = "xyzxyzxyz"u8.ToArray();
        var records = new ArrayList(count);
        for (int i = 0; i < count; i++)
        {
            records.Add(new Hashtable
            {
                ["id"] = i,
                ["name"] = "user" + i,
                ["score"] = i * 0.5,
                ["tags"] = new ArrayList { "a", "bb" },
                ["active"] = i % 2 == 0,
                ["blob"] = blob,
                ["t"] = new object[] { i, i + 1 },
            });
        }

        return records;
    }

    /// <summary>
    /// When bench/run-pickle.sh has python3 write the data set's pickles into
    /// <c>$PICKLE_BENCH_DATA/records-N.pkl</c>, checks that PyStd's bytes are CPython's, so <c>Loads</c>
    /// times exactly what CPython writes.
    /// </summary>
    /// <param name="ours">PyStd's pickle.</param>
    /// <param name="protocol">Its protocol.</param>
    /// <exception cref="InvalidOperationException">The bytes differ.</exception>
    public static void CheckAgainstCPython(byte[] ours, int protocol)
    {
        string? dir = Environment.GetEnvironmentVariable("PICKLE_BENCH_DATA");
        string path = Path.Combine(dir ?? string.Empty, $"records-{protocol}.pkl");
        if (dir is not null && File.Exists(path) && !File.ReadAllBytes(path).AsSpan().SequenceEqual(ours))
        {
            throw new InvalidOperationException($"PyStd's protocol {protocol} pickle differs from CPython's {path}.");
        }
    }
}

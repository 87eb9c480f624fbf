using BenchmarkDotNet.Attributes;
using PyStd.Dbm;

namespace PyStd.Benchmarks;

/// <summary>
/// dbm workloads per backend: 100,000 puts into a new database (each an acknowledged, crash-safe write),
/// 100,000 random gets of existing keys, and 100,000 puts in one batch (<see cref="IDbm.BeginBatch"/>);
/// 16-byte keys, 100-byte values. Times are per operation (<c>OperationsPerInvoke</c>).
/// bench/cpython/dbm_bench.py runs the same workloads on CPython's <c>dbm.dumb</c> and on the
/// <c>dbm.sqlite3</c> schema; bench/run-dbm.sh runs both and writes docs/benchmarks.md.
/// </summary>
/// <remarks>
/// One invocation is a whole workload (seconds): bench/run-dbm.sh runs it with the monitoring strategy
/// (<c>--strategy Monitoring --warmupCount 1 --iterationCount 3</c>), a few runs without a pilot stage.
/// </remarks>
public class DbmBenchmarks
{
    private const int N = 100_000;

    private byte[][] _keys = [];
    private byte[][] _values = [];
    private int[] _order = [];
    private string _dir = "";
    private IDbm? _db;

    /// <summary>The backend under test.</summary>
    [Params(DbmBackend.Sqlite3, DbmBackend.Dumb)]
    public DbmBackend Backend { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new System.Random(20251125);
        _keys = new byte[N][];
        _values = new byte[N][];
        for (int i = 0; i < N; i++)
        {
            _keys[i] = new byte[16];
            _values[i] = new byte[100];
            rng.NextBytes(_keys[i]);
            rng.NextBytes(_values[i]);
        }

        _order = Enumerable.Range(0, N).ToArray();
        rng.Shuffle(_order);
        _dir = Directory.CreateTempSubdirectory("pystd-dbm-bench-").FullName;
        using IDbm db = Dbm.Dbm.Open(PathOf("get"), "n", Dbm.Dbm.DefaultMode, Backend);
        using IDbmBatch batch = db.BeginBatch();
        for (int i = 0; i < N; i++)
        {
            batch.Set(_keys[i], _values[i]);
        }

        batch.Commit();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    // Opening is set-up (as in dbm_bench.py, whose timing starts after dbm.open); closing is timed.
    [IterationSetup(Targets = [nameof(Put), nameof(Batch)])]
    public void OpenNew() => _db = Dbm.Dbm.Open(PathOf("new"), "n", Dbm.Dbm.DefaultMode, Backend);

    [IterationSetup(Target = nameof(Get))]
    public void OpenPopulated() => _db = Dbm.Dbm.Open(PathOf("get"), "r");

    [Benchmark(OperationsPerInvoke = N, Description = "put")]
    public int Put()
    {
        using IDbm db = _db!;
        for (int i = 0; i < N; i++)
        {
            db.Set(_keys[i], _values[i]);
        }

        return db.Count;
    }

    [Benchmark(OperationsPerInvoke = N, Description = "get")]
    public long Get()
    {
        using IDbm db = _db!;
        long total = 0;
        foreach (int i in _order)
        {
            total += db[_keys[i]].Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = N, Description = "batch")]
    public int Batch()
    {
        using IDbm db = _db!;
        using (IDbmBatch batch = db.BeginBatch())
        {
            for (int i = 0; i < N; i++)
            {
                batch.Set(_keys[i], _values[i]);
            }

            batch.Commit();
        }

        return db.Count;
    }

    private string PathOf(string workload) => Path.Combine(_dir, $"{workload}-{Backend}");
}

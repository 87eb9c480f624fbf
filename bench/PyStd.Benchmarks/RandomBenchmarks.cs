using BenchmarkDotNet.Attributes;
using PyStd.Random;

namespace PyStd.Benchmarks;

/// <summary>
/// PyRandom's hot paths, 1,024 calls per operation: <c>random()</c>, <c>getrandbits(32)</c> (typed and
/// as a Python int), <c>randrange(1000)</c>, <c>randbytes(1024)</c>, the bulk fill, and the raw
/// generator against <see cref="MinimalMt19937"/>, a minimal hand-written MT19937 (the limit).
/// bench/cpython/random_bench.py times CPython on the same work; bench/run-random.sh runs both and
/// writes the "## random" section of docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class RandomBenchmarks
{
    private const int Calls = 1024;
    private readonly PyRandom _rng = new(20251125);
    private readonly double[] _doubles = new double[Calls];
    private readonly byte[] _bytes = new byte[Calls];
    private readonly MinimalMt19937 _minimal = new(5489);
    private MersenneTwister _raw;

    [GlobalSetup]
    public void Setup() => _raw.InitGenrand(5489);

    /// <summary>Each result stored, as a caller filling a buffer call by call would.</summary>
    [Benchmark(OperationsPerInvoke = Calls, Description = "random()")]
    public double Random()
    {
        double[] results = _doubles;
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = _rng.Random();
        }

        return results[0];
    }

    /// <summary>
    /// Each result added to a double local: the JIT keeps a float local that is live across any call
    /// in the loop (here the rare block refill) in memory, since SysV x64 has no callee-saved vector
    /// registers, so the loop is bound by a store-load-add chain rather than by random().
    /// </summary>
    [Benchmark(OperationsPerInvoke = Calls, Description = "random() summed into a double")]
    public double RandomSummed()
    {
        double sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            sum += _rng.Random();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "getrandbits(32) as ulong")]
    public ulong GetRandBits64()
    {
        ulong sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            sum += _rng.GetRandBits64(32);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "getrandbits(32) as Python int")]
    public long GetRandBits()
    {
        long sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            sum += (long)_rng.GetRandBits(32);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "randrange(1000)")]
    public long RandRange()
    {
        long sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            sum += _rng.RandRange(1000);
        }

        return sum;
    }

    [Benchmark(Description = "randbytes(1024) into a span")]
    public byte RandBytes()
    {
        _rng.RandBytes(_bytes.AsSpan());
        return _bytes[0];
    }

    [Benchmark(Description = "randbytes(1024) as a new byte[]")]
    public byte[] RandBytesArray() => _rng.RandBytes(1024);

    [Benchmark(Description = "1024 random() into a span")]
    public double NextDoubles()
    {
        _rng.NextDoubles(_doubles);
        return _doubles[0];
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "raw MT19937 word")]
    public uint RawWord()
    {
        uint sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            sum += _raw.NextUInt32();
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "minimal hand-written MT19937 word")]
    public uint MinimalWord()
    {
        uint sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            sum += _minimal.Next();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "raw MT19937 genrand_res53")]
    public double RawDouble()
    {
        double[] results = _doubles;
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = _raw.NextDouble();
        }

        return results[0];
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "minimal hand-written MT19937 genrand_res53")]
    public double MinimalDouble()
    {
        double[] results = _doubles;
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = _minimal.NextDouble();
        }

        return results[0];
    }
}

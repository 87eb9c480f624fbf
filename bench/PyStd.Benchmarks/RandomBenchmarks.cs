using BenchmarkDotNet.Attributes;
using PyStd.Random;

namespace PyStd.Benchmarks;

/// <summary>
/// PyRandom's hot paths, 1,024 calls per operation: <c>random()</c>, <c>getrandbits(32)</c> (typed and
/// as a Python int), <c>randrange(1000)</c>, the bulk fills, and the raw generator against a minimal
/// hand-written MT19937 loop (the limit). bench/cpython/random_bench.py times CPython on the same work.
/// </summary>
[MemoryDiagnoser]
public class RandomBenchmarks
{
    private const int Calls = 1024;
    private readonly PyRandom _rng = new(20251125);
    private readonly double[] _doubles = new double[Calls];
    private readonly byte[] _bytes = new byte[Calls];
    private readonly MinimalMersenneTwister _minimal = new(5489);
    private MersenneTwister _raw;

    [GlobalSetup]
    public void Setup() => _raw.InitGenrand(5489);

    [Benchmark(OperationsPerInvoke = Calls, Description = "random()")]
    public double Random()
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

    /// <summary>The reference C code's genrand_int32, transcribed without tricks.</summary>
    private sealed class MinimalMersenneTwister
    {
        private readonly uint[] _mt = new uint[624];
        private int _index;

        public MinimalMersenneTwister(uint seed)
        {
            _mt[0] = seed;
            for (int i = 1; i < 624; i++)
            {
                _mt[i] = (1812433253U * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i;
            }

            _index = 624;
        }

        public uint Next()
        {
            uint[] mt = _mt;
            if (_index >= 624)
            {
                int kk = 0;
                uint y;
                for (; kk < 624 - 397; kk++)
                {
                    y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
                    mt[kk] = mt[kk + 397] ^ (y >> 1) ^ ((y & 1U) == 0 ? 0U : 0x9908b0dfU);
                }

                for (; kk < 623; kk++)
                {
                    y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
                    mt[kk] = mt[kk + 397 - 624] ^ (y >> 1) ^ ((y & 1U) == 0 ? 0U : 0x9908b0dfU);
                }

                y = (mt[623] & 0x80000000U) | (mt[0] & 0x7fffffffU);
                mt[623] = mt[396] ^ (y >> 1) ^ ((y & 1U) == 0 ? 0U : 0x9908b0dfU);
                _index = 0;
            }

            uint x = mt[_index++];
            x ^= x >> 11;
            x ^= (x << 7) & 0x9d2c5680U;
            x ^= (x << 15) & 0xefc60000U;
            x ^= x >> 18;
            return x;
        }
    }
}

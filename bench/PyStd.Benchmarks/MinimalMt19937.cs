namespace PyStd.Benchmarks;

/// <summary>
/// The limit for PyStd's raw generator: Matsumoto and Nishimura's reference <c>genrand_int32</c>
/// (mt19937ar.c) and <c>genrand_res53</c> transcribed without tricks — one array, the block
/// regenerated in place every 624 words with the reference code's <c>mag01</c> table, each word
/// tempered as it is drawn.
/// </summary>
public sealed class MinimalMt19937
{
    private const int N = 624;
    private const int M = 397;
    private static readonly uint[] s_mag01 = [0x0U, 0x9908b0dfU];
    private readonly uint[] _mt = new uint[N];
    private int _index;

    /// <summary>Seeds as <c>init_genrand(seed)</c>.</summary>
    /// <param name="seed">The seed word.</param>
    public MinimalMt19937(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < N; i++)
        {
            _mt[i] = (1812433253U * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i;
        }

        _index = N;
    }

    /// <summary><c>genrand_int32</c>.</summary>
    /// <returns>The next tempered word.</returns>
    public uint Next()
    {
        uint[] mt = _mt;
        uint[] mag01 = s_mag01;
        if (_index >= N)
        {
            int kk = 0;
            uint y;
            for (; kk < N - M; kk++)
            {
                y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 1U];
            }

            for (; kk < N - 1; kk++)
            {
                y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[y & 1U];
            }

            y = (mt[N - 1] & 0x80000000U) | (mt[0] & 0x7fffffffU);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 1U];
            _index = 0;
        }

        uint x = mt[_index++];
        x ^= x >> 11;
        x ^= (x << 7) & 0x9d2c5680U;
        x ^= (x << 15) & 0xefc60000U;
        x ^= x >> 18;
        return x;
    }

    /// <summary><c>genrand_res53</c>: CPython's <c>random()</c> from two words.</summary>
    /// <returns>A float in [0, 1).</returns>
    public double NextDouble()
    {
        uint a = Next() >> 5;
        uint b = Next() >> 6;
        return ((a * 67108864.0) + b) * (1.0 / 9007199254740992.0);
    }
}

using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PyStd.Random;

/// <summary>
/// The raw MT19937 generator exactly as CPython's <c>Modules/_randommodule.c</c> runs it
/// (Matsumoto and Nishimura's 2002 reference code: <c>init_genrand</c>, <c>init_by_array</c>,
/// <c>genrand_uint32</c> and <c>genrand_res53</c>). A mutable struct that lives inline in its
/// owner, so the 624-word state and the hot path share one object and no bounds checks.
/// </summary>
/// <remarks>
/// For speed the block regeneration runs on SIMD vectors, and each new block is tempered whole
/// into a second buffer, so drawing a word is one load. The untempered words stay the state
/// (what getstate/setstate see); the outputs are word for word those of the scalar C code.
/// </remarks>
internal struct MersenneTwister
{
    /// <summary>Words of state.</summary>
    public const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0dfU;
    private const uint UpperMask = 0x80000000U;
    private const uint LowerMask = 0x7fffffffU;

    private StateVector _mt;
    private StateVector _tempered;
    private int _index;

    /// <summary>Position of the next word to temper, 0..624 (624: regenerate first).</summary>
    public readonly int Index => _index;

    /// <summary>The 624 words of state, for getstate/setstate.</summary>
    [UnscopedRef]
    public ReadOnlySpan<uint> State => _mt;

    /// <summary>Replaces the state and position (setstate).</summary>
    /// <param name="words">624 untempered words.</param>
    /// <param name="index">0..624, already validated.</param>
    public void SetState(ReadOnlySpan<uint> words, int index)
    {
        words.CopyTo(_mt);
        TemperBlock();
        _index = index;
    }

    /// <summary>CPython's <c>init_genrand</c>: fills the state from one 32-bit seed.</summary>
    /// <param name="s">The seed word.</param>
    public void InitGenrand(uint s)
    {
        Span<uint> mt = _mt;
        mt[0] = s;
        for (int i = 1; i < N; i++)
        {
            // Knuth TAOCP Vol2. 3rd Ed. P.106 for the multiplier.
            mt[i] = (1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30))) + (uint)i;
        }

        _index = N;
    }

    /// <summary>CPython's <c>init_by_array</c>: the seeding every int seed goes through.</summary>
    /// <param name="key">The seed as 32-bit words, least significant first; at least one word.</param>
    public void InitByArray(ReadOnlySpan<uint> key)
    {
        InitGenrand(19650218U);
        Span<uint> mt = _mt;
        int i = 1;
        int j = 0;
        int keyLength = key.Length;
        for (int k = N > keyLength ? N : keyLength; k > 0; k--)
        {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j; // non linear
            i++;
            j++;
            if (i >= N)
            {
                mt[0] = mt[N - 1];
                i = 1;
            }

            if (j >= keyLength)
            {
                j = 0;
            }
        }

        for (int k = N - 1; k > 0; k--)
        {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint)i; // non linear
            i++;
            if (i >= N)
            {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }

        mt[0] = 0x80000000U; // MSB is 1; assuring non-zero initial array
    }

    /// <summary>CPython's <c>genrand_uint32</c>: the next tempered 32-bit word.</summary>
    /// <returns>A word uniform on [0, 2**32).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        int i = _index;
        if (i >= N)
        {
            Twist();
            i = 0;
        }

        _index = i + 1;
        return Unsafe.Add(ref Unsafe.As<StateVector, uint>(ref _tempered), i);
    }

    /// <summary>
    /// The fast path of <see cref="NextUInt32"/>: the next word when the current block still holds
    /// one, else false (and nothing consumed). Call-free, so a caller's loop keeps its registers.
    /// </summary>
    /// <param name="value">The word.</param>
    /// <returns>False when the block is used up (the caller then takes its slow path).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNextUInt32(out uint value)
    {
        int i = _index;
        if (i < N)
        {
            _index = i + 1;
            value = Unsafe.Add(ref Unsafe.As<StateVector, uint>(ref _tempered), i);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// The fast path of CPython's <c>random_random</c> (<c>genrand_res53</c>): both words from the
    /// current block, else false (and nothing consumed).
    /// </summary>
    /// <param name="value">A multiple of 2**-53 in [0, 1).</param>
    /// <returns>False when fewer than two words are left in the block.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNextDouble(out double value)
    {
        int i = _index;
        if (i < N - 1)
        {
            _index = i + 2;
            ref uint word = ref Unsafe.Add(ref Unsafe.As<StateVector, uint>(ref _tempered), i);
            value = Res53(word, Unsafe.Add(ref word, 1));
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>CPython's <c>random_random</c> (<c>genrand_res53</c>): 27 + 26 bits into [0, 1).</summary>
    /// <returns>A multiple of 2**-53 in [0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => TryNextDouble(out double value) ? value : NextDoubleAcrossBlocks();

    /// <summary>genrand_res53 when the pair straddles a block boundary (or the block is used up).</summary>
    /// <returns>The float.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public double NextDoubleAcrossBlocks()
    {
        uint a = NextUInt32();
        uint b = NextUInt32();
        return Res53(a, b);
    }

    /// <summary>
    /// <c>(a*67108864.0+b)*(1.0/9007199254740992.0)</c> with a = first word &gt;&gt; 5, b = second &gt;&gt; 6.
    /// Done as one 53-bit integer and one conversion: both forms are exact until the final
    /// multiply, so the result is the same double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Res53(uint first, uint second) =>
        (long)(((ulong)(first >> 5) << 26) | (second >> 6)) * (1.0 / 9007199254740992.0);

    /// <summary>Leaves the generator with no words, so every fast path fails (SystemRandom never draws from it).</summary>
    public void Park() => _index = N;

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>destination.Length / 4</c> whole words, each
    /// little-endian, the bytes <c>randbytes</c> makes of them.
    /// </summary>
    /// <param name="destination">A multiple of 4 bytes.</param>
    public void FillWords(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_index >= N)
            {
                Twist();
                _index = 0;
            }

            int words = Math.Min(N - _index, destination.Length / 4);
            ReadOnlySpan<uint> source = ((ReadOnlySpan<uint>)_tempered).Slice(_index, words);
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.AsBytes(source).CopyTo(destination);
            }
            else
            {
                for (int i = 0; i < words; i++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(i * 4), source[i]);
                }
            }

            _index += words;
            destination = destination[(words * 4)..];
        }
    }

    /// <summary>Fills <paramref name="destination"/> with successive <see cref="NextDouble"/> values.</summary>
    /// <param name="destination">The span to fill.</param>
    public void FillDoubles(Span<double> destination)
    {
        ref uint tempered = ref Unsafe.As<StateVector, uint>(ref _tempered);
        ref double output = ref MemoryMarshal.GetReference(destination);
        int length = destination.Length;
        int i = 0;
        while (i < length)
        {
            // Whole pairs straight from the tempered block; a pair split across blocks goes the slow way.
            int index = _index;
            int pairs = Math.Min((N - index) / 2, length - i);
            int end = i + pairs;
            if (Vector256.IsHardwareAccelerated)
            {
                // Four pairs per step: each 64-bit lane holds a pair, first word low.
                var lowMask = Vector256.Create(0x07FFFFFFUL << 26);
                var scale = Vector256.Create(1.0 / 9007199254740992.0);
                for (; i + 4 <= end; i += 4, index += 8)
                {
                    Vector256<ulong> pair = Vector256.LoadUnsafe(ref Unsafe.As<uint, ulong>(ref Unsafe.Add(ref tempered, index)));
                    Vector256<long> bits = (((pair << 21) & lowMask) | (pair >> 38)).AsInt64();
                    (Vector256.ConvertToDouble(bits) * scale).StoreUnsafe(ref output, (nuint)i);
                }
            }

            for (; i < end; i++, index += 2)
            {
                Unsafe.Add(ref output, i) = Res53(Unsafe.Add(ref tempered, index), Unsafe.Add(ref tempered, index + 1));
            }

            _index = index;
            if (i < length)
            {
                Unsafe.Add(ref output, i++) = NextDoubleAcrossBlocks();
            }
        }
    }

    /// <summary>Regenerates all 624 words at once (the first half of <c>genrand_uint32</c>), then tempers them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Twist()
    {
        ref uint mt = ref Unsafe.As<StateVector, uint>(ref _mt);
        int kk = 0;
        uint y;
        if (Vector.IsHardwareAccelerated)
        {
            // The same recurrence, Vector<uint>.Count words at a time. In the first loop every
            // word read is still old (kk+1..kk+w and kk+M lie ahead); in the second, mt[kk+M-N..]
            // lies strictly behind kk and is already new, exactly as the scalar loop sees it.
            int w = Vector<uint>.Count;
            var upper = new Vector<uint>(UpperMask);
            var lower = new Vector<uint>(LowerMask);
            var matrix = new Vector<uint>(MatrixA);
            for (; kk + w <= N - M; kk += w)
            {
                Vector<uint> v = (Vector.LoadUnsafe(ref mt, (nuint)kk) & upper) | (Vector.LoadUnsafe(ref mt, (nuint)(kk + 1)) & lower);
                Vector<uint> odd = Vector.Equals(v & Vector<uint>.One, Vector<uint>.One);
                (Vector.LoadUnsafe(ref mt, (nuint)(kk + M)) ^ Vector.ShiftRightLogical(v, 1) ^ (odd & matrix)).StoreUnsafe(ref mt, (nuint)kk);
            }

            for (; kk < N - M; kk++)
            {
                y = (Unsafe.Add(ref mt, kk) & UpperMask) | (Unsafe.Add(ref mt, kk + 1) & LowerMask);
                Unsafe.Add(ref mt, kk) = Unsafe.Add(ref mt, kk + M) ^ (y >> 1) ^ ((0U - (y & 1U)) & MatrixA);
            }

            for (; kk + w <= N - 1; kk += w)
            {
                Vector<uint> v = (Vector.LoadUnsafe(ref mt, (nuint)kk) & upper) | (Vector.LoadUnsafe(ref mt, (nuint)(kk + 1)) & lower);
                Vector<uint> odd = Vector.Equals(v & Vector<uint>.One, Vector<uint>.One);
                (Vector.LoadUnsafe(ref mt, (nuint)(kk + M - N)) ^ Vector.ShiftRightLogical(v, 1) ^ (odd & matrix)).StoreUnsafe(ref mt, (nuint)kk);
            }
        }

        for (; kk < N - M; kk++)
        {
            y = (Unsafe.Add(ref mt, kk) & UpperMask) | (Unsafe.Add(ref mt, kk + 1) & LowerMask);
            Unsafe.Add(ref mt, kk) = Unsafe.Add(ref mt, kk + M) ^ (y >> 1) ^ ((0U - (y & 1U)) & MatrixA);
        }

        for (; kk < N - 1; kk++)
        {
            y = (Unsafe.Add(ref mt, kk) & UpperMask) | (Unsafe.Add(ref mt, kk + 1) & LowerMask);
            Unsafe.Add(ref mt, kk) = Unsafe.Add(ref mt, kk + (M - N)) ^ (y >> 1) ^ ((0U - (y & 1U)) & MatrixA);
        }

        y = (Unsafe.Add(ref mt, N - 1) & UpperMask) | (mt & LowerMask);
        Unsafe.Add(ref mt, N - 1) = Unsafe.Add(ref mt, M - 1) ^ (y >> 1) ^ ((0U - (y & 1U)) & MatrixA);
        TemperBlock();
    }

    /// <summary>Applies MT19937's output tempering to the whole block.</summary>
    private void TemperBlock()
    {
        ref uint mt = ref Unsafe.As<StateVector, uint>(ref _mt);
        ref uint tempered = ref Unsafe.As<StateVector, uint>(ref _tempered);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var b = new Vector<uint>(0x9d2c5680U);
            var c = new Vector<uint>(0xefc60000U);
            for (; i + Vector<uint>.Count <= N; i += Vector<uint>.Count)
            {
                Vector<uint> y = Vector.LoadUnsafe(ref mt, (nuint)i);
                y ^= Vector.ShiftRightLogical(y, 11);
                y ^= Vector.ShiftLeft(y, 7) & b;
                y ^= Vector.ShiftLeft(y, 15) & c;
                y ^= Vector.ShiftRightLogical(y, 18);
                y.StoreUnsafe(ref tempered, (nuint)i);
            }
        }

        for (; i < N; i++)
        {
            uint y = Unsafe.Add(ref mt, i);
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c5680U;
            y ^= (y << 15) & 0xefc60000U;
            y ^= y >> 18;
            Unsafe.Add(ref tempered, i) = y;
        }
    }

    /// <summary>Inline storage for the 624 state words.</summary>
    [InlineArray(N)]
    private struct StateVector
    {
        private uint _element0;
    }
}

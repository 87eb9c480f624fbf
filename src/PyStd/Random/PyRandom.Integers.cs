using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Random;

// Bits, bytes and integers: getrandbits, randbytes, _randbelow, randrange, randint.
public partial class PyRandom
{
    /// <summary>
    /// Returns a non-negative int with <paramref name="k"/> random bits (<c>getrandbits(k)</c>),
    /// as a <see cref="long"/> when it fits, else a <see cref="BigInteger"/>.
    /// </summary>
    /// <param name="k">Number of bits, 0 or more (0 gives 0 and consumes nothing).</param>
    /// <returns>The int, normalised.</returns>
    /// <exception cref="PyValueException"><paramref name="k"/> is negative.</exception>
    public object GetRandBits(int k)
    {
        if (k <= 63)
        {
            return (long)GetRandBits64(k);
        }

        return PyInt.Normalize(GetRandBitsBig(k));
    }

    /// <summary>
    /// <c>getrandbits(k)</c> for k ≤ 64 without allocation: the same words in the same order as
    /// CPython (for k &gt; 32 the low word first, then the high word's top bits).
    /// </summary>
    /// <param name="k">0 to 64.</param>
    /// <returns>The bits, in the low <paramref name="k"/> bits of the result.</returns>
    /// <exception cref="PyValueException"><paramref name="k"/> is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is more than 64.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong GetRandBits64(int k)
    {
        // 1 <= k <= 32 with a word left in the block: one load and a shift, no call.
        if ((uint)(k - 1) < 32u && _mt.TryNextUInt32(out uint word))
        {
            return word >> (32 - k);
        }

        return GetRandBits64Slow(k);
    }

    /// <summary>getrandbits(0): 0 in Python 3.9+, a ValueError in 2.7.</summary>
    private ulong ZeroBits() => IsPython27 ? throw new PyValueException(NegativeBitsMessage) : 0UL;

    private string NegativeBitsMessage =>
        IsPython27 ? "number of bits must be greater than zero" : "number of bits must be non-negative";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ulong GetRandBits64Slow(int k)
    {
        if (k < 0)
        {
            throw new PyValueException(NegativeBitsMessage);
        }

        if (k > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "GetRandBits64 takes at most 64 bits; use GetRandBits.");
        }

        if (k == 0)
        {
            return ZeroBits();
        }

        if (_system)
        {
            return SystemRandom.Bits64(k);
        }

        if (k <= 32)
        {
            return _mt.NextUInt32() >> (32 - k); // the block was used up: regenerate
        }

        ulong low = _mt.NextUInt32();
        ulong high = _mt.NextUInt32() >> (64 - k);
        return (high << 32) | low;
    }

    /// <summary><c>getrandbits(k)</c> for k ≤ 128 (used by <see cref="RandBelow(UInt128)"/>).</summary>
    private UInt128 GetRandBits128(int k)
    {
        if (k <= 64)
        {
            return GetRandBits64(k);
        }

        if (_system)
        {
            return (UInt128)SystemRandom.BitsBig(k);
        }

        // _randommodule.c: 32-bit words from least to most significant; the last one keeps its top bits.
        UInt128 result = 0;
        int shift = 0;
        for (; k > 0; k -= 32, shift += 32)
        {
            uint r = _mt.NextUInt32();
            if (k < 32)
            {
                r >>= 32 - k;
            }

            result |= (UInt128)r << shift;
        }

        return result;
    }

    private BigInteger GetRandBitsBig(int k)
    {
        if (k < 0)
        {
            throw new PyValueException(NegativeBitsMessage);
        }

        if (k <= 64)
        {
            return GetRandBits64(k);
        }

        if (_system)
        {
            return SystemRandom.BitsBig(k);
        }

        int words = ((k - 1) / 32) + 1;
        byte[] bytes = new byte[words * 4];
        for (int i = 0; i < words; i++, k -= 32)
        {
            uint r = _mt.NextUInt32();
            if (k < 32)
            {
                r >>= 32 - k; // drop least significant bits
            }

            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), r);
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>Returns <paramref name="n"/> random bytes (<c>randbytes(n)</c>).</summary>
    /// <param name="n">0 or more.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="PyValueException"><paramref name="n"/> is negative.</exception>
    /// <exception cref="OverflowException"><c>n * 8</c> does not fit a C int, as in CPython.</exception>
    public byte[] RandBytes(int n)
    {
        if (n < 0)
        {
            throw new PyValueException("number of bits must be non-negative");
        }

        if (n > int.MaxValue / 8)
        {
            throw new OverflowException("Python int too large to convert to C int");
        }

        byte[] result = new byte[n];
        RandBytes(result);
        return result;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the bytes <c>randbytes(len(destination))</c> would
    /// return: one 32-bit word per 4 bytes, little-endian, the last partial word's top bytes.
    /// </summary>
    /// <param name="destination">The span to fill; empty consumes nothing.</param>
    public void RandBytes(Span<byte> destination)
    {
        if (_system)
        {
            SystemRandom.Fill(destination);
            return;
        }

        int whole = destination.Length & ~3;
        _mt.FillWords(destination[..whole]);
        int rest = destination.Length - whole;
        if (rest > 0)
        {
            // The last word keeps its top bytes (getrandbits drops the low bits), little-endian.
            uint r = _mt.NextUInt32() >> (32 - (8 * rest));
            for (int i = 0; i < rest; i++)
            {
                destination[whole + i] = (byte)(r >> (8 * i));
            }
        }
    }

    /// <summary>
    /// CPython's <c>_randbelow_with_getrandbits</c>: <c>getrandbits(n.bit_length())</c> until the
    /// draw is below <paramref name="n"/>. Every integer and sequence method funnels through it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint RandBelow(uint n)
    {
        int k = 32 - BitOperations.LeadingZeroCount(n);
        if (_system)
        {
            return (uint)RandBelowSlow(n);
        }

        int shift = 32 - k;
        uint r = _mt.NextUInt32() >> shift;
        while (r >= n)
        {
            r = _mt.NextUInt32() >> shift;
        }

        return r;
    }

    private ulong RandBelowSlow(ulong n)
    {
        int k = 64 - BitOperations.LeadingZeroCount(n);
        ulong r = GetRandBits64(k);
        while (r >= n)
        {
            r = GetRandBits64(k);
        }

        return r;
    }

    private ulong RandBelow(ulong n) => n <= uint.MaxValue ? RandBelow((uint)n) : RandBelowSlow(n);

    private UInt128 RandBelow(UInt128 n)
    {
        if (n <= ulong.MaxValue)
        {
            return RandBelow((ulong)n);
        }

        int k = 128 - (int)UInt128.LeadingZeroCount(n);
        UInt128 r = GetRandBits128(k);
        while (r >= n)
        {
            r = GetRandBits128(k);
        }

        return r;
    }

    private BigInteger RandBelow(BigInteger n)
    {
        if (n <= ulong.MaxValue)
        {
            return RandBelow((ulong)n);
        }

        int k = checked((int)n.GetBitLength());
        BigInteger r = GetRandBitsBig(k);
        while (r >= n)
        {
            r = GetRandBitsBig(k);
        }

        return r;
    }

    /// <summary>Returns a random int from <c>range(stop)</c> (<c>randrange(stop)</c>).</summary>
    /// <param name="stop">Exclusive upper bound, positive.</param>
    /// <returns>0 ≤ result &lt; <paramref name="stop"/>.</returns>
    /// <exception cref="PyValueException"><paramref name="stop"/> ≤ 0: <c>empty range for randrange()</c>.</exception>
    public long RandRange(long stop)
    {
        if (IsPython27)
        {
            return RandRange27(stop); // int(random() * stop) below 2**53
        }

        if (stop > 0)
        {
            return (long)RandBelow((ulong)stop);
        }

        throw new PyValueException("empty range for randrange()");
    }

    /// <summary>
    /// Returns a random int from <c>range(start, stop, step)</c> (<c>randrange(start, stop, step)</c>);
    /// the same stream as Python for every argument, negative steps included.
    /// </summary>
    /// <param name="start">Inclusive start.</param>
    /// <param name="stop">Exclusive stop.</param>
    /// <param name="step">Step, not zero.</param>
    /// <returns>A member of the range.</returns>
    /// <exception cref="PyValueException">The range is empty, or <paramref name="step"/> is zero, with CPython 3.13's message.</exception>
    public long RandRange(long start, long stop, long step = 1) => (long)RandRangeCore(start, stop, step);

    /// <summary>Returns a random int N with <paramref name="a"/> ≤ N ≤ <paramref name="b"/> (<c>randint(a, b)</c>).</summary>
    /// <param name="a">Lower bound, inclusive.</param>
    /// <param name="b">Upper bound, inclusive.</param>
    /// <returns>The int; the same stream as <see cref="RandInt(long, long)"/> and Python.</returns>
    /// <exception cref="PyValueException"><paramref name="b"/> &lt; <paramref name="a"/> (<c>empty range in randrange(a, b+1)</c>).</exception>
    public int RandInt(int a, int b) => (int)RandRangeCore(a, (Int128)b + 1, 1);

    /// <summary>Returns a random int N with <paramref name="a"/> ≤ N ≤ <paramref name="b"/> (<c>randint(a, b)</c>).</summary>
    /// <param name="a">Lower bound, inclusive.</param>
    /// <param name="b">Upper bound, inclusive.</param>
    /// <returns>The int.</returns>
    /// <exception cref="PyValueException"><paramref name="b"/> &lt; <paramref name="a"/> (<c>empty range in randrange(a, b+1)</c>).</exception>
    public long RandInt(long a, long b) => (long)RandRangeCore(a, (Int128)b + 1, 1);

    /// <summary>
    /// <c>randrange(start, stop=None, step=1)</c> on Python ints of any size (<see cref="long"/>,
    /// <see cref="BigInteger"/>, bool or any .NET integer).
    /// </summary>
    /// <param name="start">The start, or the stop when <paramref name="stop"/> is null.</param>
    /// <param name="stop">The stop, or null for <c>range(start)</c>.</param>
    /// <param name="step">The step, or null for 1.</param>
    /// <returns>The int, normalised to <see cref="long"/> when it fits.</returns>
    /// <exception cref="PyTypeException">A non-integer argument (<c>'float' object cannot be interpreted as an integer</c>),
    /// or a step without a stop.</exception>
    /// <exception cref="PyValueException">An empty range or a zero step, with CPython 3.13's message.</exception>
    public object RandRange(object? start, object? stop = null, object? step = null)
    {
        if (IsPython27)
        {
            return RandRange27(start, stop, step);
        }

        BigInteger istart = Index(start);
        if (stop is null)
        {
            // random.py checks 'step is not _ONE': only the (cached) int 1 passes.
            if (step is not null && (step is bool || !PyInt.IsIntegral(step) || Index(step) != BigInteger.One))
            {
                throw new PyTypeException("Missing a non-None stop argument");
            }

            if (istart > 0)
            {
                return PyInt.Normalize(RandBelow(istart));
            }

            throw new PyValueException("empty range for randrange()");
        }

        BigInteger istop = Index(stop);
        BigInteger width = istop - istart;
        BigInteger istep = step is null ? BigInteger.One : Index(step);
        if (istep.IsOne)
        {
            if (width.Sign > 0)
            {
                return PyInt.Normalize(istart + RandBelow(width));
            }

            throw new PyValueException($"empty range in randrange({Str(start)}, {Str(stop)})");
        }

        BigInteger n;
        if (istep.Sign > 0)
        {
            n = FloorDiv(width + istep - 1, istep);
        }
        else if (istep.Sign < 0)
        {
            n = FloorDiv(width + istep + 1, istep);
        }
        else
        {
            throw new PyValueException("zero step for randrange()");
        }

        if (n.Sign <= 0)
        {
            throw new PyValueException($"empty range in randrange({Str(start)}, {Str(stop)}, {Str(step)})");
        }

        return PyInt.Normalize(istart + (istep * RandBelow(n)));
    }

    /// <summary><c>randint(a, b)</c> on Python ints of any size: <c>randrange(a, b + 1)</c>.</summary>
    /// <param name="a">Lower bound, inclusive.</param>
    /// <param name="b">Upper bound, inclusive.</param>
    /// <returns>The int, normalised.</returns>
    /// <exception cref="PyTypeException">A non-integer bound.</exception>
    /// <exception cref="PyValueException"><paramref name="b"/> &lt; <paramref name="a"/>.</exception>
    public object RandInt(object? a, object? b)
    {
        object stop = b switch
        {
            double d => d + 1.0,
            float f => f + 1.0,
            _ when PyInt.TryGetBigInteger(b, out BigInteger bi) => PyInt.Normalize(bi + 1),
            _ => throw new PyTypeException($"unsupported operand type(s) for +: '{PyTypeName.Of(b)}' and 'int'"),
        };
        return RandRange(a, stop);
    }

    private Int128 RandRangeCore(Int128 start, Int128 stop, Int128 step)
    {
        if (IsPython27)
        {
            return RandRangeCore27(start, stop, step); // int(random() * n) for n below 2**53
        }

        Int128 width = stop - start;
        if (step == 1)
        {
            if (width > 0)
            {
                return start + (Int128)RandBelow((UInt128)width);
            }

            throw new PyValueException($"empty range in randrange({start}, {stop})");
        }

        Int128 n;
        if (step > 0)
        {
            n = FloorDiv(width + step - 1, step);
        }
        else if (step < 0)
        {
            n = FloorDiv(width + step + 1, step);
        }
        else
        {
            throw new PyValueException("zero step for randrange()");
        }

        if (n <= 0)
        {
            throw new PyValueException($"empty range in randrange({start}, {stop}, {step})");
        }

        return start + (step * (Int128)RandBelow((UInt128)n));
    }

    private static Int128 FloorDiv(Int128 a, Int128 b)
    {
        Int128 q = a / b;
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q;
    }

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        return !r.IsZero && (r.Sign < 0) != (b.Sign < 0) ? q - 1 : q;
    }

    /// <summary>Python's <c>operator.index(v)</c>.</summary>
    private static BigInteger Index(object? value) =>
        PyInt.TryGetBigInteger(value, out BigInteger result)
            ? result
            : throw new PyTypeException($"'{PyTypeName.Of(value)}' object cannot be interpreted as an integer");
}

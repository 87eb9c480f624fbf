using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using PyStd.Objects;

namespace PyStd.Random;

// Python 2.7 mode: the algorithms of CPython 2.7's Lib/random.py and Modules/_randommodule.c where
// they differ from 3.13, on the same Mersenne Twister. docs/random.md tables every difference.
public partial class PyRandom
{
    // random.py 2.7: BPF = 53; randrange and _randbelow switch from int(random() * n) to
    // getrandbits at maxwidth = 1L << BPF.
    private const long MaxWidth27 = 1L << 53;
    private static readonly BigInteger s_maxWidth27 = MaxWidth27;

    // Python 2.7's float hash (Objects/object.c _Py_HashDouble): integral values up to LONG_MAX/2
    // hash as themselves; C converts LONG_MAX/2 to the double 2**62 for the comparison.
    private const double HalfLongMax27 = 4611686018427387904.0;

    /// <summary>
    /// Creates a generator from a seed, following the given Python's algorithms.
    /// </summary>
    /// <param name="seed">The seed, as for <see cref="PyRandom(object)"/> (<see cref="RandomMode.Python3"/>) or
    /// <see cref="Python27(object)"/> (<see cref="RandomMode.Python27"/>).</param>
    /// <param name="mode">Which Python to reproduce.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    /// <exception cref="PyTypeException">A seed type the mode cannot seed from.</exception>
    public PyRandom(object? seed, RandomMode mode)
    {
        if (mode is not RandomMode.Python3 and not RandomMode.Python27)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "RandomMode must be Python3 or Python27.");
        }

        _mode = mode;
        Seed(seed);
    }

    /// <summary>Which Python's algorithms this generator follows.</summary>
    public RandomMode Mode => _mode;

    /// <summary>True when this generator follows Python 2.7's algorithms.</summary>
    private bool IsPython27 => _mode == RandomMode.Python27;

    /// <summary>
    /// Creates a generator that reproduces Python 2.7's <c>random.Random(seed)</c>, so legacy
    /// 2.7 programs give the same numbers here.
    /// </summary>
    /// <param name="seed">
    /// <para>None: OS entropy. An int of any size (<see cref="long"/>, <see cref="BigInteger"/>, bool or
    /// any .NET integer): its absolute value, exactly as in Python 3.</para>
    /// <para>Anything else is seeded, as 2.7 did, from <c>hash(seed)</c> taken as an unsigned 64-bit
    /// number (64-bit CPython 2.7 without <c>-R</c> hash randomisation): a <see cref="string"/> is a
    /// 2.7 <c>unicode</c> (hashed by code point, as a Linux UCS-4 build does); a <c>byte[]</c> is a
    /// 2.7 <c>str</c> (for non-ASCII text pass the bytes the 2.7 program's source encoding gave, e.g.
    /// UTF-8); a float uses 2.7's float hash (which differs from Python 3's); a <see cref="PyTuple"/>
    /// of these uses 2.7's tuple hash.</para>
    /// </param>
    /// <returns>A generator in <see cref="RandomMode.Python27"/> mode.</returns>
    /// <remarks>
    /// <para>In this mode <see cref="RandRange(long)"/>, <see cref="RandInt(long, long)"/>,
    /// <see cref="Choice{T}(IReadOnlyList{T})"/>, <see cref="Shuffle{T}(IList{T})"/> and
    /// <see cref="Sample{T}(IReadOnlyList{T}, int)"/> use 2.7's <c>int(random() * n)</c> forms (and
    /// <c>getrandbits</c> with 2.7's bit count for ranges of 2**53 or more), <see cref="Triangular"/>,
    /// <see cref="ParetoVariate"/> and <see cref="GammaVariate"/> with alpha 1.0 use 2.7's formulas,
    /// <c>getrandbits(0)</c> raises, and <see cref="JumpAhead(BigInteger)"/> is available. Everything
    /// else — <see cref="Random()"/>, <see cref="Gauss"/>, <see cref="NormalVariate"/> and the other
    /// distributions, <see cref="GetState"/>/<see cref="SetState"/> (2.7 also writes version 3) — is
    /// the same in both Pythons. Methods 2.7 did not have (<c>choices</c>, <c>randbytes</c>,
    /// <c>binomialvariate</c>, <c>sample</c>'s <c>counts</c>) keep their Python 3 algorithms.</para>
    /// <code>
    /// var rng = PyRandom.Python27(42);
    /// rng.RandInt(1, 10);        // 7, as Python 2.7's random.seed(42); random.randint(1, 10)
    /// PyRandom.Python27("nofar").Random();   // seeded from 2.7's hash('nofar')
    /// </code>
    /// </remarks>
    /// <exception cref="PyTypeException">A seed whose 2.7 hash is unknown or not reproducible (lists,
    /// dicts, bytearray, None inside a tuple …).</exception>
    public static PyRandom Python27(object? seed) => new(seed, RandomMode.Python27);

    /// <summary>Creates a Python 2.7 mode generator seeded from the operating system's entropy.</summary>
    /// <returns>A generator in <see cref="RandomMode.Python27"/> mode.</returns>
    public static PyRandom Python27() => new(null, RandomMode.Python27);

    /// <summary>
    /// Python 2.7's <c>jumpahead(n)</c>: moves to a distant state that depends on <paramref name="n"/>
    /// and the current state (random.py hashes <c>repr(n) + repr(getstate())</c> with SHA-512, and
    /// the C code shuffles the state words by that number).
    /// </summary>
    /// <param name="n">Any int. One that fits a C long is an <c>int</c> in 2.7's repr; a larger one a <c>long</c> (<c>…L</c>).</param>
    /// <exception cref="InvalidOperationException">The generator is not in <see cref="RandomMode.Python27"/> mode (Python 3 removed <c>jumpahead</c>).</exception>
    public void JumpAhead(BigInteger n)
    {
        if (!IsPython27)
        {
            throw new InvalidOperationException("JumpAhead is Python 2.7's jumpahead(); Python 3 removed it. Create the generator with PyRandom.Python27.");
        }

        // random.py 2.7: s = repr(n) + repr(self.getstate()); n = int(sha512(s).hexdigest(), 16).
        var text = new StringBuilder(8192);
        text.Append(n.ToString(CultureInfo.InvariantCulture));
        if (n < long.MinValue || n > long.MaxValue)
        {
            text.Append('L');
        }

        // getstate() of a 64-bit 2.7 holds C longs made by PyLong_From*: each prints with 'L'.
        text.Append("(3, (");
        ReadOnlySpan<uint> state = _mt.State;
        for (int i = 0; i < MersenneTwister.N; i++)
        {
            text.Append(state[i].ToString(CultureInfo.InvariantCulture)).Append("L, ");
        }

        text.Append(_mt.Index.ToString(CultureInfo.InvariantCulture)).Append("L), ");
        text.Append(_hasGaussNext ? PyRepr.Repr(_gaussNext) : "None").Append(')');
        byte[] digest = SHA512.HashData(Encoding.ASCII.GetBytes(text.ToString()));
        var key = new BigInteger(digest, isUnsigned: true, isBigEndian: true);

        // _randommodule.c random_jumpahead (after issue #14591): swap mt[i] with mt[n % i] from the
        // top down, add i + 1 to each word mod 2**32, and regenerate before the next draw.
        Span<uint> mt = stackalloc uint[MersenneTwister.N];
        state.CopyTo(mt);
        for (int i = MersenneTwister.N - 1; i > 1; i--)
        {
            int j = (int)(key % i);
            (mt[i], mt[j]) = (mt[j], mt[i]);
        }

        bool nonzero = false;
        for (int i = 1; i < MersenneTwister.N; i++)
        {
            mt[i] = unchecked(mt[i] + (uint)(i + 1));
            nonzero |= mt[i] != 0;
        }

        mt[0] = nonzero ? unchecked(mt[0] + 1) : 0x80000000U;
        _mt.SetState(mt, MersenneTwister.N);
    }

    /// <summary>Python 2.7's <c>jumpahead(n)</c> for an int that fits a C long.</summary>
    /// <param name="n">Any <see cref="long"/>.</param>
    /// <exception cref="InvalidOperationException">The generator is not in Python 2.7 mode.</exception>
    public void JumpAhead(long n) => JumpAhead(new BigInteger(n));

    // ---------------------------------------------------------------- seeding

    /// <summary>
    /// 2.7's <c>seed(a)</c>: <c>random.py</c> passes <c>a</c> to <c>_random.seed</c>, which uses
    /// <c>abs(a)</c> for an int or long and <c>(unsigned long)hash(a)</c> for anything else.
    /// </summary>
    private void Seed27(object? a)
    {
        switch (a)
        {
            case null:
                Seed();
                return;
            case long l:
                Seed(l);
                return;
            case BigInteger big:
                SeedFromBigInteger(big);
                break;
            default:
                if (PyInt.TryGetBigInteger(a, out BigInteger value))
                {
                    SeedFromBigInteger(value);
                }
                else
                {
                    SeedFromMagnitude(unchecked((ulong)Hash27(a)));
                }

                break;
        }

        _hasGaussNext = false;
    }

    /// <summary>
    /// Python 2.7's <c>hash()</c> on a 64-bit build without hash randomisation, for the values a
    /// 2.7 seed can be reproduced from.
    /// </summary>
    internal static long Hash27(object? value)
    {
        switch (value)
        {
            case string or byte[]:
                // Objects/stringobject.c string_hash, unicodeobject.c unicode_hash: the same loop.
                long x = unchecked((long)Python2StringHash(value));
                return x == -1 ? -2 : x;
            case double d:
                return Hash27Double(d);
            case float f:
                return Hash27Double(f);
            case long l:
                return l == -1 ? -2 : l;
            case PyTuple t:
                return Hash27Tuple(t);
            case null:
                throw new PyTypeException("hash(None) in Python 2.7 is its memory address; a seed containing None is not reproducible");
            case PyByteArray or List<object?> or PyDict or PySet:
                throw new PyTypeException($"unhashable type: '{PyTypeName.Of(value)}'");
            default:
                if (PyInt.TryGetBigInteger(value, out BigInteger i))
                {
                    return i >= long.MinValue && i <= long.MaxValue ? Hash27((long)i) : Hash27Long(i);
                }

                throw new PyTypeException(
                    $"Python 2.7 mode seeds from None, int, float, str (bytes), unicode (string) and tuples of them, not '{PyTypeName.Of(value)}'");
        }
    }

    /// <summary>Objects/object.c <c>_Py_HashDouble</c> of Python 2.7.</summary>
    private static long Hash27Double(double v)
    {
        if (!double.IsFinite(v))
        {
            return double.IsInfinity(v) ? (v < 0 ? -271828 : 314159) : 0;
        }

        double intpart = Math.Truncate(v);
        if (v - intpart == 0.0)
        {
            // This must return the same hash as an equal int or long.
            if (intpart > HalfLongMax27 || -intpart > HalfLongMax27)
            {
                return Hash27Long(new BigInteger(intpart));
            }

            long x = (long)intpart;
            return x == -1 ? -2 : x;
        }

        // frexp, then the top 32 and the next 32 bits of the mantissa plus the exponent.
        int expo = Math.ILogB(v) + 1;
        double m = Math.ScaleB(v, -expo) * 2147483648.0; // 2**31
        long hipart = (long)m;
        m = (m - hipart) * 2147483648.0;
        long hash = hipart + (long)m + (expo << 15);
        return hash == -1 ? -2 : hash;
    }

    /// <summary>
    /// Objects/longobject.c <c>long_hash</c> of Python 2.7 with 30-bit digits (64-bit builds): a
    /// value congruent to the absolute value modulo 2**64 - 1, then the sign.
    /// </summary>
    private static long Hash27Long(BigInteger v)
    {
        const int Shift = 30;
        BigInteger abs = BigInteger.Abs(v);
        int digits = (int)((abs.GetBitLength() + Shift - 1) / Shift);
        ulong x = 0;
        for (int i = digits - 1; i >= 0; i--)
        {
            ulong digit = (ulong)((abs >> (i * Shift)) & ((1 << Shift) - 1));
            x = (x >> (64 - Shift)) | (x << Shift); // a 64-bit circular shift
            x = unchecked(x + digit);
            if (x < digit)
            {
                x++; // the addition overflowed: keep the value modulo 2**64 - 1
            }
        }

        if (v.Sign < 0)
        {
            x = unchecked(0UL - x);
        }

        if (x == ulong.MaxValue)
        {
            x = ulong.MaxValue - 1;
        }

        return unchecked((long)x);
    }

    /// <summary>Objects/tupleobject.c <c>tuplehash</c> of Python 2.7.</summary>
    private static long Hash27Tuple(PyTuple tuple)
    {
        long x = 0x345678L;
        long mult = 1000003L;
        int len = tuple.Count;
        foreach (object? item in tuple)
        {
            len--;
            long y = Hash27(item);
            x = unchecked((x ^ y) * mult);
            mult = unchecked(mult + 82520L + len + len);
        }

        x = unchecked(x + 97531L);
        return x == -1 ? -2 : x;
    }

    // ---------------------------------------------------------------- integers

    /// <summary>random.py 2.7 <c>_randbelow</c> (for n ≥ 2**53 only): getrandbits of a bit count from a float log.</summary>
    private BigInteger RandBelow27(BigInteger n)
    {
        // k = int(1.00001 + _log(n-1, 2.0)); math.log divides loghelper(n - 1) by log(2.0).
        int k = (int)(1.00001 + (LogOfInt(n - 1) / Math.Log(2.0)));
        BigInteger r = GetRandBitsBig(k);
        while (r >= n)
        {
            r = GetRandBitsBig(k);
        }

        return r;
    }

    /// <summary>
    /// Modules/mathmodule.c <c>loghelper</c> for a positive int: log of the int converted to a
    /// float, or for an int beyond the float range log(x) + log(2.0) * e from its correctly rounded frexp.
    /// </summary>
    private static double LogOfInt(BigInteger value)
    {
        if (value.GetBitLength() < 1024)
        {
            return Math.Log(PyFloatMath.ToDouble(value));
        }

        // _PyLong_Frexp: 53 bits rounded half to even, x in [0.5, 1).
        long bits = (long)value.GetBitLength();
        int shift = (int)(bits - 53);
        BigInteger top = value >> shift;
        BigInteger rest = value - (top << shift);
        BigInteger half = BigInteger.One << (shift - 1);
        if (rest > half || (rest == half && !top.IsEven))
        {
            top += 1;
        }

        if (top.GetBitLength() > 53)
        {
            top >>= 1;
            bits++;
        }

        double x = (double)(ulong)top / 9007199254740992.0;
        return Math.Log(x) + (Math.Log(2.0) * bits);
    }

    /// <summary><c>int(random() * n)</c> for 0 ≤ n &lt; 2**53: the float product truncated.</summary>
    private long RandomTimes(long n) => (long)(Random() * n);

    /// <summary>random.py 2.7 <c>randrange(start, stop=None, step=1)</c> on Python values.</summary>
    private object RandRange27(object? start, object? stop, object? step)
    {
        // istart = int(start); if istart != start: ValueError — integral floats are accepted.
        BigInteger istart = Int27(start, "non-integer arg 1 for randrange()");
        if (stop is null)
        {
            // A step without a stop is ignored in 2.7.
            if (istart.Sign > 0)
            {
                return istart >= s_maxWidth27 ? PyInt.Normalize(RandBelow27(istart)) : RandomTimes((long)istart);
            }

            throw new PyValueException("empty range for randrange()");
        }

        BigInteger istop = Int27(stop, "non-integer stop for randrange()");
        BigInteger width = istop - istart;
        bool unitStep = step is null || PyEquality.AreEqual(step, 1L); // 'step == 1' compares by value
        if (unitStep && width.Sign > 0)
        {
            return PyInt.Normalize(istart + (width >= s_maxWidth27 ? RandBelow27(width) : RandomTimes((long)width)));
        }

        if (unitStep)
        {
            throw new PyValueException($"empty range for randrange() ({istart},{istop}, {width})");
        }

        BigInteger istep = Int27(step, "non-integer step for randrange()");
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
            throw new PyValueException("empty range for randrange()");
        }

        return PyInt.Normalize(istart + (istep * (n >= s_maxWidth27 ? RandBelow27(n) : RandomTimes((long)n))));
    }

    /// <summary>random.py 2.7 <c>randrange</c> on .NET integers.</summary>
    private Int128 RandRangeCore27(Int128 start, Int128 stop, Int128 step)
    {
        Int128 width = stop - start;
        if (step == 1)
        {
            if (width > 0)
            {
                return start + (width >= MaxWidth27 ? (Int128)RandBelow27((BigInteger)width) : RandomTimes((long)width));
            }

            throw new PyValueException($"empty range for randrange() ({start},{stop}, {width})");
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
            throw new PyValueException("empty range for randrange()");
        }

        return start + (step * (n >= MaxWidth27 ? (Int128)RandBelow27((BigInteger)n) : RandomTimes((long)n)));
    }

    /// <summary>randrange(stop) of 2.7 on a .NET integer.</summary>
    private long RandRange27(long stop)
    {
        if (stop > 0)
        {
            return stop >= MaxWidth27 ? (long)RandBelow27(stop) : RandomTimes(stop);
        }

        throw new PyValueException("empty range for randrange()");
    }

    /// <summary>Python 2.7's <c>int(x)</c> as randrange applies it, then its <c>istart != start</c> check.</summary>
    private static BigInteger Int27(object? value, string nonInteger)
    {
        if (PyInt.TryGetBigInteger(value, out BigInteger result))
        {
            return result;
        }

        switch (value)
        {
            case double or float:
                double d = value is float f ? f : (double)value;
                if (double.IsNaN(d))
                {
                    throw new PyValueException("cannot convert float NaN to integer");
                }

                if (double.IsInfinity(d))
                {
                    throw new OverflowException("cannot convert float infinity to integer");
                }

                double t = Math.Truncate(d);
                return t == d ? new BigInteger(t) : throw new PyValueException(nonInteger);
            case string s:
                // int('12') == 12, but '12' != 12.
                throw BigInteger.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                    ? new PyValueException(nonInteger)
                    : new PyValueException($"invalid literal for int() with base 10: {PyRepr.Repr(s)}");
            default:
                throw new PyTypeException($"int() argument must be a string or a number, not '{TypeName27(value)}'");
        }
    }

    // ---------------------------------------------------------------- sequences

    /// <summary>random.py 2.7 <c>choice</c>: <c>seq[int(random() * len(seq))]</c> — an empty sequence still draws.</summary>
    private T Choice27<T>(IReadOnlyList<T> seq, string typeName)
    {
        int n = seq.Count;
        int j = (int)(Random() * n);
        if (j >= n)
        {
            throw new PyIndexException($"{typeName} index out of range");
        }

        return seq[j];
    }

    /// <summary>random.py 2.7 <c>shuffle</c>: <c>j = int(random() * (i+1))</c> from the end.</summary>
    private void Shuffle27<T>(Span<T> x)
    {
        for (int i = x.Length - 1; i > 0; i--)
        {
            int j = (int)(Random() * (i + 1));
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    private void Shuffle27<T>(IList<T> x)
    {
        for (int i = x.Count - 1; i > 0; i--)
        {
            int j = (int)(Random() * (i + 1));
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary>
    /// random.py 2.7 <c>sample</c>'s index selection: the same setsize rule as 3.x (a float
    /// <c>4 ** ceil(log(3k, 4))</c> in 2.7), with <c>int(random() * m)</c> draws.
    /// </summary>
    private long[] SelectSample27(long n, int k)
    {
        if (k < 0 || k > n)
        {
            throw new PyValueException("sample larger than population");
        }

        var result = new long[k];
        long setsize = 21; // size of a small set minus size of an empty list
        if (k > 5)
        {
            int exponent = (int)Math.Ceiling(Math.Log(3.0 * k) / Math.Log(4.0));
            setsize += 1L << (2 * exponent); // table size for big sets
        }

        if (n <= setsize)
        {
            // An n-length list is smaller than a k-length set. Invariant: non-selected at [0, n-i).
            var pool = new long[n];
            for (long i = 0; i < n; i++)
            {
                pool[i] = i;
            }

            for (int i = 0; i < k; i++)
            {
                long j = Truncate27(Random() * (n - i), n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1]; // move non-selected item into vacancy
            }
        }
        else
        {
            var selected = new HashSet<long>(k);
            for (int i = 0; i < k; i++)
            {
                long j = Truncate27(Random() * n, n);
                while (!selected.Add(j))
                {
                    j = Truncate27(Random() * n, n);
                }

                result[i] = j;
            }
        }

        return result;
    }

    /// <summary><c>int(x)</c> of a product <c>random() * n</c> used as an index below n; a product that rounds up to n fails as Python's indexing does.</summary>
    private static long Truncate27(double x, long n)
    {
        Int128 j = (Int128)x;
        return j < n ? (long)j : throw new PyIndexException("list index out of range");
    }

    /// <summary>Python 2.7's type names in messages: a .NET string is a <c>unicode</c>, a <c>byte[]</c> a <c>str</c>.</summary>
    private static string TypeName27(object? value) => value switch
    {
        string => "unicode",
        byte[] => "str",
        _ => PyTypeName.Of(value),
    };

    /// <summary>The name 2.7's IndexError uses for a sequence.</summary>
    private static string IndexName27(object? value) => value switch
    {
        string or byte[] => "string",
        PyTuple => "tuple",
        PyByteArray => "bytearray",
        _ => "list",
    };

    /// <summary>A Python value as a 2.7 sequence: a <c>byte[]</c> (a 2.7 <c>str</c>) yields one-byte strs (<c>byte[1]</c>).</summary>
    private static IReadOnlyList<object?> AsSequence27(object? value, bool subscriptable) =>
        value is byte[] bytes ? new Str27View(bytes) : AsSequence(value, subscriptable);

    /// <summary>A Python 2.7 <c>str</c>: indexing gives one-character strs.</summary>
    private sealed class Str27View(byte[] bytes) : IReadOnlyList<object?>
    {
        public int Count => bytes.Length;

        public object? this[int index] => new[] { bytes[index] };

        public IEnumerator<object?> GetEnumerator()
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // ---------------------------------------------------------------- distributions

    /// <summary>random.py 2.7 <c>triangular</c>: <c>(u * c) ** 0.5</c> where 3.x takes <c>sqrt(u * c)</c>.</summary>
    private double Triangular27(double low, double high, double? mode)
    {
        double u = Random();
        double c;
        if (mode is null)
        {
            c = 0.5;
        }
        else if (high - low == 0.0)
        {
            return low; // ZeroDivisionError caught in random.py
        }
        else
        {
            c = (mode.Value - low) / (high - low); // 'from __future__ import division'
        }

        if (u > c)
        {
            u = 1.0 - u;
            c = 1.0 - c;
            (low, high) = (high, low);
        }

        return low + ((high - low) * PyFloatMath.Pow(u * c, 0.5));
    }

    /// <summary>random.py 2.7 <c>gammavariate</c> with alpha == 1: <c>-log(u)</c> of a draw above 1e-7.</summary>
    private double GammaAlphaOne27(double beta)
    {
        double u = Random();
        while (u <= 1e-7)
        {
            u = Random();
        }

        return -Math.Log(u) * beta;
    }

    /// <summary>random.py 2.7 <c>paretovariate</c>: <c>1.0 / pow(u, 1.0/alpha)</c>.</summary>
    private double ParetoVariate27(double alpha)
    {
        double u = 1.0 - Random();
        return PyFloatMath.Div(1.0, PyFloatMath.Pow(u, PyFloatMath.Div(1.0, alpha)));
    }
}

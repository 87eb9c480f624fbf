using System.Numerics;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>hash()</c> for the values whose hash CPython computes deterministically: ints,
/// bools, floats, complex numbers and tuples of those (CPython's <c>Python/pyhash.c</c>,
/// <c>Objects/longobject.c</c>, <c>Objects/tupleobject.c</c>, 64-bit). Strings and bytes are
/// randomised per process in CPython; here they get a stable hash of their own.
/// Equal values (<c>1 == 1.0 == True</c>) always hash alike, which <see cref="PyEquality"/> and
/// the set/dict types rely on, and <see cref="PySet"/> uses the same numbers to lay out its table
/// exactly as CPython does.
/// </summary>
public static class PyHash
{
    private const int HashBits = 61;
    private const ulong Modulus = (1UL << HashBits) - 1;
    private const long InfHash = 314159;
    private const ulong XxPrime1 = 11400714785074694791UL;
    private const ulong XxPrime2 = 14029467366897019727UL;
    private const ulong XxPrime5 = 2870177450012600261UL;

    /// <summary>Computes the hash of a hashable value.</summary>
    /// <param name="value">A model value.</param>
    /// <returns>The 64-bit hash, never -1 (as in CPython).</returns>
    /// <exception cref="PyTypeException">The value is unhashable (list, dict, set, bytearray).</exception>
    public static long Hash(object? value) => value switch
    {
        null => 0x5F3759DF,
        bool b => b ? 1 : 0,
        long l => HashInt(l),
        BigInteger bi => HashInt(bi),
        double d => HashDouble(d),
        float f => HashDouble(f),
        int i => HashInt(i),
        Complex c => HashComplex(c),
        string s => HashString(s),
        byte[] bytes => HashBytes(bytes),
        PyTuple t => HashTuple(t),
        PyFrozenSet fs => fs.GetHashCode(),
        PyObject o => o.GetHashCode(),
        PyGlobal g => HashString(g.Module + "." + g.Name),
        List<object?> => throw Unhashable(value),
        PyDict => throw Unhashable(value),
        PySet => throw Unhashable(value),
        PyByteArray => throw Unhashable(value),
        PyDeque => throw Unhashable(value),
        _ => PyIntegral(value),
    };

    private static long PyIntegral(object value) =>
        PyInt.TryGetBigInteger(value, out var big) ? HashInt(big) : value.GetHashCode();

    private static PyTypeException Unhashable(object value) =>
        new($"unhashable type: '{PyTypeName.Of(value)}'");

    /// <summary>Python's hash of an int: the value modulo 2**61 - 1, keeping the sign.</summary>
    /// <param name="value">The int.</param>
    /// <returns>The hash.</returns>
    public static long HashInt(long value)
    {
        if (value == long.MinValue)
        {
            return HashInt((BigInteger)value);
        }

        ulong abs = (ulong)Math.Abs(value);
        long h = (long)(abs % Modulus);
        h = value < 0 ? -h : h;
        return h == -1 ? -2 : h;
    }

    /// <summary>Python's hash of an arbitrary-size int.</summary>
    /// <param name="value">The int.</param>
    /// <returns>The hash.</returns>
    public static long HashInt(BigInteger value)
    {
        long h = (long)(ulong)(BigInteger.Abs(value) % Modulus);
        h = value.Sign < 0 ? -h : h;
        return h == -1 ? -2 : h;
    }

    /// <summary>Python's hash of a float: equal to the hash of the equal rational number.</summary>
    /// <param name="value">The float.</param>
    /// <returns>The hash (NaN hashes to 0 here; CPython uses the object's identity).</returns>
    public static long HashDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? 0 : value > 0 ? InfHash : -InfHash;
        }

        // frexp: value = m * 2**e with 0.5 <= |m| < 1.
        (double m, int e) = Frexp(value);
        int sign = 1;
        if (m < 0)
        {
            sign = -1;
            m = -m;
        }

        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & Modulus) | (x >> (HashBits - 28));
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= Modulus)
            {
                x -= Modulus;
            }
        }

        e = e >= 0 ? e % HashBits : HashBits - 1 - ((-1 - e) % HashBits);
        x = ((x << e) & Modulus) | (x >> (HashBits - e));
        long h = (long)x * sign;
        return h == -1 ? -2 : h;
    }

    /// <summary>Python's hash of a complex number.</summary>
    /// <param name="value">The complex.</param>
    /// <returns>The hash.</returns>
    public static long HashComplex(Complex value)
    {
        ulong real = (ulong)HashDouble(value.Real);
        ulong imag = (ulong)HashDouble(value.Imaginary);
        long h = (long)unchecked(real + (1000003UL * imag));
        return h == -1 ? -2 : h;
    }

    /// <summary>Python's (xxHash-based, 3.8+) hash of a tuple, from its items' hashes.</summary>
    /// <param name="tuple">The tuple.</param>
    /// <returns>The hash.</returns>
    public static long HashTuple(PyTuple tuple)
    {
        ulong acc = XxPrime5;
        foreach (object? item in tuple)
        {
            ulong lane = (ulong)Hash(item);
            acc = unchecked(acc + (lane * XxPrime2));
            acc = BitOperations.RotateLeft(acc, 31);
            acc = unchecked(acc * XxPrime1);
        }

        acc = unchecked(acc + ((ulong)tuple.Count ^ (XxPrime5 ^ 3527539UL)));
        return acc == ulong.MaxValue ? 1546275796 : (long)acc;
    }

    private static long HashString(string s)
    {
        // Stable FNV-1a over UTF-16 code units; CPython's is randomised per process anyway.
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h = unchecked((h ^ c) * 1099511628211UL);
        }

        long r = (long)(h >> 1);
        return r == -1 ? -2 : r;
    }

    private static long HashBytes(byte[] bytes)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            h = unchecked((h ^ b) * 1099511628211UL);
        }

        // Distinct from the str hash is not required: b"a" != "a" anyway.
        return (long)(h >> 1);
    }

    private static (double Mantissa, int Exponent) Frexp(double value)
    {
        if (value == 0)
        {
            return (value, 0);
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0)
        {
            // Subnormal: scale into the normal range first.
            (double m, int e) = Frexp(value * 18014398509481984.0); // 2**54
            return (m, e - 54);
        }

        int e2 = exp - 1022;
        long mbits = (bits & ~(0x7FFL << 52)) | (1022L << 52);
        return (BitConverter.Int64BitsToDouble(mbits), e2);
    }

    internal static int Fold(long hash) => (int)hash ^ (int)(hash >> 32);
}

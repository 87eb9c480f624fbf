using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.InteropServices;
using PyStd.Objects;

namespace PyStd.Array;

// Converting between Python values and item bits: CPython's *_getitem / *_setitem functions in
// Modules/arraymodule.c, which parse values with PyArg_Parse formats ("h", "b", "i", "l", "L"),
// PyLong_AsUnsignedLong(LongLong) and PyFloat_AsDouble. The range checks run in CPython's order,
// so the first failing check gives CPython's message (array('b', [40000]) fails the "h" parse
// before the signed char check).
public sealed partial class PyArray
{
    private object? Unpack(ReadOnlySpan<byte> item) => _descr.Typecode switch
    {
        'b' => (long)(sbyte)item[0],
        'B' => (long)item[0],
        'h' => (long)MemoryMarshal.Read<short>(item),
        'H' => (long)MemoryMarshal.Read<ushort>(item),
        'i' => (long)MemoryMarshal.Read<int>(item),
        'I' => (long)MemoryMarshal.Read<uint>(item),
        'l' or 'q' => MemoryMarshal.Read<long>(item),
        'L' or 'Q' => UnsignedToInt(MemoryMarshal.Read<ulong>(item)),
        'f' => (double)MemoryMarshal.Read<float>(item),
        'd' => MemoryMarshal.Read<double>(item),
        _ => CodePointToString(MemoryMarshal.Read<int>(item)),
    };

    /// <summary>An item of an integer typecode, widened so that every item type fits.</summary>
    private Int128 ReadInteger(int index)
    {
        ReadOnlySpan<byte> item = ItemBytes(index);
        return _descr.Typecode switch
        {
            'b' => (sbyte)item[0],
            'B' => item[0],
            'h' => MemoryMarshal.Read<short>(item),
            'H' => MemoryMarshal.Read<ushort>(item),
            'i' => MemoryMarshal.Read<int>(item),
            'I' => MemoryMarshal.Read<uint>(item),
            'l' or 'q' => MemoryMarshal.Read<long>(item),
            _ => MemoryMarshal.Read<ulong>(item),
        };
    }

    /// <summary>An item of a float typecode as a double.</summary>
    private double ReadFloat(int index)
    {
        ReadOnlySpan<byte> item = ItemBytes(index);
        return _descr.Typecode == 'f' ? MemoryMarshal.Read<float>(item) : MemoryMarshal.Read<double>(item);
    }

    /// <summary>Checks <paramref name="value"/> for this typecode and writes its bits to <paramref name="item"/>; writes nothing when it throws.</summary>
    private void Pack(object? value, Span<byte> item)
    {
        switch (_descr.Typecode)
        {
            case 'b':
            {
                long v = ToCLong(value);
                CheckRange(v, short.MinValue, short.MaxValue, "signed short integer");
                CheckRange(v, sbyte.MinValue, sbyte.MaxValue, "signed char");
                item[0] = (byte)(sbyte)v;
                break;
            }

            case 'B':
            {
                long v = ToCLong(value);
                CheckRange(v, byte.MinValue, byte.MaxValue, "unsigned byte integer");
                item[0] = (byte)v;
                break;
            }

            case 'h':
            {
                long v = ToCLong(value);
                CheckRange(v, short.MinValue, short.MaxValue, "signed short integer");
                MemoryMarshal.Write(item, (short)v);
                break;
            }

            case 'H':
            {
                long v = ToCLong(value);
                CheckRange(v, int.MinValue, int.MaxValue, "signed integer");
                CheckRange(v, ushort.MinValue, ushort.MaxValue, "unsigned short");
                MemoryMarshal.Write(item, (ushort)v);
                break;
            }

            case 'i':
            {
                long v = ToCLong(value);
                CheckRange(v, int.MinValue, int.MaxValue, "signed integer");
                MemoryMarshal.Write(item, (int)v);
                break;
            }

            case 'I':
            {
                ulong v = ToCUnsignedLong(value);
                if (v > uint.MaxValue)
                {
                    throw new OverflowException("unsigned int is greater than maximum");
                }

                MemoryMarshal.Write(item, (uint)v);
                break;
            }

            case 'l':
                MemoryMarshal.Write(item, ToCLong(value));
                break;
            case 'L':
                MemoryMarshal.Write(item, ToCUnsignedLong(value));
                break;
            case 'q':
                MemoryMarshal.Write(item, ToCLongLong(value));
                break;
            case 'Q':
                MemoryMarshal.Write(item, ToCUnsignedLongLong(value));
                break;
            case 'f':
                MemoryMarshal.Write(item, (float)ToDouble(value));
                break;
            case 'd':
                MemoryMarshal.Write(item, ToDouble(value));
                break;
            default:
                MemoryMarshal.Write(item, ToCodePoint(value));
                break;
        }
    }

    private static object UnsignedToInt(ulong value) =>
        value <= long.MaxValue ? (long)value : (object)new BigInteger(value);

    /// <summary>CPython's u_getitem: <c>PyUnicode_FromOrdinal</c> of the wchar_t.</summary>
    internal static string CodePointToString(int codePoint)
    {
        if ((uint)codePoint > 0x10FFFF)
        {
            throw new PyValueException("chr() arg not in range(0x110000)");
        }

        return codePoint < 0x10000 ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);
    }

    private static int ToCodePoint(object? value)
    {
        if (value is string s)
        {
            if (s.Length == 1)
            {
                return s[0];
            }

            if (s.Length == 2 && char.IsSurrogatePair(s[0], s[1]))
            {
                return char.ConvertToUtf32(s[0], s[1]);
            }
        }

        throw new PyTypeException("array item must be unicode character");
    }

    private static void CheckRange(long value, long min, long max, string what)
    {
        if (value < min)
        {
            ThrowOverflow($"{what} is less than minimum");
        }

        if (value > max)
        {
            ThrowOverflow($"{what} is greater than maximum");
        }
    }

    /// <summary>PyArg_Parse "l": PyLong_AsLong.</summary>
    private static long ToCLong(object? value)
    {
        if (value is long l)
        {
            return l;
        }

        BigInteger big = ToBigInteger(value);
        if (big < long.MinValue || big > long.MaxValue)
        {
            ThrowOverflow("Python int too large to convert to C long");
        }

        return (long)big;
    }

    /// <summary>PyLong_AsUnsignedLong, as II_setitem and LL_setitem call it.</summary>
    private static ulong ToCUnsignedLong(object? value)
    {
        if (value is long l && l >= 0)
        {
            return (ulong)l;
        }

        BigInteger big = ToBigInteger(value);
        if (big.Sign < 0)
        {
            ThrowOverflow("can't convert negative value to unsigned int");
        }

        if (big > ulong.MaxValue)
        {
            ThrowOverflow("Python int too large to convert to C unsigned long");
        }

        return (ulong)big;
    }

    /// <summary>PyLong_AsLongLong.</summary>
    private static long ToCLongLong(object? value)
    {
        if (value is long l)
        {
            return l;
        }

        BigInteger big = ToBigInteger(value);
        if (big < long.MinValue || big > long.MaxValue)
        {
            ThrowOverflow("int too big to convert");
        }

        return (long)big;
    }

    /// <summary>PyLong_AsUnsignedLongLong.</summary>
    private static ulong ToCUnsignedLongLong(object? value)
    {
        if (value is long l && l >= 0)
        {
            return (ulong)l;
        }

        BigInteger big = ToBigInteger(value);
        if (big.Sign < 0)
        {
            ThrowOverflow("can't convert negative int to unsigned");
        }

        if (big > ulong.MaxValue)
        {
            ThrowOverflow("int too big to convert");
        }

        return (ulong)big;
    }

    private static BigInteger ToBigInteger(object? value)
    {
        if (!PyInt.TryGetBigInteger(value, out BigInteger big))
        {
            throw new PyTypeException($"'{PyTypeName.Of(value)}' object cannot be interpreted as an integer");
        }

        return big;
    }

    /// <summary>PyFloat_AsDouble: floats, and ints converted with correct rounding.</summary>
    private static double ToDouble(object? value)
    {
        switch (value)
        {
            case double d:
                return d;
            case float f:
                return f;
            case long l:
                return l;
            default:
                if (PyInt.TryGetBigInteger(value, out BigInteger big))
                {
                    return BigIntegerToDouble(big);
                }

                throw new PyTypeException($"must be real number, not {PyTypeName.Of(value)}");
        }
    }

    /// <summary>
    /// CPython's int → float (<c>PyLong_AsDouble</c>): rounded half to even, and
    /// <c>OverflowError: int too large to convert to float</c> when the result would be infinite.
    /// </summary>
    internal static double BigIntegerToDouble(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return (long)value;
        }

        BigInteger magnitude = BigInteger.Abs(value);
        int bits = (int)magnitude.GetBitLength(); // >= 64 here
        int shift = bits - 64;
        ulong top = (ulong)(magnitude >> shift);
        bool sticky = shift > 0 && (int)BigInteger.TrailingZeroCount(magnitude) < shift;
        ulong mantissa = top >> 11;
        ulong rest = top & 0x7FF;
        if (rest > 0x400 || (rest == 0x400 && (sticky || (mantissa & 1) != 0)))
        {
            mantissa++;
        }

        double result = Math.ScaleB(mantissa, shift + 11);
        if (double.IsInfinity(result))
        {
            ThrowOverflow("int too large to convert to float");
        }

        return value.Sign < 0 ? -result : result;
    }

    [DoesNotReturn]
    private static void ThrowOverflow(string message) => throw new OverflowException(message);
}

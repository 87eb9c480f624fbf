using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Struct;

/// <summary>
/// How <c>struct</c> reads Python values out of the value model: ints (CPython's
/// <c>get_pylong</c>), floats (<c>PyFloat_AsDouble</c>) and truth (<c>PyObject_IsTrue</c>),
/// and the boxes it hands back.
/// </summary>
internal static class StructValues
{
    private const int SmallMin = -128;
    private const int SmallMax = 1023;

    // Boxed small ints, as CPython keeps small int objects: unpacking bytes and shorts allocates nothing.
    private static readonly object[] s_smallInts = CreateSmallInts();

    /// <summary>The boxed <c>True</c>.</summary>
    public static readonly object True = true;

    /// <summary>The boxed <c>False</c>.</summary>
    public static readonly object False = false;

    private static object[] CreateSmallInts()
    {
        var boxes = new object[SmallMax - SmallMin + 1];
        for (int i = 0; i < boxes.Length; i++)
        {
            boxes[i] = (long)(i + SmallMin);
        }

        return boxes;
    }

    /// <summary>Boxes a long, sharing the box for small values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static object Box(long value) =>
        (ulong)(value - SmallMin) <= SmallMax - SmallMin ? s_smallInts[value - SmallMin] : value;

    /// <summary>Boxes an unsigned 64-bit value as a model int (<see cref="BigInteger"/> above <see cref="long.MaxValue"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static object BoxUnsigned(ulong value) =>
        value <= long.MaxValue ? Box((long)value) : new BigInteger(value);

    /// <summary>True for a Python int (CPython's <c>PyLong_Check</c>): bool and every .NET integer type.</summary>
    public static bool IsInteger(object? value) =>
        value is long or BigInteger or bool or int or short or sbyte or byte or ushort or uint or ulong
            or nint or nuint or Int128 or UInt128;

    /// <summary>Reads an int. <paramref name="huge"/> is set for a value outside <see cref="Int128"/>'s range.</summary>
    /// <returns>False when the value is not an int.</returns>
    public static bool TryGetInteger(object? value, out Int128 result, out bool huge)
    {
        huge = false;
        switch (value)
        {
            case long l: result = l; return true;
            case bool f: result = f ? 1 : 0; return true;
            case int i: result = i; return true;
            case BigInteger b:
                if (b >= (BigInteger)Int128.MinValue && b <= (BigInteger)Int128.MaxValue)
                {
                    result = (Int128)b;
                }
                else
                {
                    result = b.Sign < 0 ? Int128.MinValue : Int128.MaxValue;
                    huge = true;
                }

                return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte by: result = by; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul: result = ul; return true;
            case nint n: result = n; return true;
            case nuint nu: result = nu; return true;
            case Int128 i128: result = i128; return true;
            case UInt128 u128:
                if (u128 <= (UInt128)Int128.MaxValue)
                {
                    result = (Int128)u128;
                }
                else
                {
                    result = Int128.MaxValue;
                    huge = true;
                }

                return true;
            default: result = default; return false;
        }
    }

    /// <summary>
    /// CPython's <c>PyFloat_AsDouble</c>: floats as they are, ints correctly rounded (half to even);
    /// false for anything else and for ints too large for a double (<c>OverflowError</c> there).
    /// </summary>
    public static bool TryGetDouble(object? value, out double result)
    {
        switch (value)
        {
            case double d: result = d; return true;
            case long l: result = l; return true;
            case float f: result = f; return true;
            case Half h: result = (double)h; return true;
            case decimal m: result = (double)m; return true;
            case BigInteger b: return TryBigIntegerToDouble(b, out result);
            case ulong ul: return TryBigIntegerToDouble(ul, out result);
            case UInt128 u128: return TryBigIntegerToDouble(u128, out result);
            case Int128 i128: return TryBigIntegerToDouble(i128, out result);
            default:
                if (TryGetInteger(value, out Int128 small, out _))
                {
                    result = (long)small; // every remaining integer type fits in a long
                    return true;
                }

                result = 0;
                return false;
        }
    }

    /// <summary>An int as a double, rounded half to even like CPython's <c>PyLong_AsDouble</c>.</summary>
    private static bool TryBigIntegerToDouble(BigInteger value, out double result)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            result = (long)value;
            return true;
        }

        BigInteger magnitude = BigInteger.Abs(value);
        int shift = (int)(magnitude.GetBitLength() - 54); // keep 53 bits and one rounding bit
        var top = (ulong)(magnitude >> shift);
        bool sticky = BigInteger.TrailingZeroCount(magnitude) < shift;
        ulong mantissa = top >> 1;
        if ((top & 1) != 0 && (sticky || (mantissa & 1) != 0))
        {
            mantissa++;
        }

        result = Math.ScaleB(mantissa, shift + 1);
        if (double.IsInfinity(result))
        {
            return false;
        }

        if (value.Sign < 0)
        {
            result = -result;
        }

        return true;
    }

    /// <summary>Python's truth value (<c>bool(x)</c>) for a model value.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0.0,
        BigInteger b => !b.IsZero,
        string s => s.Length > 0,
        byte[] a => a.Length > 0,
        Complex c => c != Complex.Zero,
        PyByteArray a => a.Count > 0,
        PyTuple t => t.Count > 0,
        PyDict d => d.Count > 0,
        PySetBase s => s.Count > 0,
        int i => i != 0,
        short s => s != 0,
        sbyte s => s != 0,
        byte b => b != 0,
        ushort u => u != 0,
        uint u => u != 0,
        ulong u => u != 0,
        nint n => n != 0,
        nuint n => n != 0,
        Int128 i => i != 0,
        UInt128 u => u != 0,
        float f => f != 0f,
        Half h => h != Half.Zero,
        decimal m => m != 0m,
        ICollection c => c.Count > 0,
        _ => true,
    };
}

namespace PyStd.Struct;

/// <summary>
/// The <c>e</c> code: CPython's <c>PyFloat_Pack2</c>/<c>PyFloat_Unpack2</c> (Objects/floatobject.c),
/// followed step by step so rounding (half to even, directly from the double, never through
/// <c>float</c>), underflow and overflow match bit for bit.
/// </summary>
internal static class HalfFloat
{
    /// <summary>Packs a double as half-precision bits.</summary>
    /// <param name="x">The value.</param>
    /// <param name="bits">The 16 bits.</param>
    /// <returns>False when the value is too large (CPython's <c>OverflowError</c>).</returns>
    public static bool TryPack(double x, out ushort bits)
    {
        int sign;
        int e;
        int mantissa;
        if (x == 0.0)
        {
            sign = double.IsNegative(x) ? 1 : 0;
            e = 0;
            mantissa = 0;
        }
        else if (double.IsInfinity(x))
        {
            sign = x < 0.0 ? 1 : 0;
            e = 0x1f;
            mantissa = 0;
        }
        else if (double.IsNaN(x))
        {
            // CPython packs every NaN as the quiet NaN with only the top fraction bit, keeping the sign.
            sign = double.IsNegative(x) ? 1 : 0;
            e = 0x1f;
            mantissa = 512;
        }
        else
        {
            sign = x < 0.0 ? 1 : 0;
            if (sign == 1)
            {
                x = -x;
            }

            // frexp, then normalised to f in [1.0, 2.0).
            e = Math.ILogB(x);
            double f = Math.ScaleB(x, -e);
            if (e >= 16)
            {
                bits = 0;
                return false;
            }
            else if (e < -25)
            {
                // |x| < 2**-25: underflow to zero.
                f = 0.0;
                e = 0;
            }
            else if (e < -14)
            {
                // |x| < 2**-14: gradual underflow.
                f = Math.ScaleB(f, 14 + e);
                e = 0;
            }
            else
            {
                e += 15;
                f -= 1.0;
            }

            f *= 1024.0;
            mantissa = (int)f; // truncation, as CPython's cast
            double rest = f - mantissa;
            if (rest > 0.5 || (rest == 0.5 && (mantissa & 1) == 1))
            {
                mantissa++;
                if (mantissa == 1024)
                {
                    // The carry propagated out of a string of ten 1 bits.
                    mantissa = 0;
                    e++;
                    if (e == 31)
                    {
                        bits = 0;
                        return false;
                    }
                }
            }
        }

        bits = (ushort)(mantissa | (e << 10) | (sign << 15));
        return true;
    }

    /// <summary>Unpacks half-precision bits. Every NaN comes back as the standard quiet NaN with its sign, as in CPython.</summary>
    /// <param name="bits">The 16 bits.</param>
    /// <returns>The value.</returns>
    public static double Unpack(ushort bits)
    {
        bool negative = (bits & 0x8000) != 0;
        int e = (bits >> 10) & 0x1f;
        int f = bits & 0x3ff;
        if (e == 0x1f)
        {
            if (f == 0)
            {
                return negative ? double.NegativeInfinity : double.PositiveInfinity;
            }

            return BitConverter.Int64BitsToDouble(negative ? unchecked((long)0xFFF8_0000_0000_0000UL) : 0x7FF8_0000_0000_0000L);
        }

        double x = f / 1024.0;
        if (e == 0)
        {
            e = -14;
        }
        else
        {
            x += 1.0;
            e -= 15;
        }

        x = Math.ScaleB(x, e);
        return negative ? -x : x;
    }
}

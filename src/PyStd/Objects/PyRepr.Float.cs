using System.Globalization;
using System.Numerics;
using System.Text;

namespace PyStd.Objects;

// float and complex: CPython's float_repr and complex_repr, which call PyOS_double_to_string with
// format code 'r' (Python/pystrtod.c, format_float_short). The shortest round-trip digits come from
// .NET's own shortest formatting (the same digits David Gay's dtoa mode 0 picks); only the layout is
// Python's.
public static partial class PyRepr
{
    /// <summary>
    /// Formats a <c>float</c> exactly as CPython's <c>repr()</c> does: the shortest digits that read
    /// back as the same double, positional when the decimal exponent is from -4 to 15
    /// (<c>0.0001</c>, <c>1.0</c>, <c>1234567890123456.8</c>) and scientific otherwise
    /// (<c>1e-05</c>, <c>1e+16</c>, <c>5e-324</c>, <c>1.7976931348623157e+308</c>); <c>-0.0</c>,
    /// <c>inf</c>, <c>-inf</c> and <c>nan</c> (never <c>-nan</c>) for the special values.
    /// </summary>
    /// <param name="value">The double.</param>
    /// <returns>The repr.</returns>
    public static string FormatFloat(double value)
    {
        Span<char> buffer = stackalloc char[MaxFloatChars];
        int length = FormatFloatCore(value, buffer, addDot0: true, alwaysSign: false);
        return new string(buffer[..length]);
    }

    private const int MaxFloatChars = 40;

    private static void AppendFloat(StringBuilder sb, double value, bool addDot0, bool alwaysSign)
    {
        Span<char> buffer = stackalloc char[MaxFloatChars];
        int length = FormatFloatCore(value, buffer, addDot0, alwaysSign);
        sb.Append(buffer[..length]);
    }

    // complex_repr (Objects/complexobject.c): the real part is left out only when it is +0.0; the
    // parts use 'r' without the ".0" of integral values, the imaginary part always signed
    // (and a NaN imaginary part is "+nan": format_float_short never writes a sign for NaN).
    private static void AppendComplex(StringBuilder sb, Complex c)
    {
        double re = c.Real;
        double im = c.Imaginary;
        if (re == 0 && !double.IsNegative(re))
        {
            AppendFloat(sb, im, addDot0: false, alwaysSign: false);
            sb.Append('j');
            return;
        }

        sb.Append('(');
        AppendFloat(sb, re, addDot0: false, alwaysSign: false);
        AppendFloat(sb, im, addDot0: false, alwaysSign: true);
        sb.Append("j)");
    }

    /// <summary>format_float_short(d, 'r', 0, ...) into <paramref name="dest"/>; returns the length.</summary>
    private static int FormatFloatCore(double value, Span<char> dest, bool addDot0, bool alwaysSign)
    {
        int p = 0;
        if (!double.IsFinite(value))
        {
            if (double.IsNaN(value))
            {
                if (alwaysSign)
                {
                    dest[p++] = '+';
                }

                "nan".CopyTo(dest[p..]);
                return p + 3;
            }

            if (value < 0)
            {
                dest[p++] = '-';
            }
            else if (alwaysSign)
            {
                dest[p++] = '+';
            }

            "inf".CopyTo(dest[p..]);
            return p + 3;
        }

        // The shortest round-trip digits, without sign, leading or trailing zeros; the value is
        // 0.DIGITS × 10^decpt (dtoa's convention).
        Span<char> digits = stackalloc char[MaxFloatChars];
        int nDigits;
        int decpt;
        if (value == 0)
        {
            digits[0] = '0';
            nDigits = 1;
            decpt = 1;
        }
        else
        {
            ShortestDigits(value, digits, out nDigits, out decpt);
        }

        bool useExp = decpt <= -4 || decpt > 16;
        int exp = 0;
        if (useExp)
        {
            exp = decpt - 1;
            decpt = 1;
        }

        int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
        int vdigitsEnd = !useExp && addDot0
            ? Math.Max(nDigits, decpt + 1)
            : Math.Max(nDigits, decpt);

        if (double.IsNegative(value))
        {
            dest[p++] = '-';
        }
        else if (alwaysSign)
        {
            dest[p++] = '+';
        }

        // Zero padding on the left of the digit string.
        if (decpt <= 0)
        {
            p = Fill(dest, p, '0', decpt - vdigitsStart);
            dest[p++] = '.';
            p = Fill(dest, p, '0', -decpt);
        }
        else
        {
            p = Fill(dest, p, '0', -vdigitsStart);
        }

        // Digits, with the decimal point inside them when it falls there.
        if (decpt > 0 && decpt <= nDigits)
        {
            digits[..decpt].CopyTo(dest[p..]);
            p += decpt;
            dest[p++] = '.';
            digits[decpt..nDigits].CopyTo(dest[p..]);
            p += nDigits - decpt;
        }
        else
        {
            digits[..nDigits].CopyTo(dest[p..]);
            p += nDigits;
        }

        // Zeros on the right.
        if (nDigits < decpt)
        {
            p = Fill(dest, p, '0', decpt - nDigits);
            dest[p++] = '.';
            p = Fill(dest, p, '0', vdigitsEnd - decpt);
        }
        else
        {
            p = Fill(dest, p, '0', vdigitsEnd - nDigits);
        }

        if (dest[p - 1] == '.')
        {
            p--;
        }

        if (useExp)
        {
            // "%+.02d"
            dest[p++] = 'e';
            dest[p++] = exp < 0 ? '-' : '+';
            int a = Math.Abs(exp);
            if (a >= 100)
            {
                dest[p++] = (char)('0' + (a / 100));
            }

            dest[p++] = (char)('0' + (a / 10 % 10));
            dest[p++] = (char)('0' + (a % 10));
        }

        return p;
    }

    private static int Fill(Span<char> dest, int p, char c, int count)
    {
        if (count > 0)
        {
            dest.Slice(p, count).Fill(c);
            p += count;
        }

        return p;
    }

    /// <summary>
    /// Extracts the shortest round-trip significant digits of a finite, non-zero double from .NET's
    /// shortest round-trip formatting (the default format since .NET Core 3.0:
    /// <c>1.2345E+20</c>, <c>1E-05</c>, <c>0.0001</c>, <c>123.5</c>).
    /// </summary>
    private static void ShortestDigits(double value, Span<char> digits, out int nDigits, out int decpt)
    {
        Span<char> text = stackalloc char[MaxFloatChars];
        if (!value.TryFormat(text, out int length, default, NumberFormatInfo.InvariantInfo))
        {
            throw new InvalidOperationException("A double's round-trip form did not fit its buffer.");
        }

        int n = 0;
        int point = -1;
        int exp10 = 0;
        for (int i = 0; i < length; i++)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
            else if (c == '.')
            {
                point = n;
            }
            else if (c == 'E')
            {
                // "E+20", "E-05": a sign, then digits.
                bool negative = text[i + 1] == '-';
                for (int j = i + 2; j < length; j++)
                {
                    exp10 = (exp10 * 10) + (text[j] - '0');
                }

                if (negative)
                {
                    exp10 = -exp10;
                }

                break;
            }
        }

        decpt = (point < 0 ? n : point) + exp10;
        int start = 0;
        while (start < n && digits[start] == '0')
        {
            start++;
            decpt--;
        }

        while (n > start && digits[n - 1] == '0')
        {
            n--;
        }

        if (start > 0)
        {
            digits[start..n].CopyTo(digits);
        }

        nDigits = n - start;
    }
}

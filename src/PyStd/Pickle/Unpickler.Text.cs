using System.Globalization;
using System.Numerics;
using System.Text;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <content>
/// The text opcodes of protocol 0 (<c>INT</c>, <c>LONG</c>, <c>FLOAT</c>, <c>STRING</c>,
/// <c>UNICODE</c>, <c>GET</c>/<c>PUT</c>) parsed exactly as CPython's C unpickler parses them — C
/// strings that end at a NUL byte, <c>strtol</c> with base 0, <c>int()</c>'s rules and its 4300-digit
/// limit, <c>PyOS_string_to_double</c>, <c>PyBytes_DecodeEscape</c> and <c>raw-unicode-escape</c> — and
/// UTF-8 with <c>surrogatepass</c> for the binary string opcodes.
/// </content>
public sealed partial class Unpickler
{
    private const int MaxStrDigits = 4300;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The part of a line a C string function sees: up to the first NUL.</summary>
    private static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> line)
    {
        int nul = line.IndexOf((byte)0);
        return nul < 0 ? line : line[..nul];
    }

    private static bool IsCSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    /// <summary>load_int: strtol(s, &amp;end, 0), then int(s, 0); a two-character 0 or 1 is a bool.</summary>
    private static object ParseIntLine(ReadOnlySpan<byte> line)
    {
        if (line.Length < 2)
        {
            throw Truncated();
        }

        ReadOnlySpan<byte> s = CString(line);
        if (TryStrtol(s, out long x, out int end) && (end == s.Length || s[end] == (byte)'\n'))
        {
            return line.Length == 3 && x is 0 or 1 ? (x == 1 ? s_true : s_false) : BoxSmallInt(x);
        }

        if (!TryParsePyLong(s, 0, out BigInteger value, out _))
        {
            throw new UnpicklingException("could not convert string to int");
        }

        return PyInt.Normalize(value);
    }

    /// <summary>load_long: a trailing <c>L</c> is dropped, then int(s, 0).</summary>
    private static object ParseLongLine(ReadOnlySpan<byte> line)
    {
        if (line.Length < 2)
        {
            throw Truncated();
        }

        ReadOnlySpan<byte> s = line.Length > 1 && line[^2] == (byte)'L' ? line[..^2] : line;
        s = CString(s);
        if (!TryParsePyLong(s, 0, out BigInteger value, out string? error))
        {
            throw new UnpicklingException(error);
        }

        return PyInt.Normalize(value);
    }

    /// <summary>GET and PUT: int(s, 10).</summary>
    private static long ParseMemoIndex(ReadOnlySpan<byte> line, string opcode)
    {
        if (line.Length < 2)
        {
            throw Truncated();
        }

        if (!TryParsePyLong(CString(line), 10, out BigInteger value, out string? error))
        {
            throw new UnpicklingException(error);
        }

        if (value > long.MaxValue || value < long.MinValue)
        {
            throw new UnpicklingException($"Python int too large to convert to C ssize_t ({opcode})");
        }

        return (long)value;
    }

    /// <summary>C's strtol with base 0: whitespace, sign, 0x hex, 0 octal, else decimal; false on overflow.</summary>
    private static bool TryStrtol(ReadOnlySpan<byte> s, out long value, out int end)
    {
        value = 0;
        int i = 0;
        while (i < s.Length && IsCSpace(s[i]))
        {
            i++;
        }

        bool negative = false;
        if (i < s.Length && (s[i] == (byte)'+' || s[i] == (byte)'-'))
        {
            negative = s[i] == (byte)'-';
            i++;
        }

        int radix = 10;
        if (i < s.Length && s[i] == (byte)'0')
        {
            if (i + 2 < s.Length && (s[i + 1] | 0x20) == (byte)'x' && DigitValue(s[i + 2]) < 16)
            {
                radix = 16;
                i += 2;
            }
            else
            {
                radix = 8;
            }
        }

        int digitsStart = i;
        BigInteger acc = 0;
        ulong small = 0;
        bool big = false;
        while (i < s.Length && DigitValue(s[i]) < radix)
        {
            int d = DigitValue(s[i]);
            if (!big && small <= (ulong.MaxValue - (ulong)d) / (ulong)radix)
            {
                small = (small * (ulong)radix) + (ulong)d;
            }
            else
            {
                if (!big)
                {
                    acc = small;
                    big = true;
                }

                acc = (acc * radix) + d;
            }

            i++;
        }

        if (i == digitsStart)
        {
            end = 0; // no conversion: endptr is the start of the string
            return true;
        }

        end = i;
        BigInteger total = big ? acc : small;
        total = negative ? -total : total;
        if (total > long.MaxValue || total < long.MinValue)
        {
            return false;
        }

        value = (long)total;
        return true;
    }

    private static int DigitValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'Z' => b - 'A' + 10,
        _ => 99,
    };

    /// <summary>PyLong_FromString: int(s, radix) with radix 0 or 10 — whitespace, sign, prefixes, underscores, the digit limit.</summary>
    private static bool TryParsePyLong(ReadOnlySpan<byte> s, int radix, out BigInteger value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        value = default;
        int effective = radix == 0 ? 10 : radix;
        int i = 0;
        while (i < s.Length && IsCSpace(s[i]))
        {
            i++;
        }

        bool negative = false;
        if (i < s.Length && (s[i] == (byte)'+' || s[i] == (byte)'-'))
        {
            negative = s[i] == (byte)'-';
            i++;
        }

        bool leadingZeroOnly = false;
        if (radix == 0 && i < s.Length && s[i] == (byte)'0')
        {
            byte p = i + 1 < s.Length ? (byte)(s[i + 1] | 0x20) : (byte)0;
            if (p is (byte)'x' or (byte)'o' or (byte)'b')
            {
                effective = p == (byte)'x' ? 16 : p == (byte)'o' ? 8 : 2;
                i += 2;
                if (i < s.Length && s[i] == (byte)'_')
                {
                    i++; // one underscore may follow the prefix
                }
            }
            else
            {
                leadingZeroOnly = true;
            }
        }

        int start = i;
        int digits = 0;
        bool lastUnderscore = false;
        bool nonZero = false;
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            byte b = s[i];
            if (b == (byte)'_')
            {
                if (lastUnderscore || i == start)
                {
                    break;
                }

                lastUnderscore = true;
                i++;
                continue;
            }

            if (DigitValue(b) >= effective)
            {
                break;
            }

            nonZero |= b != (byte)'0';
            sb.Append((char)b);
            digits++;
            lastUnderscore = false;
            i++;
        }

        while (i < s.Length && IsCSpace(s[i]))
        {
            i++;
        }

        bool ok = digits > 0 && !lastUnderscore && i == s.Length && !(leadingZeroOnly && nonZero);
        if (!ok)
        {
            error = $"invalid literal for int() with base {effective}: {PyRepr.Repr(Encoding.Latin1.GetString(s[..Math.Min(s.Length, 200)]))}";
            return false;
        }

        if (effective == 10 && digits > MaxStrDigits)
        {
            error = $"Exceeds the limit ({MaxStrDigits} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit";
            return false;
        }

        string text = sb.ToString();
        value = effective switch
        {
            10 => BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture),
            16 => BigInteger.Parse("0" + text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
            _ => ParseRadix(text, effective),
        };
        if (negative)
        {
            value = -value;
        }

        error = null;
        return true;
    }

    private static BigInteger ParseRadix(string digits, int radix)
    {
        BigInteger v = 0;
        foreach (char c in digits)
        {
            v = (v * radix) + (c - '0');
        }

        return v;
    }

    /// <summary>load_float: PyOS_string_to_double on the line; the number must end at the newline.</summary>
    private static double ParseFloatLine(ReadOnlySpan<byte> line)
    {
        if (line.Length < 2)
        {
            throw Truncated();
        }

        ReadOnlySpan<byte> s = CString(line);
        int end = FloatPrefixLength(s);
        if (end == 0)
        {
            throw new UnpicklingException($"could not convert string to float: {PyRepr.Repr(Encoding.Latin1.GetString(s))}");
        }

        ReadOnlySpan<byte> number = s[..end];
        double value;
        int k = number.Length > 0 && (number[0] == (byte)'+' || number[0] == (byte)'-') ? 1 : 0;
        bool negative = k == 1 && number[0] == (byte)'-';
        byte first = (byte)(number[k] | 0x20);
        if (first == (byte)'i')
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
        }
        else if (first == (byte)'n')
        {
            value = negative ? -double.NaN : double.NaN;
        }
        else
        {
            value = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                throw new UnpicklingException($"value too large to convert to float: {PyRepr.Repr(Encoding.Latin1.GetString(s))}");
            }
        }

        if (end < s.Length && s[end] != (byte)'\n')
        {
            throw new UnpicklingException("could not convert string to float");
        }

        return value;
    }

    /// <summary>The longest prefix of <paramref name="s"/> that is a float (_Py_dg_strtod plus inf/nan), 0 for none.</summary>
    private static int FloatPrefixLength(ReadOnlySpan<byte> s)
    {
        int i = 0;
        if (i < s.Length && (s[i] == (byte)'+' || s[i] == (byte)'-'))
        {
            i++;
        }

        ReadOnlySpan<byte> rest = s[i..];
        if (StartsWithIgnoreCase(rest, "infinity"u8))
        {
            return i + 8;
        }

        if (StartsWithIgnoreCase(rest, "inf"u8) || StartsWithIgnoreCase(rest, "nan"u8))
        {
            return i + 3;
        }

        int intDigits = 0, fracDigits = 0;
        while (i < s.Length && char.IsAsciiDigit((char)s[i]))
        {
            i++;
            intDigits++;
        }

        if (i < s.Length && s[i] == (byte)'.')
        {
            int j = i + 1;
            while (j < s.Length && char.IsAsciiDigit((char)s[j]))
            {
                j++;
                fracDigits++;
            }

            if (intDigits + fracDigits > 0)
            {
                i = j;
            }
        }

        if (intDigits + fracDigits == 0)
        {
            return 0;
        }

        if (i < s.Length && (s[i] | 0x20) == (byte)'e')
        {
            int j = i + 1;
            if (j < s.Length && (s[j] == (byte)'+' || s[j] == (byte)'-'))
            {
                j++;
            }

            int expStart = j;
            while (j < s.Length && char.IsAsciiDigit((char)s[j]))
            {
                j++;
            }

            if (j > expStart)
            {
                i = j;
            }
        }

        return i;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> s, ReadOnlySpan<byte> lower)
    {
        if (s.Length < lower.Length)
        {
            return false;
        }

        for (int i = 0; i < lower.Length; i++)
        {
            if ((s[i] | 0x20) != lower[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>load_string: a quoted Python 2 str literal, escapes decoded as bytes, then per <see cref="UnpicklerOptions.Encoding"/>.</summary>
    private object ParseStringLine(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> s = line[..^1];
        if (s.Length < 2 || s[0] != s[^1] || (s[0] != (byte)'\'' && s[0] != (byte)'"'))
        {
            throw new UnpicklingException("the STRING opcode argument must be quoted");
        }

        byte[] bytes = DecodeEscape(s[1..^1]);
        Charge(bytes.Length);
        return _py2.Decode(bytes);
    }

    /// <summary>PyBytes_DecodeEscape: Python's bytes-literal escapes.</summary>
    private static byte[] DecodeEscape(ReadOnlySpan<byte> s)
    {
        var result = new List<byte>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            byte b = s[i];
            if (b != (byte)'\\')
            {
                result.Add(b);
                continue;
            }

            int at = i;
            if (++i >= s.Length)
            {
                throw new UnpicklingException("Trailing \\ in string");
            }

            byte e = s[i];
            switch (e)
            {
                case (byte)'\n':
                    break;
                case (byte)'\\':
                    result.Add((byte)'\\');
                    break;
                case (byte)'\'':
                    result.Add((byte)'\'');
                    break;
                case (byte)'"':
                    result.Add((byte)'"');
                    break;
                case (byte)'b':
                    result.Add(8);
                    break;
                case (byte)'f':
                    result.Add(12);
                    break;
                case (byte)'t':
                    result.Add(9);
                    break;
                case (byte)'n':
                    result.Add(10);
                    break;
                case (byte)'r':
                    result.Add(13);
                    break;
                case (byte)'v':
                    result.Add(11);
                    break;
                case (byte)'a':
                    result.Add(7);
                    break;
                case >= (byte)'0' and <= (byte)'7':
                {
                    int c = e - '0';
                    for (int k = 0; k < 2 && i + 1 < s.Length && s[i + 1] is >= (byte)'0' and <= (byte)'7'; k++)
                    {
                        c = (c << 3) + (s[++i] - '0');
                    }

                    result.Add((byte)c);
                    break;
                }

                case (byte)'x':
                    if (i + 2 < s.Length && DigitValue(s[i + 1]) < 16 && DigitValue(s[i + 2]) < 16)
                    {
                        result.Add((byte)((DigitValue(s[i + 1]) << 4) | DigitValue(s[i + 2])));
                        i += 2;
                        break;
                    }

                    throw new UnpicklingException($"invalid \\x escape at position {at}");
                default:
                    result.Add((byte)'\\');
                    result.Add(e);
                    break;
            }
        }

        return result.ToArray();
    }

    /// <summary>load_unicode: raw-unicode-escape — bytes are code points, except \uXXXX and \UXXXXXXXX.</summary>
    private string ParseUnicodeLine(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> s = line[..^1];
        Charge(s.Length * 2L);
        if (s.IndexOf((byte)'\\') < 0)
        {
            return Encoding.Latin1.GetString(s);
        }

        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            byte b = s[i];
            if (b != (byte)'\\' || i + 1 >= s.Length)
            {
                sb.Append((char)b);
                continue;
            }

            int start = i;
            byte e = s[++i];
            int count = e == (byte)'u' ? 4 : e == (byte)'U' ? 8 : 0;
            if (count == 0)
            {
                sb.Append('\\').Append((char)e);
                continue;
            }

            uint cp = 0;
            for (int k = 0; k < count; k++)
            {
                if (i + 1 >= s.Length || DigitValue(s[i + 1]) >= 16)
                {
                    throw new UnpicklingException(
                        $"'rawunicodeescape' codec can't decode bytes in position {start}-{i}: truncated \\{(count == 4 ? "uXXXX" : "UXXXXXXXX")} escape");
                }

                cp = (cp << 4) | (uint)DigitValue(s[++i]);
            }

            if (cp > 0x10FFFF)
            {
                throw new UnpicklingException(
                    $"'rawunicodeescape' codec can't decode bytes in position {start}-{i}: \\Uxxxxxxxx out of range");
            }

            if (cp >= 0x10000)
            {
                sb.Append(char.ConvertFromUtf32((int)cp));
            }
            else
            {
                sb.Append((char)cp);
            }
        }

        return sb.ToString();
    }

    /// <summary>UTF-8 with <c>surrogatepass</c>, as the unpickler decodes BINUNICODE and friends.</summary>
    private static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        // ASCII (most keys and names): one check, then a plain widening copy into the string.
        if (System.Text.Ascii.IsValid(bytes))
        {
            return Encoding.Latin1.GetString(bytes);
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return DecodeUtf8Slow(bytes);
    }

    private static string DecodeUtf8Slow(ReadOnlySpan<byte> s)
    {
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            byte b = s[i];
            if (b < 0x80)
            {
                sb.Append((char)b);
                i++;
                continue;
            }

            // The strict decoder's ranges (Objects/stringlib/codecs.h); ED A0–BF is a surrogate,
            // which the surrogatepass handler accepts when the whole three-byte sequence is there.
            int need, cp;
            byte lo = 0x80, hi = 0xBF;
            if (b is >= 0xC2 and <= 0xDF)
            {
                need = 1;
                cp = b & 0x1F;
            }
            else if (b is >= 0xE0 and <= 0xEF)
            {
                need = 2;
                cp = b & 0x0F;
                lo = b == 0xE0 ? (byte)0xA0 : (byte)0x80;
                hi = b == 0xED ? (byte)0x9F : (byte)0xBF;
            }
            else if (b is >= 0xF0 and <= 0xF4)
            {
                need = 3;
                cp = b & 0x07;
                lo = b == 0xF0 ? (byte)0x90 : (byte)0x80;
                hi = b == 0xF4 ? (byte)0x8F : (byte)0xBF;
            }
            else
            {
                throw new UnpicklingException($"'utf-8' codec can't decode byte 0x{b:x2} in position {i}: invalid start byte");
            }

            for (int k = 1; k <= need; k++)
            {
                if (i + k >= s.Length)
                {
                    throw new UnpicklingException(k == 1
                        ? $"'utf-8' codec can't decode byte 0x{b:x2} in position {i}: unexpected end of data"
                        : $"'utf-8' codec can't decode bytes in position {i}-{s.Length - 1}: unexpected end of data");
                }

                byte c = s[i + k];
                bool inRange = k == 1 ? c >= lo && c <= hi : c is >= 0x80 and <= 0xBF;
                bool surrogate = k == 1 && b == 0xED && c is >= 0xA0 and <= 0xBF
                    && i + 2 < s.Length && s[i + 2] is >= 0x80 and <= 0xBF;
                if (!inRange && !surrogate)
                {
                    throw new UnpicklingException($"'utf-8' codec can't decode byte 0x{b:x2} in position {i}: invalid continuation byte");
                }

                cp = (cp << 6) | (c & 0x3F);
            }

            if (cp >= 0x10000)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                sb.Append((char)cp); // includes lone surrogates (surrogatepass)
            }

            i += need + 1;
        }

        return sb.ToString();
    }

    private static string Utf8Error(ReadOnlySpan<byte> bytes, DecoderFallbackException e)
    {
        int index = e.Index >= 0 ? e.Index : 0;
        byte b = index < bytes.Length ? bytes[index] : (byte)0;
        return $"'utf-8' codec can't decode byte 0x{b:x2} in position {index}: invalid start byte";
    }
}

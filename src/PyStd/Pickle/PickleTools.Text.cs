using System.Globalization;
using System.Numerics;
using System.Text;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <content>
/// The Python-level conversions pickletools applies to text arguments — <c>int(bytes)</c>,
/// <c>float(bytes)</c>, <c>codecs.escape_decode</c> + <c>.decode("ascii")</c>,
/// <c>str(data, 'raw-unicode-escape')</c>, <c>str(data, 'utf-8', 'surrogatepass')</c> — with the
/// <c>ValueError</c>/<c>UnicodeDecodeError</c> texts CPython 3.11 gives (Objects/longobject.c
/// <c>PyLong_FromString</c>, Objects/floatobject.c, Objects/bytesobject.c <c>_PyBytes_DecodeEscape</c>,
/// Objects/unicodeobject.c and Objects/stringlib/codecs.h, Python/codecs.c <c>surrogatepass</c>).
/// These differ from the unpickler's C-level parsing (<c>strtol</c>, NUL-terminated lines), so they
/// live here.
/// </content>
public static partial class PickleTools
{
    /// <summary>CPython 3.11's <c>sys.get_int_max_str_digits()</c> default.</summary>
    private const int MaxStrDigits = 4300;

    private static readonly object s_true = true;
    private static readonly object s_false = false;

    /// <summary>Python's <c>Py_ISSPACE</c>: ASCII space, \t \n \v \f \r.</summary>
    private static bool IsPySpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary><c>repr(bytes)</c>.</summary>
    private static string BytesRepr(ReadOnlySpan<byte> bytes) => PyRepr.Repr(bytes.ToArray());

    /// <summary>read_decimalnl_short: <c>00</c> and <c>01</c> are False and True, else <c>int(s)</c>.</summary>
    private static object ParseDecimalShort(ReadOnlySpan<byte> s)
    {
        if (s.Length == 2 && s[0] == (byte)'0' && (s[1] == (byte)'0' || s[1] == (byte)'1'))
        {
            return s[1] == (byte)'1' ? s_true : s_false;
        }

        return PythonInt(s);
    }

    /// <summary>read_decimalnl_long: one trailing <c>L</c> dropped, then <c>int(s)</c>.</summary>
    private static object ParseDecimalLong(ReadOnlySpan<byte> s) =>
        PythonInt(s.Length > 0 && s[^1] == (byte)'L' ? s[..^1] : s);

    /// <summary>
    /// <c>int(s)</c> for a bytes object: <c>_PyLong_FromBytes</c> over <c>PyLong_FromString(s, &amp;end, 10)</c>,
    /// step by step so that the error (and which error) matches.
    /// </summary>
    private static object PythonInt(ReadOnlySpan<byte> s)
    {
        // PyLong_FromString reads a C string: it stops at the first NUL.
        int cEnd = s.IndexOf((byte)0);
        if (cEnd < 0)
        {
            cEnd = s.Length;
        }

        int i = 0;
        while (i < cEnd && IsPySpace(s[i]))
        {
            i++;
        }

        bool negative = false;
        if (i < cEnd && (s[i] == (byte)'+' || s[i] == (byte)'-'))
        {
            negative = s[i] == (byte)'-';
            i++;
        }

        if (i < cEnd && s[i] == (byte)'_')
        {
            throw InvalidIntLiteral(s);
        }

        int start = i;
        int digits = 0;
        byte prev = 0;
        int scan = i;
        while (scan < cEnd && (IsDigit(s[scan]) || s[scan] == (byte)'_'))
        {
            if (s[scan] == (byte)'_')
            {
                if (prev == (byte)'_')
                {
                    throw InvalidIntLiteral(s);
                }
            }
            else
            {
                digits++;
            }

            prev = s[scan];
            scan++;
        }

        if (prev == (byte)'_')
        {
            throw InvalidIntLiteral(s);
        }

        if (digits > MaxStrDigits)
        {
            throw new PyValueException(
                $"Exceeds the limit ({MaxStrDigits} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit");
        }

        int end = scan;
        if (end == start)
        {
            throw InvalidIntLiteral(s);
        }

        while (end < cEnd && IsPySpace(s[end]))
        {
            end++;
        }

        if (end != cEnd || cEnd != s.Length)
        {
            throw InvalidIntLiteral(s);
        }

        ReadOnlySpan<byte> body = s[start..scan];
        if (digits <= 18)
        {
            long small = 0;
            foreach (byte b in body)
            {
                if (b != (byte)'_')
                {
                    small = (small * 10) + (b - '0');
                }
            }

            return negative ? -small : small;
        }

        var text = new StringBuilder(digits);
        foreach (byte b in body)
        {
            if (b != (byte)'_')
            {
                text.Append((char)b);
            }
        }

        BigInteger value = BigInteger.Parse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        return PyInt.Normalize(negative ? -value : value);
    }

    /// <summary><c>invalid literal for int() with base 10: %.200R</c> of the first 200 bytes.</summary>
    private static PyValueException InvalidIntLiteral(ReadOnlySpan<byte> s)
    {
        string repr = BytesRepr(s[..Math.Min(s.Length, 200)]);
        if (repr.Length > 200)
        {
            repr = repr[..200];
        }

        return new PyValueException($"invalid literal for int() with base 10: {repr}");
    }

    /// <summary>
    /// <c>float(s)</c> for a bytes object: underscores only between digits, no NUL, surrounding
    /// whitespace, then <c>_Py_dg_strtod</c>'s syntax or <c>inf</c>/<c>infinity</c>/<c>nan</c>; the
    /// whole text must be the number. Overflow gives an infinity, as CPython's <c>float()</c>.
    /// </summary>
    private static double PythonFloat(ReadOnlySpan<byte> s)
    {
        if (s.IndexOf((byte)0) >= 0)
        {
            throw InvalidFloat(s);
        }

        ReadOnlySpan<byte> t = s;
        byte[]? stripped = null;
        if (s.IndexOf((byte)'_') >= 0)
        {
            // _Py_string_to_number_with_underscores
            var kept = new List<byte>(s.Length);
            byte prev = 0;
            foreach (byte b in s)
            {
                if (b == (byte)'_')
                {
                    if (!IsDigit(prev))
                    {
                        throw InvalidFloat(s);
                    }
                }
                else
                {
                    kept.Add(b);
                    if (prev == (byte)'_' && !IsDigit(b))
                    {
                        throw InvalidFloat(s);
                    }
                }

                prev = b;
            }

            if (prev == (byte)'_')
            {
                throw InvalidFloat(s);
            }

            stripped = kept.ToArray();
            t = stripped;
        }

        int first = 0;
        int last = t.Length;
        while (first < last && IsPySpace(t[first]))
        {
            first++;
        }

        if (first == last)
        {
            throw InvalidFloat(s);
        }

        while (first < last - 1 && IsPySpace(t[last - 1]))
        {
            last--;
        }

        ReadOnlySpan<byte> number = t[first..last];
        if (!TryParseFloatSyntax(number, out double value))
        {
            throw InvalidFloat(s);
        }

        return value;
    }

    private static PyValueException InvalidFloat(ReadOnlySpan<byte> s) =>
        new($"could not convert string to float: {BytesRepr(s)}");

    /// <summary>The whole of <paramref name="s"/> as <c>_PyOS_ascii_strtod</c> reads it: a decimal number, or inf/infinity/nan.</summary>
    private static bool TryParseFloatSyntax(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (i < s.Length && (s[i] == (byte)'+' || s[i] == (byte)'-'))
        {
            negative = s[i] == (byte)'-';
            i++;
        }

        ReadOnlySpan<byte> rest = s[i..];
        if (Ascii.EqualsIgnoreCase(rest, "inf"u8) || Ascii.EqualsIgnoreCase(rest, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(rest, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        int intDigits = 0;
        while (i < s.Length && IsDigit(s[i]))
        {
            i++;
            intDigits++;
        }

        int fracDigits = 0;
        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            while (i < s.Length && IsDigit(s[i]))
            {
                i++;
                fracDigits++;
            }
        }

        if (intDigits + fracDigits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] == (byte)'e' || s[i] == (byte)'E'))
        {
            i++;
            if (i < s.Length && (s[i] == (byte)'+' || s[i] == (byte)'-'))
            {
                i++;
            }

            int expDigits = 0;
            while (i < s.Length && IsDigit(s[i]))
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        if (i != s.Length)
        {
            return false;
        }

        // .NET's parser is correctly rounded, saturates to ±inf and keeps the sign of zero, as dtoa.c.
        value = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>read_stringnl's decoding: <c>codecs.escape_decode(data)[0].decode("ascii")</c>.</summary>
    private static string EscapeDecodeAscii(ReadOnlySpan<byte> data)
    {
        byte[] bytes = EscapeDecode(data);
        int bad = bytes.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        if (bad >= 0)
        {
            throw new PyValueException(
                $"'ascii' codec can't decode byte 0x{bytes[bad]:x2} in position {bad}: ordinal not in range(128)");
        }

        return Encoding.Latin1.GetString(bytes);
    }

    /// <summary><c>codecs.escape_decode</c> (<c>_PyBytes_DecodeEscape</c>, strict).</summary>
    private static byte[] EscapeDecode(ReadOnlySpan<byte> s)
    {
        if (s.IndexOf((byte)'\\') < 0)
        {
            return s.ToArray();
        }

        var result = new List<byte>(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            byte b = s[i++];
            if (b != (byte)'\\')
            {
                result.Add(b);
                continue;
            }

            if (i == s.Length)
            {
                throw new PyValueException("Trailing \\ in string");
            }

            byte e = s[i++];
            switch (e)
            {
                case (byte)'\n':
                    break;
                case (byte)'\\' or (byte)'\'' or (byte)'"':
                    result.Add(e);
                    break;
                case (byte)'b':
                    result.Add(0x08);
                    break;
                case (byte)'f':
                    result.Add(0x0C);
                    break;
                case (byte)'t':
                    result.Add(0x09);
                    break;
                case (byte)'n':
                    result.Add(0x0A);
                    break;
                case (byte)'r':
                    result.Add(0x0D);
                    break;
                case (byte)'v':
                    result.Add(0x0B);
                    break;
                case (byte)'a':
                    result.Add(0x07);
                    break;
                case >= (byte)'0' and <= (byte)'7':
                {
                    int c = e - '0';
                    if (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'7')
                    {
                        c = (c << 3) + (s[i++] - '0');
                        if (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'7')
                        {
                            c = (c << 3) + (s[i++] - '0');
                        }
                    }

                    result.Add((byte)c); // \777 wraps to 0xff, as the C code's char store
                    break;
                }

                case (byte)'x':
                    if (i + 1 < s.Length && HexValue(s[i]) >= 0 && HexValue(s[i + 1]) >= 0)
                    {
                        result.Add((byte)((HexValue(s[i]) << 4) | HexValue(s[i + 1])));
                        i += 2;
                        break;
                    }

                    throw new PyValueException($"invalid \\x escape at position {i - 2}");
                default:
                    // Unknown escapes stay as written (CPython only warns).
                    result.Add((byte)'\\');
                    i--;
                    break;
            }
        }

        return result.ToArray();
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary><c>str(data, 'raw-unicode-escape')</c>: bytes are code points, except <c>\uXXXX</c> and <c>\UXXXXXXXX</c>.</summary>
    private static object RawUnicodeEscapeDecode(ReadOnlySpan<byte> s)
    {
        if (s.IndexOf((byte)'\\') < 0)
        {
            return Encoding.Latin1.GetString(s);
        }

        var builder = new CodePointBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            byte b = s[i++];
            if (b != (byte)'\\' || i >= s.Length)
            {
                builder.Append(b);
                continue;
            }

            int start = i - 1;
            byte e = s[i++];
            int count = e == (byte)'u' ? 4 : e == (byte)'U' ? 8 : 0;
            if (count == 0)
            {
                builder.Append('\\');
                builder.Append(e);
                continue;
            }

            int cp = 0;
            for (; count > 0; count--, i++)
            {
                int d = i < s.Length ? HexValue(s[i]) : -1;
                if (d < 0)
                {
                    throw RawUnicodeEscapeError(start, i, e == (byte)'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
                }

                cp = (cp << 4) | d;
            }

            if ((uint)cp > 0x10FFFF)
            {
                throw RawUnicodeEscapeError(start, i, "\\Uxxxxxxxx out of range");
            }

            builder.Append(cp);
        }

        return builder.ToResult();
    }

    private static PyValueException RawUnicodeEscapeError(int start, int end, string reason) =>
        new($"'rawunicodeescape' codec can't decode bytes in position {start}-{end - 1}: {reason}");

    /// <summary>
    /// <c>str(data, 'utf-8', 'surrogatepass')</c>: CPython's strict decoder, whose error handler
    /// accepts a three-byte encoded surrogate at the error position and raises the strict error
    /// otherwise. Returns null when <paramref name="materialize"/> is false (validation only).
    /// </summary>
    private static object? Utf8SurrogatePassDecode(ReadOnlySpan<byte> s, bool materialize)
    {
        if (System.Text.Unicode.Utf8.IsValid(s))
        {
            return materialize ? Encoding.UTF8.GetString(s) : null;
        }

        var builder = new CodePointBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            int length = Utf8Sequence(s, i, out int cp, out int errorEnd, out string? reason);
            if (length > 0)
            {
                builder.Append(cp);
                i += length;
                continue;
            }

            // surrogatepass: a surrogate encoded in three bytes at the error start is accepted.
            if (s.Length - i >= 3 && (s[i] & 0xF0) == 0xE0 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80)
            {
                int ch = ((s[i] & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
                if (ch is >= 0xD800 and <= 0xDFFF)
                {
                    builder.Append(ch);
                    i += 3;
                    continue;
                }
            }

            throw errorEnd - i == 1
                ? new PyValueException($"'utf-8' codec can't decode byte 0x{s[i]:x2} in position {i}: {reason}")
                : new PyValueException($"'utf-8' codec can't decode bytes in position {i}-{errorEnd - 1}: {reason}");
        }

        return materialize ? builder.ToResult() : null;
    }

    /// <summary>
    /// Decodes one UTF-8 sequence at <paramref name="i"/> as <c>utf8_decode</c> in
    /// Objects/stringlib/codecs.h; returns its length, or 0 with the strict error's end and reason.
    /// </summary>
    private static int Utf8Sequence(ReadOnlySpan<byte> s, int i, out int cp, out int errorEnd, out string? reason)
    {
        cp = 0;
        errorEnd = 0;
        reason = null;
        int n = s.Length - i;
        byte ch = s[i];
        if (ch < 0x80)
        {
            cp = ch;
            return 1;
        }

        static bool Cont(byte b) => (b & 0xC0) == 0x80;

        int invalid; // 1 = invalid start, 2..4 = invalid continuation at byte (invalid - 1), 0 = truncated
        if (ch < 0xC2)
        {
            invalid = 1;
        }
        else if (ch < 0xE0)
        {
            if (n < 2)
            {
                invalid = 0;
            }
            else if (!Cont(s[i + 1]))
            {
                invalid = 2;
            }
            else
            {
                cp = ((ch & 0x1F) << 6) | (s[i + 1] & 0x3F);
                return 2;
            }
        }
        else if (ch < 0xF0)
        {
            if (n < 3)
            {
                invalid = n >= 2 && (!Cont(s[i + 1]) || (s[i + 1] < 0xA0 ? ch == 0xE0 : ch == 0xED)) ? 2 : 0;
            }
            else if (!Cont(s[i + 1]) || (ch == 0xE0 && s[i + 1] < 0xA0) || (ch == 0xED && s[i + 1] >= 0xA0))
            {
                invalid = 2;
            }
            else if (!Cont(s[i + 2]))
            {
                invalid = 3;
            }
            else
            {
                cp = ((ch & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
                return 3;
            }
        }
        else if (ch < 0xF5)
        {
            if (n < 4)
            {
                if (n < 2)
                {
                    invalid = 0;
                }
                else if (!Cont(s[i + 1]) || (s[i + 1] < 0x90 ? ch == 0xF0 : ch == 0xF4))
                {
                    invalid = 2;
                }
                else
                {
                    invalid = n >= 3 && !Cont(s[i + 2]) ? 3 : 0;
                }
            }
            else if (!Cont(s[i + 1]) || (ch == 0xF0 && s[i + 1] < 0x90) || (ch == 0xF4 && s[i + 1] >= 0x90))
            {
                invalid = 2;
            }
            else if (!Cont(s[i + 2]))
            {
                invalid = 3;
            }
            else if (!Cont(s[i + 3]))
            {
                invalid = 4;
            }
            else
            {
                cp = ((ch & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
                return 4;
            }
        }
        else
        {
            invalid = 1;
        }

        switch (invalid)
        {
            case 0:
                reason = "unexpected end of data";
                errorEnd = s.Length;
                break;
            case 1:
                reason = "invalid start byte";
                errorEnd = i + 1;
                break;
            default:
                reason = "invalid continuation byte";
                errorEnd = i + invalid - 1;
                break;
        }

        return 0;
    }

    /// <summary>
    /// Builds a Python <c>str</c> code point by code point. Two surrogate code points decoded one after
    /// the other (a high then a low) are two characters in Python but would read as one pair in a .NET
    /// string; the builder remembers where, so the repr can escape them as Python does.
    /// </summary>
    private sealed class CodePointBuilder(int capacity)
    {
        private readonly StringBuilder _sb = new(capacity);
        private List<int>? _splits;
        private bool _lastWasLoneHigh;

        public void Append(int codePoint)
        {
            if (codePoint is >= 0xDC00 and <= 0xDFFF && _lastWasLoneHigh)
            {
                (_splits ??= []).Add(_sb.Length);
            }

            _lastWasLoneHigh = codePoint is >= 0xD800 and <= 0xDBFF;
            if (codePoint >= 0x10000)
            {
                _sb.Append(char.ConvertFromUtf32(codePoint));
            }
            else
            {
                _sb.Append((char)codePoint);
            }
        }

        public object ToResult() =>
            _splits is null ? _sb.ToString() : new SplitSurrogateString(_sb.ToString(), [.. _splits]);
    }

    /// <summary>
    /// A decoded <c>str</c> whose UTF-16 holds a high surrogate followed by a low one that are two code
    /// points in Python (at each index in <see cref="Splits"/>, the low one starts a new code point).
    /// </summary>
    internal sealed class SplitSurrogateString(string value, int[] splits)
    {
        public string Value { get; } = value;

        public int[] Splits { get; } = splits;

        /// <summary>CPython's <c>unicode_repr</c> over the code points.</summary>
        public string Repr()
        {
            string s = Value;
            char quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
            var sb = new StringBuilder(s.Length + 2);
            sb.Append(quote);
            int i = 0;
            while (i < s.Length)
            {
                int cp = s[i];
                int width = 1;
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) && System.Array.IndexOf(Splits, i + 1) < 0)
                {
                    cp = char.ConvertToUtf32(s[i], s[i + 1]);
                    width = 2;
                }

                if (cp == quote || cp == '\\')
                {
                    sb.Append('\\').Append((char)cp);
                }
                else if (cp == '\t')
                {
                    sb.Append("\\t");
                }
                else if (cp == '\n')
                {
                    sb.Append("\\n");
                }
                else if (cp == '\r')
                {
                    sb.Append("\\r");
                }
                else if (cp < 0x20 || cp == 0x7F)
                {
                    sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
                }
                else if (cp < 0x7F || UnicodePrintable.IsPrintable(cp))
                {
                    sb.Append(s, i, width);
                }
                else if (cp <= 0xFF)
                {
                    sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
                }
                else if (cp <= 0xFFFF)
                {
                    sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
                }

                i += width;
            }

            return sb.Append(quote).ToString();
        }

        /// <inheritdoc />
        public override string ToString() => Repr();
    }
}

using System.Buffers;
using System.Text;

namespace PyStd.Objects;

// str and bytes: CPython's unicode_repr (Objects/unicodeobject.c) and PyBytes_Repr
// (Objects/bytesobject.c). Both quote with ' unless the text holds ' and no ", then with ".
public static partial class PyRepr
{
    private const string HexDigits = "0123456789abcdef";

    // Printable ASCII that is copied as is: everything from ' ' to '~' except the backslash and
    // the chosen quote.
    private static readonly SearchValues<char> s_plainInSingleQuotes = SearchValues.Create(PlainAscii('\''));
    private static readonly SearchValues<char> s_plainInDoubleQuotes = SearchValues.Create(PlainAscii('"'));
    private static readonly SearchValues<byte> s_plainBytesInSingleQuotes = SearchValues.Create(Encoding.ASCII.GetBytes(PlainAscii('\'')));
    private static readonly SearchValues<byte> s_plainBytesInDoubleQuotes = SearchValues.Create(Encoding.ASCII.GetBytes(PlainAscii('"')));

    private static string PlainAscii(char quote)
    {
        var sb = new StringBuilder(95);
        for (char c = ' '; c <= '~'; c++)
        {
            if (c != '\\' && c != quote)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// unicode_repr: escapes <c>\\</c>, the quote, <c>\t \n \r</c>, and every code point
    /// <c>str.isprintable()</c> rejects as <c>\xhh</c>, <c>\uhhhh</c> or <c>\Uhhhhhhhh</c>. A valid
    /// UTF-16 surrogate pair is one code point; a lone surrogate is a non-printable code point.
    /// </summary>
    private static void AppendString(StringBuilder sb, string value)
    {
        ReadOnlySpan<char> span = value;
        char quote = span.Contains('\'') && !span.Contains('"') ? '"' : '\'';
        SearchValues<char> plain = quote == '\'' ? s_plainInSingleQuotes : s_plainInDoubleQuotes;
        sb.Append(quote);
        while (true)
        {
            int i = span.IndexOfAnyExcept(plain);
            if (i < 0)
            {
                sb.Append(span);
                break;
            }

            sb.Append(span[..i]);
            span = span[i..];

            // Handle the run of characters that need a look, up to the next plain one.
            int k = 0;
            do
            {
                char c = span[k];
                if (c < 0x80)
                {
                    k++;
                    switch (c)
                    {
                        case '\\':
                            sb.Append(@"\\");
                            break;
                        case '\t':
                            sb.Append(@"\t");
                            break;
                        case '\n':
                            sb.Append(@"\n");
                            break;
                        case '\r':
                            sb.Append(@"\r");
                            break;
                        default:
                            if (c == quote)
                            {
                                sb.Append('\\').Append(c);
                            }
                            else if (c < ' ' || c == 0x7F)
                            {
                                AppendHexEscape(sb, 'x', c, 2);
                            }
                            else
                            {
                                sb.Append(c);
                            }

                            break;
                    }

                    continue;
                }

                int codePoint = c;
                int width = 1;
                if (char.IsHighSurrogate(c) && k + 1 < span.Length && char.IsLowSurrogate(span[k + 1]))
                {
                    codePoint = char.ConvertToUtf32(c, span[k + 1]);
                    width = 2;
                }

                if (UnicodePrintable.IsPrintable(codePoint))
                {
                    sb.Append(span.Slice(k, width));
                }
                else if (codePoint <= 0xFF)
                {
                    AppendHexEscape(sb, 'x', codePoint, 2);
                }
                else if (codePoint <= 0xFFFF)
                {
                    AppendHexEscape(sb, 'u', codePoint, 4);
                }
                else
                {
                    AppendHexEscape(sb, 'U', codePoint, 8);
                }

                k += width;
            }
            while (k < span.Length && (span[k] >= 0x80 || !plain.Contains(span[k])));

            span = span[k..];
        }

        sb.Append(quote);
    }

    /// <summary>
    /// PyBytes_Repr: <c>b'...'</c>, escaping <c>\\</c>, the quote, <c>\t \n \r</c>, and bytes below
    /// 0x20 or from 0x7F as <c>\xhh</c>. bytearray_repr (Objects/bytearrayobject.c) picks its quote the
    /// same way but escapes <c>'</c> even inside double quotes: <c>bytearray(b"\'")</c>.
    /// </summary>
    private static void AppendBytes(StringBuilder sb, ReadOnlySpan<byte> span, bool isByteArray = false)
    {
        char quote = span.Contains((byte)'\'') && !span.Contains((byte)'"') ? '"' : '\'';

        // With " chosen the text holds no ", so the single-quote set (no ') is right for bytearray.
        SearchValues<byte> plain = quote == '\'' || isByteArray ? s_plainBytesInSingleQuotes : s_plainBytesInDoubleQuotes;
        sb.Append('b').Append(quote);
        Span<char> chars = stackalloc char[256];
        while (true)
        {
            int i = span.IndexOfAnyExcept(plain);
            int run = i < 0 ? span.Length : i;
            if (run > 0)
            {
                // Plain bytes are ASCII, one char each.
                ReadOnlySpan<byte> rest = span[..run];
                while (!rest.IsEmpty)
                {
                    int n = Math.Min(rest.Length, chars.Length);
                    int written = Encoding.ASCII.GetChars(rest[..n], chars);
                    sb.Append(chars[..written]);
                    rest = rest[n..];
                }
            }

            if (i < 0)
            {
                break;
            }

            byte b = span[i];
            switch (b)
            {
                case (byte)'\\':
                    sb.Append(@"\\");
                    break;
                case (byte)'\t':
                    sb.Append(@"\t");
                    break;
                case (byte)'\n':
                    sb.Append(@"\n");
                    break;
                case (byte)'\r':
                    sb.Append(@"\r");
                    break;
                default:
                    if (b == quote || b == '\'')
                    {
                        // A ' reaches here only when it is the quote or the value is a bytearray.
                        sb.Append('\\').Append((char)b);
                    }
                    else
                    {
                        AppendHexEscape(sb, 'x', b, 2);
                    }

                    break;
            }

            span = span[(i + 1)..];
        }

        sb.Append(quote);
    }

    private static void AppendHexEscape(StringBuilder sb, char kind, int value, int digits)
    {
        Span<char> buffer = stackalloc char[10];
        buffer[0] = '\\';
        buffer[1] = kind;
        for (int d = digits - 1; d >= 0; d--)
        {
            buffer[2 + d] = HexDigits[value & 0xF];
            value >>= 4;
        }

        sb.Append(buffer[..(2 + digits)]);
    }
}

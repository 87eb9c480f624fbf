using System.Text;

namespace PyStd.Objects;

/// <content>
/// String and bytes literals: the scanner of CPython 3.11's <c>tok_get</c> (prefixes, quotes,
/// triple quotes) and the escape decoding of <c>Parser/string_parser.c</c>,
/// <c>_PyUnicode_DecodeUnicodeEscapeInternal</c> (<c>Objects/unicodeobject.c</c>) and
/// <c>_PyBytes_DecodeEscape</c> (<c>Objects/bytesobject.c</c>).
/// </content>
public static partial class PyLiteral
{
    private sealed partial class Lexer
    {
        /// <summary>
        /// A string literal whose opening quote is at <see cref="_pos"/>; <paramref name="start"/>
        /// is where its prefix begins. A backslash always hides the next character from the
        /// search for the closing quote, even in raw strings (so <c>r'\'</c> is unterminated).
        /// </summary>
        private Token String(int start, StringPrefix prefix)
        {
            char quote = _code[_pos++];
            int quoteSize = 1;
            int endQuoteSize = 0;
            if (Peek() == quote)
            {
                _pos++;
                if (Peek() == quote)
                {
                    _pos++;
                    quoteSize = 3;
                }
                else
                {
                    endQuoteSize = 1; // the empty string
                }
            }

            int bodyStart = _pos;
            while (endQuoteSize != quoteSize)
            {
                int c = Take();
                if (c == Eof || (quoteSize == 1 && c == '\n'))
                {
                    int line = 1 + _code.AsSpan(0, Math.Min(_pos, _code.Length)).Count('\n') - (c == '\n' ? 1 : 0);
                    throw Fail(
                        quoteSize == 3
                            ? $"unterminated triple-quoted string literal (detected at line {line})"
                            : $"unterminated string literal (detected at line {line})",
                        start);
                }

                if (c == quote)
                {
                    endQuoteSize++;
                }
                else
                {
                    endQuoteSize = 0;
                    if (c == '\\')
                    {
                        Take();
                    }
                }
            }

            int bodyEnd = Math.Max(bodyStart, _pos - quoteSize);
            ReadOnlySpan<char> body = _code.AsSpan(bodyStart, bodyEnd - bodyStart);
            bool raw = (prefix & StringPrefix.Raw) != 0;
            object? value;
            if ((prefix & StringPrefix.Format) != 0)
            {
                value = null; // an f-string is an expression, never a literal: the parser refuses it
            }
            else if ((prefix & StringPrefix.Bytes) != 0)
            {
                value = DecodeBytes(body, bodyStart, raw);
            }
            else
            {
                value = raw || body.IndexOf('\\') < 0 ? body.ToString() : DecodeStr(body, bodyStart);
            }

            return new Token(TokenKind.String, start, value, null, prefix);
        }

        /// <summary>A bytes literal's body: ASCII only, then <c>_PyBytes_DecodeEscape</c> unless raw.</summary>
        private byte[] DecodeBytes(ReadOnlySpan<char> body, int bodyStart, bool raw)
        {
            for (int i = 0; i < body.Length; i++)
            {
                if (body[i] >= 0x80)
                {
                    throw Fail("bytes can only contain ASCII literal characters", bodyStart + i);
                }
            }

            var output = new byte[body.Length];
            int n = 0;
            for (int i = 0; i < body.Length;)
            {
                char c = body[i++];
                if (c != '\\' || raw)
                {
                    output[n++] = (byte)c;
                    continue;
                }

                int at = i - 1;
                char e = body[i++]; // the scanner never ends a body on a lone backslash
                switch (e)
                {
                    case '\n':
                        break;
                    case >= '0' and <= '7':
                        // Up to three octal digits; CPython 3.11 keeps the low 8 bits of \400-\777.
                        output[n++] = (byte)Octal(body, e, ref i);
                        break;
                    case 'x':
                        if (i + 1 < body.Length && char.IsAsciiHexDigit(body[i]) && char.IsAsciiHexDigit(body[i + 1]))
                        {
                            output[n++] = (byte)((HexValue(body[i]) << 4) | HexValue(body[i + 1]));
                            i += 2;
                            break;
                        }

                        throw Fail($"(value error) invalid \\x escape at position {at}", bodyStart + at);
                    default:
                        if (SimpleEscape(e) is char simple)
                        {
                            output[n++] = (byte)simple;
                        }
                        else
                        {
                            // Not an escape (\q, \u, \N in bytes): kept as written. CPython warns.
                            output[n++] = (byte)'\\';
                            i--;
                        }

                        break;
                }
            }

            return n == output.Length ? output : output.AsSpan(0, n).ToArray();
        }

        /// <summary>A str literal's body with escapes: <c>decode_unicode_with_escapes</c>.</summary>
        private string DecodeStr(ReadOnlySpan<char> body, int bodyStart)
        {
            var output = new StringBuilder(body.Length);
            for (int i = 0; i < body.Length;)
            {
                char c = body[i++];
                if (c != '\\')
                {
                    output.Append(c);
                    continue;
                }

                int at = i - 1;
                char e = body[i++];
                switch (e)
                {
                    case '\n':
                        break;
                    case >= '0' and <= '7':
                        output.Append((char)Octal(body, e, ref i));
                        break;
                    case 'x':
                        AppendCodePoint(output, HexEscape(body, ref i, 2, "truncated \\xXX escape", bodyStart + at));
                        break;
                    case 'u':
                        AppendCodePoint(output, HexEscape(body, ref i, 4, "truncated \\uXXXX escape", bodyStart + at));
                        break;
                    case 'U':
                        AppendCodePoint(output, HexEscape(body, ref i, 8, "truncated \\UXXXXXXXX escape", bodyStart + at));
                        break;
                    case 'N':
                        AppendCodePoint(output, NamedEscape(body, ref i, bodyStart + at));
                        break;
                    default:
                        if (SimpleEscape(e) is char simple)
                        {
                            output.Append(simple);
                        }
                        else
                        {
                            // Not an escape (\q, \8, \ followed by a non-ASCII letter): kept as written.
                            output.Append('\\');
                            i--;
                        }

                        break;
                }
            }

            return output.ToString();
        }

        private int HexEscape(ReadOnlySpan<char> body, ref int i, int count, string message, int at)
        {
            int value = 0;
            for (int k = 0; k < count; k++, i++)
            {
                if (i >= body.Length || !char.IsAsciiHexDigit(body[i]))
                {
                    throw Fail($"(unicode error) 'unicodeescape' codec can't decode bytes: {message}", at);
                }

                value = (value << 4) | HexValue(body[i]);
            }

            // Eight hex digits can exceed int: compare unsigned.
            if ((uint)value > 0x10FFFF)
            {
                throw Fail("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character", at);
            }

            return value;
        }

        /// <summary><c>\N{NAME}</c>: Unicode 14.0 names and aliases, as CPython 3.11 resolves them.</summary>
        private int NamedEscape(ReadOnlySpan<char> body, ref int i, int at)
        {
            const string Malformed = "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape";
            if (i >= body.Length || body[i] != '{')
            {
                throw Fail(Malformed, at);
            }

            int close = body[(i + 1)..].IndexOf('}');
            if (close <= 0)
            {
                throw Fail(Malformed, at);
            }

            ReadOnlySpan<char> name = body.Slice(i + 1, close);
            i += close + 2;
            if (!UnicodeNames.TryLookup(name, out int codePoint))
            {
                throw Fail(
                    UnicodeNames.Available
                        ? "(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name"
                        : "(unicode error) \\N{...} needs PyStd's embedded Unicode name table, which is missing from the assembly",
                    at);
            }

            return codePoint;
        }

        private static int Octal(ReadOnlySpan<char> body, char first, ref int i)
        {
            int value = first - '0';
            for (int k = 0; k < 2 && i < body.Length && body[i] is >= '0' and <= '7'; k++)
            {
                value = (value << 3) + (body[i++] - '0');
            }

            return value;
        }

        private static char? SimpleEscape(char e) => e switch
        {
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            _ => null,
        };

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        /// <summary>Appends a code point; a surrogate code point becomes a lone UTF-16 unit, as in Python.</summary>
        private static void AppendCodePoint(StringBuilder output, int codePoint)
        {
            if (codePoint < 0x10000)
            {
                output.Append((char)codePoint);
            }
            else
            {
                codePoint -= 0x10000;
                output.Append((char)(0xD800 + (codePoint >> 10)));
                output.Append((char)(0xDC00 + (codePoint & 0x3FF)));
            }
        }
    }
}

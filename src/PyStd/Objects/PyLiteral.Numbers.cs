using System.Globalization;
using System.Numerics;

namespace PyStd.Objects;

/// <content>
/// Number literals: the scanner of CPython 3.11's <c>tok_get</c> (decimal, <c>0x</c>/<c>0o</c>/<c>0b</c>,
/// underscores, floats, imaginary) and the conversion of <c>Parser/pegen.c</c>'s <c>parsenumber</c>.
/// </content>
public static partial class PyLiteral
{
    /// <summary>CPython 3.11's default <c>sys.get_int_max_str_digits()</c>.</summary>
    private const int MaxIntStringDigits = 4300;

    private sealed partial class Lexer
    {
        private enum NumberForm
        {
            Int,
            Float,
            Imaginary,
        }

        /// <summary>A number starting at <see cref="_pos"/> (a digit, or a '.' before a digit).</summary>
        private Token Number()
        {
            int start = _pos;
            int radix = 10;
            NumberForm form = NumberForm.Int;
            int c = Take();
            if (c == '.')
            {
                form = Fraction(Take());
            }
            else if (c == '0')
            {
                c = Take();
                if (c is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
                {
                    radix = c is 'x' or 'X' ? 16 : c is 'o' or 'O' ? 8 : 2;
                    RadixDigits(radix);
                }
                else
                {
                    // "0", "00", "0_0", or a float or imaginary number with leading zeros ("09.5", "00j").
                    while (true)
                    {
                        if (c == '_')
                        {
                            c = Take();
                            if (!IsDigit(c))
                            {
                                throw Fail("invalid decimal literal", _pos - 1);
                            }
                        }

                        if (c != '0')
                        {
                            break;
                        }

                        c = Take();
                    }

                    bool nonZero = false;
                    if (IsDigit(c))
                    {
                        nonZero = true;
                        c = DecimalTail();
                    }

                    if (c == '.')
                    {
                        form = Fraction(Take());
                    }
                    else if (c is 'e' or 'E')
                    {
                        form = Exponent(c);
                    }
                    else if (c is 'j' or 'J')
                    {
                        form = Imaginary();
                    }
                    else if (nonZero)
                    {
                        throw Fail(
                            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                            start);
                    }
                    else
                    {
                        Backup(c);
                        VerifyEndOfNumber("decimal");
                    }
                }
            }
            else
            {
                c = DecimalTail();
                form = c switch
                {
                    '.' => Fraction(Take()),
                    'e' or 'E' => Exponent(c),
                    'j' or 'J' => Imaginary(),
                    _ => EndOfInt(c),
                };
            }

            return new Token(TokenKind.Number, start, NumberValue(start, radix, form), null);
        }

        private int Take() => _pos < _code.Length ? _code[_pos++] : Eof;

        /// <summary>Steps back over the character last taken (nothing at the end of the text).</summary>
        private void Backup(int c)
        {
            if (c != Eof)
            {
                _pos--;
            }
        }

        private static bool IsDigit(int c) => c is >= '0' and <= '9';

        private NumberForm EndOfInt(int c)
        {
            Backup(c);
            VerifyEndOfNumber("decimal");
            return NumberForm.Int;
        }

        /// <summary><c>tok_decimal_tail</c>: the digits after one already taken; returns the character after them.</summary>
        private int DecimalTail()
        {
            while (true)
            {
                int c;
                do
                {
                    c = Take();
                }
                while (IsDigit(c));

                if (c != '_')
                {
                    return c;
                }

                c = Take();
                if (!IsDigit(c))
                {
                    throw Fail("invalid decimal literal", _pos - 1);
                }
            }
        }

        /// <summary>After the '.', with <paramref name="c"/> the character that follows it.</summary>
        private NumberForm Fraction(int c)
        {
            if (IsDigit(c))
            {
                c = DecimalTail();
            }

            return c switch
            {
                'e' or 'E' => Exponent(c),
                'j' or 'J' => Imaginary(),
                _ => EndOfFloat(c),
            };
        }

        private NumberForm EndOfFloat(int c)
        {
            Backup(c);
            VerifyEndOfNumber("decimal");
            return NumberForm.Float;
        }

        private NumberForm Exponent(int e)
        {
            int c = Take();
            if (c is '+' or '-')
            {
                c = Take();
                if (!IsDigit(c))
                {
                    throw Fail("invalid decimal literal", _pos - 1);
                }
            }
            else if (!IsDigit(c))
            {
                // "1e" or "1else": CPython ends the number before the 'e' only when a keyword
                // (else) follows, which no literal allows; either way it is not a literal.
                throw Fail("invalid decimal literal", _pos - 1);
            }

            c = DecimalTail();
            if (c is 'j' or 'J')
            {
                return Imaginary();
            }

            Backup(c);
            VerifyEndOfNumber("decimal");
            return NumberForm.Float;
        }

        private NumberForm Imaginary()
        {
            VerifyEndOfNumber("imaginary");
            return NumberForm.Imaginary;
        }

        /// <summary>
        /// <c>verify_end_of_number</c>: a number must not run into a name (<c>1a</c>, <c>0x1g</c>,
        /// <c>1jfoo</c>). CPython lets a keyword follow with a warning (<c>1if x else y</c>), but no
        /// literal has a keyword after a number, so here that is refused at once.
        /// </summary>
        private void VerifyEndOfNumber(string kind)
        {
            if (IsIdentifierChar(Peek()))
            {
                throw Fail($"invalid {kind} literal", _pos);
            }
        }

        /// <summary>The digits after <c>0x</c>, <c>0o</c> or <c>0b</c>, underscores allowed between them.</summary>
        private void RadixDigits(int radix)
        {
            string kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
            int c = Take();
            do
            {
                if (c == '_')
                {
                    c = Take();
                }

                if (!IsRadixDigit(c, radix))
                {
                    if (radix != 16 && IsDigit(c))
                    {
                        throw Fail($"invalid digit '{(char)c}' in {kind} literal", _pos - 1);
                    }

                    throw Fail($"invalid {kind} literal", c == Eof ? _pos : _pos - 1);
                }

                do
                {
                    c = Take();
                }
                while (IsRadixDigit(c, radix));
            }
            while (c == '_');

            if (radix != 16 && IsDigit(c))
            {
                throw Fail($"invalid digit '{(char)c}' in {kind} literal", _pos - 1);
            }

            Backup(c);
            VerifyEndOfNumber(kind);
        }

        private static bool IsRadixDigit(int c, int radix) => radix switch
        {
            16 => c >= 0 && char.IsAsciiHexDigit((char)c),
            8 => c is >= '0' and <= '7',
            _ => c is '0' or '1',
        };

        /// <summary><c>parsenumber</c>: the value of the token just scanned, underscores dropped.</summary>
        private object NumberValue(int start, int radix, NumberForm form)
        {
            ReadOnlySpan<char> text = _code.AsSpan(start, _pos - start);
            Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
            int length = 0;
            foreach (char ch in text)
            {
                if (ch != '_')
                {
                    buffer[length++] = ch;
                }
            }

            ReadOnlySpan<char> digits = buffer[..length];
            switch (form)
            {
                case NumberForm.Float:
                    return ParseDouble(digits);
                case NumberForm.Imaginary:
                    return new Complex(0.0, ParseDouble(digits[..^1]));
                default:
                    if (radix != 10)
                    {
                        return PyInt.Normalize(ParsePowerOfTwoRadix(digits[2..], radix));
                    }

                    if (digits[0] == '0')
                    {
                        return 0L;
                    }

                    if (digits.Length > MaxIntStringDigits)
                    {
                        throw Fail(
                            $"Exceeds the limit ({MaxIntStringDigits} digits) for integer string conversion: value has {digits.Length} digits; "
                            + "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals "
                            + "to avoid decimal conversion limits.",
                            start);
                    }

                    return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long small)
                        ? small
                        : PyInt.Normalize(BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>
    /// A float literal's value, correctly rounded as CPython's <c>PyOS_string_to_double</c> is;
    /// too large is infinity (<c>1e999</c>), too small is zero. The scanner has already checked
    /// the syntax, which .NET's parser accepts as is (<c>1.</c>, <c>.5</c>, <c>1.e5</c>).
    /// </summary>
    private static double ParseDouble(ReadOnlySpan<char> digits) =>
        double.Parse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    /// <summary>Hex, octal or binary digits to an integer in linear time (no digit limit applies to these).</summary>
    private static BigInteger ParsePowerOfTwoRadix(ReadOnlySpan<char> digits, int radix)
    {
        int bitsPerDigit = radix == 16 ? 4 : radix == 8 ? 3 : 1;
        var bytes = new byte[((digits.Length * bitsPerDigit) + 7) / 8 + 1];
        int bit = 0;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int value = char.IsAsciiDigit(digits[i]) ? digits[i] - '0' : (digits[i] | 0x20) - 'a' + 10;
            for (int k = 0; k < bitsPerDigit; k++, bit++)
            {
                if ((value >> k & 1) != 0)
                {
                    bytes[bit >> 3] |= (byte)(1 << (bit & 7));
                }
            }
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>
    /// Python's <c>float(int)</c>: correctly rounded (half to even), <c>OverflowError</c> past the
    /// largest double. .NET's explicit BigInteger-to-double conversion truncates, so large values
    /// go through the correctly rounded decimal parser instead.
    /// </summary>
    private static bool TryIntToDouble(object value, out double result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case BigInteger b:
                if (b.GetBitLength() > 1024)
                {
                    result = 0;
                    return false;
                }

                result = double.Parse(b.ToString(CultureInfo.InvariantCulture), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return !double.IsInfinity(result);
            case double d:
                result = d;
                return true;
            default:
                result = 0;
                return false;
        }
    }
}

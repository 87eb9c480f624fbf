namespace PyStd.Objects;

/// <content>The tokenizer: CPython 3.11's <c>Parser/tokenizer.c</c> for the tokens a literal can use.</content>
public static partial class PyLiteral
{
    private enum TokenKind : byte
    {
        EndMarker,
        Newline,
        Number,
        String,
        Name,
        Operator,
    }

    [Flags]
    private enum StringPrefix : byte
    {
        None = 0,
        Bytes = 1,
        Raw = 2,
        Unicode = 4,
        Format = 8,
    }

    /// <summary>
    /// One token. <see cref="Start"/> is an index into <see cref="Source.Code"/>. Numbers carry their
    /// value (long, BigInteger, double, or an imaginary Complex); strings their decoded value
    /// (string or byte[], null for f-strings) and prefix; names and operators their text.
    /// </summary>
    private readonly record struct Token(TokenKind Kind, int Start, object? Value, string? Text, StringPrefix Prefix = StringPrefix.None)
    {
        public bool IsOperator(char op) =>
            Kind == TokenKind.Operator && Text!.Length == 1 && Text[0] == op;
    }

    /// <summary>
    /// The text as CPython's tokenizer sees it: leading spaces and tabs stripped (as
    /// <c>literal_eval</c> does with <c>lstrip(" \t")</c>) and every <c>\r\n</c> or lone <c>\r</c>
    /// turned into <c>\n</c> (<c>translate_newlines</c>), with a map back to the caller's text for
    /// error positions.
    /// </summary>
    private sealed class Source
    {
        private readonly string _original;
        private readonly int _strip;
        private readonly int[]? _map;

        public Source(string text)
        {
            _original = text;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\0')
                {
                    // CPython 3.11: compile() refuses the whole string before tokenizing it.
                    throw FailAtOriginal("source code string cannot contain null bytes", i);
                }

                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        i++;
                        continue;
                    }

                    // compile() encodes the source to UTF-8 first, which fails on a lone surrogate.
                    throw FailAtOriginal(
                        $"'utf-8' codec can't encode character '\\u{(int)c:x4}': surrogates not allowed", i);
                }
            }

            while (_strip < text.Length && text[_strip] is ' ' or '\t')
            {
                _strip++;
            }

            if (text.AsSpan(_strip).IndexOf('\r') < 0)
            {
                Code = text[_strip..];
                return;
            }

            var code = new System.Text.StringBuilder(text.Length - _strip);
            var map = new List<int>(text.Length - _strip);
            for (int i = _strip; i < text.Length; i++)
            {
                map.Add(i);
                if (text[i] == '\r')
                {
                    code.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    code.Append(text[i]);
                }
            }

            Code = code.ToString();
            _map = map.ToArray();
        }

        /// <summary>The text the tokenizer reads.</summary>
        public string Code { get; }

        /// <summary>An exception for a problem at an index of <see cref="Code"/>.</summary>
        public LiteralSyntaxException Fail(string message, int index)
        {
            int offset = index >= Code.Length
                ? _original.Length
                : _map is null ? index + _strip : _map[Math.Max(index, 0)];
            return FailAtOriginal(message, offset);
        }

        private LiteralSyntaxException FailAtOriginal(string message, int offset)
        {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset && i < _original.Length; i++)
            {
                char c = _original[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= _original.Length || _original[i + 1] != '\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return new LiteralSyntaxException(message, offset, line, offset - lineStart + 1);
        }
    }

    /// <summary>
    /// Turns <see cref="Source.Code"/> into tokens on demand. It follows <c>tok_get</c>: indentation
    /// is measured at the start of each line outside brackets (any indentation is an error, as
    /// an eval-mode parse never accepts INDENT), blank and comment-only lines vanish, a newline
    /// inside brackets is whitespace, a backslash joins lines, and brackets nest at most 200 deep.
    /// </summary>
    private sealed partial class Lexer
    {
        private const int MaxLevel = 200;
        private const int TabSize = 8;
        private const int Eof = -1;

        private readonly string _code;
        private readonly char[] _parens = new char[MaxLevel];
        private readonly int[] _parenStarts = new int[MaxLevel];
        private int _pos;
        private int _level;
        private bool _atBol = true;

        public Lexer(Source source)
        {
            Source = source;
            _code = source.Code;
        }

        public Source Source { get; }

        public LiteralSyntaxException Fail(string message, int index) => Source.Fail(message, index);

        public Token Next()
        {
            while (true)
            {
                bool blankLine = false;
                if (_atBol)
                {
                    _atBol = false;
                    blankLine = MeasureIndentation();
                }

                if (NextOnLine(blankLine) is Token token)
                {
                    return token;
                }
            }
        }

        private int Peek(int ahead = 0) => _pos + ahead < _code.Length ? _code[_pos + ahead] : Eof;

        /// <summary>The start-of-line loop of <c>tok_get</c>; returns whether the line is blank.</summary>
        private bool MeasureIndentation()
        {
            int col = 0;
            int contLineCol = 0;
            while (true)
            {
                int c = Peek();
                if (c == ' ')
                {
                    col++;
                }
                else if (c == '\t')
                {
                    col = ((col / TabSize) + 1) * TabSize;
                }
                else if (c == '\f')
                {
                    col = 0;
                }
                else if (c == '\\')
                {
                    // CPython 3.11 keeps the column of the first backslash, but a column of 0
                    // reads as "none yet", so "\\\n 1" is an unexpected indent.
                    contLineCol = contLineCol != 0 ? contLineCol : col;
                    ContinuationLine();
                    continue;
                }
                else
                {
                    break;
                }

                _pos++;
            }

            int next = Peek();
            bool blank = next is '#' or '\n';
            if (!blank && _level == 0 && (contLineCol != 0 ? contLineCol : col) != 0)
            {
                throw Fail("unexpected indent", _pos);
            }

            return blank;
        }

        /// <summary>A backslash at <see cref="_pos"/>: it must end the line, and more must follow.</summary>
        private void ContinuationLine()
        {
            int at = _pos;
            _pos++;
            if (Peek() != '\n')
            {
                throw Fail("unexpected character after line continuation character", at);
            }

            _pos++;
            if (Peek() == Eof)
            {
                throw Fail("unexpected EOF while parsing", at);
            }
        }

        /// <summary>The rest of <c>tok_get</c>; null when a newline must be skipped (blank line or inside brackets).</summary>
        private Token? NextOnLine(bool blankLine)
        {
            while (true)
            {
                int c = Peek();
                while (c is ' ' or '\t' or '\f')
                {
                    _pos++;
                    c = Peek();
                }

                if (c == '#')
                {
                    while (c != Eof && c != '\n')
                    {
                        _pos++;
                        c = Peek();
                    }
                }

                int start = _pos;
                if (c == Eof)
                {
                    if (_level > 0)
                    {
                        throw Fail($"'{_parens[_level - 1]}' was never closed", _parenStarts[_level - 1]);
                    }

                    return new Token(TokenKind.EndMarker, start, null, null);
                }

                if (IsIdentifierStart(c))
                {
                    return NameOrString();
                }

                if (c == '\n')
                {
                    _pos++;
                    _atBol = true;
                    if (blankLine || _level > 0)
                    {
                        return null;
                    }

                    return new Token(TokenKind.Newline, start, null, null);
                }

                if (c == '.')
                {
                    if (char.IsAsciiDigit((char)Math.Max(Peek(1), 0)))
                    {
                        return Number();
                    }

                    if (Peek(1) == '.' && Peek(2) == '.')
                    {
                        _pos += 3;
                        return new Token(TokenKind.Operator, start, null, "...");
                    }
                }

                if (c is >= '0' and <= '9')
                {
                    return Number();
                }

                if (c is '\'' or '"')
                {
                    return String(start, StringPrefix.None);
                }

                if (c == '\\')
                {
                    ContinuationLine();
                    continue;
                }

                _pos++;
                switch (c)
                {
                    case '(' or '[' or '{':
                        if (_level >= MaxLevel)
                        {
                            throw Fail("too many nested parentheses", start);
                        }

                        _parens[_level] = (char)c;
                        _parenStarts[_level] = start;
                        _level++;
                        break;
                    case ')' or ']' or '}':
                        if (_level == 0)
                        {
                            throw Fail($"unmatched '{(char)c}'", start);
                        }

                        char open = _parens[--_level];
                        if ((open, c) is not (('(', ')') or ('[', ']') or ('{', '}')))
                        {
                            throw Fail($"closing parenthesis '{(char)c}' does not match opening parenthesis '{open}'", start);
                        }

                        break;
                    case '*' or '/' or '<' or '>' or '=' or '!':
                        // Two-character operators, only so that messages quote them whole.
                        if (Peek() == c || Peek() == '=')
                        {
                            _pos++;
                        }

                        break;
                }

                return new Token(TokenKind.Operator, start, null, _code[start.._pos]);
            }
        }

        private static bool IsIdentifierStart(int c) =>
            c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or >= 128;

        private static bool IsIdentifierChar(int c) =>
            c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or >= 128;

        /// <summary>A name, or a string literal with a prefix (<c>rb'…'</c>): CPython's <c>saw_b/saw_r/saw_u/saw_f</c> loop.</summary>
        private Token NameOrString()
        {
            int start = _pos;
            var prefix = StringPrefix.None;
            for (int p = _pos; p < _code.Length; p++)
            {
                char c = _code[p];
                bool b = (prefix & StringPrefix.Bytes) != 0;
                bool r = (prefix & StringPrefix.Raw) != 0;
                bool u = (prefix & StringPrefix.Unicode) != 0;
                bool f = (prefix & StringPrefix.Format) != 0;
                if (!(b || u || f) && c is 'b' or 'B')
                {
                    prefix |= StringPrefix.Bytes;
                }
                else if (!(b || u || r || f) && c is 'u' or 'U')
                {
                    prefix |= StringPrefix.Unicode;
                }
                else if (!(r || u) && c is 'r' or 'R')
                {
                    prefix |= StringPrefix.Raw;
                }
                else if (!(f || b || u) && c is 'f' or 'F')
                {
                    prefix |= StringPrefix.Format;
                }
                else
                {
                    break;
                }

                if (p + 1 < _code.Length && _code[p + 1] is '\'' or '"')
                {
                    _pos = p + 1;
                    return String(start, prefix);
                }
            }

            bool ascii = true;
            while (IsIdentifierChar(Peek()))
            {
                ascii &= Peek() < 128;
                _pos++;
            }

            string name = _code[start.._pos];
            return new Token(TokenKind.Name, start, null, ascii ? name : NonAsciiName(name, start));
        }

        /// <summary>
        /// A name with non-ASCII letters. CPython checks it is an identifier (PEP 3131) and then
        /// normalises it with NFKC, so <c>ｓｅｔ()</c> is <c>set()</c>. Only that one name matters to
        /// a literal; anything else is kept as written, to be refused as not a literal.
        /// </summary>
        private string NonAsciiName(string name, int start)
        {
            if (UnicodeNames.NormalizesToSet(name))
            {
                return "set";
            }

            for (int i = 0; i < name.Length; i += char.IsSurrogatePair(name, i) ? 2 : 1)
            {
                int cp = char.ConvertToUtf32(name, i);
                var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(cp);
                bool valid = category switch
                {
                    System.Globalization.UnicodeCategory.UppercaseLetter
                        or System.Globalization.UnicodeCategory.LowercaseLetter
                        or System.Globalization.UnicodeCategory.TitlecaseLetter
                        or System.Globalization.UnicodeCategory.ModifierLetter
                        or System.Globalization.UnicodeCategory.OtherLetter
                        or System.Globalization.UnicodeCategory.LetterNumber => true,
                    System.Globalization.UnicodeCategory.NonSpacingMark
                        or System.Globalization.UnicodeCategory.SpacingCombiningMark
                        or System.Globalization.UnicodeCategory.DecimalDigitNumber
                        or System.Globalization.UnicodeCategory.ConnectorPunctuation => i > 0,
                    _ => cp < 128,
                };
                if (!valid)
                {
                    bool printable = category is not (System.Globalization.UnicodeCategory.Control
                        or System.Globalization.UnicodeCategory.Format
                        or System.Globalization.UnicodeCategory.SpaceSeparator
                        or System.Globalization.UnicodeCategory.LineSeparator
                        or System.Globalization.UnicodeCategory.ParagraphSeparator
                        or System.Globalization.UnicodeCategory.OtherNotAssigned
                        or System.Globalization.UnicodeCategory.PrivateUse
                        or System.Globalization.UnicodeCategory.Surrogate);
                    throw Fail(
                        printable
                            ? $"invalid character '{char.ConvertFromUtf32(cp)}' (U+{cp:X4})"
                            : $"invalid non-printable character U+{cp:X4}",
                        start + i);
                }
            }

            return name;
        }
    }
}

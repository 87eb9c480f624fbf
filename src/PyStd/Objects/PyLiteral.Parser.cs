using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace PyStd.Objects;

/// <content>
/// The parser: a recursive descent over the part of CPython 3.11's eval-mode grammar that
/// <c>literal_eval</c> can convert, applying <c>literal_eval</c>'s rules (<c>Lib/ast.py</c>) as it goes.
/// </content>
public static partial class PyLiteral
{
    private static readonly HashSet<string> s_keywords =
    [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    /// <summary>
    /// What a parsed expression is, as far as <c>literal_eval</c> cares. Parentheses keep the kind:
    /// <c>(1)</c> is still a <see cref="Number"/> and <c>(set)()</c> still a call of <c>set</c>.
    /// </summary>
    private enum OperandKind : byte
    {
        /// <summary>Any other literal value: None, bool, str, bytes, a container, a complex sum.</summary>
        Value,

        /// <summary>A number constant (<c>ast.Constant</c> of int, float or complex).</summary>
        Number,

        /// <summary>A number constant under one unary <c>+</c> or <c>-</c> (<c>ast.UnaryOp</c>).</summary>
        SignedNumber,

        /// <summary>The name <c>set</c>, which is only a literal when called with no arguments.</summary>
        SetName,
    }

    private readonly record struct Operand(OperandKind Kind, object? Value, int Start);

    /// <summary>
    /// How deep CPython 3.11's PEG parser recurses for a literal, so that what overflows its stack
    /// (<c>MAXSTACK</c> 6000 levels: <c>MemoryError</c>) is refused here too. Depths are in parser
    /// levels, measured against CPython 3.11.7 with a chain of unary minuses (one level each):
    /// <c>'-' * 5975 + '1'</c> is the deepest plain number it parses. They add up along the path
    /// to each atom: an item of a list adds 29 (first) or 30 (later); of a parenthesised tuple 28,
    /// 30, then 31; a group <c>(x)</c> 28; a dict key or value or a set member 29 (first) or 30;
    /// a later top-level tuple item 2; a unary sign 1; a string 2; the argument list of
    /// <c>set()</c> 24. An empty display or a trailing comma costs what an item in the next place
    /// would (the parser tries one there). So <c>[1, [1, … 200 deep</c> overflows (200 × 30) while
    /// <c>[[[… 200 deep</c> does not (200 × 29).
    /// </summary>
    private static class ParserDepth
    {
        public const int Limit = 5975;
        public const int String = 2;
        public const int Sign = 1;
        public const int SetCall = 24;
        public const int TopLevelLater = 2;
        public const int Group = 28;
        public const int TupleSecond = 30;
        public const int TupleLater = 31;
        public const int First = 29;
        public const int Later = 30;

        /// <summary>The depth added for item <paramref name="index"/> (0-based) of a parenthesised tuple.</summary>
        public static int TupleItem(int index) => index == 0 ? Group : index == 1 ? TupleSecond : TupleLater;
    }

    private sealed class Parser
    {
        private readonly Lexer _lexer;
        private Token _token;

        public Parser(Lexer lexer)
        {
            _lexer = lexer;
            _token = lexer.Next();
        }

        /// <summary><c>eval: expressions NEWLINE* ENDMARKER</c>; a bare comma makes a tuple.</summary>
        public object? ParseLiteral()
        {
            object? result;
            Operand first = ParseExpression(0);
            if (_token.IsOperator(','))
            {
                var items = new List<object?> { ValueOf(first) };
                while (_token.IsOperator(','))
                {
                    Advance();
                    if (_token.Kind is TokenKind.Newline or TokenKind.EndMarker)
                    {
                        break;
                    }

                    items.Add(ValueOf(ParseExpression(ParserDepth.TopLevelLater)));
                }

                result = PyTuple.FromOwnedArray(items.ToArray());
            }
            else
            {
                result = ValueOf(first);
            }

            while (_token.Kind == TokenKind.Newline)
            {
                Advance();
            }

            if (_token.Kind != TokenKind.EndMarker)
            {
                throw Unexpected();
            }

            return result;
        }

        private void Advance() => _token = _lexer.Next();

        /// <summary>Refuses a literal whose parse would take CPython's parser past its stack limit (<see cref="ParserDepth"/>).</summary>
        private void Reach(int depth, int at)
        {
            if (depth > ParserDepth.Limit)
            {
                throw Fail(
                    "too complex to parse: CPython 3.11's parser runs out of stack (MemoryError) on a literal nested this deeply",
                    at);
            }
        }

        private LiteralSyntaxException Fail(string message, int index) => _lexer.Fail(message, index);

        private LiteralSyntaxException Malformed(string what, int index) =>
            Fail($"malformed node or string: {what}", index);

        /// <summary>The error for a token the grammar of literals has no place for.</summary>
        private LiteralSyntaxException Unexpected()
        {
            Token t = _token;
            return t.Kind switch
            {
                TokenKind.EndMarker => Fail("invalid syntax: unexpected end of input", t.Start),
                TokenKind.Newline => Fail("invalid syntax: unexpected end of line", t.Start),
                TokenKind.Operator when t.Text is "+" or "-" =>
                    Malformed($"only one '{t.Text}' may join a real number and an imaginary number", t.Start),
                TokenKind.Operator when t.Text is "(" => Malformed("only set() may be called in a literal", t.Start),
                TokenKind.Operator when t.Text is "[" => Malformed("subscripts are not literals", t.Start),
                TokenKind.Operator when t.Text is "." => Malformed("attribute access is not a literal", t.Start),
                TokenKind.Operator when t.Text is "*" or "**" or "/" or "//" or "%" or "@" or "&" or "|" or "^" or "~"
                    or "<<" or ">>" or "<" or ">" or "<=" or ">=" or "==" or "!=" =>
                    Malformed($"operator '{t.Text}' is not allowed in a literal", t.Start),
                TokenKind.Operator => Fail($"invalid syntax: unexpected '{t.Text}'", t.Start),
                TokenKind.Name when s_keywords.Contains(t.Text!) => Fail($"invalid syntax: unexpected keyword '{t.Text}'", t.Start),
                TokenKind.Number => Fail("invalid syntax: unexpected number (missing comma?)", t.Start),
                TokenKind.String => Fail("invalid syntax: unexpected string (missing comma?)", t.Start),
                _ => Fail($"invalid syntax: unexpected name '{t.Text}' (missing comma?)", t.Start),
            };
        }

        private void Expect(char op)
        {
            if (!_token.IsOperator(op))
            {
                throw Unexpected();
            }

            Advance();
        }

        /// <summary>An operand used as a value (a container item, the whole literal): a bare <c>set</c> is not one.</summary>
        private object? ValueOf(Operand operand) =>
            operand.Kind == OperandKind.SetName
                ? throw Malformed("name 'set' is not a literal (did you mean set()?)", operand.Start)
                : operand.Value;

        /// <summary>
        /// <c>sum</c>, restricted as <c>literal_eval</c> restricts <c>BinOp</c>: exactly one <c>+</c>
        /// or <c>-</c>, with an int or float (optionally signed) on the left and an unsigned
        /// imaginary number on the right.
        /// </summary>
        private Operand ParseExpression(int depth)
        {
            Operand left = ParseFactor(depth);
            if (!_token.IsOperator('+') && !_token.IsOperator('-'))
            {
                return left;
            }

            Token op = _token;
            Advance();
            Operand right = ParseFactor(depth);
            if (_token.IsOperator('+') || _token.IsOperator('-'))
            {
                throw Unexpected();
            }

            bool realLeft = left.Kind is OperandKind.Number or OperandKind.SignedNumber && left.Value is not Complex;
            if (!realLeft || right.Kind != OperandKind.Number || right.Value is not Complex imaginary)
            {
                throw Malformed(
                    $"'{op.Text}' may only join a real number on its left and an imaginary number on its right (like 1{op.Text}2j)",
                    op.Start);
            }

            if (!TryIntToDouble(left.Value!, out double real))
            {
                throw Fail("int too large to convert to float", left.Start);
            }

            // CPython's complex_add/complex_sub on (real + 0j) and the imaginary literal.
            var sum = op.Text == "+"
                ? new Complex(real + imaginary.Real, 0.0 + imaginary.Imaginary)
                : new Complex(real - imaginary.Real, 0.0 - imaginary.Imaginary);
            return new Operand(OperandKind.Value, sum, left.Start);
        }

        /// <summary><c>factor</c>: one unary <c>+</c> or <c>-</c>, on a number constant only.</summary>
        private Operand ParseFactor(int depth)
        {
            if (!_token.IsOperator('+') && !_token.IsOperator('-'))
            {
                return ParsePrimary(depth);
            }

            Token sign = _token;
            Advance();
            if (_token.IsOperator('+') || _token.IsOperator('-'))
            {
                throw Malformed("a sign may not apply to another sign (like --1)", _token.Start);
            }

            Operand operand = ParsePrimary(depth + ParserDepth.Sign);
            if (operand.Kind != OperandKind.Number)
            {
                throw Malformed($"unary '{sign.Text}' applies only to a number", sign.Start);
            }

            object value = operand.Value!;
            if (sign.Text == "-")
            {
                value = value switch
                {
                    long l when l == long.MinValue => PyInt.Normalize(-(BigInteger)l),
                    long l => -l,
                    BigInteger b => PyInt.Normalize(-b),
                    double d => -d,
                    _ => -(Complex)value,
                };
            }

            return new Operand(OperandKind.SignedNumber, value, sign.Start);
        }

        /// <summary><c>primary</c>: an atom, and the one call a literal allows, <c>set()</c>.</summary>
        private Operand ParsePrimary(int depth)
        {
            Operand atom = ParseAtom(depth);
            if (atom.Kind == OperandKind.SetName && _token.IsOperator('('))
            {
                int open = _token.Start;
                Reach(depth + ParserDepth.SetCall, open);
                Advance();
                if (!_token.IsOperator(')'))
                {
                    throw Malformed("set() takes no arguments in a literal", open);
                }

                Advance();
                atom = new Operand(OperandKind.Value, new PySet(), atom.Start);
            }

            if (_token.IsOperator('(') || _token.IsOperator('[') || _token.IsOperator('.'))
            {
                throw Unexpected();
            }

            return atom;
        }

        private Operand ParseAtom(int depth)
        {
            Token t = _token;
            switch (t.Kind)
            {
                case TokenKind.Number:
                    Reach(depth, t.Start);
                    Advance();
                    return new Operand(OperandKind.Number, t.Value, t.Start);
                case TokenKind.String:
                    Reach(depth + ParserDepth.String, t.Start);
                    return new Operand(OperandKind.Value, ParseStrings(), t.Start);
                case TokenKind.Name:
                    Reach(depth, t.Start);
                    Advance();
                    return t.Text switch
                    {
                        "None" => new Operand(OperandKind.Value, null, t.Start),
                        "True" => new Operand(OperandKind.Value, true, t.Start),
                        "False" => new Operand(OperandKind.Value, false, t.Start),
                        "set" => new Operand(OperandKind.SetName, null, t.Start),
                        _ when s_keywords.Contains(t.Text!) => throw Fail($"invalid syntax: unexpected keyword '{t.Text}'", t.Start),
                        _ => throw Malformed($"name '{t.Text}' is not a literal", t.Start),
                    };
                case TokenKind.Operator:
                    switch (t.Text)
                    {
                        case "(":
                            return ParseParenthesized(depth);
                        case "[":
                            return ParseList(depth);
                        case "{":
                            return ParseBraces(depth);
                        case "...":
                            throw Malformed("Ellipsis (...) has no type in PyStd's value model", t.Start);
                    }

                    break;
            }

            throw Unexpected();
        }

        /// <summary>Adjacent string literals concatenate; str and bytes do not mix; f-strings are not literals.</summary>
        private object ParseStrings()
        {
            Token first = _token;
            Advance();
            if (_token.Kind != TokenKind.String && (first.Prefix & StringPrefix.Format) == 0)
            {
                return first.Value!;
            }

            bool bytes = (first.Prefix & StringPrefix.Bytes) != 0;
            int formatAt = -1;
            var text = new StringBuilder();
            var data = new List<byte>();
            Token t = first;
            while (true)
            {
                if (((t.Prefix & StringPrefix.Bytes) != 0) != bytes)
                {
                    throw Fail("cannot mix bytes and nonbytes literals", t.Start);
                }

                if ((t.Prefix & StringPrefix.Format) != 0)
                {
                    formatAt = formatAt < 0 ? t.Start : formatAt;
                }
                else if (t.Value is byte[] b)
                {
                    data.AddRange(b);
                }
                else
                {
                    text.Append((string)t.Value!);
                }

                if (_token.Kind != TokenKind.String)
                {
                    break;
                }

                t = _token;
                Advance();
            }

            if (formatAt >= 0)
            {
                throw Malformed("f-strings are expressions, not literals", formatAt);
            }

            return bytes ? data.ToArray() : text.ToString();
        }

        /// <summary>Guards every bracket: CPython's tokenizer stops at 200 levels, and so does this thread's stack.</summary>
        private void EnterBracket()
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw Fail("literal nested too deeply for this thread's stack", _token.Start);
            }

            Advance();
        }

        /// <summary><c>()</c>, <c>(x)</c> (just x, kind kept), or a tuple <c>(x,)</c>, <c>(x, y)</c>.</summary>
        private Operand ParseParenthesized(int depth)
        {
            int start = _token.Start;
            EnterBracket();
            if (_token.IsOperator(')'))
            {
                Reach(depth + ParserDepth.Group, _token.Start);
                Advance();
                return new Operand(OperandKind.Value, PyTuple.Empty, start);
            }

            Operand first = ParseExpression(depth + ParserDepth.Group);
            if (_token.IsOperator(')'))
            {
                Advance();
                return first;
            }

            if (!_token.IsOperator(','))
            {
                throw Unexpected();
            }

            var items = new List<object?> { ValueOf(first) };
            while (_token.IsOperator(','))
            {
                Advance();
                int itemDepth = depth + ParserDepth.TupleItem(items.Count);
                if (_token.IsOperator(')'))
                {
                    Reach(itemDepth, _token.Start);
                    break;
                }

                items.Add(ValueOf(ParseExpression(itemDepth)));
            }

            Expect(')');
            return new Operand(OperandKind.Value, PyTuple.FromOwnedArray(items.ToArray()), start);
        }

        private Operand ParseList(int depth)
        {
            int start = _token.Start;
            EnterBracket();
            var items = new List<object?>();
            while (true)
            {
                int itemDepth = depth + (items.Count == 0 ? ParserDepth.First : ParserDepth.Later);
                if (_token.IsOperator(']'))
                {
                    Reach(itemDepth, _token.Start);
                    break;
                }

                items.Add(ValueOf(ParseExpression(itemDepth)));
                if (!_token.IsOperator(','))
                {
                    break;
                }

                Advance();
            }

            Expect(']');
            return new Operand(OperandKind.Value, items, start);
        }

        /// <summary><c>{}</c> (a dict), <c>{k: v, …}</c>, or a set <c>{x, …}</c>.</summary>
        private Operand ParseBraces(int depth)
        {
            int start = _token.Start;
            EnterBracket();
            if (_token.IsOperator('}'))
            {
                Reach(depth + ParserDepth.First, _token.Start);
                Advance();
                return new Operand(OperandKind.Value, new PyDict(), start);
            }

            Operand first = ParseExpression(depth + ParserDepth.First);
            int laterDepth = depth + ParserDepth.Later;
            if (_token.IsOperator(':'))
            {
                var dict = new PyDict();
                Operand key = first;
                while (true)
                {
                    Expect(':');
                    object? value = ValueOf(ParseExpression(dict.Count == 0 ? depth + ParserDepth.First : laterDepth));
                    try
                    {
                        // As in dict(zip(keys, values)): an equal key keeps the first key object and the last value.
                        dict[ValueOf(key)] = value;
                    }
                    catch (PyTypeException e)
                    {
                        throw Fail(e.Message, key.Start);
                    }

                    if (!_token.IsOperator(','))
                    {
                        break;
                    }

                    Advance();
                    if (_token.IsOperator('}'))
                    {
                        Reach(laterDepth, _token.Start);
                        break;
                    }

                    key = ParseExpression(laterDepth);
                }

                Expect('}');
                return new Operand(OperandKind.Value, dict, start);
            }

            var set = new PySet();
            Operand item = first;
            while (true)
            {
                try
                {
                    set.Add(ValueOf(item));
                }
                catch (PyTypeException e)
                {
                    throw Fail(e.Message, item.Start);
                }

                if (!_token.IsOperator(','))
                {
                    break;
                }

                Advance();
                if (_token.IsOperator('}'))
                {
                    Reach(laterDepth, _token.Start);
                    break;
                }

                item = ParseExpression(laterDepth);
            }

            Expect('}');
            return new Operand(OperandKind.Value, set, start);
        }
    }
}

using System.Numerics;
using System.Text;
using PyStd.Objects;

namespace PyStd.Tests.Objects;

/// <summary>
/// <see cref="PyLiteral"/> against CPython 3.11's <c>ast.literal_eval</c>: containers, names,
/// operators, layout and errors here; numbers, strings and the python3-generated tables in the
/// other parts of this class.
/// </summary>
public partial class PyLiteralTests
{
    [Fact]
    public void None_true_and_false_are_the_only_names_besides_set()
    {
        Assert.Null(PyLiteral.Parse("None"));
        Assert.Equal(true, PyLiteral.Parse("True"));
        Assert.Equal(false, PyLiteral.Parse("False"));
        foreach (string name in new[] { "x", "none", "true", "NONE", "set", "Set()", "inf", "nan", "Ellipsis", "__debug__" })
        {
            AssertRejected(name);
        }
    }

    [Fact]
    public void Tuples_parse_with_and_without_parentheses()
    {
        Assert.Equal(PyTuple.Empty, PyLiteral.Parse("()"));
        Assert.Equal(new PyTuple(1L), PyLiteral.Parse("(1,)"));
        Assert.Equal(new PyTuple(1L), PyLiteral.Parse("1,"));
        Assert.Equal(new PyTuple(1L, 2L), PyLiteral.Parse("1, 2"));
        Assert.Equal(new PyTuple(1L, 2L), PyLiteral.Parse("1,2,"));
        Assert.Equal(new PyTuple(1L, 2L), PyLiteral.Parse("(1, 2,)"));
        Assert.Equal(new PyTuple(new PyTuple(1L, 2L)), PyLiteral.Parse("(1, 2),"));
        Assert.Equal(1L, PyLiteral.Parse("(1)"));
        Assert.Equal(1L, PyLiteral.Parse("((((1))))"));
        Assert.IsType<PyTuple>(PyLiteral.Parse("((1,),)"));
        foreach (string bad in new[] { ",", "(,)", "(1,,)", "1,,", ",1", "(1 2)", "1 2" })
        {
            AssertRejected(bad);
        }
    }

    [Fact]
    public void Lists_parse_with_trailing_commas_and_nesting()
    {
        Assert.Equal(new List<object?>(), PyLiteral.Parse("[]"));
        Assert.Equal(new List<object?> { 1L }, PyLiteral.Parse("[1,]"));
        var nested = Assert.IsType<List<object?>>(PyLiteral.Parse("[(), [], {}, set(), [1, [2, [3]]]]"));
        Assert.Equal(PyTuple.Empty, nested[0]);
        Assert.IsType<List<object?>>(nested[1]);
        Assert.IsType<PyDict>(nested[2]);
        Assert.IsType<PySet>(nested[3]);
        Assert.Equal("L[I1,L[I2,L[I3]]]", Canonical(nested[4]));
        foreach (string bad in new[] { "[,]", "[1,,2]", "[1 2]", "[*()]", "[x for x in ()]", "[1][0]" })
        {
            AssertRejected(bad);
        }
    }

    [Fact]
    public void Braces_make_a_dict_when_empty_or_keyed_and_a_set_otherwise()
    {
        Assert.IsType<PyDict>(PyLiteral.Parse("{}"));
        var dict = Assert.IsType<PyDict>(PyLiteral.Parse("{'a': 1, 'b': [2], 3: (4,),}"));
        Assert.Equal(new object?[] { "a", "b", 3L }, dict.Keys.ToArray());
        var set = Assert.IsType<PySet>(PyLiteral.Parse("{1, 'a', (2,), None,}"));
        Assert.Equal(4, set.Count);
        Assert.True(set.Contains("a") && set.Contains(new PyTuple(2L)) && set.Contains(null));
        foreach (string bad in new[] { "{,}", "{:}", "{1:}", "{:1}", "{1:2:3}", "{1:2,3}", "{1,2:3}", "{**{}}", "{1:2,**{}}", "{*()}" })
        {
            AssertRejected(bad);
        }
    }

    [Fact]
    public void Set_call_with_no_arguments_is_the_only_call()
    {
        Assert.Empty(Assert.IsType<PySet>(PyLiteral.Parse("set()")));
        Assert.IsType<PySet>(PyLiteral.Parse("set ( )"));
        Assert.IsType<PySet>(PyLiteral.Parse("set(\n)"));
        Assert.IsType<PySet>(PyLiteral.Parse("(set)()"));
        Assert.IsType<PySet>(PyLiteral.Parse("((set))( # comment\n)"));
        foreach (string bad in new[] { "set(())", "set([])", "set(1)", "set(x=1)", "set(*())", "set(**{})", "set()()", "set().x", "set()[0]", "frozenset()", "dict()", "list()", "print(1)", "(1)(2)", "None()" })
        {
            AssertRejected(bad);
        }
    }

    [Fact]
    public void Nfkc_spellings_of_set_are_set_as_in_cpython()
    {
        // CPython normalises identifiers with NFKC, so these are Name('set').
        Assert.IsType<PySet>(PyLiteral.Parse("\uff53\uff45\uff54()"));
        Assert.IsType<PySet>(PyLiteral.Parse("\u017fet()"));
        Assert.IsType<PySet>(PyLiteral.Parse("\U0001D42C\U0001D41E\U0001D42D()"));
        AssertRejected("\uff34\uff52\uff55\uff45"); // Ｔｒｕｅ is Name('True'), not the constant
        AssertRejected("\u24e2et()"); // ⓢ is not an identifier character
    }

    [Fact]
    public void Dict_keys_1_and_1_0_and_true_collapse_keeping_the_first_key_and_the_last_value()
    {
        var dict = Assert.IsType<PyDict>(PyLiteral.Parse("{1: 'a', 1.0: 'b', True: 'c'}"));
        var pair = Assert.Single(dict);
        Assert.Equal(1L, pair.Key);
        Assert.IsType<long>(pair.Key);
        Assert.Equal("c", pair.Value);

        var mixed = Assert.IsType<PyDict>(PyLiteral.Parse("{True: 1, 1: 2, 0.0: 3, False: 4, 0j: 5, 'x': 6}"));
        Assert.Equal("D{B1:I2,F0:I5,S0078:I6}", Canonical(mixed));
    }

    [Fact]
    public void Set_members_1_and_1_0_and_true_collapse_keeping_the_first()
    {
        var set = Assert.IsType<PySet>(PyLiteral.Parse("{1.0, 1, True}"));
        object? only = Assert.Single(set);
        Assert.IsType<double>(only);
    }

    [Theory]
    [InlineData("{[]: 1}", "unhashable type: 'list'")]
    [InlineData("{{}: 1}", "unhashable type: 'dict'")]
    [InlineData("{set(): 1}", "unhashable type: 'set'")]
    [InlineData("{[1]}", "unhashable type: 'list'")]
    [InlineData("{{}}", "unhashable type: 'dict'")]
    [InlineData("{([],): 1}", "unhashable type: 'list'")]
    [InlineData("{1: 1, (2, {3}): 2}", "unhashable type: 'set'")]
    public void Unhashable_dict_keys_and_set_members_are_refused_with_python_wording(string text, string message)
    {
        var e = AssertRejected(text);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unhashable_values_are_fine()
    {
        var dict = Assert.IsType<PyDict>(PyLiteral.Parse("{1: [], 2: {}, 3: set()}"));
        Assert.Equal(3, dict.Count);
    }

    [Fact]
    public void Nesting_stops_at_200_brackets_as_in_cpython()
    {
        Assert.Equal(Repeat("L[", 200) + Repeat("]", 200), Canonical(PyLiteral.Parse(new string('[', 200) + new string(']', 200))));
        Assert.IsType<List<object?>>(PyLiteral.Parse(new string('[', 199) + "set()" + new string(']', 199)));
        Assert.IsType<PyTuple>(PyLiteral.Parse(new string('(', 200) + new string(')', 200)));
        Assert.Equal(1L, PyLiteral.Parse(new string('(', 200) + "1" + new string(')', 200)));
        Assert.IsType<PyDict>(PyLiteral.Parse(Repeat("{1:", 200) + "1" + new string('}', 200)));

        foreach (string deep in new[]
        {
            new string('[', 201) + new string(']', 201),
            new string('(', 201) + "1" + new string(')', 201),
            Repeat("{1:", 201) + "1" + new string('}', 201),
            new string('[', 200) + "set()" + new string(']', 200),
            new string('[', 100_000),
        })
        {
            Assert.Contains("too many nested parentheses", AssertRejected(deep).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Literals_that_overflow_cpythons_parser_stack_are_refused_like_its_MemoryError()
    {
        // CPython 3.11's parser recurses 29 levels per first list item and 30 per later one,
        // and stops at 5975 levels below a literal: [[[… fits 200 deep, [1, [1, … does not.
        Assert.IsType<List<object?>>(PyLiteral.Parse(Repeat("[", 200) + "1" + Repeat("]", 200)));
        Assert.IsType<List<object?>>(PyLiteral.Parse(Repeat("[1,", 199) + "1" + Repeat("]", 199)));
        Assert.Contains("MemoryError", AssertRejected(Repeat("[1,", 200) + "1" + Repeat("]", 200)).Message, StringComparison.Ordinal);
        Assert.IsType<List<object?>>(PyLiteral.Parse(Repeat("[1,", 175) + Repeat("[", 25) + "1" + Repeat("]", 200)));
        AssertRejected(Repeat("[1,", 176) + Repeat("[", 24) + "1" + Repeat("]", 200));
        Assert.IsType<List<object?>>(PyLiteral.Parse(Repeat("[1,", 173) + Repeat("[", 27) + "'a'" + Repeat("]", 200)));
        AssertRejected(Repeat("[1,", 174) + Repeat("[", 26) + "'a'" + Repeat("]", 200)); // a string is 2 levels deeper
        AssertRejected(Repeat("[1,", 199) + "set()" + Repeat("]", 199)); // so is set()'s argument list, by 24
        Assert.IsType<PyTuple>(PyLiteral.Parse(Repeat("(", 200) + "1," + Repeat(")", 200)));
    }

    [Fact]
    public void Long_unary_chains_and_concatenations_do_not_recurse()
    {
        AssertRejected(new string('-', 100_000) + "1");
        Assert.Equal(100_000, Assert.IsType<string>(PyLiteral.Parse(Repeat("'a' ", 100_000))).Length);
    }

    [Fact]
    public void Deep_nesting_on_a_small_thread_stack_fails_cleanly_or_succeeds()
    {
        string text = Repeat("[1, {2: (", 66) + "3" + Repeat(",)}]", 66);
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    PyLiteral.Parse(text);
                }
                catch (LiteralSyntaxException)
                {
                    // acceptable: the stack guard refused it
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            maxStackSize: 192 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        Assert.IsType<List<object?>>(PyLiteral.Parse(text));
    }

    [Fact]
    public void Whitespace_comments_and_continuations_follow_the_tokenizer()
    {
        string[] accepted =
        [
            "  1", "\t\t 1", " \t1", "\f1", "\n1", "\n\n1", "# c\n1", "1\n", "1\n\n", "1 # c", "1\n \n", "1\n #c",
            "1\n\f", "\n  \f1", "1 \\\n + 2j", "\\\n1", " \\\n1", "1 \\\n\\\n+2j", "1 \\\n\n", "1\n\\\n\n",
            "(\n1\n,\n2\n)", "[1,#c\n2]", "(1 # c\n)", "[\n\\\n1]", "1\r\n", "1\r", "(1,\r2)", "{\n 'a'\n :\n 1\n }",
            "1 \f+2j", "1#c\\\n",
        ];
        foreach (string text in accepted)
        {
            Assert.True(PyLiteral.TryParse(text, out _), Show(text));
        }

        string[] rejected =
        [
            "\n 1", "\n\t1", "1\n 2", "1\n ", "1\n\t", "\f 1", "\\\n 1", "\n \\\n1", "1\n\f ", "1\n2", "1\r2",
            "1 \\", "1 \\ \n", "1 \\\n", "1\n\\\n", "1\x0b", "\u00a01", "\ufeff1", "1;",
        ];
        foreach (string text in rejected)
        {
            AssertRejected(text);
        }
    }

    [Fact]
    public void Indentation_error_names_the_line()
    {
        var e = AssertRejected("1\n  2");
        Assert.Contains("unexpected indent", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Equal(4, e.Offset);
    }

    [Theory]
    [InlineData("", "invalid syntax")]
    [InlineData("   ", "invalid syntax")]
    [InlineData("x", "name 'x' is not a literal")]
    [InlineData("1+2", "imaginary number")]
    [InlineData("2j+1", "imaginary number")]
    [InlineData("--1", "sign")]
    [InlineData("-'a'", "applies only to a number")]
    [InlineData("1*2", "operator '*'")]
    [InlineData("2**3", "operator '**'")]
    [InlineData("f'a'", "f-strings")]
    [InlineData("lambda: 1", "keyword 'lambda'")]
    [InlineData("1 if 1 else 2", "keyword 'if'")]
    [InlineData("x.y", "name 'x'")]
    [InlineData("(1).real", "attribute")]
    [InlineData("'abc'[0]", "subscript")]
    [InlineData("(1, 2", "'(' was never closed")]
    [InlineData("[1)", "closing parenthesis ')' does not match opening parenthesis '['")]
    [InlineData("1)", "unmatched ')'")]
    [InlineData("'abc", "unterminated string literal")]
    [InlineData("'''abc", "unterminated triple-quoted string literal")]
    [InlineData("...", "Ellipsis")]
    [InlineData("1\0", "null bytes")]
    public void Errors_say_what_is_wrong(string text, string expected)
    {
        var e = AssertRejected(text);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal("SyntaxError", e.PythonName);
    }

    [Fact]
    public void A_lone_surrogate_in_the_text_is_refused_as_cpython_cannot_encode_it()
    {
        Assert.Contains("surrogates not allowed", AssertRejected("'\ud800'").Message, StringComparison.Ordinal);
        Assert.Contains("surrogates not allowed", AssertRejected("1 # \udc00").Message, StringComparison.Ordinal);
        Assert.Equal("\U0001F600", PyLiteral.Parse("'\U0001F600'")); // a paired surrogate is one character
    }

    [Fact]
    public void Error_positions_are_in_the_callers_text()
    {
        var e = AssertRejected("  [1,\r\n   2,\r\n   x]");
        Assert.Equal(3, e.Line);
        Assert.Equal(4, e.Column);
        Assert.Equal("  [1,\r\n   2,\r\n   x]".IndexOf('x', StringComparison.Ordinal), e.Offset);
        Assert.EndsWith("(line 3, column 4)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Try_parse_reports_instead_of_throwing()
    {
        Assert.True(PyLiteral.TryParse("[1, 'a']", out object? value));
        Assert.Equal("L[I1,S0061]", Canonical(value));
        Assert.False(PyLiteral.TryParse("[1, a]", out value));
        Assert.Null(value);
        Assert.Throws<ArgumentNullException>(() => PyLiteral.TryParse(null!, out _));
        Assert.Throws<ArgumentNullException>(() => PyLiteral.Parse(null!));
    }

    /// <summary>Asserts the text is refused with <see cref="LiteralSyntaxException"/> and a message, and nothing else escapes.</summary>
    private static LiteralSyntaxException AssertRejected(string text)
    {
        object? value;
        try
        {
            value = PyLiteral.Parse(text);
        }
        catch (LiteralSyntaxException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message), $"empty message for {Show(text)}");
            return e;
        }
        catch (Exception e)
        {
            Assert.Fail($"{Show(text)} threw {e.GetType().Name}, not LiteralSyntaxException: {e.Message}");
            throw;
        }

        Assert.Fail($"{Show(text)} was accepted as {Canonical(value)}");
        throw new InvalidOperationException();
    }

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    /// <summary>
    /// A value as the text <c>gen_malformed_literals.py</c>'s <c>canon</c> writes: exact float bits,
    /// strings as UTF-16 units (lone surrogates survive), set members sorted (CPython's str hashes
    /// are per process, so its set order is not comparable).
    /// </summary>
    internal static string Canonical(object? value) => value switch
    {
        null => "N",
        bool b => b ? "B1" : "B0",
        long l => "I" + l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BigInteger bi => "I" + bi.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d => "F" + BitConverter.DoubleToInt64Bits(d).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Complex c => "C" + BitConverter.DoubleToInt64Bits(c.Real).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "," + BitConverter.DoubleToInt64Bits(c.Imaginary).ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s => "S" + string.Concat(s.Select(ch => ((int)ch).ToString("x4", System.Globalization.CultureInfo.InvariantCulture))),
        byte[] y => "Y" + Convert.ToHexStringLower(y),
        PyTuple t => "T(" + string.Join(",", t.Select(Canonical)) + ")",
        List<object?> list => "L[" + string.Join(",", list.Select(Canonical)) + "]",
        PyDict d => "D{" + string.Join(",", d.Select(p => Canonical(p.Key) + ":" + Canonical(p.Value))) + "}",
        PySet s => "E{" + string.Join(",", s.Select(Canonical).Order(StringComparer.Ordinal)) + "}",
        _ => "?" + value.GetType().Name,
    };

    /// <summary>A one-line ASCII view of a text for failure messages.</summary>
    private static string Show(string s)
    {
        var sb = new StringBuilder("⟨");
        foreach (char ch in s.Length > 300 ? s[..300] : s)
        {
            sb.Append(ch is >= ' ' and < '\x7f' ? ch.ToString() : $"\\u{(int)ch:x4}");
        }

        return sb.Append(s.Length > 300 ? $"… ({s.Length} chars)⟩" : "⟩").ToString();
    }
}

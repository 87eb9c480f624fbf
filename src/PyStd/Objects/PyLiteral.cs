namespace PyStd.Objects;

/// <summary>
/// Python's <c>ast.literal_eval</c>: reads the text of a Python literal into the value model,
/// accepting exactly what CPython 3.11 accepts and running no code.
/// </summary>
/// <remarks>
/// <para>
/// A literal is <c>None</c>, <c>True</c>, <c>False</c>, a number, a string or bytes literal, or a
/// tuple, list, dict or set display of literals, nested up to CPython's limit of 200 open
/// brackets. Values come back as the model's types:
/// </para>
/// <code>
/// PyLiteral.Parse("None")                 // null
/// PyLiteral.Parse("0x_ff")                // 255L
/// PyLiteral.Parse("1" + new string('0', 30)) // BigInteger
/// PyLiteral.Parse("10**30")               // LiteralSyntaxException: not a literal
/// PyLiteral.Parse("-1.5e3")               // -1500.0 (double)
/// PyLiteral.Parse("1-2j")                 // Complex(1, -2)
/// PyLiteral.Parse("'caf\\xe9 ' 'au lait'") // "café au lait" (adjacent literals concatenate)
/// PyLiteral.Parse("rb'\\d+'")             // byte[] { 0x5C, 0x64, 0x2B }
/// PyLiteral.Parse("(1, [2.0], {'k': {3}}, set())") // PyTuple(1L, List, PyDict, PySet)
/// PyLiteral.Parse("{1: 'a', 1.0: 'b', True: 'c'}") // PyDict { 1L: "c" }: Python key equality
/// </code>
/// <para>
/// The rules are CPython's, down to the corners: whitespace, comments, blank lines and backslash
/// continuations as its tokenizer allows them (leading spaces and tabs are stripped first, as
/// <c>literal_eval</c> does; an indented second line is an error); <c>1_000</c>, <c>0o17</c>,
/// <c>0b1</c>, <c>1.</c>, <c>.5</c>, <c>1e999</c> (infinity); decimal ints of more than 4300
/// digits are refused as CPython 3.11 refuses them (hex, octal and binary have no limit); unary
/// <c>+</c>/<c>-</c> once, on a number only; <c>+</c>/<c>-</c> between a real number and an
/// imaginary literal only (<c>1+2j</c>, not <c>2j+1</c>, not <c>1+2</c>); every string prefix
/// (<c>r</c>, <c>u</c>, <c>b</c>, <c>br</c>, <c>Rb</c> …; f-strings are not literals) and escape
/// (<c>\N{NAME}</c> resolves the names and aliases of Unicode 14.0, as CPython 3.11 does; unknown
/// escapes such as <c>\q</c> stay as written; <c>\ud800</c> gives a lone surrogate);
/// <c>set()</c> as the one call allowed; unhashable dict keys and set members refused with
/// CPython's <c>unhashable type: 'list'</c>; and the parser's own limits: 200 open brackets,
/// and the recursion limit of its parser, which some shapes nested nearly that deep reach first
/// (CPython reports <c>MemoryError</c> for <c>[1, [1, …</c> 200 deep, though not for <c>[[[…</c>).
/// </para>
/// <para>
/// Everything else raises <see cref="LiteralSyntaxException"/> — CPython's <c>SyntaxError</c>,
/// <c>ValueError: malformed node or string</c>, <c>TypeError: unhashable type</c>,
/// <c>OverflowError</c> (<c>10**400+1j</c> written out) and <c>MemoryError</c> alike — whose
/// message says what is wrong, with the line and column. No other exception escapes for
/// any text. One difference is deliberate: <c>...</c> (<c>Ellipsis</c>) has no type in the
/// value model and is refused.
/// </para>
/// <para>Sources: CPython 3.11 <c>Lib/ast.py</c> (<c>literal_eval</c>), <c>Parser/tokenizer.c</c>,
/// <c>Parser/string_parser.c</c>, <c>Parser/pegen.c</c> (<c>parsenumber</c>),
/// <c>Objects/unicodeobject.c</c> and <c>Objects/bytesobject.c</c> (escape decoding),
/// <c>Modules/unicodedata.c</c> (<c>\N{}</c> lookup).</para>
/// </remarks>
public static partial class PyLiteral
{
    /// <summary>Parses the text of a Python literal, as <c>ast.literal_eval(text)</c> does.</summary>
    /// <param name="text">The literal's source text.</param>
    /// <returns>
    /// The value: <c>null</c>, <see cref="bool"/>, <see cref="long"/> or
    /// <see cref="System.Numerics.BigInteger"/>, <see cref="double"/>,
    /// <see cref="System.Numerics.Complex"/>, <see cref="string"/>, <see cref="byte"/>[],
    /// <see cref="PyTuple"/>, <see cref="List{T}"/> of <see cref="object"/>, <see cref="PyDict"/>
    /// or <see cref="PySet"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="LiteralSyntaxException">
    /// The text is not a Python literal; the message says what is wrong and where.
    /// </exception>
    public static object? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = new Source(text);
        return new Parser(new Lexer(source)).ParseLiteral();
    }

    /// <summary>Parses the text of a Python literal, reporting failure instead of throwing.</summary>
    /// <param name="text">The literal's source text.</param>
    /// <param name="value">The value when the text is a literal (see <see cref="Parse(string)"/>), else null.</param>
    /// <returns>Whether the text is a Python literal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool TryParse(string text, out object? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            value = Parse(text);
            return true;
        }
        catch (LiteralSyntaxException)
        {
            value = null;
            return false;
        }
    }
}

using PyStd.Objects;

namespace PyStd.Tests.Objects;

public partial class PyLiteralTests
{
    [Theory]
    [InlineData("'a'")]
    [InlineData("\"a\"")]
    [InlineData("'''a'''")]
    [InlineData("\"\"\"a\"\"\"")]
    [InlineData("u'a'")]
    [InlineData("U'a'")]
    [InlineData("r'a'")]
    [InlineData("R'a'")]
    public void Every_str_prefix_and_quote_parses(string text)
    {
        Assert.Equal("a", PyLiteral.Parse(text));
    }

    [Theory]
    [InlineData("b'a'")]
    [InlineData("B'a'")]
    [InlineData("br'a'")]
    [InlineData("bR'a'")]
    [InlineData("Br'a'")]
    [InlineData("BR'a'")]
    [InlineData("rb'a'")]
    [InlineData("rB'a'")]
    [InlineData("Rb'a'")]
    [InlineData("RB'a'")]
    [InlineData("b\"\"\"a\"\"\"")]
    public void Every_bytes_prefix_parses(string text)
    {
        Assert.Equal("a"u8.ToArray(), PyLiteral.Parse(text));
    }

    [Theory]
    [InlineData("f'a'")]
    [InlineData("F'a'")]
    [InlineData("rf'a'")]
    [InlineData("fR'a'")]
    [InlineData("f'{1}'")]
    [InlineData("'a' f'b'")]
    [InlineData("ur'a'")]
    [InlineData("bu'a'")]
    [InlineData("fb'a'")]
    [InlineData("rr'a'")]
    [InlineData("c'a'")]
    public void F_strings_and_unknown_prefixes_are_refused(string text)
    {
        AssertRejected(text);
    }

    [Fact]
    public void Empty_and_quote_juggling_strings_parse()
    {
        Assert.Equal("", PyLiteral.Parse("''"));
        Assert.Equal("", PyLiteral.Parse("''''''"));
        Assert.Equal("\"", PyLiteral.Parse("'\"'"));
        Assert.Equal("'", PyLiteral.Parse("\"'\""));
        Assert.Equal("'", PyLiteral.Parse("'''\\''''"));
        Assert.Equal("a", PyLiteral.Parse("'''a'''''")); // 'a' then the empty string ''
        Assert.Equal("a\"b", PyLiteral.Parse("\"\"\"a\"b\"\"\""));
        Assert.Equal("a\nb", PyLiteral.Parse("'''a\nb'''"));
        AssertRejected("'''a''''"); // the fourth quote opens a new, unterminated string
    }

    [Fact]
    public void Simple_escapes_decode_in_str_and_bytes()
    {
        Assert.Equal("\a\b\f\n\r\t\v\\'\"", PyLiteral.Parse(@"'\a\b\f\n\r\t\v\\\'\""'"));
        Assert.Equal("\a\b\f\n\r\t\v\\'\""u8.ToArray(), PyLiteral.Parse(@"b'\a\b\f\n\r\t\v\\\'\""'"));
    }

    [Fact]
    public void Octal_escapes_take_one_to_three_digits()
    {
        Assert.Equal("\0", PyLiteral.Parse(@"'\0'"));
        Assert.Equal("\0", PyLiteral.Parse(@"'\000'"));
        Assert.Equal("\0" + "0", PyLiteral.Parse(@"'\0000'"));
        Assert.Equal("S4", PyLiteral.Parse(@"'\1234'"));
        Assert.Equal("\u01ff", PyLiteral.Parse(@"'\777'")); // str: up to 0o777
        Assert.Equal(new byte[] { 0xFF }, PyLiteral.Parse(@"b'\777'")); // bytes: the low 8 bits
        Assert.Equal(new byte[] { 0 }, PyLiteral.Parse(@"b'\400'"));
        Assert.Equal(@"\8\9", PyLiteral.Parse(@"'\8\9'"));
    }

    [Fact]
    public void Hex_and_unicode_escapes_decode()
    {
        Assert.Equal("A\u00ff\u00ff", PyLiteral.Parse(@"'\x41\xff\xFf'"));
        Assert.Equal(new byte[] { 0x41, 0xFF }, PyLiteral.Parse(@"b'\x41\xfF'"));
        Assert.Equal("A\u20ac", PyLiteral.Parse(@"'\u0041\u20AC'"));
        Assert.Equal("A\U0001F600", PyLiteral.Parse(@"'\U00000041\U0001F600'"));
        Assert.Equal(@"\u1234\U00012345\N{SPACE}", System.Text.Encoding.ASCII.GetString((byte[])PyLiteral.Parse(@"b'\u1234\U00012345\N{SPACE}'")!));
        Assert.Equal(@"\X41", PyLiteral.Parse(@"'\X41'"));
    }

    [Fact]
    public void Lone_surrogate_escapes_make_lone_chars()
    {
        var s = Assert.IsType<string>(PyLiteral.Parse(@"'\ud800'"));
        Assert.Equal(1, s.Length);
        Assert.Equal('\ud800', s[0]);
        Assert.Equal("\udc80", PyLiteral.Parse(@"'\U0000dc80'"));
        // Python keeps \ud83d\ude00 as two code points; in UTF-16 they read as one emoji.
        Assert.Equal("\ud83d\ude00", PyLiteral.Parse(@"'\ud83d\ude00'"));
    }

    [Theory]
    [InlineData(@"'\x'", "truncated \\xXX escape")]
    [InlineData(@"'\x4'", "truncated \\xXX escape")]
    [InlineData(@"'\x4g'", "truncated \\xXX escape")]
    [InlineData(@"'\u123'", "truncated \\uXXXX escape")]
    [InlineData(@"'\u12x4'", "truncated \\uXXXX escape")]
    [InlineData(@"'\U1234567'", "truncated \\UXXXXXXXX escape")]
    [InlineData(@"'\U00110000'", "illegal Unicode character")]
    [InlineData(@"'\UFFFFFFFF'", "illegal Unicode character")]
    [InlineData(@"b'\x'", "invalid \\x escape at position 0")]
    [InlineData(@"b'ab\x4'", "invalid \\x escape at position 2")]
    [InlineData(@"'\N'", "malformed \\N character escape")]
    [InlineData(@"'\N{'", "malformed \\N character escape")]
    [InlineData(@"'\N{}'", "malformed \\N character escape")]
    [InlineData(@"'\N{LATIN SMALL LETTER A'", "malformed \\N character escape")]
    [InlineData(@"'\N{NOT A NAME}'", "unknown Unicode character name")]
    [InlineData(@"'\N{ SPACE}'", "unknown Unicode character name")]
    public void Bad_escapes_are_refused(string text, string message)
    {
        Assert.Contains(message, AssertRejected(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_escapes_are_kept_as_written()
    {
        Assert.Equal(@"\q\d\ \é", PyLiteral.Parse(@"'\q\d\ \é'"));
        Assert.Equal(@"\q\d"u8.ToArray(), PyLiteral.Parse(@"b'\q\d'"));
    }

    [Fact]
    public void Named_escapes_resolve_names_aliases_and_algorithmic_names_as_cpython_does()
    {
        Assert.Equal("a", PyLiteral.Parse(@"'\N{LATIN SMALL LETTER A}'"));
        Assert.Equal("a", PyLiteral.Parse(@"'\N{latin small letter a}'")); // table names ignore case
        Assert.Equal(" ", PyLiteral.Parse(@"'\N{space}'"));
        Assert.Equal("\a", PyLiteral.Parse(@"'\N{BEL}'")); // an alias
        Assert.Equal("\n", PyLiteral.Parse(@"'\N{LF}'"));
        Assert.Equal("\u01a2", PyLiteral.Parse(@"'\N{LATIN CAPITAL LETTER GHA}'"));
        Assert.Equal("\U0001F600", PyLiteral.Parse(@"'\N{GRINNING FACE}'"));
        Assert.Equal("\uac01", PyLiteral.Parse(@"'\N{HANGUL SYLLABLE GAG}'"));
        Assert.Equal("\uac02", PyLiteral.Parse(@"'\N{HANGUL SYLLABLE GAGG}'"));
        Assert.Equal("\u4e00", PyLiteral.Parse(@"'\N{CJK UNIFIED IDEOGRAPH-4E00}'"));
        Assert.Equal("\U00020000", PyLiteral.Parse(@"'\N{CJK UNIFIED IDEOGRAPH-20000}'"));
        Assert.Equal("\uf900", PyLiteral.Parse(@"'\N{CJK COMPATIBILITY IDEOGRAPH-F900}'"));
        Assert.Equal("ab", PyLiteral.Parse(@"u'\N{LATIN SMALL LETTER A}\N{LATIN SMALL LETTER B}'"));
        Assert.Equal(@"\N{SPACE}", PyLiteral.Parse(@"r'\N{SPACE}'"));

        // Algorithmic names are case-sensitive; named sequences are not characters.
        AssertRejected(@"'\N{hangul syllable GA}'");
        AssertRejected(@"'\N{HANGUL SYLLABLE ga}'");
        AssertRejected(@"'\N{CJK UNIFIED IDEOGRAPH-4e00}'");
        AssertRejected(@"'\N{CJK UNIFIED IDEOGRAPH-A000}'");
        AssertRejected(@"'\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}'");
    }

    [Fact]
    public void Raw_strings_keep_backslashes_but_still_hide_the_quote()
    {
        Assert.Equal(@"\n\x", PyLiteral.Parse(@"r'\n\x'"));
        Assert.Equal(@"\'", PyLiteral.Parse(@"r'\''"));
        Assert.Equal(@"a\" + "\nb", PyLiteral.Parse("r'a\\\nb'"));
        Assert.Equal(@"\d+"u8.ToArray(), PyLiteral.Parse(@"rb'\d+'"));
        AssertRejected(@"r'\'");
        AssertRejected(@"b'\'");
    }

    [Fact]
    public void Backslash_newline_continues_a_string()
    {
        Assert.Equal("ab", PyLiteral.Parse("'a\\\nb'"));
        Assert.Equal("ab", PyLiteral.Parse("'a\\\r\nb'"));
        Assert.Equal("a", PyLiteral.Parse("'''a\\\n'''"));
        Assert.Equal(System.Array.Empty<byte>(), PyLiteral.Parse("b'\\\n'"));
        AssertRejected("'a\nb'");
        AssertRejected("'a\\\n");
    }

    [Fact]
    public void Carriage_returns_in_the_source_become_newlines_as_cpython_translates_them()
    {
        Assert.Equal("a\nb", PyLiteral.Parse("'''a\r\nb'''"));
        Assert.Equal("a\nb", PyLiteral.Parse("r'''a\rb'''"));
        AssertRejected("'a\rb'");
    }

    [Fact]
    public void Adjacent_literals_concatenate_but_str_and_bytes_do_not_mix()
    {
        Assert.Equal("abcde", PyLiteral.Parse("'a' \"b\" '''c''' r'd' u'e'"));
        Assert.Equal("ab", PyLiteral.Parse("('a'\n'b')"));
        Assert.Equal("ab", PyLiteral.Parse("'a' \\\n 'b'"));
        Assert.Equal("ab\\cde"u8.ToArray(), PyLiteral.Parse(@"b'a' B'b' rb'\c' bR'd' RB'e'"));
        foreach (string bad in new[] { "'a' b'b'", "b'a' 'b'", "b'a' u'b'", "rb'a' 'b'", "'a'\n'b'", "'a' 1", "'a'+'b'" })
        {
            AssertRejected(bad);
        }

        Assert.Contains("cannot mix bytes and nonbytes literals", AssertRejected("'a' b'b'").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_literals_must_be_ascii()
    {
        Assert.Contains("bytes can only contain ASCII literal characters", AssertRejected("b'caf\u00e9'").Message, StringComparison.Ordinal);
        AssertRejected("rb'\u20ac'");
        Assert.Equal(new byte[] { 0x7F, 0x01, 0x09 }, PyLiteral.Parse("b'\x7f\x01\t'"));
    }

    [Fact]
    public void Str_literals_keep_any_character()
    {
        Assert.Equal("caf\u00e9 \u20ac \U0001F600 \x01 \x7f \f", PyLiteral.Parse("'caf\u00e9 \u20ac \U0001F600 \x01 \x7f \f'"));
    }

    [Fact]
    public void Unterminated_strings_are_refused()
    {
        foreach (string bad in new[] { "'abc", "\"abc", "'''abc", "\"\"\"abc", "'abc\"", "'\\", "'a\\'", "'''a''" })
        {
            Assert.Contains("unterminated", AssertRejected(bad).Message, StringComparison.Ordinal);
        }
    }
}

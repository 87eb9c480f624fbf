using System.Globalization;
using System.Text;
using PyStd.Objects;

namespace PyStd.Tests.Objects;

public partial class PyReprTests
{
    /// <summary>A .NET string of the given code points; a surrogate code point becomes a lone char.</summary>
    private static string FromCodePoints(IEnumerable<int> codePoints)
    {
        var sb = new StringBuilder();
        foreach (int cp in codePoints)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                sb.Append((char)cp);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<int> Range(int start, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return start + i;
        }
    }

    [Fact]
    public void Str_repr_matches_python_for_every_code_point()
    {
        string[] lines = Table("chunks");
        Assert.Equal(0x110000 / 64, lines.Length);
        var mismatches = new List<string>();
        for (int chunk = 0; chunk < lines.Length; chunk++)
        {
            string actual = PyRepr.Repr(FromCodePoints(Range(chunk * 64, 64)));
            if (actual != lines[chunk])
            {
                mismatches.Add($"U+{chunk * 64:X4}..: python {lines[chunk]}, ours {actual}");
            }
        }

        AssertNoMismatches(mismatches, lines.Length);
    }

    [Fact]
    public void Str_repr_matches_python_for_quotes_escapes_and_surrogates()
    {
        string[] lines = Table("strings");
        Assert.True(lines.Length >= 3000, $"only {lines.Length} strings");
        var mismatches = new List<string>();
        foreach (string line in lines)
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            string hex = line[..tab];
            string expected = line[(tab + 1)..];
            IEnumerable<int> codePoints = hex.Length == 0
                ? []
                : hex.Split(',').Select(h => int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            string actual = PyRepr.Repr(FromCodePoints(codePoints));
            if (actual != expected)
            {
                mismatches.Add($"[{hex}]: python {expected}, ours {actual}");
            }
        }

        AssertNoMismatches(mismatches, lines.Length);
    }

    [Theory]
    [InlineData("", "''")]
    [InlineData("'", "\"'\"")]
    [InlineData("\"", "'\"'")]
    [InlineData("'\"", "'\\'\"'")]
    [InlineData("a\\b", "'a\\\\b'")]
    [InlineData("\t\n\r\0", "'\\t\\n\\r\\x00'")]
    [InlineData("\u00e9\u00a0\u00ad", "'\u00e9\\xa0\\xad'")]
    [InlineData("\u2028\ufeff", "'\\u2028\\ufeff'")]
    [InlineData("\U0001F600\U000E0001", "'\U0001F600\\U000e0001'")]
    public void Str_repr_matches_python_for_hand_picked_values(string value, string expected)
    {
        Assert.Equal(expected, PyRepr.Repr(value));
    }

    [Fact]
    public void Lone_surrogates_are_escaped()
    {
        // Built from chars: xunit cannot carry lone surrogates in InlineData.
        Assert.Equal("'a\\udc80b'", PyRepr.Repr(new string(['a', (char)0xDC80, 'b'])));
        Assert.Equal("'\\udc00\\ud800'", PyRepr.Repr(new string([(char)0xDC00, (char)0xD800])));
        Assert.Equal("'\\ud800'", PyRepr.Repr(new string((char)0xD800, 1)));
    }

    [Fact]
    public void A_valid_surrogate_pair_is_one_printable_code_point()
    {
        // Python would see "\ud83d\ude00" as two lone surrogates; in .NET the pair is U+1F600.
        Assert.Equal("'\ud83d\ude00'", PyRepr.Repr("\ud83d\ude00"));
        Assert.Equal("'\\U0010fffe'", PyRepr.Repr("\udbff\udffe"));
    }

    [Fact]
    public void Bytes_and_bytearray_repr_match_python()
    {
        string[] lines = Table("bytes");
        Assert.True(lines.Length >= 256 + 1000, $"only {lines.Length} byte strings");
        var mismatches = new List<string>();
        foreach (string line in lines)
        {
            string[] parts = line.Split('\t');
            byte[] bytes = Convert.FromHexString(parts[0]);
            string actualBytes = PyRepr.Repr(bytes);
            string actualArray = PyRepr.Repr(new PyByteArray(bytes));
            if (actualBytes != parts[1] || actualArray != parts[2])
            {
                mismatches.Add($"{parts[0]}: python {parts[1]} / {parts[2]}, ours {actualBytes} / {actualArray}");
            }
        }

        AssertNoMismatches(mismatches, lines.Length);
    }

    [Fact]
    public void Bytes_repr_matches_python_for_hand_picked_values()
    {
        Assert.Equal("b''", PyRepr.Repr(System.Array.Empty<byte>()));
        Assert.Equal("b'\\'\"'", PyRepr.Repr("'\""u8.ToArray()));
        Assert.Equal("b\"'\"", PyRepr.Repr("'"u8.ToArray()));
        Assert.Equal("bytearray(b'a\\'\"')", PyRepr.Repr(new PyByteArray("a'\""u8)));
        Assert.Equal("bytearray(b\"\\'\")", PyRepr.Repr(new PyByteArray("'"u8)));
        Assert.Equal("b'\\x00\\x1f \\x7f\\x80\\xff'", PyRepr.Repr(new byte[] { 0, 0x1f, 0x20, 0x7f, 0x80, 0xff }));
    }
}

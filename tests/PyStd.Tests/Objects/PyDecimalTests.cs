using PyStd.Objects;
using PyStd.Tests.Python;

namespace PyStd.Tests.Objects;

/// <summary>
/// <see cref="PyDecimal"/> parses what <c>decimal.Decimal(str)</c> accepts and prints what
/// <c>str()</c>/<c>repr()</c> print, for edge literals and thousands of random ones
/// (Python/gen_decimal_str.py); converts to and from <see cref="decimal"/> exactly; and compares by value.
/// </summary>
public class PyDecimalTests
{
    [Fact]
    public void Parse_and_ToString_match_CPythons_decimal()
    {
        string[] lines = PythonRunner.RunScriptLines("gen_decimal_str.py", "20251125");
        Assert.True(lines.Length > 3000);
        var failures = new List<string>();
        foreach (string line in lines)
        {
            string[] f = line.Split('\t');
            if (!PyDecimal.TryParse(f[0], out PyDecimal? d))
            {
                failures.Add($"{f[0]}: not parsed");
            }
            else if (d.ToString() != f[1] || PyRepr.Repr(d) != f[2])
            {
                failures.Add($"{f[0]}: want {f[1]} / {f[2]}, got {d} / {PyRepr.Repr(d)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e")]
    [InlineData("1__0")]
    [InlineData("_1")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("nanx")]
    [InlineData(".")]
    public void Parse_rejects_what_Decimal_rejects(string text)
    {
        Assert.False(PyDecimal.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PyDecimal.Parse(text));
    }

    [Theory]
    [InlineData("1.50")]
    [InlineData("-0.000")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.000001")]
    [InlineData("-12345.678901234567890123456")]
    public void System_Decimal_converts_both_ways_exactly(string text)
    {
        decimal value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var d = new PyDecimal(value);
        Assert.Equal(text, d.ToString());
        Assert.Equal(value, d.ToDecimal());
        Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), d.ToDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1E+100")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("1E-29")]
    public void Values_System_Decimal_cannot_hold_do_not_convert(string text)
    {
        var d = PyDecimal.Parse(text);
        Assert.False(d.TryToDecimal(out _));
        Assert.Throws<OverflowException>(() => d.ToDecimal());
    }

    [Fact]
    public void Equality_is_by_value_and_NaN_equals_nothing()
    {
        Assert.Equal(PyDecimal.Parse("1.0"), PyDecimal.Parse("1.00"));
        Assert.Equal(PyDecimal.Parse("1.0").GetHashCode(), PyDecimal.Parse("1.00").GetHashCode());
        Assert.Equal(PyDecimal.Parse("0"), PyDecimal.Parse("-0E+5"));
        Assert.Equal(PyDecimal.Parse("1E+2"), PyDecimal.Parse("100"));
        Assert.NotEqual(PyDecimal.Parse("1"), PyDecimal.Parse("-1"));
        Assert.NotEqual(PyDecimal.Parse("NaN"), PyDecimal.Parse("NaN"));
        Assert.Equal(PyDecimal.Parse("-Infinity"), PyDecimal.Special(PyDecimalForm.Infinity, negative: true));
        Assert.Equal("sNaN12", PyDecimal.Special(PyDecimalForm.SignalingNaN, payload: "0012").ToString());
        Assert.Equal("-1.5E+10", PyDecimal.FromParts(true, 15, 9).ToString());
        Assert.Equal("1E-28", new PyDecimal(0.0000000000000000000000000001m).ToString()); // as str(Decimal(...)) prints it
    }
}

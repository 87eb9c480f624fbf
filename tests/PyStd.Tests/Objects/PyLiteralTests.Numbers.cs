using System.Numerics;
using PyStd.Objects;

namespace PyStd.Tests.Objects;

public partial class PyLiteralTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("00", 0L)]
    [InlineData("0_0", 0L)]
    [InlineData("00_0", 0L)]
    [InlineData("7", 7L)]
    [InlineData("1_000", 1000L)]
    [InlineData("1_0_0", 100L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("+5", 5L)]
    [InlineData("- 5", -5L)]
    [InlineData("-(5)", -5L)]
    public void Decimal_ints_parse_to_long(string text, long expected)
    {
        object? value = PyLiteral.Parse(text);
        Assert.IsType<long>(value);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Hex_octal_and_binary_ints_parse()
    {
        Assert.Equal(255L, PyLiteral.Parse("0xff"));
        Assert.Equal(255L, PyLiteral.Parse("0XFF"));
        Assert.Equal(255L, PyLiteral.Parse("0x_ff"));
        Assert.Equal(0xdead_beefL, PyLiteral.Parse("0xdead_beef"));
        Assert.Equal(15L, PyLiteral.Parse("0o17"));
        Assert.Equal(15L, PyLiteral.Parse("0O_1_7"));
        Assert.Equal(5L, PyLiteral.Parse("0b101"));
        Assert.Equal(3L, PyLiteral.Parse("0B_1_1"));
        Assert.Equal(0L, PyLiteral.Parse("0b0"));
        Assert.Equal(BigInteger.Parse("1208925819614629174706175", System.Globalization.CultureInfo.InvariantCulture), PyLiteral.Parse("0XFFFF_FFFF_FFFF_FFFF_FFFF"));
        Assert.Equal(BigInteger.One << 64, PyLiteral.Parse("0b1" + new string('0', 64)));
        Assert.Equal(BigInteger.One << 90, PyLiteral.Parse("0o1" + new string('0', 30)));
    }

    [Fact]
    public void Big_ints_become_biginteger_and_normalise_back_to_long()
    {
        Assert.Equal(BigInteger.Pow(10, 30), PyLiteral.Parse("1" + new string('0', 30)));
        Assert.Equal(BigInteger.One << 63, PyLiteral.Parse("9223372036854775808"));
        Assert.IsType<BigInteger>(PyLiteral.Parse("-9223372036854775809"));
        Assert.IsType<long>(PyLiteral.Parse("-9223372036854775808")); // -(2**63) fits after negation
        Assert.IsType<long>(PyLiteral.Parse("0x7fffffffffffffff"));
        Assert.IsType<BigInteger>(PyLiteral.Parse("0x8000000000000000"));
    }

    [Fact]
    public void Decimal_ints_stop_at_4300_digits_as_in_cpython_3_11_but_other_bases_do_not()
    {
        Assert.IsType<BigInteger>(PyLiteral.Parse(new string('1', 4300)));
        Assert.IsType<BigInteger>(PyLiteral.Parse(string.Concat(Enumerable.Repeat("1_", 4299)) + "1"));
        var e = AssertRejected(new string('1', 4301));
        Assert.Contains("Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits", e.Message, StringComparison.Ordinal);
        AssertRejected(string.Concat(Enumerable.Repeat("1_", 4300)) + "1");
        AssertRejected("-" + new string('9', 5000));
        Assert.Equal(0L, PyLiteral.Parse(new string('0', 5000))); // leading zeros are not digits
        Assert.Equal((BigInteger.One << 40000) - 1, PyLiteral.Parse("0x" + new string('f', 10000)));
        Assert.IsType<double>(PyLiteral.Parse(new string('1', 5000) + ".0")); // floats have no limit
        Assert.IsType<Complex>(PyLiteral.Parse(new string('1', 5000) + "j"));
    }

    [Theory]
    [InlineData("01", "leading zeros")]
    [InlineData("00001", "leading zeros")]
    [InlineData("0_1", "leading zeros")]
    [InlineData("1__0", "invalid decimal literal")]
    [InlineData("1_", "invalid decimal literal")]
    [InlineData("1_.5", "invalid decimal literal")]
    [InlineData("1._5", "invalid decimal literal")]
    [InlineData("1e", "invalid decimal literal")]
    [InlineData("1e+", "invalid decimal literal")]
    [InlineData("1e_5", "invalid decimal literal")]
    [InlineData("1a", "invalid decimal literal")]
    [InlineData("1L", "invalid decimal literal")]
    [InlineData("0x", "invalid hexadecimal literal")]
    [InlineData("0x_", "invalid hexadecimal literal")]
    [InlineData("0x1_", "invalid hexadecimal literal")]
    [InlineData("0x1g", "invalid hexadecimal literal")]
    [InlineData("0x1j", "invalid hexadecimal literal")]
    [InlineData("0o8", "invalid digit '8' in octal literal")]
    [InlineData("0o19", "invalid digit '9' in octal literal")]
    [InlineData("0o", "invalid octal literal")]
    [InlineData("0b2", "invalid digit '2' in binary literal")]
    [InlineData("0b1a", "invalid binary literal")]
    [InlineData("5jj", "invalid imaginary literal")]
    [InlineData("1.5.5", "unexpected number")]
    [InlineData("_1", "name '_1'")]
    public void Malformed_numbers_are_refused(string text, string message)
    {
        Assert.Contains(message, AssertRejected(text).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.", 1.0)]
    [InlineData(".5", 0.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("1e5", 1e5)]
    [InlineData("1E-5", 1e-5)]
    [InlineData("1.e5", 1e5)]
    [InlineData("1_0.0_1", 10.01)]
    [InlineData("0.0_1e1_0", 1e8)]
    [InlineData("09.5", 9.5)]
    [InlineData("09e1", 90.0)]
    [InlineData("000.5", 0.5)]
    [InlineData("1e-999", 0.0)]
    [InlineData("-2.5", -2.5)]
    [InlineData("4.9e-324", double.Epsilon)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    public void Floats_parse_to_double(string text, double expected)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(Assert.IsType<double>(PyLiteral.Parse(text))));
    }

    [Fact]
    public void Overflowing_floats_are_infinite_and_negative_zero_keeps_its_sign()
    {
        Assert.Equal(double.PositiveInfinity, PyLiteral.Parse("1e999"));
        Assert.Equal(double.PositiveInfinity, PyLiteral.Parse("2e308"));
        Assert.Equal(double.NegativeInfinity, PyLiteral.Parse("-1e999"));
        Assert.True(double.IsNegative(Assert.IsType<double>(PyLiteral.Parse("-0.0"))));
    }

    [Fact]
    public void Floats_are_correctly_rounded()
    {
        // Halfway cases and long mantissas (values from CPython).
        Assert.Equal(9007199254740992.0, PyLiteral.Parse("9007199254740993.0"));
        Assert.Equal(9007199254740996.0, PyLiteral.Parse("9007199254740995.0"));
        Assert.Equal(5e-324, PyLiteral.Parse("2.4703282292062328e-324"));
        Assert.Equal(0.0, PyLiteral.Parse("2.4703282292062327e-324"));
        Assert.Equal(0.1, PyLiteral.Parse("0.1000000000000000055511151231257827021181583404541015625"));
    }

    [Fact]
    public void Imaginary_literals_parse_to_complex()
    {
        Assert.Equal(new Complex(0, 1), PyLiteral.Parse("1j"));
        Assert.Equal(new Complex(0, 1.5), PyLiteral.Parse("1.5J"));
        Assert.Equal(new Complex(0, 0.5), PyLiteral.Parse(".5j"));
        Assert.Equal(new Complex(0, 1e5), PyLiteral.Parse("1E5J"));
        Assert.Equal(new Complex(0, 9), PyLiteral.Parse("09j"));
        Assert.Equal(new Complex(0, 1000), PyLiteral.Parse("1_000j"));
        Assert.Equal(new Complex(0, double.PositiveInfinity), PyLiteral.Parse("1e999j"));
    }

    [Theory]
    [InlineData("1+2j", 1.0, 2.0)]
    [InlineData("1-2j", 1.0, -2.0)]
    [InlineData("-1-2j", -1.0, -2.0)]
    [InlineData("+1+2j", 1.0, 2.0)]
    [InlineData("(1+2j)", 1.0, 2.0)]
    [InlineData("1+(2j)", 1.0, 2.0)]
    [InlineData("(1)+(2j)", 1.0, 2.0)]
    [InlineData("(-1)+2j", -1.0, 2.0)]
    [InlineData("1.5 + 0.5j", 1.5, 0.5)]
    [InlineData("0x10+1j", 16.0, 1.0)]
    [InlineData("0b1 - 1j", 1.0, -1.0)]
    [InlineData("1e999+1e999j", double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData("-1e999-1e999j", double.NegativeInfinity, double.NegativeInfinity)]
    public void Complex_numbers_are_a_real_plus_or_minus_an_imaginary_literal(string text, double real, double imaginary)
    {
        Assert.Equal(new Complex(real, imaginary), PyLiteral.Parse(text));
    }

    [Fact]
    public void Complex_signs_of_zero_follow_cpython()
    {
        var negated = Assert.IsType<Complex>(PyLiteral.Parse("-0j"));
        Assert.True(double.IsNegative(negated.Real) && double.IsNegative(negated.Imaginary)); // (-0-0j)
        var difference = Assert.IsType<Complex>(PyLiteral.Parse("1-0j"));
        Assert.False(double.IsNegative(difference.Imaginary)); // 0.0 - 0.0 is +0.0: (1+0j)
        var minusInf = Assert.IsType<Complex>(PyLiteral.Parse("-1e999j"));
        Assert.True(double.IsNegative(minusInf.Real));
    }

    [Fact]
    public void Ints_beside_an_imaginary_literal_are_rounded_like_float_of_int()
    {
        // 2**54 + 3 rounds half-even to 2**54 + 4 (.NET's BigInteger cast would truncate to 2**54).
        Assert.Equal(new Complex(18014398509481988.0, 1), PyLiteral.Parse("18014398509481987+1j"));
        Assert.Equal(double.MaxValue, ((Complex)PyLiteral.Parse("17976931348623157" + new string('0', 292) + "+0j")!).Real);
        Assert.Contains("int too large to convert to float", AssertRejected("2" + new string('0', 308) + "+1j").Message, StringComparison.Ordinal);
        Assert.Contains("int too large to convert to float", AssertRejected("0x1" + new string('0', 256) + "-1j").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1+2")]
    [InlineData("1.5+2.5")]
    [InlineData("2j+1")]
    [InlineData("1j+2j")]
    [InlineData("1+2j+3j")]
    [InlineData("1-2j-3j")]
    [InlineData("(1+2j)+3j")]
    [InlineData("1+(2j+3j)")]
    [InlineData("-(1+2j)")]
    [InlineData("1+-2j")]
    [InlineData("-1+-2j")]
    [InlineData("1+(-2j)")]
    [InlineData("True+1j")]
    [InlineData("None+1j")]
    [InlineData("'a'+1j")]
    [InlineData("--1")]
    [InlineData("+-1")]
    [InlineData("-+1j")]
    [InlineData("- - 1")]
    [InlineData("-(-1)")]
    [InlineData("-True")]
    [InlineData("-None")]
    [InlineData("-[1]")]
    [InlineData("-set()")]
    [InlineData("~1")]
    [InlineData("-2**2")]
    [InlineData("1*1j")]
    public void Other_arithmetic_is_not_a_literal(string text)
    {
        AssertRejected(text);
    }
}

using System.Buffers.Binary;
using System.Numerics;
using PyStd.Objects;

namespace PyStd.Tests.Objects;

public partial class PyReprTests
{
    private static double DoubleFromHex(string littleEndianHex) =>
        BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(Convert.FromHexString(littleEndianHex)));

    [Fact]
    public void Float_repr_matches_python_for_random_and_edge_values()
    {
        string[] lines = Table("floats");
        Assert.True(lines.Length >= 20_000, $"only {lines.Length} floats");
        var mismatches = new List<string>();
        foreach (string line in lines)
        {
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            double value = DoubleFromHex(line[..space]);
            string expected = line[(space + 1)..];
            string actual = PyRepr.FormatFloat(value);
            if (actual != expected || PyRepr.Repr(value) != expected)
            {
                mismatches.Add($"{line[..space]}: python {expected}, ours {actual}");
            }
        }

        AssertNoMismatches(mismatches, lines.Length);
    }

    [Theory]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(1.0, "1.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.Epsilon, "5e-324")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(123456789012345.0, "123456789012345.0")]
    [InlineData(1234567890123456.8, "1234567890123456.8")]
    [InlineData(9999999999999998.0, "9999999999999998.0")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Float_repr_matches_python_for_edge_values(double value, string expected)
    {
        Assert.Equal(expected, PyRepr.FormatFloat(value));
    }

    [Fact]
    public void Negative_nan_prints_without_sign()
    {
        Assert.Equal("nan", PyRepr.FormatFloat(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000000UL))));
    }

    [Fact]
    public void Complex_repr_matches_python_for_edge_values()
    {
        string[] lines = Table("complex");
        Assert.True(lines.Length >= 500, $"only {lines.Length} complex values");
        var mismatches = new List<string>();
        foreach (string line in lines)
        {
            string[] parts = line.Split(' ', 3);
            var value = new Complex(DoubleFromHex(parts[0]), DoubleFromHex(parts[1]));
            string actual = PyRepr.Repr(value);
            if (actual != parts[2])
            {
                mismatches.Add($"{parts[0]} {parts[1]}: python {parts[2]}, ours {actual}");
            }
        }

        AssertNoMismatches(mismatches, lines.Length);
    }

    [Theory]
    [InlineData(1.0, 2.0, "(1+2j)")]
    [InlineData(0.0, 2.0, "2j")]
    [InlineData(-0.0, -1.0, "(-0-1j)")]
    [InlineData(1.0, -0.0, "(1-0j)")]
    [InlineData(0.0, double.PositiveInfinity, "infj")]
    [InlineData(double.NaN, double.NaN, "(nan+nanj)")]
    [InlineData(1.5, 2.0, "(1.5+2j)")]
    [InlineData(0.0, 1e16, "1e+16j")]
    public void Complex_repr_matches_python_for_hand_picked_values(double re, double im, string expected)
    {
        Assert.Equal(expected, PyRepr.Repr(new Complex(re, im)));
        Assert.Equal("[" + expected + "]", PyRepr.Repr(new List<object?> { new Complex(re, im) }));
    }
}

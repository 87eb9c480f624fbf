using PyStd.Objects;
using PyStruct = PyStd.Struct.Struct;

namespace PyStd.Tests.Struct;

/// <summary>
/// Data tables transcribed from CPython 3.11's Lib/test/test_struct.py: <c>test_new_features</c>
/// and the lists in <c>test_half_float</c>.
/// </summary>
public class StructCPythonTableTests
{
    // (format, argument, big-endian result, little-endian result, asymmetric) — test_new_features.
    public static TheoryData<string, object, byte[], byte[], bool> NewFeatures => new()
    {
        { "c", "a"u8.ToArray(), "a"u8.ToArray(), "a"u8.ToArray(), false },
        { "xc", "a"u8.ToArray(), "\0a"u8.ToArray(), "\0a"u8.ToArray(), false },
        { "cx", "a"u8.ToArray(), "a\0"u8.ToArray(), "a\0"u8.ToArray(), false },
        { "s", "a"u8.ToArray(), "a"u8.ToArray(), "a"u8.ToArray(), false },
        { "0s", "helloworld"u8.ToArray(), [], [], true },
        { "1s", "helloworld"u8.ToArray(), "h"u8.ToArray(), "h"u8.ToArray(), true },
        { "9s", "helloworld"u8.ToArray(), "helloworl"u8.ToArray(), "helloworl"u8.ToArray(), true },
        { "10s", "helloworld"u8.ToArray(), "helloworld"u8.ToArray(), "helloworld"u8.ToArray(), false },
        { "11s", "helloworld"u8.ToArray(), "helloworld\0"u8.ToArray(), "helloworld\0"u8.ToArray(), true },
        { "20s", "helloworld"u8.ToArray(), "helloworld\0\0\0\0\0\0\0\0\0\0"u8.ToArray(), "helloworld\0\0\0\0\0\0\0\0\0\0"u8.ToArray(), true },
        { "b", 7L, [7], [7], false },
        { "b", -7L, [0xf9], [0xf9], false },
        { "B", 7L, [7], [7], false },
        { "B", 249L, [0xf9], [0xf9], false },
        { "h", 700L, [0x02, 0xbc], [0xbc, 0x02], false },
        { "h", -700L, [0xfd, (byte)'D'], [(byte)'D', 0xfd], false },
        { "H", 700L, [0x02, 0xbc], [0xbc, 0x02], false },
        { "H", 0x10000L - 700, [0xfd, (byte)'D'], [(byte)'D', 0xfd], false },
        { "i", 70000000L, [0x04, (byte)',', 0x1d, 0x80], [0x80, 0x1d, (byte)',', 0x04], false },
        { "i", -70000000L, [0xfb, 0xd3, 0xe2, 0x80], [0x80, 0xe2, 0xd3, 0xfb], false },
        { "I", 70000000L, [0x04, (byte)',', 0x1d, 0x80], [0x80, 0x1d, (byte)',', 0x04], false },
        { "I", 0x100000000L - 70000000, [0xfb, 0xd3, 0xe2, 0x80], [0x80, 0xe2, 0xd3, 0xfb], false },
        { "l", 70000000L, [0x04, (byte)',', 0x1d, 0x80], [0x80, 0x1d, (byte)',', 0x04], false },
        { "l", -70000000L, [0xfb, 0xd3, 0xe2, 0x80], [0x80, 0xe2, 0xd3, 0xfb], false },
        { "L", 70000000L, [0x04, (byte)',', 0x1d, 0x80], [0x80, 0x1d, (byte)',', 0x04], false },
        { "L", 0x100000000L - 70000000, [0xfb, 0xd3, 0xe2, 0x80], [0x80, 0xe2, 0xd3, 0xfb], false },
        { "f", 2.0, [(byte)'@', 0, 0, 0], [0, 0, 0, (byte)'@'], false },
        { "d", 2.0, [(byte)'@', 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, (byte)'@'], false },
        { "f", -2.0, [0xc0, 0, 0, 0], [0, 0, 0, 0xc0], false },
        { "d", -2.0, [0xc0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0xc0], false },
        { "?", 0L, [0], [0], false },
        { "?", 3L, [1], [1], true },
        { "?", true, [1], [1], false },
        { "?", new List<object?>(), [0], [0], true },
        { "?", new PyTuple(1L), [1], [1], true },
    };

    [Theory]
    [MemberData(nameof(NewFeatures))]
    public void CPythons_new_features_table_packs_and_unpacks_under_every_standard_prefix(
        string format, object argument, byte[] big, byte[] little, bool asymmetric)
    {
        foreach (var (prefix, expected) in new[] { (">", big), ("!", big), ("<", little), ("=", little) })
        {
            string full = prefix + format;
            byte[] packed = PyStruct.Pack(full, argument);
            Assert.Equal(expected, packed);
            Assert.Equal(packed.Length, PyStruct.Calcsize(full));
            object? back = PyStruct.Unpack(full, packed)[0];
            if (!PyEquality.AreEqual(back, argument))
            {
                Assert.True(asymmetric, $"{full}: {back} != {argument}");
            }
        }
    }

    // format_bits_float__cleanRoundtrip_list (little-endian bits).
    public static TheoryData<byte[], double> HalfCleanRoundTrip => new()
    {
        { [0x00, 0x3c], 1.0 },
        { [0x00, 0xc0], -2.0 },
        { [0xff, 0x7b], 65504.0 },
        { [0x00, 0x04], Math.Pow(2, -14) },
        { [0x01, 0x00], Math.Pow(2, -24) },
        { [0x00, 0x00], 0.0 },
        { [0x00, 0x80], -0.0 },
        { [0x00, 0x7c], double.PositiveInfinity },
        { [0x00, 0xfc], double.NegativeInfinity },
        { [0x55, 0x35], 0.333251953125 },
    };

    [Theory]
    [MemberData(nameof(HalfCleanRoundTrip))]
    public void Half_floats_from_CPythons_clean_round_trip_list_round_trip_in_both_byte_orders(byte[] littleBits, double value)
    {
        byte[] bigBits = littleBits.Reverse().ToArray();
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits((double)PyStruct.Unpack("<e", littleBits)[0]!));
        Assert.Equal(littleBits, PyStruct.Pack("<e", value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits((double)PyStruct.Unpack(">e", bigBits)[0]!));
        Assert.Equal(bigBits, PyStruct.Pack(">e", value));
        Assert.Equal(littleBits, PyStruct.Pack("e", value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits((double)PyStruct.Unpack("e", littleBits)[0]!));
    }

    // format_bits__nan_list.
    [Theory]
    [InlineData(new byte[] { 0x01, 0xfc })]
    [InlineData(new byte[] { 0x00, 0xfe })]
    [InlineData(new byte[] { 0xff, 0xff })]
    [InlineData(new byte[] { 0x01, 0x7c })]
    [InlineData(new byte[] { 0x00, 0x7e })]
    [InlineData(new byte[] { 0xff, 0x7f })]
    public void Half_float_NaN_bit_patterns_from_CPythons_list_unpack_as_NaN(byte[] bits)
    {
        Assert.True(double.IsNaN((double)PyStruct.Unpack("<e", bits)[0]!));
        Assert.True(double.IsNaN((double)PyStruct.Unpack(">e", bits.Reverse().ToArray())[0]!));
    }

    [Fact]
    public void Packing_NaN_as_a_half_float_gives_a_quiet_NaN()
    {
        Assert.Equal(0x7e, PyStruct.Pack("<e", double.NaN)[1] & 0x7e);
        Assert.Equal(0x7e, PyStruct.Pack("<e", -double.NaN)[1] & 0x7e);
    }

    // format_bits_float__rounding_list and format_bits_float__doubleRoundingError_list.
    public static TheoryData<string, byte[], object> HalfRounding => new()
    {
        { ">e", [0x00, 0x01], Math.Pow(2, -25) + Math.Pow(2, -35) },
        { ">e", [0x00, 0x00], Math.Pow(2, -25) },
        { ">e", [0x00, 0x00], Math.Pow(2, -26) },
        { ">e", [0x03, 0xff], Math.Pow(2, -14) - Math.Pow(2, -24) },
        { ">e", [0x03, 0xff], Math.Pow(2, -14) - Math.Pow(2, -25) - Math.Pow(2, -65) },
        { ">e", [0x04, 0x00], Math.Pow(2, -14) - Math.Pow(2, -25) },
        { ">e", [0x04, 0x00], Math.Pow(2, -14) },
        { ">e", [0x3c, 0x01], 1.0 + Math.Pow(2, -11) + Math.Pow(2, -16) },
        { ">e", [0x3c, 0x00], 1.0 + Math.Pow(2, -11) },
        { ">e", [0x3c, 0x00], 1.0 + Math.Pow(2, -12) },
        { ">e", [0x7b, 0xff], 65504L },
        { ">e", [0x7b, 0xff], 65519L },
        { ">e", [0x80, 0x01], -Math.Pow(2, -25) - Math.Pow(2, -35) },
        { ">e", [0x80, 0x00], -Math.Pow(2, -25) },
        { ">e", [0x80, 0x00], -Math.Pow(2, -26) },
        { ">e", [0xbc, 0x01], -1.0 - Math.Pow(2, -11) - Math.Pow(2, -16) },
        { ">e", [0xbc, 0x00], -1.0 - Math.Pow(2, -11) },
        { ">e", [0xbc, 0x00], -1.0 - Math.Pow(2, -12) },
        { ">e", [0xfb, 0xff], -65519L },
        { ">e", [0x67, 0xff], 0x1ffdffffffL * Math.Pow(2, -26) },
    };

    [Theory]
    [MemberData(nameof(HalfRounding))]
    public void Half_floats_round_half_to_even_as_in_CPythons_rounding_list(string format, byte[] bits, object value)
    {
        Assert.Equal(bits, PyStruct.Pack(format, value));
    }

    // format_bits_float__roundingError_list.
    [Theory]
    [InlineData(">e", 65520.0)]
    [InlineData(">e", 65536.0)]
    [InlineData(">e", 1e300)]
    [InlineData(">e", -65520.0)]
    [InlineData(">e", -65536.0)]
    [InlineData(">e", -1e300)]
    [InlineData("<e", 65520.0)]
    [InlineData("<e", 65536.0)]
    [InlineData("<e", 1e300)]
    [InlineData("<e", -65520.0)]
    [InlineData("<e", -65536.0)]
    [InlineData("<e", -1e300)]
    public void Half_floats_that_round_to_infinity_raise_OverflowError(string format, double value)
    {
        var ex = Assert.Throws<OverflowException>(() => PyStruct.Pack(format, value));
        Assert.Equal("float too large to pack with e format", ex.Message);
    }
}

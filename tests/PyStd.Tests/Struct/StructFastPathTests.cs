using System.Numerics;
using PyStd.Objects;
using PyStruct = PyStd.Struct.Struct;

namespace PyStd.Tests.Struct;

/// <summary>
/// The generic fast path (<c>Unpack&lt;T1..T8&gt;</c>, <c>Pack&lt;T1..T8&gt;</c>, <c>UnpackArray</c>,
/// <c>PackArray</c>) must agree with the PyTuple path, which the differential tests tie to CPython.
/// </summary>
public class StructFastPathTests
{
    private static readonly System.Random s_random = new(20251125);

    private static object Model<T>(T value) => value switch
    {
        sbyte v => (long)v,
        short v => (long)v,
        int v => (long)v,
        long v => v,
        nint v => (long)v,
        byte v => (long)v,
        ushort v => (long)v,
        uint v => (long)v,
        ulong v => PyInt.Normalize(v),
        nuint v => PyInt.Normalize((ulong)v),
        bool v => v,
        Half v => (double)v,
        float v => (double)v,
        double v => v,
        _ => throw new InvalidOperationException(typeof(T).Name),
    };

    private static void AssertSame(object? expected, object actual)
    {
        if (expected is double d && actual is double a)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(a) || (double.IsNaN(d) && double.IsNaN(a)), $"{d} != {a}");
        }
        else
        {
            Assert.Equal(expected?.GetType(), actual.GetType());
            Assert.Equal(expected, actual);
        }
    }

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        s_random.NextBytes(bytes);
        return bytes;
    }

    private static T RandomValue<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(bool))
        {
            return (T)(object)(s_random.Next(2) == 1);
        }

        if (typeof(T) == typeof(double))
        {
            return (T)(object)((s_random.NextDouble() - 0.5) * Math.Pow(10, s_random.Next(-300, 300)));
        }

        if (typeof(T) == typeof(float))
        {
            return (T)(object)(float)((s_random.NextDouble() - 0.5) * Math.Pow(10, s_random.Next(-30, 30)));
        }

        if (typeof(T) == typeof(Half))
        {
            return (T)(object)(Half)((s_random.NextDouble() - 0.5) * Math.Pow(10, s_random.Next(-4, 4)));
        }

        var bytes = new byte[System.Runtime.CompilerServices.Unsafe.SizeOf<T>()];
        s_random.NextBytes(bytes);
        return System.Runtime.InteropServices.MemoryMarshal.Read<T>(bytes);
    }

    [Theory]
    [InlineData(">hhl")]
    [InlineData("<hhl")]
    [InlineData("!hhl")]
    public void Typed_unpack_of_hhl_equals_the_tuple_path(string format)
    {
        var s = new PyStruct(format);
        for (int i = 0; i < 200; i++)
        {
            byte[] data = RandomBytes(s.Size);
            PyTuple t = s.Unpack(data);
            (short a, short b, int c) = s.Unpack<short, short, int>(data);
            AssertSame(t[0], Model(a));
            AssertSame(t[1], Model(b));
            AssertSame(t[2], Model(c));
            var packed = new byte[s.Size];
            Assert.Equal(s.Size, s.PackTo(packed, a, b, c));
            Assert.Equal(s.Pack(t[0], t[1], t[2]), packed);
        }
    }

    [Theory]
    [InlineData("@bhiq")]
    [InlineData("<bhiq")]
    [InlineData(">bhiq")]
    [InlineData("@b hiq")]
    public void Typed_signed_ints_match_the_tuple_path(string format) =>
        Check<sbyte, short, int, long>(format);

    [Theory]
    [InlineData("@BHIQ")]
    [InlineData("=BHIQ")]
    [InlineData(">BHIQ")]
    public void Typed_unsigned_ints_match_the_tuple_path(string format) =>
        Check<byte, ushort, uint, ulong>(format);

    [Theory]
    [InlineData("@?efd")]
    [InlineData("<?efd")]
    [InlineData(">?efd")]
    public void Typed_bools_and_floats_match_the_tuple_path(string format) =>
        Check<bool, Half, float, double>(format);

    [Theory]
    [InlineData("@lLnN")]
    [InlineData("lLnN")]
    public void Native_eight_byte_codes_take_long_and_ulong(string format) =>
        Check<long, ulong, long, ulong>(format);

    [Fact]
    public void Native_n_N_P_take_nint_and_nuint() => Check<nint, nuint, nuint, long>("nNPq");

    [Theory]
    [InlineData("<lLhH")]
    [InlineData(">lLhH")]
    public void Standard_l_and_L_are_four_bytes(string format) => Check<int, uint, short, ushort>(format);

    [Fact]
    public void Chars_and_pad_bytes_work_with_byte_and_leave_zeros()
    {
        var s = new PyStruct("<cx2xb?");
        var buffer = new byte[s.Size];
        buffer.AsSpan().Fill(0xAA);
        s.PackTo(buffer, (byte)'a', (sbyte)-2, true);
        Assert.Equal(PyStruct.Pack("<cx2xb?", "a"u8.ToArray(), -2, true), buffer);
        Assert.Equal(((byte)'a', (sbyte)-2, true), s.Unpack<byte, sbyte, bool>(buffer));
    }

    [Fact]
    public void Every_arity_from_one_to_eight_matches_the_tuple_path()
    {
        byte[] data = RandomBytes(64);
        Assert.Equal((long)PyStruct.Unpack(">q", data.AsSpan(0, 8))[0]!, PyStruct.Unpack<long>(">q", data.AsSpan(0, 8)));
        Assert.Equal(ToModels(PyStruct.Unpack(">2h", data.AsSpan(0, 4))), ToModels(PyStruct.Unpack<short, short>(">2h", data.AsSpan(0, 4))));
        Assert.Equal(ToModels(PyStruct.Unpack(">3h", data.AsSpan(0, 6))), ToModels(PyStruct.Unpack<short, short, short>(">3h", data.AsSpan(0, 6))));
        Assert.Equal(ToModels(PyStruct.Unpack(">4h", data.AsSpan(0, 8))), ToModels(PyStruct.Unpack<short, short, short, short>(">4h", data.AsSpan(0, 8))));
        Assert.Equal(ToModels(PyStruct.Unpack(">5h", data.AsSpan(0, 10))), ToModels(PyStruct.Unpack<short, short, short, short, short>(">5h", data.AsSpan(0, 10))));
        Assert.Equal(ToModels(PyStruct.Unpack(">6h", data.AsSpan(0, 12))), ToModels(PyStruct.Unpack<short, short, short, short, short, short>(">6h", data.AsSpan(0, 12))));
        Assert.Equal(ToModels(PyStruct.Unpack(">7h", data.AsSpan(0, 14))), ToModels(PyStruct.Unpack<short, short, short, short, short, short, short>(">7h", data.AsSpan(0, 14))));
        Assert.Equal(ToModels(PyStruct.Unpack(">8h", data.AsSpan(0, 16))), ToModels(PyStruct.Unpack<short, short, short, short, short, short, short, short>(">8h", data.AsSpan(0, 16))));

        var buffer = new byte[16];
        PyStruct.PackTo(">8h", buffer, (short)1, (short)2, (short)3, (short)4, (short)5, (short)6, (short)7, (short)8);
        Assert.Equal(PyStruct.Pack(">8h", 1, 2, 3, 4, 5, 6, 7, 8), buffer);
        PyStruct.PackTo("<5B", buffer, (byte)1, (byte)2, (byte)3, (byte)4, (byte)5);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, buffer[..5]);
        Assert.Equal(1, PyStruct.PackTo("<?", buffer, true));
    }

    private static object?[] ToModels(PyTuple t) => t.ToArray();

    private static object?[] ToModels<T1, T2>((T1, T2) t) => [Model(t.Item1), Model(t.Item2)];

    private static object?[] ToModels<T1, T2, T3>((T1, T2, T3) t) => [Model(t.Item1), Model(t.Item2), Model(t.Item3)];

    private static object?[] ToModels<T1, T2, T3, T4>((T1, T2, T3, T4) t) => [Model(t.Item1), Model(t.Item2), Model(t.Item3), Model(t.Item4)];

    private static object?[] ToModels<T1, T2, T3, T4, T5>((T1, T2, T3, T4, T5) t) =>
        [Model(t.Item1), Model(t.Item2), Model(t.Item3), Model(t.Item4), Model(t.Item5)];

    private static object?[] ToModels<T1, T2, T3, T4, T5, T6>((T1, T2, T3, T4, T5, T6) t) =>
        [Model(t.Item1), Model(t.Item2), Model(t.Item3), Model(t.Item4), Model(t.Item5), Model(t.Item6)];

    private static object?[] ToModels<T1, T2, T3, T4, T5, T6, T7>((T1, T2, T3, T4, T5, T6, T7) t) =>
        [Model(t.Item1), Model(t.Item2), Model(t.Item3), Model(t.Item4), Model(t.Item5), Model(t.Item6), Model(t.Item7)];

    private static object?[] ToModels<T1, T2, T3, T4, T5, T6, T7, T8>((T1, T2, T3, T4, T5, T6, T7, T8) t) =>
        [Model(t.Item1), Model(t.Item2), Model(t.Item3), Model(t.Item4), Model(t.Item5), Model(t.Item6), Model(t.Item7), Model(t.Item8)];

    private static void Check<T1, T2, T3, T4>(string format)
        where T1 : unmanaged
        where T2 : unmanaged
        where T3 : unmanaged
        where T4 : unmanaged
    {
        var s = new PyStruct(format);
        for (int i = 0; i < 300; i++)
        {
            // Unpack: random bytes, both paths.
            byte[] data = RandomBytes(s.Size);
            PyTuple t = s.Unpack(data);
            (T1 a, T2 b, T3 c, T4 d) = s.Unpack<T1, T2, T3, T4>(data);
            AssertSame(t[0], Model(a));
            AssertSame(t[1], Model(b));
            AssertSame(t[2], Model(c));
            AssertSame(t[3], Model(d));

            // Pack: random typed values, both paths give the same bytes.
            (a, b, c, d) = (RandomValue<T1>(), RandomValue<T2>(), RandomValue<T3>(), RandomValue<T4>());
            var packed = new byte[s.Size + 3];
            packed.AsSpan().Fill(0x55);
            Assert.Equal(s.Size, s.PackTo(packed, a, b, c, d));
            Assert.Equal(s.Pack(Model(a), Model(b), Model(c), Model(d)), packed[..s.Size]);
            Assert.Equal([0x55, 0x55, 0x55], packed[s.Size..]);
        }
    }

    [Theory]
    [InlineData("<1000d")]
    [InlineData(">1000d")]
    [InlineData("@1000d")]
    [InlineData("<500d 500d")]
    [InlineData("2x 16d")]
    public void Array_unpack_and_pack_of_doubles_match_the_tuple_path(string format) => CheckArray<double>(format);

    [Theory]
    [InlineData(">64H")]
    [InlineData("<64H")]
    [InlineData("@h3xh")]
    public void Array_path_handles_shorts_swaps_and_gaps(string format)
    {
        if (format.Contains('H', StringComparison.Ordinal))
        {
            CheckArray<ushort>(format);
        }
        else
        {
            CheckArray<short>(format);
        }
    }

    [Fact]
    public void Array_path_handles_every_element_type()
    {
        CheckArray<sbyte>(">33b");
        CheckArray<byte>(">33B");
        CheckArray<int>(">17i");
        CheckArray<uint>(">17L");
        CheckArray<long>(">9q");
        CheckArray<ulong>(">9Q");
        CheckArray<float>(">20f");
        CheckArray<float>("<20f");
        CheckArray<Half>(">20e");
        CheckArray<bool>("<40?");

        var chars = new byte[3];
        Assert.Equal(3, PyStruct.UnpackArray<byte>("3c", "abc"u8, chars));
        Assert.Equal("abc"u8.ToArray(), chars);
    }

    private static void CheckArray<T>(string format)
        where T : unmanaged
    {
        var s = new PyStruct(format);
        for (int round = 0; round < 20; round++)
        {
            byte[] data = RandomBytes(s.Size);
            PyTuple t = s.Unpack(data);
            var items = new T[s.FieldCount + 2];
            Assert.Equal(s.FieldCount, s.UnpackArray<T>(data, items));
            for (int i = 0; i < s.FieldCount; i++)
            {
                AssertSame(t[i], Model(items[i]));
            }

            T[] values = Enumerable.Range(0, s.FieldCount).Select(_ => RandomValue<T>()).ToArray();
            var packed = new byte[s.Size];
            packed.AsSpan().Fill(0x77);
            Assert.Equal(s.Size, s.PackArray<T>(values, packed));
            Assert.Equal(s.Pack(values.Select(v => (object?)Model(v)).ToArray()), packed);
        }
    }

    [Fact]
    public void A_type_argument_that_does_not_match_its_field_is_an_ArgumentException_naming_the_field()
    {
        var s = new PyStruct(">hhl");
        var ex = Assert.Throws<ArgumentException>(() => s.Unpack<short, int, int>(new byte[8]));
        Assert.Equal("Field 1 of Struct('>hhl') is 'h', a 2-byte signed integer (short); it cannot be read or written as Int32.", ex.Message);
        Assert.Throws<ArgumentException>(() => s.PackTo(new byte[8], (short)1, (ushort)2, 3));
        Assert.Throws<ArgumentException>(() => s.Unpack<short, short, long>(new byte[8]));
        Assert.Throws<ArgumentException>(() => PyStruct.Unpack<double>("<f", new byte[4]));
        Assert.Throws<ArgumentException>(() => PyStruct.Unpack<long>("<l", new byte[4]));
        Assert.Throws<ArgumentException>(() => PyStruct.Unpack<int>("@l", new byte[8]));
        Assert.Throws<ArgumentException>(() => PyStruct.Unpack<ushort>("<h", new byte[2]));
    }

    [Fact]
    public void Types_are_checked_on_every_call_not_only_the_first()
    {
        var s = new PyStruct("<hhl");
        byte[] data = PyStruct.Pack("<hhl", 1, -2, 3);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(((short)1, (short)-2, 3), s.Unpack<short, short, int>(data));
            Assert.Throws<ArgumentException>(() => s.Unpack<short, ushort, int>(data));
            Assert.Throws<ArgumentException>(() => s.Unpack<short, short, uint>(data));
            Assert.Throws<StructException>(() => s.Unpack<short, short, int>(data.AsSpan(1)));
            Assert.Throws<StructException>(() => s.PackTo(new byte[7], (short)1, (short)2, 3));
            Assert.Throws<ArgumentException>(() => s.PackTo(new byte[8], (short)1, (short)2, 3L));
        }
    }

    [Fact]
    public void The_wrong_number_of_type_arguments_is_an_ArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => PyStruct.Unpack<short, short>(">hhl", new byte[8]));
        Assert.Equal("Struct('>hhl') has 3 fields, but 2 type arguments were given.", ex.Message);
        Assert.Throws<ArgumentException>(() => PyStruct.Unpack<short>(">9h", new byte[18]));
    }

    [Fact]
    public void Bytes_fields_have_no_fast_path()
    {
        var ex = Assert.Throws<ArgumentException>(() => PyStruct.Unpack<byte>("3s", new byte[3]));
        Assert.Contains("no fast-path type", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PyStruct.UnpackArray<byte>("2s", new byte[2], new byte[2]));
    }

    [Fact]
    public void Buffer_size_errors_use_CPythons_messages()
    {
        var s = new PyStruct(">hhl");
        Assert.Equal("unpack requires a buffer of 8 bytes",
            Assert.Throws<StructException>(() => s.Unpack<short, short, int>(new byte[9])).Message);
        Assert.Equal("pack_into requires a buffer of at least 8 bytes for packing 8 bytes at offset 0 (actual buffer size is 7)",
            Assert.Throws<StructException>(() => s.PackTo(new byte[7], (short)1, (short)2, 3)).Message);
        Assert.Equal("unpack requires a buffer of 8000 bytes",
            Assert.Throws<StructException>(() => PyStruct.UnpackArray<double>("<1000d", new byte[10], new double[1000])).Message);
        Assert.Equal("pack expected 1000 items for packing (got 999)",
            Assert.Throws<StructException>(() => PyStruct.PackArray<double>("<1000d", new double[999], new byte[8000])).Message);
    }

    [Fact]
    public void Array_path_rejects_mixed_formats_wrong_types_and_short_destinations()
    {
        Assert.Throws<ArgumentException>(() => PyStruct.UnpackArray<short>("<hH", new byte[4], new short[2]));
        Assert.Throws<ArgumentException>(() => PyStruct.UnpackArray<float>("<4d", new byte[32], new float[4]));
        var ex = Assert.Throws<ArgumentException>(() => PyStruct.UnpackArray<double>("<4d", new byte[32], new double[3]));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Unpacked_unsigned_64_bit_values_above_long_max_are_BigIntegers_on_the_tuple_path()
    {
        byte[] max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
        Assert.Equal(ulong.MaxValue, PyStruct.Unpack<ulong>("<Q", max));
        Assert.Equal(new BigInteger(ulong.MaxValue), PyStruct.Unpack("<Q", max)[0]);
        Assert.Equal(-1L, PyStruct.Unpack("<q", max)[0]);
    }

    [Fact]
    public void Typed_bool_reads_any_non_zero_byte_as_true_and_writes_one()
    {
        Assert.True(PyStruct.Unpack<bool>("?", new byte[] { 2 }));
        var b = new byte[1];
        PyStruct.PackTo("?", b, true);
        Assert.Equal(1, b[0]);
    }
}

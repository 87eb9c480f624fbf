using System.Numerics;
using PyStd.Objects;
using PyStruct = PyStd.Struct.Struct;

namespace PyStd.Tests.Struct;

/// <summary>The .NET surface: accepted value types, compiled instances, the cache, documented deviations.</summary>
public class StructApiTests
{
    [Fact]
    public void A_compiled_struct_exposes_its_format_size_and_field_count()
    {
        var s = new PyStruct("<hhl 3s 2x ?");
        Assert.Equal("<hhl 3s 2x ?", s.Format);
        Assert.Equal(14, s.Size);
        Assert.Equal(5, s.FieldCount);
        Assert.Equal("Struct('<hhl 3s 2x ?')", s.ToString());
    }

    [Fact]
    public void Native_mode_aligns_fields_like_a_C_compiler_on_linux_x64()
    {
        Assert.Equal(16, PyStruct.Calcsize("bq"));
        Assert.Equal(9, PyStruct.Calcsize("=bq"));
        Assert.Equal(8, PyStruct.Calcsize("l"));
        Assert.Equal(4, PyStruct.Calcsize("<l"));
        Assert.Equal(8, PyStruct.Calcsize("4h0q")); // a count of 0 still aligns
        Assert.Equal(24, PyStruct.Calcsize("P?n"));
    }

    [Fact]
    public void Every_dotnet_integer_type_packs_as_a_Python_int()
    {
        byte[] expected = PyStruct.Pack("<8q", 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        Assert.Equal(expected, PyStruct.Pack("<8q", 1, (short)2, (sbyte)3, (byte)4, (ushort)5, 6u, 7ul, new BigInteger(8)));
        Assert.Equal(expected[..16], PyStruct.Pack("<2q", (nint)1, (Int128)2));
        Assert.Equal(PyStruct.Pack("<Q", ulong.MaxValue), PyStruct.Pack("<Q", new BigInteger(ulong.MaxValue)));
        Assert.Equal(new byte[] { 1, 0 }, PyStruct.Pack("<h", true));
    }

    [Fact]
    public void Floats_accept_ints_and_dotnet_float_types()
    {
        Assert.Equal(PyStruct.Pack("<d", 3.0), PyStruct.Pack("<d", 3));
        Assert.Equal(PyStruct.Pack("<d", 0.5), PyStruct.Pack("<d", 0.5f));
        Assert.Equal(PyStruct.Pack("<e", 0.5), PyStruct.Pack("<e", (Half)0.5));
        Assert.Equal(PyStruct.Pack("<d", 0.25), PyStruct.Pack("<d", 0.25m));
        // 2**1023 + 2**970 is a tie between two doubles: rounds to even, as CPython's int-to-float does.
        BigInteger tie = (BigInteger.One << 1023) + (BigInteger.One << 970);
        Assert.Equal(PyStruct.Pack("<d", Math.Pow(2, 1023)), PyStruct.Pack("<d", tie));
    }

    [Fact]
    public void Bool_code_packs_Python_truth_of_any_value()
    {
        object?[] falsy = [null, 0L, 0.0, -0.0, "", System.Array.Empty<byte>(), new PyByteArray(), PyTuple.Empty, new List<object?>(), new PyDict(), new PySet(), BigInteger.Zero, false, Complex.Zero];
        object?[] truthy = [1L, -1L, double.NaN, "0", new byte[] { 0 }, new PyTuple(0L), new List<object?> { null }, true, new Complex(0, 1), new object()];
        foreach (object? v in falsy)
        {
            Assert.Equal(new byte[] { 0 }, PyStruct.Pack("?", v));
        }

        foreach (object? v in truthy)
        {
            Assert.Equal(new byte[] { 1 }, PyStruct.Pack("?", v));
        }
    }

    [Fact]
    public void Bytearray_packs_as_s_and_p_but_not_as_c()
    {
        Assert.Equal("ab\0"u8.ToArray(), PyStruct.Pack("3s", new PyByteArray("ab"u8)));
        Assert.Equal(new byte[] { 2, (byte)'a', (byte)'b' }, PyStruct.Pack("3p", new PyByteArray("abc"u8)));
        Assert.Equal("char format requires a bytes object of length 1",
            Assert.Throws<StructException>(() => PyStruct.Pack("c", new PyByteArray("a"u8))).Message);
    }

    [Fact]
    public void Pascal_strings_cap_the_length_byte_at_255()
    {
        byte[] packed = PyStruct.Pack("300p", new byte[400]);
        Assert.Equal(255, packed[0]);
        Assert.Equal(255, ((byte[])PyStruct.Unpack("300p", packed)[0]!).Length);
    }

    [Fact]
    public void A_zero_length_pascal_string_writes_0xff_into_the_next_byte_as_CPython_does()
    {
        Assert.Equal(new byte[] { 0xff }, PyStruct.Pack("0px", System.Array.Empty<byte>()));
        Assert.Equal(System.Array.Empty<byte>(), PyStruct.Pack("0p", System.Array.Empty<byte>()));
    }

    [Fact]
    public void Unpacking_a_zero_length_pascal_string_gives_empty_bytes_where_CPython_3_11_fails()
    {
        // CPython 3.11 raises SystemError (Negative size passed to PyBytes_FromStringAndSize).
        Assert.Equal(System.Array.Empty<byte>(), PyStruct.Unpack("0p", [])[0]);
    }

    [Fact]
    public void Ints_come_back_normalised_longs_and_BigIntegers_above_long_max()
    {
        PyTuple t = PyStruct.Unpack("<bBqQ", [0xff, 0xff, .. new byte[8], .. Enumerable.Repeat((byte)0xff, 8)]);
        Assert.Equal(-1L, t[0]);
        Assert.Equal(255L, t[1]);
        Assert.Equal(0L, t[2]);
        Assert.Equal(new BigInteger(ulong.MaxValue), t[3]);
    }

    [Fact]
    public void Iter_unpack_checks_the_buffer_eagerly_and_unpacks_lazily()
    {
        Assert.Equal("iterative unpacking requires a buffer of a multiple of 2 bytes",
            Assert.Throws<StructException>(() => PyStruct.IterUnpack("<h", new byte[3])).Message);
        Assert.Equal("cannot iteratively unpack with a struct of length 0",
            Assert.Throws<StructException>(() => PyStruct.IterUnpack("", System.Array.Empty<byte>())).Message);
        PyTuple[] all = PyStruct.IterUnpack("<h", new ReadOnlyMemory<byte>([1, 0, 2, 0, 3, 0])).ToArray();
        Assert.Equal([1L, 2L, 3L], all.Select(t => t[0]));
    }

    [Fact]
    public void Negative_offsets_count_from_the_end_as_in_Python()
    {
        byte[] buffer = [0, 0, 0, 0, 1, 0];
        Assert.Equal(1L, PyStruct.UnpackFrom("<h", buffer, -2)[0]);
        PyStruct.PackInto("<h", buffer, -6, 7);
        Assert.Equal(new byte[] { 7, 0, 0, 0, 1, 0 }, buffer);
    }

    [Fact]
    public void A_failed_pack_into_leaves_the_struct_zeroed_up_to_the_bad_value_as_CPython_does()
    {
        byte[] buffer = [9, 9, 9, 9, 9];
        Assert.Throws<StructException>(() => PyStruct.PackInto("<hh", buffer, 0, 5, 1.5));
        Assert.Equal(new byte[] { 5, 0, 0, 0, 9 }, buffer);
    }

    [Fact]
    public void Compile_returns_the_cached_struct_and_the_cache_stays_bounded()
    {
        PyStruct a = PyStruct.Compile("<7h");
        Assert.Same(a, PyStruct.Compile("<7h"));
        for (int i = 0; i < 250; i++)
        {
            Assert.Equal(i, PyStruct.Calcsize($"{i}x"));
        }

        Assert.Equal(14, PyStruct.Compile("<7h").Size);
    }

    [Fact]
    public void Non_ascii_formats_raise_ArgumentException_with_CPythons_UnicodeEncodeError_text()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PyStruct("hé"));
        Assert.StartsWith("'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_larger_than_a_dotnet_buffer_are_total_struct_size_too_long()
    {
        // CPython compiles these (and fails allocating); no .NET span can hold them.
        Assert.Equal("total struct size too long", Assert.Throws<StructException>(() => PyStruct.Calcsize("3000000000x")).Message);
    }

    [Fact]
    public void Struct_error_reports_its_Python_name()
    {
        Assert.Equal("struct.error", new StructException("x").PythonName);
    }
}

using System.Numerics;
using PyStd.Array;
using PyStd.Objects;

namespace PyStd.Tests.Array;

public class PyArrayTests
{
    private static PyArray Ints(params long[] items) => new('i', items.Cast<object?>().ToList());

    [Theory]
    [InlineData('b', 1)]
    [InlineData('B', 1)]
    [InlineData('u', 4)]
    [InlineData('h', 2)]
    [InlineData('H', 2)]
    [InlineData('i', 4)]
    [InlineData('I', 4)]
    [InlineData('l', 8)]
    [InlineData('L', 8)]
    [InlineData('q', 8)]
    [InlineData('Q', 8)]
    [InlineData('f', 4)]
    [InlineData('d', 8)]
    public void Item_sizes_are_cpythons_on_linux_x64(char typecode, int size)
    {
        var array = new PyArray(typecode);
        Assert.Equal(size, array.Itemsize);
        Assert.Equal(typecode, array.Typecode);
        Assert.Equal("array('" + typecode + "')", array.Repr());
    }

    [Fact]
    public void A_bad_typecode_is_a_value_error_with_cpythons_message()
    {
        var ex = Assert.Throws<PyValueException>(() => new PyArray('x'));
        Assert.Equal("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)", ex.Message);
        Assert.Equal("ValueError", ex.PythonName);
        Assert.Equal("array() argument 1 must be a unicode character, not str", Assert.Throws<PyTypeException>(() => new PyArray("ii")).Message);
    }

    [Fact]
    public void The_span_view_is_zero_copy_in_both_directions()
    {
        PyArray array = Ints(1, 2, 3);
        Span<int> view = array.AsSpan<int>();
        view[0] = 10;
        Assert.Equal(10L, array[0]);
        array[1] = 20L;
        Assert.Equal(20, view[1]);
        Assert.Equal(new byte[] { 10, 0, 0, 0, 20, 0, 0, 0, 3, 0, 0, 0 }, array.AsBytes().ToArray());
        Assert.True(array.AsBytes().Overlaps(System.Runtime.InteropServices.MemoryMarshal.AsBytes(view)));
    }

    [Fact]
    public void The_span_type_must_match_the_typecode()
    {
        Assert.Throws<InvalidOperationException>(() => Ints(1).AsSpan<long>());
        Assert.Throws<InvalidOperationException>(() => new PyArray('d').AsSpan<float>());
        Assert.Equal(97u, new PyArray('u', "a").AsSpan<uint>()[0]);
        Assert.Equal(3.5f, PyArray.Create('f', new[] { 3.5f }).AsSpan<float>()[0]);
        Assert.Throws<InvalidOperationException>(() => PyArray.Create('B', new sbyte[] { 1 }));
        Assert.Equal(ulong.MaxValue, PyArray.Create<ulong>('Q', [ulong.MaxValue]).AsSpan<ulong>()[0]);
    }

    [Fact]
    public void Large_unsigned_items_are_big_integers_and_others_are_longs()
    {
        var array = PyArray.Create<ulong>('Q', [ulong.MaxValue, 5]);
        Assert.Equal(new BigInteger(ulong.MaxValue), array[0]);
        Assert.IsType<long>(array[1]);
        Assert.Equal("array('Q', [18446744073709551615, 5])", array.Repr());
        array.Append(new BigInteger(ulong.MaxValue) - 1);
        Assert.Equal(ulong.MaxValue - 1, array.AsSpan<ulong>()[2]);
    }

    [Fact]
    public void Tofile_and_fromfile_round_trip_through_a_real_file()
    {
        string path = Path.GetTempFileName();
        try
        {
            var array = new PyArray('d', new List<object?> { 1.5, -0.0, double.PositiveInfinity, 1e300 });
            using (FileStream f = File.Create(path))
            {
                array.ToFile(f);
            }

            Assert.Equal(32, new FileInfo(path).Length);
            var back = new PyArray('d');
            using (FileStream f = File.OpenRead(path))
            {
                back.FromFile(f, 3);
                back.FromFile(f, 1);
            }

            Assert.Equal(array.ToBytes(), back.ToBytes());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fromfile_past_the_end_keeps_the_whole_items_and_raises_eof_error()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [1, 0, 0, 0, 2, 0, 0, 0]);
            var array = new PyArray('i');
            using FileStream f = File.OpenRead(path);
            var ex = Assert.Throws<PyEofException>(() => array.FromFile(f, 5));
            Assert.Equal("read() didn't return enough bytes", ex.Message);
            Assert.Equal("EOFError", ex.PythonName);
            Assert.Equal("array('i', [1, 2])", array.Repr());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fromfile_of_a_partial_item_appends_nothing_and_raises_value_error()
    {
        var array = new PyArray('i');
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6]);
        Assert.Equal("bytes length not a multiple of item size", Assert.Throws<PyValueException>(() => array.FromFile(stream, 2)).Message);
        Assert.Empty(array);
        Assert.Equal("negative count", Assert.Throws<PyValueException>(() => array.FromFile(stream, -1)).Message);
    }

    [Fact]
    public void Equality_compares_values_across_typecodes()
    {
        Assert.True(Ints(1, 2) == new PyArray('d', new List<object?> { 1.0, 2.0 }));
        Assert.True(Ints(1, 2).Equals(new PyArray('B', new List<object?> { 1L, 2L })));
        Assert.True(new PyArray('f', new List<object?> { 0.5 }) == new PyArray('d', new List<object?> { 0.5 }));
        Assert.False(new PyArray('f', new List<object?> { 0.1 }) == new PyArray('d', new List<object?> { 0.1 }));
        Assert.False(Ints(1, 2) == Ints(1, 2, 3));
        Assert.False(Ints(1) == new PyArray('d', new List<object?> { 1.5 }));
        Assert.True(PyArray.Create<long>('q', [-1]) == PyArray.Create<short>('h', [-1]));
        Assert.False(PyArray.Create<ulong>('Q', [ulong.MaxValue]) == PyArray.Create<long>('q', [-1]));
        Assert.True(PyArray.Create<ulong>('Q', [1UL << 63]) == new PyArray('d', new List<object?> { 9223372036854775808.0 }));
        Assert.False(PyArray.Create<ulong>('L', [(1UL << 53) + 1]) == new PyArray('d', new List<object?> { 9007199254740992.0 }));
        Assert.True(new PyArray('u') == new PyArray('i'));
        Assert.False(new PyArray('u', "a") == new PyArray('i', new List<object?> { 97L }));
        Assert.True(new PyArray('u', "a\U0001F600") == new PyArray('u', new List<object?> { "a", "\U0001F600" }));
    }

    [Fact]
    public void An_array_holding_nan_is_unequal_even_to_itself_as_in_cpython()
    {
        var array = new PyArray('d', new List<object?> { double.NaN });
        Assert.False(array.Equals(array));
        Assert.Equal(0, array.CountOf(double.NaN));
        Assert.False(array.Contains(double.NaN));
    }

    [Fact]
    public void Arrays_are_unhashable_as_in_python()
    {
        var ex = Assert.Throws<PyTypeException>(() => Ints(1).GetHashCode());
        Assert.Equal("unhashable type: 'array.array'", ex.Message);
        Assert.Equal("'array.array' object cannot be interpreted as an integer", Assert.Throws<PyTypeException>(() => new PyArray('i', new List<object?> { Ints(1) })).Message);
        Assert.Equal("must be real number, not array.array", Assert.Throws<PyTypeException>(() => new PyArray('d').Append(Ints(1))).Message);
    }

    [Fact]
    public void Float32_items_round_trip_through_float()
    {
        var array = new PyArray('f', new List<object?> { 0.1, 1e300, 16777217L });
        Assert.Equal(0.10000000149011612, array[0]);
        Assert.Equal(double.PositiveInfinity, array[1]);
        Assert.Equal(16777216.0, array[2]);
        Assert.Equal("array('f', [0.10000000149011612, inf, 16777216.0])", array.Repr());
    }

    [Fact]
    public void Unicode_items_are_one_code_point_strings_including_non_bmp_and_lone_surrogates()
    {
        var array = new PyArray('u', "a\U0001F600\uD800");
        Assert.Equal(3, array.Count);
        Assert.Equal("\U0001F600", array[1]);
        Assert.Equal("\uD800", array[2]);
        Assert.Equal(new[] { 0x61, 0x1F600, 0xD800 }, array.AsSpan<int>().ToArray());
        Assert.Equal("a\U0001F600\uD800", array.ToUnicode());
        Assert.Equal("array('u', 'a\U0001F600\\ud800')", array.Repr());
        Assert.Equal("array item must be unicode character", Assert.Throws<PyTypeException>(() => array.Append("ab")).Message);
    }

    [Fact]
    public void A_lone_high_then_low_surrogate_prints_as_two_code_points_as_in_cpython()
    {
        var array = PyArray.Create<int>('u', [0xD83D, 0xDE00, '\'']);
        Assert.Equal("array('u', \"\\ud83d\\ude00'\")", array.Repr());
        var mixed = PyArray.Create<int>('u', [0xD83D, 0xDE00, '\'', '"']);
        Assert.Equal("array('u', '\\ud83d\\ude00\\'\"')", mixed.Repr());
    }

    [Fact]
    public void A_u_item_that_is_not_a_code_point_raises_on_read_as_in_cpython()
    {
        var array = PyArray.Create<int>('u', [0x110000]);
        Assert.Equal("chr() arg not in range(0x110000)", Assert.Throws<PyValueException>(() => array[0]).Message);
        Assert.Equal("character U+110000 is not in range [U+0000; U+10ffff]", Assert.Throws<PyValueException>(array.ToUnicode).Message);
        Assert.Equal("array('u', <1 items, not all code points>)", array.ToString());
    }

    [Fact]
    public void Slices_follow_python_slice_rules()
    {
        PyArray array = Ints(0, 1, 2, 3, 4, 5);
        Assert.Equal("array('i', [5, 4, 3, 2, 1, 0])", array.Slice(null, null, -1).Repr());
        Assert.Equal("array('i', [1, 3])", array.Slice(1, -1, 2).Repr());
        Assert.Equal("array('i')", array.Slice(10, 20).Repr());
        Assert.Equal("array('i', [5, 2])", array.Slice(-1, -10, -3).Repr());
        Assert.Equal("slice step cannot be zero", Assert.Throws<PyValueException>(() => array.Slice(null, null, 0)).Message);

        array.SetSlice(1, 3, null, Ints(9, 9, 9));
        Assert.Equal("array('i', [0, 9, 9, 9, 3, 4, 5])", array.Repr());
        array.SetSlice(null, null, null, array);
        Assert.Equal("array('i', [0, 9, 9, 9, 3, 4, 5])", array.Repr());
        array.SetSlice(null, null, -2, Ints(1, 2, 3, 4));
        Assert.Equal("array('i', [4, 9, 3, 9, 2, 4, 1])", array.Repr());
        array.DeleteSlice(null, null, 2);
        Assert.Equal("array('i', [9, 9, 4])", array.Repr());
        var ex = Assert.Throws<PyValueException>(() => array.SetSlice(null, null, 2, Ints(1)));
        Assert.Equal("attempt to assign array of size 1 to extended slice of size 2", ex.Message);
    }

    [Fact]
    public void Insert_clamps_the_index_and_pop_checks_it()
    {
        PyArray array = Ints(1, 2);
        array.Insert(100, 3L);
        array.Insert(-100, 0L);
        array.Insert(-1, 9L);
        Assert.Equal("array('i', [0, 1, 2, 9, 3])", array.Repr());
        Assert.Equal(3L, array.Pop());
        Assert.Equal(0L, array.Pop(0));
        Assert.Equal("pop index out of range", Assert.Throws<PyIndexException>(() => array.Pop(3)).Message);
        Assert.Equal("pop from empty array", Assert.Throws<PyIndexException>(() => new PyArray('i').Pop()).Message);
        Assert.Equal("IndexError", new PyIndexException().PythonName);
    }

    [Fact]
    public void Extend_keeps_items_before_a_bad_one_but_fromlist_and_construction_are_all_or_nothing()
    {
        PyArray array = Ints(1);
        Assert.Throws<PyTypeException>(() => array.Extend(new List<object?> { 2L, "x", 3L }));
        Assert.Equal("array('i', [1, 2])", array.Repr());
        Assert.Throws<PyTypeException>(() => array.FromList(new List<object?> { 4L, "x" }));
        Assert.Equal("array('i', [1, 2])", array.Repr());
        Assert.Equal("can only extend with array of same kind", Assert.Throws<PyTypeException>(() => array.Extend(new PyArray('l'))).Message);
        array.Extend(array);
        Assert.Equal("array('i', [1, 2, 1, 2])", array.Repr());
        array.Extend(new long[] { 7, 8 });
        Assert.Equal("array('i', [1, 2, 1, 2, 7, 8])", array.Repr());
    }

    [Fact]
    public void Overflow_messages_are_cpythons()
    {
        Assert.Equal("signed char is greater than maximum", Assert.Throws<OverflowException>(() => new PyArray('b').Append(128L)).Message);
        Assert.Equal("unsigned byte integer is less than minimum", Assert.Throws<OverflowException>(() => new PyArray('B').Append(-1L)).Message);
        Assert.Equal("signed short integer is greater than maximum", Assert.Throws<OverflowException>(() => new PyArray('b').Append(40000L)).Message);
        Assert.Equal("unsigned int is greater than maximum", Assert.Throws<OverflowException>(() => new PyArray('I').Append(1L << 32)).Message);
        Assert.Equal("int too big to convert", Assert.Throws<OverflowException>(() => new PyArray('q').Append(BigInteger.Pow(2, 63))).Message);
        Assert.Equal("int too large to convert to float", Assert.Throws<OverflowException>(() => new PyArray('d').Append(BigInteger.Pow(2, 1024))).Message);
        Assert.Equal("'float' object cannot be interpreted as an integer", Assert.Throws<PyTypeException>(() => new PyArray('i').Append(1.5)).Message);
        Assert.Equal("must be real number, not str", Assert.Throws<PyTypeException>(() => new PyArray('d').Append("1")).Message);
    }

    [Fact]
    public void Buffer_info_gives_a_pinned_address_that_holds_the_items()
    {
        Assert.Equal((0, 0), new PyArray('i').BufferInfo());
        PyArray array = Ints(7, 8, 9);
        (nint address, int length) = array.BufferInfo();
        Assert.Equal(3, length);
        Assert.NotEqual(0, address);
        GC.Collect();
        Assert.Equal(address, array.BufferInfo().Address);
        Assert.Equal(8, System.Runtime.InteropServices.Marshal.ReadInt32(address, 4));
        for (int i = 0; i < 100; i++)
        {
            array.Append((long)i);
        }

        (address, _) = array.BufferInfo();
        GC.Collect();
        Assert.Equal(address, array.BufferInfo().Address);
        Assert.Equal(9, System.Runtime.InteropServices.Marshal.ReadInt32(address, 8));
    }

    [Fact]
    public void Concatenation_and_repetition_work_as_in_python()
    {
        Assert.Equal("array('i', [1, 2, 1, 2, 1, 2])", (Ints(1, 2) * 3).Repr());
        Assert.Equal("array('i')", (Ints(1, 2) * -1).Repr());
        Assert.Equal("array('i', [1, 2, 3])", (Ints(1) + Ints(2, 3)).Repr());
        Assert.Equal("bad argument type for built-in operation", Assert.Throws<PyTypeException>(() => Ints(1) + new PyArray('d')).Message);
    }

    [Fact]
    public void Initializers_follow_cpython()
    {
        Assert.Equal("array('i', [1684234849])", new PyArray("i", "abcd"u8.ToArray()).Repr());
        Assert.Equal("array('u', 'hi')", new PyArray('u', "hi").Repr());
        Assert.Equal("array('h', [1, 2])", new PyArray('h', new PyTuple(1L, 2L)).Repr());
        Assert.Equal("array('d', [1.0, 2.0])", new PyArray('d', Ints(1, 2)).Repr());
        Assert.Equal("cannot use a str to initialize an array with typecode 'i'", Assert.Throws<PyTypeException>(() => new PyArray('i', "ab")).Message);
        Assert.Equal("cannot use a unicode array to initialize an array with typecode 'i'", Assert.Throws<PyTypeException>(() => new PyArray('i', new PyArray('u'))).Message);
        Assert.Equal("'int' object is not iterable", Assert.Throws<PyTypeException>(() => new PyArray('i', 5L)).Message);
        Assert.Equal("bytes length not a multiple of item size", Assert.Throws<PyValueException>(() => new PyArray('i', new byte[3])).Message);
    }

    [Fact]
    public void Enumeration_and_tolist_give_python_values()
    {
        var array = new PyArray('b', new List<object?> { -1L, true, 5L });
        Assert.Equal(new object?[] { -1L, 1L, 5L }, array.ToList());
        Assert.Equal(new object?[] { -1L, 1L, 5L }, array.ToArray());
        Assert.Equal(1, array.Index(1.0));
        Assert.Equal(1, array.CountOf(true));
        Assert.Equal("array.index(x): x not in array", Assert.Throws<PyValueException>(() => array.Index(5L, 0, -1)).Message);
    }
}

using PyStd.Marshal;
using PyStd.Objects;
using PyStd.Tests.Python;
using M = PyStd.Marshal.Marshal;

namespace PyStd.Tests.Marshal;

/// <summary>
/// Version 5 (CPython 3.14): TYPE_SLICE <c>':'</c>, start, stop, step, with FLAG_REF as any object;
/// otherwise version 4. No python3.14 is on the machine, so the slice vectors are built by hand from
/// Python/marshal.c of 3.14 (w_complex_object/r_object TYPE_SLICE) out of parts python3 marshals.
/// </summary>
public class MarshalVersion5Tests
{
    [Fact]
    public void A_slice_is_written_as_TYPE_SLICE_and_read_back_as_builtins_slice()
    {
        // ':' | FLAG_REF, then start 1 ('i'), stop None, step -1 ('i').
        byte[] expected = [0xba, 0x69, 1, 0, 0, 0, 0x4e, 0x69, 0xff, 0xff, 0xff, 0xff];
        PyObject slice = MarshalSlice.Create(1L, null, -1L);
        Assert.Equal(expected, M.Dumps(slice, 5));
        var back = Assert.IsType<PyObject>(M.Loads(expected));
        Assert.True(MarshalSlice.IsSlice(back));
        Assert.Equal("builtins.slice(1, None, -1)", PyRepr.Repr(back));
        Assert.Equal(slice, back);

        // Without FLAG_REF, and nested in a tuple constant as 3.14 code objects hold them.
        byte[] plain = [0x29, 2, 0x3a, 0x4e, 0x69, 5, 0, 0, 0, 0x4e, 0x4e];
        var tuple = Assert.IsType<PyTuple>(M.Loads(plain));
        Assert.Equal("builtins.slice(None, 5, None)", PyRepr.Repr(tuple[0]));
        Assert.Null(tuple[1]);
    }

    [Fact]
    public void A_shared_slice_is_one_reference_and_a_NULL_part_is_CPythons_error()
    {
        PyObject slice = MarshalSlice.Create("a", 2L, null);
        var list = (List<object?>)M.Loads(M.Dumps(new List<object?> { slice, slice }, 5))!;
        Assert.Same(list[0], list[1]);

        var e = Assert.Throws<MarshalException>(() => M.Loads([0x3a, 0x4e, 0x30]));
        Assert.Equal("TypeError", e.PythonName);
        Assert.Equal("NULL object in marshal data for object", e.Message);
        Assert.Equal("EOFError", Assert.Throws<MarshalException>(() => M.Loads([0x3a, 0x4e])).PythonName);
    }

    [Fact]
    public void Slices_are_unmarshallable_below_version_5_as_in_CPython()
    {
        PyObject slice = MarshalSlice.Create(null, null, null);
        for (int version = 0; version < 5; version++)
        {
            Assert.Equal("unmarshallable object", Assert.Throws<MarshalException>(() => M.Dumps(slice, version)).Message);
        }

        // Another builtins.slice shape (keyword arguments, state) is not a slice marshal can write.
        var odd = new PyObject("builtins", "slice") { Kind = PyObjectKind.Reduce, Args = new PyTuple(1L) };
        Assert.False(MarshalSlice.IsSlice(odd));
        Assert.Throws<MarshalException>(() => M.Dumps(odd, 5));
    }

    [Fact]
    public void Version_5_is_version_4_for_everything_else_and_python3_loads_it()
    {
        object?[] values = [new List<object?> { 1L, "a", new PyTuple(2.5, (object?)null) }, new PyDict { ["k"] = new byte[] { 1, 2 } }, "é" + new string('x', 300)];
        var hex = new List<string>();
        foreach (object? value in values)
        {
            byte[] v5 = M.Dumps(value, 5);
            Assert.Equal(M.Dumps(value, 4), v5);
            hex.Add(Convert.ToHexString(v5));
        }

        string python = PythonRunner.RunSource(
            "import marshal, sys\nfor h in sys.stdin.read().split():\n    print(repr(marshal.loads(bytes.fromhex(h))))\n", string.Join("\n", hex));
        Assert.Equal(string.Concat(values.Select(v => PyRepr.Repr(v) + "\n")), python);
    }
}

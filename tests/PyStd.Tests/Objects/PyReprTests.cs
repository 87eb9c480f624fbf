using System.Numerics;
using System.Text;
using PyStd.Objects;
using PyStd.Tests.Python;

namespace PyStd.Tests.Objects;

/// <summary>
/// PyRepr against CPython 3.11: differential tables (floats, complex, every code point, bytes)
/// produced by Python/repr_tables.py, plus containers and recursion by hand (expected text
/// checked with python3).
/// </summary>
public partial class PyReprTests
{
    private static string[] Table(string name) => PythonRunner.RunScriptLines("repr_tables.py", name);

    private static void AssertNoMismatches(List<string> mismatches, int total)
    {
        Assert.True(
            mismatches.Count == 0,
            $"{mismatches.Count} of {total} differ from CPython:\n" + string.Join('\n', mismatches.Take(20)));
    }

    [Fact]
    public void Scalars_print_as_python()
    {
        Assert.Equal("None", PyRepr.Repr(null));
        Assert.Equal("True", PyRepr.Repr(true));
        Assert.Equal("False", PyRepr.Repr(false));
        Assert.Equal("0", PyRepr.Repr(0L));
        Assert.Equal("-9223372036854775808", PyRepr.Repr(long.MinValue));
        Assert.Equal("1000000000000000000000000000000", PyRepr.Repr(BigInteger.Pow(10, 30)));
        Assert.Equal("-1267650600228229401496703205376", PyRepr.Repr(-BigInteger.Pow(2, 100)));
    }

    [Fact]
    public void Huge_ints_print_every_digit()
    {
        // CPython 3.11 refuses past 4300 digits (sys.set_int_max_str_digits); we print them all.
        string text = PyRepr.Repr(BigInteger.Pow(10, 5000));
        Assert.Equal(5001, text.Length);
        Assert.StartsWith("10000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Foreign_dotnet_values_print_as_int_or_float_or_to_string()
    {
        Assert.Equal("5", PyRepr.Repr(5));
        Assert.Equal("-3", PyRepr.Repr((short)-3));
        Assert.Equal("255", PyRepr.Repr((byte)255));
        Assert.Equal("18446744073709551615", PyRepr.Repr(ulong.MaxValue));
        Assert.Equal("170141183460469231731687303715884105727", PyRepr.Repr(Int128.MaxValue));
        Assert.Equal("2.5", PyRepr.Repr(2.5f));
        Assert.Equal("0.10000000149011612", PyRepr.Repr(0.1f));
        Assert.Equal("1.0", PyRepr.Repr((Half)1));
        Assert.Equal("1.50", PyRepr.Repr(1.50m));
    }

    [Fact]
    public void Lists_and_tuples_print_as_python()
    {
        Assert.Equal("[]", PyRepr.Repr(new List<object?>()));
        Assert.Equal("()", PyRepr.Repr(PyTuple.Empty));
        Assert.Equal("(1,)", PyRepr.Repr(new PyTuple(1L)));
        Assert.Equal("(1, 2)", PyRepr.Repr(new PyTuple(1L, 2L)));
        Assert.Equal("((),)", PyRepr.Repr(new PyTuple(PyTuple.Empty)));
        Assert.Equal("[[], [()]]", PyRepr.Repr(new List<object?> { new List<object?>(), new List<object?> { PyTuple.Empty } }));
        var list = new List<object?>
        {
            1L, "a", null, true, 2.5, -0.0, BigInteger.Pow(10, 30), -BigInteger.Pow(2, 100),
            new byte[] { 0 }, new PyByteArray("ab"u8), new Complex(0, 3), new Complex(1, 0),
        };
        Assert.Equal(
            "[1, 'a', None, True, 2.5, -0.0, 1000000000000000000000000000000, -1267650600228229401496703205376, b'\\x00', bytearray(b'ab'), 3j, (1+0j)]",
            PyRepr.Repr(list));
    }

    [Fact]
    public void Dicts_print_as_python()
    {
        Assert.Equal("{}", PyRepr.Repr(new PyDict()));
        var dict = new PyDict { [1L] = "a", ["b"] = new List<object?> { 2L } };
        Assert.Equal("{1: 'a', 'b': [2]}", PyRepr.Repr(dict));
        var nested = new PyDict
        {
            [null] = new PyTuple(1L),
            [new PyTuple(1L, 2L)] = new byte[] { (byte)'x' },
            [1.5] = new PyDict { [2L] = new List<object?> { 3L, new PyTuple(4L) } },
        };
        Assert.Equal("{None: (1,), (1, 2): b'x', 1.5: {2: [3, (4,)]}}", PyRepr.Repr(nested));
    }

    [Fact]
    public void Sets_print_in_cpython_order_and_empty_ones_as_calls()
    {
        Assert.Equal("set()", PyRepr.Repr(new PySet()));
        Assert.Equal("frozenset()", PyRepr.Repr(PyFrozenSet.Empty));
        Assert.Equal("{1, 2, 3, 100, 33, 8, -1}", PyRepr.Repr(new PySet([3L, 1L, 2L, 100L, 8L, -1L, 33L])));
        Assert.Equal("frozenset({18, 10, 2, 34})", PyRepr.Repr(new PyFrozenSet([10L, 2L, 18L, 34L])));
        Assert.Equal(
            "{2305843009213693951, 2305843009213693952, -1, -2}",
            PyRepr.Repr(new PySet([(BigInteger.One << 61) - 1, BigInteger.One << 61, -1L, -2L])));
        Assert.Equal("[set(), frozenset({1})]", PyRepr.Repr(new List<object?> { new PySet(), new PyFrozenSet([1L]) }));
    }

    [Fact]
    public void Containers_inside_themselves_print_as_ellipsis()
    {
        var a = new List<object?>();
        a.Add(a);
        Assert.Equal("[[...]]", PyRepr.Repr(a));

        var b = new List<object?> { 1L };
        b.Add(b);
        Assert.Equal("[1, [...]]", PyRepr.Repr(b));

        var d = new PyDict();
        d[1L] = d;
        Assert.Equal("{1: {...}}", PyRepr.Repr(d));

        var l = new List<object?>();
        var t = new PyTuple(l);
        l.Add(t);
        Assert.Equal("([(...)],)", PyRepr.Repr(t));
        Assert.Equal("[([...],)]", PyRepr.Repr(l));
    }

    [Fact]
    public void A_container_repeated_but_not_nested_prints_in_full()
    {
        var x = new List<object?> { 1L };
        Assert.Equal("[[1], [1], ([1], [1])]", PyRepr.Repr(new List<object?> { x, x, new PyTuple(x, x) }));
    }

    [Fact]
    public void Nesting_up_to_max_depth_prints()
    {
        object value = new List<object?> { 1L };
        for (int i = 1; i < PyRepr.MaxDepth; i++)
        {
            value = new List<object?> { value };
        }

        string text = PyRepr.Repr(value);
        Assert.Equal(new string('[', PyRepr.MaxDepth) + "1" + new string(']', PyRepr.MaxDepth), text);
    }

    [Fact]
    public void Deep_nesting_raises_recursion_error_and_leaves_repr_usable()
    {
        object value = new List<object?> { 1L };
        for (int i = 0; i < PyRepr.MaxDepth; i++)
        {
            value = i % 2 == 0 ? new PyTuple(value) : new PyDict { [0L] = value };
        }

        var ex = Assert.Throws<PyRecursionException>(() => PyRepr.Repr(value));
        Assert.Equal("maximum recursion depth exceeded while getting the repr of an object", ex.Message);
        Assert.Equal("RecursionError", ex.PythonName);

        object deeper = new List<object?>();
        for (int i = 0; i < 200_000; i++)
        {
            deeper = new List<object?> { deeper };
        }

        Assert.Throws<PyRecursionException>(() => PyRepr.Repr(deeper));
        Assert.Equal("[1, (2,)]", PyRepr.Repr(new List<object?> { 1L, new PyTuple(2L) }));
    }

    [Fact]
    public void PyObject_prints_as_the_calls_that_rebuild_it()
    {
        var od = new PyObject("collections", "OrderedDict") { DictItems = new PyDict { ["a"] = 1L } };
        Assert.Equal("collections.OrderedDict().update({'a': 1})", PyRepr.Repr(od));

        var point = new PyObject("__main__", "Point")
        {
            Args = new PyTuple(1L, "x"),
            Kwargs = new PyDict { ["flag"] = true },
            ListItems = [2L],
            HasState = true,
            State = new PyDict { ["y"] = 2.0 },
        };
        Assert.Equal("__main__.Point(1, 'x', flag=True).extend([2]).__setstate__({'y': 2.0})", PyRepr.Repr(point));
        Assert.Equal("__main__.Point(1, 'x', flag=True).extend([2]).__setstate__({'y': 2.0})", point.ToString());

        var none = new PyObject("m", "C") { HasState = true };
        Assert.Equal("m.C().__setstate__(None)", PyRepr.Repr(none));

        var self = new PyObject("m", "Node") { HasState = true };
        self.State = new PyDict { ["next"] = self };
        Assert.Equal("m.Node().__setstate__({'next': m.Node(...)})", PyRepr.Repr(self));
    }

    [Fact]
    public void ToString_that_calls_repr_inside_repr_works()
    {
        var list = new List<object?> { new ReentrantValue(), 2L };
        Assert.Equal("[<[1, 'x']>, 2]", PyRepr.Repr(list));
    }

    [Fact]
    public void Append_writes_to_a_given_builder()
    {
        var sb = new StringBuilder("x = ");
        PyRepr.Append(sb, new PyTuple("a", 1.0));
        Assert.Equal("x = ('a', 1.0)", sb.ToString());
    }

    [Fact]
    public void Model_types_to_string_is_repr()
    {
        Assert.Equal("bytearray(b'')", new PyByteArray().ToString());
        Assert.Equal("(1, 'a')", new PyTuple(1L, "a").ToString());
        Assert.Equal("{1: None}", new PyDict { [1L] = null }.ToString());
        Assert.Equal("{1}", new PySet([1L]).ToString());
    }

    private sealed class ReentrantValue
    {
        public override string ToString() => "<" + PyRepr.Repr(new List<object?> { 1L, "x" }) + ">";
    }
}

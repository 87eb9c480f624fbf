using System.Numerics;
using PyStd.Objects;
using PyStd.Tests.Python;

namespace PyStd.Tests.Objects;

public class PyEqualityTests
{
    public static TheoryData<object?, object?, bool> Pairs => new()
    {
        { 1L, 1.0, true },
        { 1L, true, true },
        { 0L, false, true },
        { 1.0, true, true },
        { new BigInteger(1), 1L, true },
        { BigInteger.Pow(2, 64), Math.Pow(2, 64), true },
        { BigInteger.Pow(2, 53) + 1, Math.Pow(2, 53), false },
        { long.MaxValue, 9223372036854775807.0, false },
        { new Complex(1, 0), 1L, true },
        { new Complex(1, 1), 1L, false },
        { 0.5, 0L, false },
        { double.NaN, double.NaN, false },
        { "a", "a", true },
        { "a", new byte[] { 97 }, false },
        { new byte[] { 97 }, new byte[] { 97 }, true },
        { new byte[] { 97 }, new PyByteArray(new byte[] { 97 }), true },
        { null, null, true },
        { null, 0L, false },
        { new PyTuple(1L, 2.0), new PyTuple(1.0, 2L), true },
        { new PyTuple(1L), new List<object?> { 1L }, false },
        { new List<object?> { 1L, "x" }, new List<object?> { true, "x" }, true },
        { new PySet(new object?[] { 1L, 2L }), new PyFrozenSet(new object?[] { 2.0, 1.0 }), true },
        { double.PositiveInfinity, BigInteger.Pow(10, 400), false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Equality_follows_python(object? a, object? b, bool expected)
    {
        Assert.Equal(expected, PyEquality.AreEqual(a, b));
        Assert.Equal(expected, PyEquality.AreEqual(b, a));
        if (expected && a is not (List<object?> or PySet or PyByteArray) && b is not (List<object?> or PySet or PyByteArray))
        {
            Assert.Equal(PyHash.Hash(a), PyHash.Hash(b));
        }
    }

    [Fact]
    public void One_one_point_oh_and_true_are_one_dict_key_keeping_the_first_key()
    {
        var d = new PyDict
        {
            [1L] = "int",
            [1.0] = "float",
            [true] = "bool",
            [new BigInteger(1)] = "big",
        };
        Assert.Single(d);
        var pair = d.Single();
        Assert.IsType<long>(pair.Key);
        Assert.Equal("big", pair.Value);
    }

    [Fact]
    public void None_is_a_valid_dict_key_and_set_member()
    {
        var d = new PyDict { [null] = 1L, ["a"] = 2L };
        Assert.Equal(1L, d[null]);
        Assert.True(d.ContainsKey(null));
        Assert.True(d.Remove(null));
        Assert.False(d.ContainsKey(null));
        var s = new PySet(new object?[] { null, null, 0L });
        Assert.Equal(2, s.Count);
        Assert.True(s.Contains(null));
    }

    [Fact]
    public void Bytes_keys_compare_by_content()
    {
        var d = new PyDict { [new byte[] { 1, 2 }] = "x" };
        Assert.Equal("x", d[new byte[] { 1, 2 }]);
        Assert.False(d.ContainsKey("\u0001\u0002"));
    }

    [Fact]
    public void Nan_is_only_equal_to_the_same_object()
    {
        object nan = double.NaN;
        var list = new List<object?> { nan };
        Assert.True(PyEquality.AreEqual(list, new List<object?> { nan }));
        Assert.False(PyEquality.AreEqual(list, new List<object?> { double.NaN }));
        var s = new PySet(new[] { nan, nan, double.NaN });
        Assert.Equal(2, s.Count);
    }

    [Fact]
    public void Tuples_of_mixed_numbers_are_one_key()
    {
        var d = new PyDict { [new PyTuple(1L, 2.0, new BigInteger(3))] = "a" };
        d[new PyTuple(true, 2L, 3.0)] = "b";
        Assert.Single(d);
        Assert.Equal("b", d[new PyTuple(1.0, 2L, 3L)]);
    }

    [Fact]
    public void Unhashable_keys_raise_type_error_with_python_wording()
    {
        var d = new PyDict();
        var ex = Assert.Throws<PyTypeException>(() => d[new List<object?>()] = 1L);
        Assert.Equal("unhashable type: 'list'", ex.Message);
        Assert.Throws<PyTypeException>(() => new PySet().Add(new PyDict()));
        Assert.Throws<PyTypeException>(() => new PySet().Add(new PyTuple(new PySet())));
        ex = Assert.Throws<PyTypeException>(() => PyHash.Hash(new PyByteArray()));
        Assert.Equal("unhashable type: 'bytearray'", ex.Message);
    }

    [Fact]
    public void Dict_equality_ignores_order_and_compares_values()
    {
        var a = new PyDict { ["x"] = 1L, ["y"] = 2L };
        var b = new PyDict { ["y"] = 2.0, ["x"] = true };
        Assert.True(PyEquality.AreEqual(a, b));
        b["y"] = 3L;
        Assert.False(PyEquality.AreEqual(a, b));
    }

    [Fact]
    public void Ints_are_normalised_to_long_when_they_fit()
    {
        Assert.IsType<long>(PyInt.Normalize(new BigInteger(long.MaxValue)));
        Assert.IsType<long>(PyInt.Normalize(new BigInteger(long.MinValue)));
        Assert.IsType<BigInteger>(PyInt.Normalize(new BigInteger(long.MaxValue) + 1));
        Assert.IsType<BigInteger>(PyInt.Normalize(new BigInteger(long.MinValue) - 1));
    }

    [Fact]
    public void Equality_and_hash_of_literal_pairs_match_python()
    {
        // python3 decides a == b and hash(a) == hash(b) for pairs of literals; ours must agree.
        string output = PythonRunner.RunSource("""
            import random
            r = random.Random(7)
            atoms = ["0", "1", "-1", "1.0", "-0.0", "0.0", "True", "False", "None", "2**0", "1j", "(1+0j)", "0j",
                     "9007199254740993", "9007199254740992.0", "2**64", "18446744073709551616.0", "'a'", "b'a'",
                     "1e308", "10**400", "0.1", "3", "3.0", "'1'", "()", "(1,)", "(1.0,)", "[1]", "[1.0]", "[True]",
                     "{1: 2}", "{1.0: 2.0}", "{True: 2}", "{1}", "{1.0}", "set()", "frozenset()", "{}",
                     "(1, (2, 3.0))", "(1.0, (2.0, 3))", "[[]]", "[()]", "''", "b''", "bytearray(b'a')"]
            for a in atoms:
                for b in atoms:
                    va, vb = eval(a), eval(b)
                    print(a + "\t" + b + "\t" + str(int(va == vb)))
            """);
        int n = 0;
        foreach (string line in PythonRunner.SplitLines(output))
        {
            string[] parts = line.Split('\t');
            object? a = Build(parts[0]);
            object? b = Build(parts[1]);
            bool expected = parts[2] == "1";
            Assert.True(expected == PyEquality.AreEqual(a, b), $"{parts[0]} == {parts[1]} should be {expected}");
            n++;
        }

        Assert.True(n > 2000);
    }

    private static object? Build(string src) => src switch
    {
        "2**0" => 1L,
        "2**64" => BigInteger.Pow(2, 64),
        "10**400" => BigInteger.Pow(10, 400),
        "frozenset()" => PyFrozenSet.Empty,
        "bytearray(b'a')" => new PyByteArray("a"u8),
        _ => PyLiteral.Parse(src),
    };
}

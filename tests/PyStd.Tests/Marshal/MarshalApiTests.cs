using System.Numerics;
using PyStd.Marshal;
using PyStd.Objects;
using PyStd.Tests.Python;
using M = PyStd.Marshal.Marshal;

namespace PyStd.Tests.Marshal;

/// <summary>References, cycles, singletons, streams and the CPython test_marshal vectors.</summary>
public class MarshalApiTests
{
    [Fact]
    public void Singletons_RoundTrip()
    {
        Assert.Same(PyStopIteration.Instance, M.Loads("S"u8));
        Assert.Same(PyEllipsis.Instance, M.Loads("."u8));
        Assert.Equal("<class 'StopIteration'>", PyRepr.Repr(PyStopIteration.Instance));
        Assert.Equal("Ellipsis", PyRepr.Repr(PyEllipsis.Instance));
        Assert.Equal("S"u8.ToArray(), M.Dumps(PyStopIteration.Instance));
        Assert.Equal("."u8.ToArray(), M.Dumps(PyEllipsis.Instance));
    }

    [Fact]
    public void Int64AndLongVectors_FromTestMarshal()
    {
        // test_marshal.IntTestCase.test_int64: 'I' + 8 bytes little-endian.
        Assert.Equal(1L, M.Loads(Convert.FromHexString("490100000000000000")));
        Assert.Equal(long.MinValue, M.Loads(Convert.FromHexString("490000000000000080")));
        Assert.Equal(-1L, M.Loads(Convert.FromHexString("49ffffffffffffffff")));
        Assert.Equal(BigInteger.Pow(2, 100), M.Loads(M.Dumps(BigInteger.Pow(2, 100))));
        Assert.Equal(0L, M.Loads(Convert.FromHexString("6c00000000")));
        // test_bad_reader / invalid longs: digit 0x8000 out of range, zero top digit unnormalized.
        Assert.Throws<MarshalException>(() => M.Loads(Convert.FromHexString("6c010000000080")));
        Assert.Throws<MarshalException>(() => M.Loads(Convert.FromHexString("6c020000000100 0000".Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void HugeInts_MatchPythonBytes()
    {
        string[] hex = PythonRunner.SplitLines(PythonRunner.RunSource(
            "import marshal\nfor v in (3**20000, -(7**9000), 2**15, -(2**30), 2**31, 2**62 - 1):\n    print(marshal.dumps(v, 2).hex())\n"));
        BigInteger[] values = [BigInteger.Pow(3, 20000), -BigInteger.Pow(7, 9000), 1 << 15, -(1L << 30), 1L << 31, (1L << 62) - 1];
        for (int i = 0; i < values.Length; i++)
        {
            byte[] data = Convert.FromHexString(hex[i]);
            Assert.Equal(data, M.Dumps(PyInt.Normalize(values[i]), 2));
            Assert.Equal(PyInt.Normalize(values[i]), M.Loads(data));
        }
    }

    [Fact]
    public void References_PreserveSharingAndCycles_BothWays()
    {
        string[] hex = PythonRunner.SplitLines(PythonRunner.RunSource("""
            import marshal
            l = [1]; l.append(l)
            s = [9]
            print(marshal.dumps(l, 3).hex())
            print(marshal.dumps([s, s], 4).hex())
            """));
        var cyc = (List<object?>)M.Loads(Convert.FromHexString(hex[0]))!;
        Assert.Same(cyc, cyc[1]);
        Assert.Equal("[1, [...]]", PyRepr.Repr(cyc));
        var shared = (List<object?>)M.Loads(Convert.FromHexString(hex[1]))!;
        Assert.Same(shared[0], shared[1]);

        var mine = new List<object?> { 1L };
        mine.Add(mine);
        var inner = new List<object?> { 9L };
        var d = new PyDict { ["a"] = inner, ["b"] = inner };
        string result = PythonRunner.RunSource("""
            import marshal, sys
            a, b = [bytes.fromhex(x) for x in sys.stdin.read().split()]
            l = marshal.loads(a); d = marshal.loads(b)
            print(l[1] is l, d['a'] is d['b'], repr(l), repr(d))
            """, Convert.ToHexString(M.Dumps(mine, 3)) + "\n" + Convert.ToHexString(M.Dumps(d, 4)));
        Assert.Equal("True True [1, [...]] {'a': [9], 'b': [9]}\n", result);
    }

    [Fact]
    public void Load_FromStream_LeavesPositionAfterValue()
    {
        byte[] two = [.. M.Dumps(new PyTuple(1L, "x")), .. M.Dumps(2.5)];
        using var stream = new MemoryStream(two);
        Assert.Equal("(1, 'x')", PyRepr.Repr(M.Load(stream)));
        Assert.Equal(2.5, M.Load(stream));
        Assert.Equal(stream.Length, stream.Position);
        using var out1 = new MemoryStream();
        M.Dump(new List<object?> { 1L }, out1, 2);
        Assert.Equal("[1]", PyRepr.Repr(M.Loads(out1.ToArray())));
    }

    [Fact]
    public void Dump_WritesWhatDumpsReturns_AndNothingWhenAValueFails()
    {
        var shared = new List<object?> { "x" };
        var value = new List<object?> { shared, shared, new PyDict { ["k"] = 2.5 }, new string('a', 100_000) };
        for (int version = 0; version <= 5; version++)
        {
            using var stream = new MemoryStream();
            M.Dump(value, stream, version);
            Assert.Equal(M.Dumps(value, version), stream.ToArray());
        }

        var output = new System.Buffers.ArrayBufferWriter<byte>();
        for (int version = 0; version <= 5; version++)
        {
            System.Buffers.BuffersExtensions.Write<byte>(output, [0xEE]); // appended after what the writer holds
            M.Dump(value, output, version);
            Assert.Equal([0xEE, .. M.Dumps(value, version)], output.WrittenSpan.ToArray());
            output.ResetWrittenCount();
        }

        Assert.Throws<MarshalException>(() => M.Dump(new List<object?> { 1L, new object() }, output));
        Assert.Equal(0, output.WrittenCount);

        using var untouched = new MemoryStream();
        Assert.Throws<MarshalException>(() => M.Dump(new List<object?> { 1L, new object() }, untouched));
        Assert.Equal(0, untouched.Length); // as CPython's marshal.dump: the bytes are built first
        Assert.Throws<ArgumentOutOfRangeException>(() => M.Dump(1L, untouched, 6));
    }

    [Fact]
    public void Dumps_RejectsUnmarshallableAndBadVersion()
    {
        Assert.Equal("unmarshallable object", Assert.Throws<MarshalException>(() => M.Dumps(new object())).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => M.Dumps(1L, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => M.Dumps(1L, -1));
    }

    [Fact]
    public void CodeObject_RoundTripsByteIdentically()
    {
        string hex = PythonRunner.RunSource("""
            import marshal
            c = compile('def f(a, /, b, *, c=1):\n    x = [a + b for _ in range(3)]\n    return x\n', 'f.py', 'exec')
            print(marshal.dumps(c, 2).hex())
            """).Trim();
        byte[] data = Convert.FromHexString(hex);
        var code = Assert.IsType<PyCode>(M.Loads(data));
        Assert.Equal("<module>", code.Name);
        Assert.Equal("f.py", code.FileName);
        var f = code.Consts.OfType<PyCode>().Single();
        Assert.Equal("f", f.QualName);
        Assert.Equal(2, f.ArgCount);
        Assert.Equal(1, f.PosOnlyArgCount);
        Assert.Equal(1, f.KwOnlyArgCount);
        Assert.Equal("<code object f, file \"f.py\", line 1>", f.ToString());
        Assert.Equal(data, M.Dumps(code, 2));
    }
}

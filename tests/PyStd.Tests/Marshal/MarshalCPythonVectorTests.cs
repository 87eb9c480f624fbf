using System.Numerics;
using PyStd.Marshal;
using PyStd.Objects;
using PyStd.Tests.Python;
using M = PyStd.Marshal.Marshal;

namespace PyStd.Tests.Marshal;

/// <summary>
/// The literal vectors and checks of CPython's Lib/test/test_marshal.py (3.11) as data: int64, invalid
/// longs, bad data, EOF at every prefix, every single byte, recursion limits both ways, reference
/// loops. Every outcome is compared with what python3's marshal does with the same bytes.
/// </summary>
public class MarshalCPythonVectorTests
{
    // One python3 run: each stdin line is hex; prints 'ok <repr>' or '<ExceptionName>: <message>'.
    private const string Judge = """
        import marshal, sys
        for h in sys.stdin.read().split():
            h = '' if h == '-' else h
            try:
                v = marshal.loads(bytes.fromhex(h))
                print('ok ' + (repr(v) if len(h) < 2000 else type(v).__name__))
            except Exception as e:
                print(type(e).__name__ + ': ' + str(e))
        """;

    private static string Ours(byte[] data)
    {
        try
        {
            object? v = M.Loads(data);
            return "ok " + (data.Length < 1000 ? PyRepr.Repr(v) : PyTypeName.Of(v));
        }
        catch (MarshalException e)
        {
            return e.PythonName + ": " + e.Message;
        }
    }

    private static void AssertSameAsPython(IReadOnlyList<byte[]> inputs)
    {
        string[] python = PythonRunner.SplitLines(PythonRunner.RunSource(
            Judge, string.Join("\n", inputs.Select(b => b.Length == 0 ? "-" : Convert.ToHexString(b)))));
        Assert.Equal(inputs.Count, python.Length);
        var failures = new List<string>();
        for (int i = 0; i < inputs.Count; i++)
        {
            string ours = Ours(inputs[i]);
            string expected = inputs[i] is [0x3a or 0xba, ..] && python[i] == "ValueError: bad marshal data (unknown type code)"
                ? Ours314(inputs[i]) // TYPE_SLICE, which python3 (before 3.14) does not know
                : python[i];
            if (ours != expected)
            {
                string hex = Convert.ToHexString(inputs[i]);
                failures.Add($"{(hex.Length > 60 ? hex[..60] + "…" : hex)}: python {Cut(python[i])} / ours {Cut(ours)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    private static string Cut(string s) => s.Length > 200 ? s[..200] + "…" : s;

    // CPython 3.14's r_object for TYPE_SLICE reads start, stop, step as objects.
    private static string Ours314(byte[] data) => data.Length == 1 ? "EOFError: EOF read where object expected" : Ours(data);

    [Theory]
    [InlineData("49feDCBA9876543210", "1167088121787636990")] // 0x1032547698badcfe
    [InlineData("490123456789abcdef", "-1167088121787636991")]
    [InlineData("4908192a3b4c5d6e7f", "9182379272246532360")]
    [InlineData("49f7e6d5c4b3a29180", "-9182379272246532361")]
    public void Int64_vectors_of_test_int64(string hex, string value)
    {
        Assert.Equal(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture), (BigInteger)(long)M.Loads(Convert.FromHexString(hex))!);
    }

    [Fact]
    public void Int64_every_shift_of_maxsize_and_minsize()
    {
        var inputs = new List<byte[]>();
        foreach (long start in new[] { long.MaxValue, long.MinValue })
        {
            long b = start;
            while (b != 0)
            {
                inputs.Add([(byte)'I', .. BitConverter.GetBytes(b)]);
                Assert.Equal(b, M.Loads(inputs[^1]));
                b = b == -1 ? 0 : b >> 1;
            }
        }

        AssertSameAsPython(inputs);
    }

    [Fact]
    public void Bad_data_invalid_longs_and_patch_873224_fail_as_in_CPython()
    {
        byte[] long65 = M.Dumps(BigInteger.Pow(2, 65), 2);
        AssertSameAsPython([
            "0"u8.ToArray(), "f"u8.ToArray(), long65[..^1],
            Convert.FromHexString("6c020000000000000000"), // test_invalid_longs
            Convert.FromHexString("6c0200000000"), Convert.FromHexString("6c00000080"),
            Convert.FromHexString("7b4e"), Convert.FromHexString("7b4e4e"), Convert.FromHexString("3c0100000030"),
            Convert.FromHexString("630000000000000000000000000000000000000000"), Convert.FromHexString("3e0200000030"),
            Convert.FromHexString("7201000000"), Convert.FromHexString("5b01000000" + "7200000000"),
            Convert.FromHexString("75020000" + "00c3"), Convert.FromHexString("7502000000c328"), Convert.FromHexString("750100000080"),
            Convert.FromHexString("66037a7a7a"), Convert.FromHexString("7803312e3003"),
            Convert.FromHexString("29ff4e"), Convert.FromHexString("28030000004e4e"),
        ]);
    }

    [Fact]
    public void Eof_at_every_prefix_of_test_eof()
    {
        byte[] data = M.Dumps(new PyTuple("hello", "dolly", null), 4);
        var prefixes = Enumerable.Range(0, data.Length).Select(i => data[..i]).ToArray();
        foreach (byte[] prefix in prefixes)
        {
            Assert.Equal("EOFError", Assert.Throws<MarshalException>(() => M.Loads(prefix)).PythonName);
        }

        AssertSameAsPython(prefixes);
    }

    [Fact]
    public void Every_single_byte_of_test_fuzz()
    {
        AssertSameAsPython(Enumerable.Range(0, 256).Select(i => new[] { (byte)i }).ToArray());
    }

    public static TheoryData<string> Nestings => new() { "tuple-small", "tuple", "list", "dict", "frozenset" };

    private static byte[] Nest(string kind, int n)
    {
        byte[] one = kind switch
        {
            "tuple-small" => [0x29, 1],
            "tuple" => [0x28, 1, 0, 0, 0],
            "list" => [0x5b, 1, 0, 0, 0],
            "dict" => [0x7b, 0x4e],
            _ => [0x3e, 1, 0, 0, 0],
        };
        var data = new byte[(one.Length * n) + 1 + (kind == "dict" ? n : 0)];
        for (int i = 0; i < n; i++)
        {
            one.CopyTo(data, i * one.Length);
        }

        data[one.Length * n] = (byte)'N';
        if (kind == "dict")
        {
            data.AsSpan((one.Length * n) + 1).Fill((byte)'0');
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Nestings))]
    public void Loads_recursion_moderate_nesting_loads_and_2_pow_20_fails_cleanly(string kind)
    {
        AssertSameAsPython([Nest(kind, 100), Nest(kind, 1999), Nest(kind, 2000)]);
        var e = Assert.Throws<MarshalException>(() => M.Loads(Nest(kind, 1 << 20)));
        Assert.Equal("ValueError", e.PythonName);
        Assert.Equal("recursion limit exceeded", e.Message);
    }

    [Fact]
    public void Recursion_limit_of_dumps_matches_MAX_MARSHAL_STACK_DEPTH()
    {
        // test_recursion_limit: 1998 nested one-item lists dump and load; one more level fails.
        var head = new List<object?>();
        List<object?> last = head;
        for (int i = 0; i < M.MaxDepth - 2; i++)
        {
            var next = new List<object?> { 0L };
            last.Add(next);
            last = next;
        }

        byte[] data = M.Dumps(head, 2);
        var loaded = (List<object?>)M.Loads(M.Dumps(head))!;
        Assert.Equal(head.Count, loaded.Count);
        string python = PythonRunner.RunSource(
            "import marshal, sys\nhead = last = []\nfor i in range(1998):\n    last.append([0]); last = last[-1]\n" +
            "print(marshal.dumps(head, 2).hex() == sys.stdin.read().strip())\nlast.append([0])\n" +
            "try:\n    marshal.dumps(head)\nexcept ValueError as e:\n    print(e)\n", Convert.ToHexStringLower(data));
        Assert.Equal("True\nobject too deeply nested to marshal\n", python);
        last.Add(new List<object?> { 0L });
        Assert.Equal("object too deeply nested to marshal", Assert.Throws<MarshalException>(() => M.Dumps(head)).Message);
    }

    [Fact]
    public void Reference_loops_of_testRecursion_survive_both_ways()
    {
        // d = {"hello": obj, "goodbye": obj, obj: "hello"}; d["self"] = d and l = [obj, obj]; l.append(l).
        string[] hex = PythonRunner.SplitLines(PythonRunner.RunSource("""
            import marshal
            obj = 1.2345
            d = {"hello": obj, "goodbye": obj, obj: "hello"}; d["self"] = d
            l = [obj, obj]; l.append(l)
            for v in (3, 4):
                print(marshal.dumps((d, d), v).hex()); print(marshal.dumps((l, l), v).hex())
            """));
        var mine = new List<string>();
        for (int i = 0; i < hex.Length; i++)
        {
            var pair = (PyTuple)M.Loads(Convert.FromHexString(hex[i]))!;
            Assert.Same(pair[0], pair[1]);
            object inner = pair[0]!;
            Assert.Same(inner, inner is PyDict d ? d["self"] : ((List<object?>)inner)[2]);
            mine.Add(Convert.ToHexString(M.Dumps(pair, i < 2 ? 3 : 4)));
        }

        string result = PythonRunner.RunSource("""
            import marshal, sys
            for h in sys.stdin.read().split():
                a, b = marshal.loads(bytes.fromhex(h))
                inner = a['self'] if isinstance(a, dict) else a[2]
                print(a is b, inner is a, repr(a))
            """, string.Join("\n", mine));
        Assert.Equal(string.Concat(Enumerable.Repeat(
            "True True {'hello': 1.2345, 'goodbye': 1.2345, 1.2345: 'hello', 'self': {...}}\nTrue True [1.2345, 1.2345, [...]]\n", 2)), result);
    }
}

using PyStd.Objects;
using PyStd.Tests.Python;
using M = PyStd.Marshal.Marshal;

namespace PyStd.Tests.Marshal;

/// <summary>
/// How versions 3+ write references without reference counts (CPython's InstancingTestCase, adapted):
/// shared containers, bytes and strings stay shared when python3 loads them, shared subgraphs never
/// blow up, and the output is deterministic.
/// </summary>
public class MarshalSharingTests
{
    private const string CountIds = """
        import marshal, sys
        def ids(seen, obj):
            if id(obj) in seen:
                return
            seen.add(id(obj))
            if isinstance(obj, (list, tuple, set, frozenset)):
                for e in obj:
                    ids(seen, e)
            elif isinstance(obj, dict):
                for k, v in obj.items():
                    ids(seen, k); ids(seen, v)
            return len(seen)
        for h in sys.stdin.read().split():
            print(ids(set(), marshal.loads(bytes.fromhex(h))))
        """;

    [Fact]
    public void Shared_containers_strings_and_bytes_load_as_one_instance_in_python3()
    {
        var list = new List<object?> { 1L, "x" };
        var dict = new PyDict { ["hello"] = list, ["goodbye"] = list };
        var set = new PySet([new PyTuple(1L, new PyTuple("abc", 7L))]);
        object?[] samples = [list, dict, set, "abcde" + "abcde" + "abcde", new byte[] { 1, 2, 3 }, new string('s', 100)];
        var hex = new List<string>();
        var expected = new List<string>();
        foreach (object? sample in samples)
        {
            var pair = new PyTuple(sample, sample);
            for (int version = 3; version <= 5; version++)
            {
                byte[] data = M.Dumps(pair, version);
                hex.Add(Convert.ToHexString(data));
                var back = (PyTuple)M.Loads(data)!;
                Assert.Same(back[0], back[1]);
            }

            // Version 2 has no references: two instances.
            var two = (PyTuple)M.Loads(M.Dumps(pair, 2))!;
            Assert.NotSame(two[0], two[1]);
        }

        string[] counts = PythonRunner.SplitLines(PythonRunner.RunSource(CountIds, string.Join("\n", hex)));
        string[] single = PythonRunner.SplitLines(PythonRunner.RunSource(CountIds,
            string.Join("\n", samples.Select(s => Convert.ToHexString(M.Dumps(new PyTuple(s, s), 2))))));

        // With references python3 sees exactly as many objects as the graph has (tuple + shared part);
        // version 2 loads more of them.
        for (int i = 0; i < samples.Length; i++)
        {
            for (int v = 0; v < 3; v++)
            {
                Assert.True(int.Parse(counts[(i * 3) + v], System.Globalization.CultureInfo.InvariantCulture) < int.Parse(single[i], System.Globalization.CultureInfo.InvariantCulture), $"sample {i}");
            }
        }
    }

    [Fact]
    public void A_doubling_chain_of_shared_tuples_stays_linear()
    {
        // t = (); for i in range(60): t = ([t], [t]) would be 2**60 objects written out in full.
        object? t = PyTuple.Empty;
        for (int i = 0; i < 60; i++)
        {
            var inner = new PyTuple(new List<object?> { t });
            t = new PyTuple(inner, inner);
        }

        byte[] data = M.Dumps(t, 4);
        Assert.True(data.Length < 2000, $"{data.Length} bytes");
        string python = PythonRunner.RunSource(
            "import marshal, sys\nt = marshal.loads(bytes.fromhex(sys.stdin.read()))\nn = 0\nwhile t:\n    assert t[0] is t[1]; t = t[0][0][0]; n += 1\nprint(n)\n",
            Convert.ToHexString(data));
        Assert.Equal("60\n", python);
    }

    [Fact]
    public void Output_is_deterministic_and_every_version_loads_equal()
    {
        var records = new List<object?>();
        byte[] blob = [9, 9];
        for (long i = 0; i < 5000; i++)
        {
            records.Add(new PyDict { ["id"] = i, ["name"] = "user" + i, ["tags"] = new List<object?> { "a", "bb" }, ["blob"] = blob, ["t"] = new PyTuple(i, i + 1) });
        }

        Assert.Equal(M.Dumps(records, 4), M.Dumps(records, 4));
        Assert.Equal(M.Dumps(records, 3), M.Dumps(records, 3));
        for (int version = 0; version <= 5; version++)
        {
            byte[] data = M.Dumps(records, version);
            Assert.Equal(PyRepr.Repr(records), PyRepr.Repr(M.Loads(data)));
        }

        // Keys and shared values become references: the v4 data is smaller than v2's.
        Assert.True(M.Dumps(records, 4).Length < M.Dumps(records, 2).Length);
    }
}

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

    [Fact]
    public void Containers_met_once_are_written_plainly_with_only_the_top_level_flagged()
    {
        // CPython flags an object whose refcount is above one: the top level (its caller holds it),
        // not the inner lists. Its ints differ ('i' | FLAG_REF there: small ints are shared objects).
        var value = new List<object?> { new List<object?> { 1L }, new PyDict { [2L] = new PyTuple(new List<object?>(), 3L) } };
        Assert.Equal("DB02000000" + "5B01000000" + "6901000000" + "7B" + "6902000000" + "2902" + "5B00000000" + "6903000000" + "30",
            Convert.ToHexString(M.Dumps(value, 4)));
        Assert.Equal("[[1], {2: ([], 3)}]\n", PythonRunner.RunSource(
            "import marshal, sys\nprint(marshal.loads(bytes.fromhex(sys.stdin.read())))\n", Convert.ToHexString(M.Dumps(value, 4))));
    }

    [Fact]
    public void Sharing_found_early_late_or_through_a_cycle_loads_shared_in_python3()
    {
        // The writer logs containers and searches the log at checkpoints (4,096, 65,536 … entries) and
        // at the end; each case below ends in a different pass. 3,000 records log 6,001 containers.
        static List<object?> Records(int n)
        {
            var records = new List<object?>(n);
            for (long i = 0; i < n; i++)
            {
                records.Add(new PyDict { ["id"] = i, ["tags"] = new List<object?> { "a", i } });
            }

            return records;
        }

        static List<object?> Tags(List<object?> records, int i) => (List<object?>)((PyDict)records[i]!)["tags"]!;

        // Early: records 0 and 1 share one list (found at the first checkpoint).
        List<object?> early = Records(3000);
        ((PyDict)early[1]!)["tags"] = Tags(early, 0);

        // Late: after the last checkpoint the list ends with the first record's dict, its tags and a
        // middle record's tags (found only at the end).
        List<object?> late = Records(3000);
        late.Add(late[0]);
        late.Add(Tags(late, 1500));

        // A cycle deep in the graph: the last record holds the whole list.
        List<object?> cyclic = Records(3000);
        ((PyDict)cyclic[2999]!)["all"] = cyclic;

        // Which pass wrote it shows in the first record's dict (after '[' | FLAG_REF and the count):
        // flagged when every container is (early sharing, the cycle) or when it is itself shared (late).
        Assert.Equal(0x7B, M.Dumps(Records(3000), 4)[5]);
        Assert.Equal(0xFB, M.Dumps(early, 4)[5]);
        byte[] lateData = M.Dumps(late, 4);
        Assert.Equal(0xFB, lateData[5]);
        Assert.Equal(0xFB, M.Dumps(cyclic, 4)[5]);
        Assert.Equal(0x7B, lateData[lateData.AsSpan(6).IndexOf((byte)0x7B) + 6]); // record 1: plain

        var hex = new List<string>();
        foreach (List<object?> graph in new[] { early, late, cyclic })
        {
            for (int version = 3; version <= 5; version++)
            {
                byte[] data = M.Dumps(graph, version);
                var back = (List<object?>)M.Loads(data)!;
                Assert.Equal(graph.Count, back.Count);
                hex.Add(Convert.ToHexString(data));
            }
        }

        string[] lines = PythonRunner.SplitLines(PythonRunner.RunSource("""
            import marshal, sys
            data = [marshal.loads(bytes.fromhex(h)) for h in sys.stdin.read().split()]
            for x in data[0:3]:
                print(x[0]['tags'] is x[1]['tags'], x[1]['tags'] is x[2]['tags'], len({id(r['tags']) for r in x}))
            for x in data[3:6]:
                print(x[-2] is x[0], x[-1] is x[1500]['tags'], x[0]['tags'] is x[-2]['tags'], len({id(r) for r in x}))
            for x in data[6:9]:
                print(x[2999]['all'] is x, x[2999]['tags'] == ['a', 2999], x[5] == {'id': 5, 'tags': ['a', 5]})
            """, string.Join("\n", hex)));
        Assert.Equal(Enumerable.Repeat("True False 2999", 3)
            .Concat(Enumerable.Repeat("True True True 3001", 3))
            .Concat(Enumerable.Repeat("True True True", 3)), lines);
    }
}

using System.Globalization;
using System.Numerics;
using System.Text;
using PyStd.Objects;
using PyStd.Tests.Python;

namespace PyStd.Tests.Objects;

public class PyDictTests
{
    /// <summary>Keys that mix str, int, float, bool, None, bytes and tuples, with Python-equal values of different types.</summary>
    private static readonly (string Python, object? Value)[] s_keys =
    [
        ("'a'", "a"), ("'bb'", "bb"), ("'ab'", "ab"), ("'ba'", "ba"), ("''", string.Empty), ("'name'", "name"),
        ("'tags'", "tags"), ("'blob'", "blob"), ("0", 0L), ("1", 1L), ("1.0", 1.0), ("True", true), ("False", false),
        ("2", 2L), ("2.0", 2.0), ("None", null), ("b'a'", new byte[] { 97 }), ("(1, 'a')", new PyTuple(1L, "a")),
        ("(1.0, 'a')", new PyTuple(1.0, "a")), ("(2,)", new PyTuple(2L)), ("(1, 2, 3)", new PyTuple(1L, 2L, 3L)),
        ("10**20", BigInteger.Pow(10, 20)), ("-5", -5L), ("'k1'", "k1"), ("'k2'", "k2"), ("'k3'", "k3"),
    ];

    [Fact]
    public void Random_sets_lookups_and_removals_match_python_through_the_small_and_indexed_layouts()
    {
        // One seeded op sequence (enough keys to cross the linear/indexed boundary both ways, with
        // removals that compact), replayed by python3 on a real dict; after every op both print the dict.
        var rng = new System.Random(20261125);
        var ops = new List<(char Op, int Key, int Value)>();
        for (int i = 0; i < 600; i++)
        {
            char op = rng.Next(10) switch { < 5 => 's', < 8 => 'd', _ => 'g' };
            ops.Add((op, rng.Next(s_keys.Length), i));
        }

        var script = new StringBuilder("keys = [" + string.Join(", ", s_keys.Select(k => k.Python)) + "]\nd = {}\n");
        script.Append("ops = [" + string.Join(", ", ops.Select(o => $"('{o.Op}', {o.Key}, {o.Value})")) + "]\n");
        script.Append("""
            for op, k, v in ops:
                key = keys[k]
                if op == 's':
                    d[key] = v
                    r = '-'
                elif op == 'd':
                    r = str(d.pop(key, 'missing'))
                else:
                    r = str(d.get(key, 'missing'))
                print(r, len(d), repr(list(d.items())))
            """);
        string[] expected = PythonRunner.SplitLines(PythonRunner.RunSource(script.ToString()));

        var dict = new PyDict();
        var actual = new List<string>();
        foreach (var (op, k, v) in ops)
        {
            object? key = s_keys[k].Value;
            string r = "-";
            if (op == 's')
            {
                dict[key] = (long)v;
            }
            else if (op == 'd')
            {
                r = dict.TryGetValue(key, out object? old) && dict.Remove(key) ? Convert.ToString(old, CultureInfo.InvariantCulture)! : "missing";
            }
            else
            {
                r = dict.TryGetValue(key, out object? got) ? Convert.ToString(got, CultureInfo.InvariantCulture)! : "missing";
            }

            var items = dict.Select(p => new PyTuple(p.Key, p.Value)).ToList<object?>();
            actual.Add($"{r} {dict.Count} {PyRepr.Repr(items)}");
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Unhashable_keys_are_refused_in_small_and_indexed_dicts()
    {
        var small = new PyDict { ["a"] = 1L };
        var large = new PyDict();
        for (int i = 0; i < 20; i++)
        {
            large[(long)i] = (long)i;
        }

        foreach (PyDict d in new[] { small, large })
        {
            Assert.Throws<PyTypeException>(() => d[new List<object?>()] = 1L);
            Assert.Throws<PyTypeException>(() => d.ContainsKey(new PyDict()));
            Assert.Throws<PyTypeException>(() => d[new PyTuple(1L, new List<object?>())] = 1L);
        }
    }

    [Fact]
    public void Small_tuples_behave_like_array_backed_ones()
    {
        var inline = new PyTuple(1L, "a");
        var viaArray = PyTuple.FromEnumerable(new object?[] { 1L, "a" }.Where(_ => true));
        var three = new PyTuple(1L, "a", null);
        Assert.Equal(2, inline.Count);
        Assert.Equal("a", inline[1]);
        Assert.Throws<IndexOutOfRangeException>(() => inline[2]);
        Assert.Equal(inline, viaArray);
        Assert.Equal(PyHash.Hash(inline), PyHash.Hash(viaArray));
        Assert.Equal(new object?[] { 1L, "a" }, inline.ToArray());
        Assert.Equal("(1, 'a')", PyRepr.Repr(inline));
        Assert.Equal("(1,)", PyRepr.Repr(new PyTuple(1L)));
        Assert.Equal("(1, 'a', None)", PyRepr.Repr(three));
        Assert.Equal(-3550055125485641917L, PyHash.Hash(new PyTuple(1L, 2L))); // CPython's hash((1, 2))
        Assert.Equal(PyHash.Hash(new PyTuple(1L, 2L)), PyHash.Hash(new PyTuple(1.0, 2.0)));
    }

    [Fact]
    public void CapacityIsRoomNotContent()
    {
        var dict = new PyDict(20);
        Assert.Empty(dict);
        for (long i = 0; i < 20; i++)
        {
            dict[i] = i * 10; // past the linear-scan size: the index is built as keys arrive
        }

        dict[1.0] = "one"; // 1.0 == 1: replaces the value, keeps the key
        Assert.Equal(20, dict.Count);
        Assert.Equal("one", dict[1L]);
        Assert.Equal(190L, dict[19L]);
        Assert.Equal("{0: 0, 1: 'one', 2: 20}", PyRepr.Repr(new PyDict(3) { [0L] = 0L, [1L] = "one", [2L] = 20L }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PyDict(-1));
    }
}

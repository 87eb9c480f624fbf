using System.Numerics;
using PyStd.Objects;
using PyStd.Pickle;
using PyStd.Tests.Python;

namespace PyStd.Tests.Pickle;

/// <summary>
/// The pickler's options and API against CPython (Python/gen_pickler_api.py): persistent IDs,
/// fix_imports, out-of-band buffers, a memo that outlives one dump, copyreg extension codes, reduce
/// shapes with a callable, .NET values outside the model; then argument checks and limits.
/// </summary>
public sealed class PicklerTests
{
    private static readonly Lazy<Dictionary<string, string>> s_cpython = new(() =>
        PythonRunner.RunScriptLines("gen_pickler_api.py")
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => p[1]));

    private static string CPython(string name) => s_cpython.Value[name];

    private static string Hex(byte[] data) => Convert.ToHexStringLower(data);

    private static byte[] Dumps(object? value, int protocol, PicklerOptions? options = null) =>
        PyStd.Pickle.Pickle.Dumps(value, protocol, options);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void PersistentId_writes_PERSID_or_BINPERSID_as_CPython(int protocol)
    {
        var options = PicklerOptions.Default with
        {
            PersistentId = o => o is string s && s.StartsWith("ext", StringComparison.Ordinal) ? "pid:" + s : null,
        };
        string ext1 = "ext1";
        var value = new List<object?> { ext1, "plain", new PyTuple("ext2", 5L), ext1 };
        Assert.Equal(CPython($"persistent_{protocol}"), Hex(Dumps(value, protocol, options)));
    }

    [Fact]
    public void PersistentId_at_protocol_0_must_be_ASCII()
    {
        var options = PicklerOptions.Default with { PersistentId = o => o is long ? "é" : null };
        var e = Assert.Throws<PicklingException>(() => Dumps(new List<object?> { 1L }, 0, options));
        Assert.Equal("persistent IDs in protocol 0 must be ASCII strings", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void FixImports_maps_Python_3_names_to_Python_2_names_unless_turned_off(int protocol)
    {
        var value = new List<object?> { new PySet(), new PyGlobal("builtins", "range"), new PyGlobal("copyreg", "_reconstructor"), "x"u8.ToArray() };
        Assert.Equal(CPython($"fix_imports_{protocol}"), Hex(Dumps(value, protocol)));
        Assert.Equal(CPython($"no_fix_imports_{protocol}"), Hex(Dumps(value, protocol, PicklerOptions.Default with { FixImports = false })));
    }

    [Fact]
    public void PickleBuffer_is_written_in_band_as_bytes_or_bytearray()
    {
        var value = new List<object?> { new PickleBuffer("abc"u8.ToArray()), new PickleBuffer("xyz"u8.ToArray(), isReadOnly: false) };
        Assert.Equal(CPython("buffers_in_band"), Hex(Dumps(value, 5)));
    }

    [Fact]
    public void BufferCallback_sends_buffers_out_of_band()
    {
        var buffers = new List<PickleBuffer>();
        var options = PicklerOptions.Default with { BufferCallback = b => { buffers.Add(b); return false; } };
        var abc = new PickleBuffer("abc"u8.ToArray());
        var xyz = new PickleBuffer("xyz"u8.ToArray(), isReadOnly: false);
        Assert.Equal(CPython("buffers_out_of_band"), Hex(Dumps(new List<object?> { abc, xyz }, 5, options)));
        Assert.Equal([abc, xyz], buffers);
    }

    [Fact]
    public void PickleBuffer_needs_protocol_5()
    {
        var e = Assert.Throws<PicklingException>(() => Dumps(new PickleBuffer(new byte[1]), 4));
        Assert.Equal("PickleBuffer can only pickled with protocol >= 5", e.Message);
        var options = PicklerOptions.Default with { BufferCallback = _ => true };
        var e2 = Assert.Throws<ArgumentException>(() => Dumps(1L, 4, options));
        Assert.StartsWith("buffer_callback needs protocol >= 5", e2.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_Pickler_keeps_its_memo_across_dumps_until_ClearMemo(int protocol)
    {
        using var stream = new MemoryStream();
        using var pickler = new Pickler(stream, protocol);
        var shared = new List<object?> { "shared", 2L };
        pickler.Dump(shared);
        pickler.Dump(shared);
        pickler.ClearMemo();
        pickler.Dump(shared);
        Assert.Equal(CPython($"memo_across_dumps_{protocol}"), Hex(stream.ToArray()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Registered_extension_codes_are_written_as_EXT1_EXT2_EXT4(int protocol)
    {
        var extensions = new PickleExtensionRegistry();
        extensions.Add("pickler_classes", "Plain", 240);
        extensions.Add("collections", "OrderedDict", 0x1234);
        extensions.Add("pickler_classes", "Plain2", 0x123456);
        var value = new List<object?>
        {
            new PyGlobal("pickler_classes", "Plain"), new PyGlobal("collections", "OrderedDict"),
            new PyGlobal("pickler_classes", "Plain2"), new PyGlobal("pickler_classes", "Plain"),
        };
        Assert.Equal(CPython($"extensions_{protocol}"), Hex(Dumps(value, protocol, PicklerOptions.Default with { Extensions = extensions })));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_reduce_whose_callable_is_an_object_pickles_the_callable(int protocol)
    {
        // Python: (Method._unpickle, (key,)) — a bound class method, itself getattr(Method, '_unpickle').
        string name = "_unpickle"; // one object, as the function's __name__ is
        PyObject Method(string key) => new("pickler_classes", "Method._unpickle")
        {
            Kind = PyObjectKind.Reduce,
            Callable = new PyObject("builtins", "getattr")
            {
                Kind = PyObjectKind.Reduce,
                Args = new PyTuple(new PyGlobal("pickler_classes", "Method"), name),
            },
            Args = new PyTuple(key),
        };
        Assert.Equal(CPython($"callable_{protocol}"), Hex(Dumps(new List<object?> { Method("k1"), Method("k2") }, protocol)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void DotNet_numbers_and_collections_pickle_as_the_Python_values_they_mean(int protocol)
    {
        var value = new List<object?>
        {
            1, (short)-2, (byte)3, ulong.MaxValue, 4.5f, 'c', DayOfWeek.Saturday + 1,
            new[] { 1, 2 }, new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, new HashSet<int> { 1, 2 }, (1, "x"), (Half)3.25,
        };
        Assert.Equal(CPython($"clr_values_{protocol}"), Hex(Dumps(value, protocol)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_benchmark_records_pickle_as_CPython_pickles_them(int protocol)
    {
        byte[] blob = "xyzxyzxyz"u8.ToArray(); // one object, as CPython's constant is
        var records = new List<object?>();
        for (long i = 0; i < 3000; i++)
        {
            records.Add(new PyDict
            {
                ["id"] = i, ["name"] = "user" + i, ["score"] = i * 0.5, ["tags"] = new List<object?> { "a", "bb" },
                ["active"] = i % 2 == 0, ["blob"] = blob, ["t"] = new PyTuple(i, i + 1),
            });
        }

        string expected = CPython($"records_{protocol}");
        Assert.Equal(expected, Hex(Dumps(records, protocol)));
        Assert.Equal(expected, Hex(Dumps(records, protocol))); // again, on this thread's reused memo table
        using var stream = new MemoryStream();
        PyStd.Pickle.Pickle.Dump(records, stream, protocol);
        Assert.Equal(expected, Hex(stream.ToArray()));
    }

    [Fact]
    public void ClearMemo_after_a_large_dump_forgets_everything()
    {
        var big = new List<object?>();
        for (int i = 0; i < 100_000; i++)
        {
            big.Add("s" + i);
        }

        var small = new List<object?> { big[0], big[1] };
        using var stream = new MemoryStream();
        using var pickler = new Pickler(stream, 2);
        pickler.Dump(big);
        long afterBig = stream.Length;
        pickler.ClearMemo();
        pickler.Dump(small);
        Assert.Equal(Dumps(small, 2), stream.ToArray()[(int)afterBig..]);
    }

    [Fact]
    public void Old_style_instances_are_written_with_INST_and_OBJ_and_Python_loads_them()
    {
        var inst = new PyObject("pickler_classes", "Plain")
        {
            Kind = PyObjectKind.Inst,
            State = new PyDict { ["a"] = 1L, ["b"] = "two" },
            HasState = true,
        };
        string input = string.Concat(Enumerable.Range(0, 6).Select(p => Hex(Dumps(new List<object?> { inst, inst }, p)) + "\n"));
        string output = PythonRunner.RunSource(
            """
            import sys, pickle
            sys.path.insert(0, sys.argv[0].rsplit('/', 1)[0])
            """.Replace("sys.argv[0].rsplit('/', 1)[0]", $"'{Path.Combine(AppContext.BaseDirectory, "Python")}'", StringComparison.Ordinal)
            + """

            import pickler_classes
            for line in sys.stdin:
                data = bytes.fromhex(line.strip())
                a, b = pickle.loads(data)
                ops = {op.name for op, _, _ in __import__('pickletools').genops(data)}
                print(type(a).__name__, vars(a), a is b, 'INST' in ops or 'OBJ' in ops)
            """,
            input);
        string[] lines = PythonRunner.SplitLines(output);
        Assert.Equal(6, lines.Length);
        Assert.All(lines, l => Assert.Equal("Plain {'a': 1, 'b': 'two'} True True", l));
    }

    [Fact]
    public void Protocol_above_5_is_rejected_and_a_negative_one_means_the_highest()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Dumps(1L, 6));
        Assert.StartsWith("pickle protocol must be <= 5", e.Message, StringComparison.Ordinal);
        Assert.Equal(Dumps(1L, 5), Dumps(1L, -1));
        Assert.Equal(4, PyStd.Pickle.Pickle.DefaultProtocol);
        Assert.Equal(Dumps(1L, 4), PyStd.Pickle.Pickle.Dumps(1L));
    }

    [Fact]
    public void A_type_with_no_mapping_throws_PicklingException()
    {
        var e = Assert.Throws<PicklingException>(() => Dumps(new List<object?> { new Uri("http://x/") }, 4));
        Assert.StartsWith("can't pickle 'Uri' object", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_MaxDepth_throws_PyRecursionException_not_a_stack_overflow()
    {
        var root = new List<object?>();
        List<object?> current = root;
        for (int i = 0; i < 100_000; i++)
        {
            var next = new List<object?>();
            current.Add(next);
            current = next;
        }

        var e = Assert.Throws<PyRecursionException>(() => Dumps(root, 4));
        Assert.Equal("maximum recursion depth exceeded while pickling an object", e.Message);

        var shallow = new List<object?> { new List<object?> { new List<object?> { 1L } } };
        var limited = PicklerOptions.Default with { MaxDepth = 2 };
        Assert.Throws<PyRecursionException>(() => Dumps(shallow, 4, limited));
        Assert.NotEmpty(Dumps(shallow, 4, PicklerOptions.Default with { MaxDepth = 3 }));
    }

    [Fact]
    public void Deep_nesting_within_the_limit_pickles_on_a_small_thread_stack()
    {
        var root = new List<object?>();
        List<object?> current = root;
        for (int i = 0; i < 4000; i++)
        {
            var next = new List<object?>();
            current.Add(next);
            current = next;
        }

        Exception? error = null;
        byte[]? result = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = Dumps(root, 4);
            }
            catch (PyRecursionException e)
            {
                error = e;
            }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.True(result is not null || error is PyRecursionException);
    }

    [Fact]
    public void Big_ints_choose_LONG1_or_LONG4_and_text_below_protocol_2()
    {
        BigInteger big = BigInteger.Pow(2, 2100);
        byte[] p2 = Dumps(big, 2);
        Assert.Equal(0x8b, p2[2]); // LONG4: more than 255 bytes
        Assert.Equal((byte)'L', Dumps(big, 1)[0]);
        Assert.Equal("4c3132333435363738393031324c0a2e", Hex(Dumps(123456789012L, 0)));
        Assert.Equal("80028a0500e87648172e", Hex(Dumps(100_000_000_000L, 2)));
    }

    [Fact]
    public void A_disposed_Pickler_cannot_dump()
    {
        var pickler = new Pickler(new MemoryStream());
        pickler.Dispose();
        pickler.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pickler.Dump(1L));
    }

    [Fact]
    public void Protocol_and_options_are_visible_on_the_Pickler()
    {
        var options = PicklerOptions.Default with { FixImports = false };
        using var pickler = new Pickler(new MemoryStream(), -1, options);
        Assert.Equal(5, pickler.Protocol);
        Assert.Same(options, pickler.Options);
        Assert.Throws<ArgumentException>(() => new Pickler(new MemoryStream([], writable: false)));
    }
}

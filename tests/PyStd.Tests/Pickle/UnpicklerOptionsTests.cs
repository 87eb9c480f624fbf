using System.Text;
using PyStd.Objects;
using PyStd.Pickle;
using PyStd.Tests.Python;
using PyPickle = PyStd.Pickle.Pickle;

namespace PyStd.Tests.Pickle;

/// <summary>One spec per <see cref="UnpicklerOptions"/> knob, with CPython's pickles and messages.</summary>
public class UnpicklerOptionsTests
{
    /// <summary>Loads a pickle written as a Python bytes literal body (see <see cref="PickleCanon.Bytes"/>).</summary>
    private static object? Load(string pickle, UnpicklerOptions? options = null) => PyPickle.Loads(PickleCanon.Bytes(pickle), options);

    // ---- Encoding (the full table is UnpicklerPython2Tests) ----

    [Fact]
    public void Encoding_decides_how_Python2_str_decodes()
    {
        const string pickle = @"U\x04caf\xe9q\x00.";
        var ascii = Assert.Throws<UnpicklingException>(() => Load(pickle));
        Assert.Equal("'ascii' codec can't decode byte 0xe9 in position 3: ordinal not in range(128)", ascii.Message);
        Assert.Equal("café", Load(pickle, UnpicklerOptions.Default with { Encoding = "latin1" }));
        Assert.Equal("café", Load(pickle, UnpicklerOptions.Default with { Encoding = "cp1252" }));
        Assert.Equal(PickleCanon.Bytes(@"caf\xe9"), Load(pickle, UnpicklerOptions.Default with { Encoding = "bytes" }));
        Assert.Throws<UnpicklingException>(() => Load(pickle, UnpicklerOptions.Default with { Encoding = "utf-8" }));
        Assert.Equal("café", Load(@"U\x05caf\xc3\xa9q\x00.", UnpicklerOptions.Default with { Encoding = "UTF-8" }));
    }

    [Fact]
    public void Encoding_never_affects_unicode_or_bytes_opcodes()
    {
        var bytes = UnpicklerOptions.Default with { Encoding = "bytes" };
        Assert.Equal("é", Load(@"X\x02\x00\x00\x00\xc3\xa9.", bytes));
        Assert.Equal(new byte[] { 0xe9 }, Load(@"C\x01\xe9.", bytes));
    }

    [Fact]
    public void An_unknown_encoding_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new Unpickler(ReadOnlyMemory<byte>.Empty, UnpicklerOptions.Default with { Encoding = "no-such-codec" }));
        Assert.Contains("unknown encoding: no-such-codec", e.Message);
    }

    // ---- FixImports ----

    [Fact]
    public void FixImports_maps_Python2_names_below_protocol_3_only()
    {
        const string set2 = @"\x80\x02c__builtin__\nset\nq\x00]q\x01K\x01a\x85q\x02Rq\x03.";
        Assert.Equal(new PySet([1L]), Load(set2));
        var raw = Assert.IsType<PyObject>(Load(set2, UnpicklerOptions.Default with { FixImports = false }));
        Assert.Equal(("__builtin__", "set"), (raw.Module, raw.Name));

        // Protocol 3 pickles are Python 3 only: no mapping, as in CPython.
        var p3 = Assert.IsType<PyObject>(Load(@"\x80\x03c__builtin__\nset\nq\x00]q\x01K\x01a\x85q\x02Rq\x03."));
        Assert.Equal("__builtin__", p3.Module);

        Assert.Equal(new PyGlobal("builtins", "range"), Load(@"c__builtin__\nxrange\n."));
        Assert.Equal(new PyGlobal("collections", "UserDict"), Load(@"cUserDict\nIterableUserDict\n."));
        Assert.Equal(new PyGlobal("copyreg", "_reconstructor"), Load(@"ccopy_reg\n_reconstructor\n."));
    }

    // ---- Registry and UnknownGlobals ----

    private sealed record Point(long X, long Y);

    private sealed class PointConverter() : PickleConverter("app", "Point", typeof(Point))
    {
        public override bool ConvertsAtConstruction => false;

        public override object? FromPython(PyObject reduced) =>
            reduced.State is PyDict d ? new Point((long)d["x"]!, (long)d["y"]!) : reduced;

        public override PyObject ToPython(object value, int protocol) => throw new NotSupportedException();
    }

    private const string PointPickle = @"\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00\x8c\x03app\x94\x8c\x05Point\x94\x93\x94)\x81\x94}\x94(\x8c\x01x\x94K\x01\x8c\x01y\x94K\x02ub]\x94(h\x03h\x03e\x86\x94.";

    [Fact]
    public void A_registered_converter_turns_instances_into_its_type_everywhere_they_are_referenced()
    {
        var registry = PickleRegistry.CreateDefault();
        registry.Register(new PointConverter());
        var value = Assert.IsType<PyTuple>(Load(PointPickle, UnpicklerOptions.Default with { Registry = registry }));
        var p = Assert.IsType<Point>(value[0]);
        Assert.Equal(new Point(1, 2), p);
        var list = Assert.IsType<List<object?>>(value[1]);
        Assert.Same(p, list[0]);
        Assert.Same(p, list[1]);
    }

    [Fact]
    public void The_default_registry_is_read_only()
    {
        Assert.True(PickleRegistry.Default.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => PickleRegistry.Default.Register(new PointConverter()));
        Assert.Throws<InvalidOperationException>(() => PickleRegistry.Default.Allow("app", "Point"));
        Assert.False(PickleRegistry.CreateDefault().IsReadOnly);
    }

    [Fact]
    public void The_registry_finds_converters_by_name_and_by_type()
    {
        var registry = PickleRegistry.Default;
        Assert.True(registry.TryGetByName("datetime", "datetime", out var byName));
        Assert.True(registry.TryGetByType(typeof(DateTimeOffset), out var byType));
        Assert.Equal(("datetime", "datetime"), (byType.Module, byType.Name));
        Assert.Equal(byName.Module, byType.Module);
        Assert.True(registry.TryGetByType(typeof(Guid), out var uuid));
        Assert.Equal("UUID", uuid.Name);
        Assert.True(registry.TryGetByType(typeof(decimal), out var dec));
        Assert.Equal("Decimal", dec.Name);
        Assert.False(registry.TryGetByType(typeof(Point), out _));
        Assert.True(registry.IsAllowed("collections", "OrderedDict"));
        Assert.True(registry.IsAllowed("builtins", "set"));
        Assert.False(registry.IsAllowed("builtins", "eval"));
        Assert.True(registry.IsDenied("os", "system"));
        Assert.True(registry.IsDenied("subprocess", "Popen"));
        Assert.True(registry.IsDenied("importlib.util", "spec_from_file_location"));
        Assert.False(registry.IsDenied("os", "stat_result"));
        Assert.False(registry.IsAllowed("app", "Point"));
    }

    [Fact]
    public void UnknownGlobals_Reject_refuses_classes_outside_the_allowlist_and_names_them()
    {
        var reject = UnpicklerOptions.Default with { UnknownGlobals = UnknownGlobals.Reject };
        var e = Assert.Throws<UnpicklingException>(() => Load(PointPickle, reject));
        Assert.Equal("global 'app.Point' is forbidden: it is not in the registry's allowlist (UnknownGlobals.Reject)", e.Message);

        // The standard classes stay allowed.
        Assert.Equal(new DateOnly(2020, 1, 2), Load(@"\x80\x02cdatetime\ndate\nq\x00c_codecs\nencode\nq\x01X\x05\x00\x00\x00\x07\xc3\xa4\x01\x02q\x02X\x06\x00\x00\x00latin1q\x03\x86q\x04Rq\x05\x85q\x06Rq\x07.", reject));

        var registry = PickleRegistry.CreateDefault();
        registry.Allow("app", "*");
        Assert.IsType<PyTuple>(Load(PointPickle, reject with { Registry = registry }));
    }

    [Fact]
    public void UnknownGlobals_AsPyObject_keeps_unknown_classes_as_data()
    {
        var value = Assert.IsType<PyTuple>(Load(PointPickle));
        var p = Assert.IsType<PyObject>(value[0]);
        Assert.Equal(("app", "Point", PyObjectKind.NewObj), (p.Module, p.Name, p.Kind));
        Assert.Equal(new PyDict { ["x"] = 1L, ["y"] = 2L }, p.State);
        Assert.Same(p, ((List<object?>)value[1]!)[1]);
    }

    // ---- limits ----

    [Fact]
    public void MaxDepth_limits_nesting()
    {
        const string fourDeep = @"\x80\x02]]]]K\x01aaaa.";
        var options = UnpicklerOptions.Default with { MaxDepth = 3 };
        var e = Assert.Throws<UnpicklingException>(() => Load(fourDeep, options));
        Assert.Equal("pickle nesting is deeper than the limit of 3 (UnpicklerOptions.MaxDepth)", e.Message);
        Assert.NotNull(Load(fourDeep, options with { MaxDepth = 4 }));
        Assert.Throws<UnpicklingException>(() => Load("((((N.", options));
    }

    [Fact]
    public void MaxMemoEntries_limits_the_memo()
    {
        const string pickle = @"\x80\x04N\x94N\x94N\x94\x87.";
        Assert.NotNull(Load(pickle, UnpicklerOptions.Default with { MaxMemoEntries = 3 }));
        var e = Assert.Throws<UnpicklingException>(() => Load(pickle, UnpicklerOptions.Default with { MaxMemoEntries = 2 }));
        Assert.Equal("pickle has more memo entries than the limit of 2 (UnpicklerOptions.MaxMemoEntries)", e.Message);
    }

    [Fact]
    public void MaxAllocationBytes_limits_declared_sizes()
    {
        string pickle = @"C\xc8" + new string('a', 200) + ".";
        Assert.NotNull(Load(pickle, UnpicklerOptions.Default with { MaxAllocationBytes = 200 }));
        var e = Assert.Throws<UnpicklingException>(() => Load(pickle, UnpicklerOptions.Default with { MaxAllocationBytes = 199 }));
        Assert.Equal("pickle needs more than the limit of 199 bytes (UnpicklerOptions.MaxAllocationBytes)", e.Message);
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Unpickler(ReadOnlyMemory<byte>.Empty, UnpicklerOptions.Default with { MaxDepth = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Unpickler(ReadOnlyMemory<byte>.Empty, UnpicklerOptions.Default with { MaxMemoEntries = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Unpickler(ReadOnlyMemory<byte>.Empty, UnpicklerOptions.Default with { MaxAllocationBytes = 0 }));
    }

    // ---- PersistentLoad ----

    [Fact]
    public void PersistentLoad_resolves_PERSID_and_BINPERSID()
    {
        var seen = new List<object?>();
        var options = UnpicklerOptions.Default with { PersistentLoad = id => { seen.Add(id); return "loaded:" + PyRepr.Repr(id); } };
        Assert.Equal(new List<object?> { "loaded:'abc'" }, Load(@"(lp0\nPabc\np1\na.", options));
        Assert.Equal("loaded:('row', 7)", Load(@"\x80\x02X\x03\x00\x00\x00rowK\x07\x86Q.", options));
        Assert.Equal(new object?[] { "abc", new PyTuple("row", 7L) }, seen);
    }

    [Fact]
    public void Persistent_ids_without_PersistentLoad_fail_with_CPythons_message()
    {
        var e = Assert.Throws<UnpicklingException>(() => Load(@"Pabc\n."));
        Assert.Equal("A load persistent id instruction was encountered,\nbut no persistent_load function was specified.", e.Message);
        Assert.Throws<UnpicklingException>(() => Load(@"K\x01Q."));
        var ascii = Assert.Throws<UnpicklingException>(() => Load(@"Pab\xe9\n.", UnpicklerOptions.Default with { PersistentLoad = id => id }));
        Assert.Equal("persistent IDs in protocol 0 must be ASCII strings", ascii.Message);
    }

    [Fact]
    public void PersistentLoad_exceptions_reach_the_caller_unchanged()
    {
        var options = UnpicklerOptions.Default with { PersistentLoad = _ => throw new KeyNotFoundException("no row 7") };
        var e = Assert.Throws<KeyNotFoundException>(() => Load(@"Pabc\n.", options));
        Assert.Equal("no row 7", e.Message);
    }

    // ---- Buffers ----

    [Fact]
    public void Buffers_supply_out_of_band_data_in_order()
    {
        // pickle.dumps([PickleBuffer(bytearray(b'ab')), PickleBuffer(b'cd')], 5, buffer_callback=...)
        string[] lines = PythonRunner.RunSource("""
            import pickle
            bufs = []
            data = pickle.dumps([pickle.PickleBuffer(bytearray(b'ab')), pickle.PickleBuffer(b'cd')], 5, buffer_callback=bufs.append)
            print(data.hex())
            print(' '.join(bytes(b.raw()).hex() for b in bufs))
            """).Split('\n');
        byte[] data = System.Convert.FromHexString(lines[0]);
        ReadOnlyMemory<byte>[] buffers = lines[1].Split(' ').Select(h => new ReadOnlyMemory<byte>(System.Convert.FromHexString(h))).ToArray();
        var value = Assert.IsType<List<object?>>(PyPickle.Loads(data, UnpicklerOptions.Default with { Buffers = buffers }));
        Assert.Equal(new PyByteArray("ab"u8), value[0]);
        Assert.IsType<PyByteArray>(value[0]);
        Assert.Equal("cd"u8.ToArray(), Assert.IsType<byte[]>(value[1]));

        var none = Assert.Throws<UnpicklingException>(() => PyPickle.Loads(data));
        Assert.Equal("pickle stream refers to out-of-band data but no *buffers* argument was given", none.Message);
        var few = Assert.Throws<UnpicklingException>(() => PyPickle.Loads(data, UnpicklerOptions.Default with { Buffers = buffers[..1] }));
        Assert.Equal("not enough out-of-band buffers", few.Message);
    }

    // ---- Extensions ----

    [Fact]
    public void Extensions_resolve_EXT1_EXT2_and_EXT4_codes()
    {
        var ext = new PickleExtensionRegistry();
        ext.Add("collections", "OrderedDict", 5);
        ext.Add("app", "Thing", 300);
        ext.Add("app", "Far", 0x12345678);
        var options = UnpicklerOptions.Default with { Extensions = ext };
        Assert.Equal(new PyOrderedDict(), Load(@"\x80\x02\x82\x05)R.", options));
        Assert.Equal(new PyGlobal("app", "Thing"), Load(@"\x80\x02\x83\x2c\x01.", options));
        Assert.Equal(new PyGlobal("app", "Far"), Load(@"\x80\x02\x84\x78\x56\x34\x12.", options));

        Assert.Equal("unregistered extension code 6", Assert.Throws<UnpicklingException>(() => Load(@"\x80\x02\x82\x06.", options)).Message);
        Assert.Equal("unregistered extension code 5", Assert.Throws<UnpicklingException>(() => Load(@"\x80\x02\x82\x05.")).Message);
        Assert.Equal("EXT specifies code <= 0", Assert.Throws<UnpicklingException>(() => Load(@"\x80\x02\x82\x00.", options)).Message);
        Assert.Equal("EXT specifies code <= 0", Assert.Throws<UnpicklingException>(() => Load(@"\x80\x02\x84\xff\xff\xff\xff.", options)).Message);
    }

    [Fact]
    public void Extension_codes_follow_copyregs_rules()
    {
        var ext = new PickleExtensionRegistry();
        ext.Add("m", "a", 1);
        ext.Add("m", "a", 1); // the same registration again is fine
        Assert.Equal("key ('m', 'a') is already registered with code 1", Assert.Throws<InvalidOperationException>(() => ext.Add("m", "a", 2)).Message);
        Assert.Equal("code 1 is already in use for key ('m', 'a')", Assert.Throws<InvalidOperationException>(() => ext.Add("m", "b", 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ext.Add("m", "c", 0));
        Assert.True(ext.TryGetCode("m", "a", out int code) && code == 1);
        Assert.True(ext.Remove("m", "a", 1));
        Assert.False(ext.TryGetGlobal(1, out _));
    }

    // ---- denied globals (more in UnpicklerAdversarialTests) ----

    [Fact]
    public void A_registry_may_deny_more_and_undeny()
    {
        var registry = PickleRegistry.CreateDefault();
        registry.Deny("app", "Dangerous*");
        Assert.Equal("global 'app.DangerousThing' is forbidden", Assert.Throws<UnpicklingException>(() => Load(@"capp\nDangerousThing\n.", UnpicklerOptions.Default with { Registry = registry })).Message);
        Assert.True(registry.Undeny("os", "system"));
        Assert.Equal(new PyGlobal("os", "system"), Load(@"cos\nsystem\n.", UnpicklerOptions.Default with { Registry = registry }));
    }
}

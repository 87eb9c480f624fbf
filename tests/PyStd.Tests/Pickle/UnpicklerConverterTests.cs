using System.Numerics;
using PyStd.Objects;
using PyStd.Pickle;
using PyStd.Tests.Python;
using PyPickle = PyStd.Pickle.Pickle;

namespace PyStd.Tests.Pickle;

/// <summary>
/// The standard classes load as their .NET types (docs/pickle.md has the table): exact values,
/// the right type for each shape of datetime, UUID byte order, decimals beyond System.Decimal, the
/// collections classes with their self-references. Pickles come from CPython in one process.
/// </summary>
public class UnpicklerConverterTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> s_pickles = new(() =>
    {
        string source = """
            import pickle, datetime as dt, decimal, uuid, collections, zoneinfo
            utc = dt.timezone.utc
            od = collections.OrderedDict(a=1); od['self'] = od
            dq = collections.deque([1, 2], maxlen=3); dq.append(dq)
            values = {
              'naive': dt.datetime(2024, 2, 29, 23, 59, 58, 123456),
              'aware': dt.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
              'utc': dt.datetime(1999, 12, 31, 23, 59, 59, tzinfo=utc),
              'fold': dt.datetime(2021, 11, 7, 1, 30, fold=1),
              'zone': dt.datetime(2021, 11, 7, 1, 30, tzinfo=zoneinfo.ZoneInfo('America/New_York')),
              'odd': dt.datetime(2000, 1, 1, tzinfo=dt.timezone(dt.timedelta(seconds=3601))),
              'edge': dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))),
              'date': dt.date(1, 1, 1),
              'time': dt.time(23, 59, 59, 999999),
              'ttz': dt.time(12, 0, tzinfo=utc),
              'delta': dt.timedelta(days=-1, seconds=1, microseconds=2),
              'huge': dt.timedelta(days=999999999),
              'tz': dt.timezone(dt.timedelta(hours=-3), 'BRT'),
              'dec': [decimal.Decimal(s) for s in ['1.50', '-0', '1E+100', 'NaN123', '-sNaN', '-Infinity', '12345678901234567890123456789.5']],
              'uuid': uuid.UUID('12345678-9abc-def0-1234-56789abcdef0'),
              'uuid1': uuid.UUID(int=1, is_safe=uuid.SafeUUID.safe),
              'od': od,
              'dd': collections.defaultdict(list, a=[1]),
              'dq': dq,
              'ctr': collections.Counter('abracadabra'),
            }
            for proto in (0, 2, 5):
                for k, v in values.items():
                    print('%s/%d %s' % (k, proto, pickle.dumps(v, proto).hex()))
            """;
        return PythonRunner.SplitLines(PythonRunner.RunSource(source))
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => System.Convert.FromHexString(p[1]));
    });

    private static object? Load(string name, int proto) => PyPickle.Loads(s_pickles.Value[$"{name}/{proto}"]);

    public static TheoryData<int> Protocols => new() { 0, 2, 5 };

    [Theory]
    [MemberData(nameof(Protocols))]
    public void A_naive_datetime_is_a_DateTime_to_the_microsecond(int proto)
    {
        var dt = Assert.IsType<DateTime>(Load("naive", proto));
        Assert.Equal(new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Unspecified).AddTicks(1234560), dt);
        Assert.Equal(DateTimeKind.Unspecified, dt.Kind);
        Assert.Equal("datetime.datetime(2024, 2, 29, 23, 59, 58, 123456)", PyRepr.Repr(dt));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void A_fixed_offset_datetime_is_a_DateTimeOffset(int proto)
    {
        var aware = Assert.IsType<DateTimeOffset>(Load("aware", proto));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(330)).AddTicks(60), aware);
        Assert.Equal(TimeSpan.FromMinutes(330), aware.Offset);
        var utc = Assert.IsType<DateTimeOffset>(Load("utc", proto));
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.Equal("datetime.datetime(1999, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc)", PyRepr.Repr(utc));
    }

    [Fact]
    public void Datetimes_no_BCL_type_holds_are_PyDateTimes()
    {
        // fold is pickled from protocol 4 on.
        Assert.IsType<DateTime>(Load("fold", 2));
        var fold = Assert.IsType<PyDateTime>(Load("fold", 5));
        Assert.Equal(1, fold.Fold);
        Assert.Equal("datetime.datetime(2021, 11, 7, 1, 30, fold=1)", PyRepr.Repr(fold));

        var zone = Assert.IsType<PyDateTime>(Load("zone", 5));
        var tz = Assert.IsType<PyObject>(zone.Tzinfo);
        Assert.Equal(("zoneinfo", "ZoneInfo._unpickle", PyObjectKind.Reduce), (tz.Module, tz.Name, tz.Kind));
        Assert.Equal(new PyTuple("America/New_York", 1L), tz.Args);
        Assert.NotNull(tz.Callable); // builtins.getattr(zoneinfo.ZoneInfo, '_unpickle'), kept to re-pickle it

        var odd = Assert.IsType<PyDateTime>(Load("odd", 2)); // 3601 s is not whole minutes
        Assert.Equal(new DateTime(2000, 1, 1), odd.DateTime);
        Assert.IsType<PyDateTime>(Load("edge", 2)); // its UTC instant is before year 1
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Dates_times_and_timedeltas_map_to_DateOnly_TimeOnly_and_TimeSpan(int proto)
    {
        Assert.Equal(DateOnly.MinValue, Load("date", proto));
        Assert.Equal(new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(9999990)), Load("time", proto));
        var ttz = Assert.IsType<PyTime>(Load("ttz", proto));
        Assert.Equal("datetime.time(12, 0, tzinfo=datetime.timezone.utc)", PyRepr.Repr(ttz));
        Assert.Equal(TimeSpan.FromDays(-1) + TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(20), Load("delta", proto));
        Assert.Equal("datetime.timedelta(days=-1, seconds=1, microseconds=2)", PyRepr.Repr(Load("delta", proto)));
        var huge = Assert.IsType<PyObject>(Load("huge", proto)); // beyond TimeSpan: kept as data
        Assert.Equal(new PyTuple(999999999L, 0L, 0L), huge.Args);
        var tz = Assert.IsType<PyObject>(Load("tz", proto));
        Assert.Equal(new PyTuple(TimeSpan.FromHours(-3), "BRT"), tz.Args);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Decimals_load_exactly_special_values_included(int proto)
    {
        var list = Assert.IsType<List<object?>>(Load("dec", proto));
        Assert.Equal(
            ["1.50", "-0", "1E+100", "NaN123", "-sNaN", "-Infinity", "12345678901234567890123456789.5"],
            list.Select(d => Assert.IsType<PyDecimal>(d).ToString()));
        Assert.Equal(1.50m, ((PyDecimal)list[0]!).ToDecimal());
        Assert.Equal("1.50", ((PyDecimal)list[0]!).ToDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(((PyDecimal)list[2]!).TryToDecimal(out _));
        Assert.Equal(PyDecimalForm.SignalingNaN, ((PyDecimal)list[4]!).Form);
        Assert.Equal("Decimal('NaN123')", PyRepr.Repr(list[3]));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void A_UUID_is_a_Guid_with_the_same_text(int proto)
    {
        Assert.Equal(Guid.Parse("12345678-9abc-def0-1234-56789abcdef0"), Load("uuid", proto));
        var safe = Assert.IsType<PyObject>(Load("uuid1", proto)); // is_safe has no place in a Guid
        Assert.Equal(BigInteger.One, PyInt.TryGetBigInteger(((PyDict)safe.State!)["int"], out var n) ? n : -1);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void The_collections_classes_load_as_their_model_types_self_references_included(int proto)
    {
        var od = Assert.IsType<PyOrderedDict>(Load("od", proto));
        Assert.Equal(1L, od["a"]);
        Assert.Same(od, od["self"]);
        Assert.Equal("OrderedDict([('a', 1), ('self', ...)])", PyRepr.Repr(od));

        var dd = Assert.IsType<PyDefaultDict>(Load("dd", proto));
        Assert.Equal(new PyGlobal("builtins", "list"), dd.DefaultFactory);
        Assert.Equal("defaultdict(<class 'list'>, {'a': [1]})", PyRepr.Repr(dd));

        var dq = Assert.IsType<PyDeque>(Load("dq", proto));
        Assert.Equal(3, dq.MaxLength);
        Assert.Same(dq, dq[2]);
        Assert.Equal("deque([1, 2, [...]], maxlen=3)", PyRepr.Repr(dq));

        var ctr = Assert.IsType<PyCounter>(Load("ctr", proto));
        Assert.Equal("Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})", PyRepr.Repr(ctr));
    }

    [Fact]
    public void A_custom_converter_made_at_construction_receives_its_state_and_sees_its_own_cycles()
    {
        var registry = PickleRegistry.CreateDefault();
        registry.Register(new NodeConverter());
        // n = Node(); n.name = 'root'; n.me = n; pickle.dumps(n, 2) with class app.Node
        byte[] data = System.Convert.FromHexString("8002636170700a4e6f64650a7100298171017d71022858040000006e616d6571035804000000726f6f74710458020000006d657105680175622e");
        var node = Assert.IsType<Node>(PyPickle.Loads(data, UnpicklerOptions.Default with { Registry = registry }));
        Assert.Equal("root", node.Name);
        Assert.Same(node, node.Me);
    }

    private sealed class Node
    {
        public string? Name { get; set; }

        public Node? Me { get; set; }
    }

    private sealed class NodeConverter() : PickleConverter("app", "Node", typeof(Node))
    {
        public override bool ConvertsAtConstruction => true;

        public override object? FromPython(PyObject reduced) => new Node();

        public override void SetState(object value, object? state)
        {
            var node = (Node)value;
            var d = (PyDict)state!;
            node.Name = (string?)d["name"];
            node.Me = (Node?)d["me"];
        }

        public override PyObject ToPython(object value, int protocol) => throw new NotSupportedException();
    }
}

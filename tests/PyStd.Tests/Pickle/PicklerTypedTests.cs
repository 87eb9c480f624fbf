using PyStd.Objects;
using PyStd.Pickle;
using PyStd.Tests.Python;

namespace PyStd.Tests.Pickle;

[PickleClass("pickler_typed", "Point")]
public sealed record TypedPoint(int X, int Y);

[PickleClass("pickler_typed", "Address")]
public sealed class TypedAddress
{
    public string Street { get; set; } = "";

    public string City { get; set; } = "";
}

[PickleClass("pickler_typed", "Person")]
public sealed record TypedPerson(
    string FullName,
    int Age,
    List<string> Tags,
    TypedAddress? Home,
    DateOnly? Birthday,
    Dictionary<string, double> Scores,
    TypedPoint[] Path,
    bool IsActive)
{
    public string? Nickname { get; init; }
}

[PickleClass("pickler_typed", "Empty")]
public sealed class TypedEmpty
{
}

/// <summary>
/// [PickleClass] types against plain Python classes with the same attributes
/// (Python/pickler_typed.py): our pickles equal CPython's for the Python objects byte for byte, python3
/// loads ours into its classes, and CPython's pickles load back into the .NET types.
/// </summary>
public sealed class PicklerTypedTests
{
    private static List<object> People() =>
    [
        new TypedPerson(
            "Ann Lee",
            31,
            ["a1", "b2"],
            new TypedAddress { Street = "1 Main St", City = "Springfield" },
            new DateOnly(1990, 5, 17),
            new Dictionary<string, double> { ["math"] = 9.5, ["art"] = 7.25 },
            [new TypedPoint(0, 0), new TypedPoint(3, -4)],
            true),
        new TypedPerson("Bo", 5, [], null, null, [], [], false) { Nickname = "bobo" },
        new TypedPoint(1_000_000, -7),
        new TypedEmpty(),
    ];

    private static PickleRegistry Registry()
    {
        var registry = PickleRegistry.CreateDefault();
        registry.Register(AttributePickleConverter.For<TypedPerson>());
        registry.Register(AttributePickleConverter.For<TypedPoint>());
        registry.Register(AttributePickleConverter.For<TypedAddress>());
        registry.Register(AttributePickleConverter.For<TypedEmpty>());
        return registry;
    }

    [Fact]
    public void A_record_pickles_as_CPython_pickles_the_plain_class_at_every_protocol()
    {
        foreach (string line in PythonRunner.RunScriptLines("gen_pickler_typed.py", "gen"))
        {
            string[] parts = line.Split('\t');
            int protocol = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            string ours = Convert.ToHexStringLower(PyStd.Pickle.Pickle.Dumps(People(), protocol));
            Assert.True(parts[1] == ours, $"protocol {protocol}:\n cpython {parts[1]}\n pystd   {ours}");
        }
    }

    [Fact]
    public void Python_loads_our_typed_pickles_into_its_classes()
    {
        string input = string.Concat(Enumerable.Range(0, 6).Select(p =>
            $"{p}\t{Convert.ToHexStringLower(PyStd.Pickle.Pickle.Dumps(People(), p))}\n"));
        string[] verdicts = PythonRunner.SplitLines(PythonRunner.RunScriptWithInput("gen_pickler_typed.py", input, "verify"));
        Assert.Equal(6, verdicts.Length);
        Assert.All(verdicts, v => Assert.EndsWith("\tOK", v, StringComparison.Ordinal));
    }

    [Fact]
    public void CPython_pickles_load_back_into_the_dotnet_types()
    {
        var options = UnpicklerOptions.Default with { Registry = Registry() };
        foreach (string line in PythonRunner.RunScriptLines("gen_pickler_typed.py", "gen"))
        {
            string[] parts = line.Split('\t');
            int protocol = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            byte[] cpython = Convert.FromHexString(parts[1]);
            var loaded = Assert.IsType<List<object?>>(PyStd.Pickle.Pickle.Loads(cpython, options));

            var ann = Assert.IsType<TypedPerson>(loaded[0]);
            Assert.Equal("Ann Lee", ann.FullName);
            Assert.Equal(31, ann.Age);
            Assert.Equal(["a1", "b2"], ann.Tags);
            Assert.Equal("Springfield", ann.Home!.City);
            Assert.Equal(new DateOnly(1990, 5, 17), ann.Birthday);
            Assert.Equal(7.25, ann.Scores["art"]);
            Assert.Equal([new TypedPoint(0, 0), new TypedPoint(3, -4)], ann.Path);
            Assert.True(ann.IsActive);
            Assert.Null(ann.Nickname);
            var bo = Assert.IsType<TypedPerson>(loaded[1]);
            Assert.Equal("bobo", bo.Nickname);
            Assert.Null(bo.Home);
            Assert.Empty(bo.Path);
            Assert.Equal(new TypedPoint(1_000_000, -7), loaded[2]);
            Assert.IsType<TypedEmpty>(loaded[3]);

            // And back: the loaded .NET values pickle to CPython's bytes again.
            Assert.Equal(cpython, PyStd.Pickle.Pickle.Dumps(loaded, protocol));
        }
    }

    [Fact]
    public void The_state_is_the_members_in_declaration_order_under_snake_case_names()
    {
        var converter = AttributePickleConverter.For<TypedPerson>();
        Assert.Equal(
            ["full_name", "age", "tags", "home", "birthday", "scores", "path", "is_active", "nickname"],
            converter.AttributeNames);
        PyObject shape = converter.ToPython(People()[0], 2);
        Assert.Equal(PyObjectKind.NewObj, shape.Kind);
        Assert.Equal(PyTuple.Empty, shape.Args);
        Assert.True(shape.HasState);
        Assert.Equal("Ann Lee", ((PyDict)shape.State!)["full_name"]);
    }

    [Fact]
    public void A_naming_policy_changes_the_attribute_names()
    {
        var asIs = PicklerOptions.Default with { NamingPolicy = PickleNamingPolicy.AsIs };
        var loaded = (PyObject)PyStd.Pickle.Pickle.Loads(PyStd.Pickle.Pickle.Dumps(new TypedPoint(1, 2), 4, asIs))!;
        Assert.Equal(new PyDict { ["X"] = 1L, ["Y"] = 2L }, loaded.State);

        var upper = PickleNamingPolicy.Create(n => n.ToUpperInvariant() + "_");
        var converter = new AttributePickleConverter(typeof(TypedAddress), "elsewhere", "Addr", upper);
        Assert.Equal(["STREET_", "CITY_"], converter.AttributeNames);
        var registry = PickleRegistry.CreateDefault();
        registry.Register(converter);
        byte[] data = PyStd.Pickle.Pickle.Dumps(new TypedAddress { Street = "s", City = "c" }, 2, PicklerOptions.Default with { Registry = registry });
        var back = Assert.IsType<TypedAddress>(PyStd.Pickle.Pickle.Loads(data, UnpicklerOptions.Default with { Registry = registry }));
        Assert.Equal(("s", "c"), (back.Street, back.City));
    }

    [Fact]
    public void For_throws_for_a_type_without_the_attribute()
    {
        var e = Assert.Throws<ArgumentException>(() => AttributePickleConverter.For<PicklerTypedTests>());
        Assert.Contains("[PickleClass]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_fails_to_load_with_UnpicklingException()
    {
        var bad = new PyObject("pickler_typed", "Point") { Kind = PyObjectKind.NewObj, State = new PyDict { ["x"] = "not an int", ["y"] = 2L }, HasState = true };
        var e = Assert.Throws<UnpicklingException>(() => AttributePickleConverter.For<TypedPoint>().FromPython(bad));
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
    }
}

using System.CommandLine;
using PyStd.Cli.Commands;
using PyStd.Tests.Python;

namespace PyStd.Tests.Cli;

/// <summary>
/// <c>pystd pickle</c>: each verb against python3 (pickles CPython writes, <c>python -m pickletools</c>
/// output, <c>pickle.dumps</c> bytes), standard input and output through injected streams, and errors
/// as one line.
/// </summary>
public sealed class PickleCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pystd-pickle-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Result(int Code, string Out, string Err, byte[] Binary);

    private static Result Run(byte[]? stdin, params string[] args)
    {
        var binary = new MemoryStream();
        var (code, output, error) = CliTests.Run(PickleCommand.Create(() => new MemoryStream(stdin ?? []), () => binary), args);
        return new Result(code, output, error, binary.ToArray());
    }

    private string Write(string name, byte[] data)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    /// <summary>A pickle CPython writes, from Python source that leaves the value in <c>v</c>.</summary>
    private static byte[] PythonPickle(string valueSource, int protocol) =>
        Convert.FromHexString(PythonRunner.RunSource(
            $"import pickle, datetime, decimal, uuid, collections\nv = {valueSource}\nprint(pickle.dumps(v, {protocol}).hex())").Trim());

    [Fact]
    public void Show_prints_the_repr_CPython_prints()
    {
        const string Source = "[{'id': 1, 'when': datetime.datetime(2024, 1, 2, 3, 4, 5, 678901), 'price': decimal.Decimal('9.99'), " +
            "'tags': ('a', b'\\x00b'), 'set': frozenset(), 'big': 2**100, 'f': float('-inf')}, collections.OrderedDict(a=1)]";
        string expected = PythonRunner.RunSource($"import datetime, decimal, collections\nprint(repr({Source}))");
        foreach (int protocol in new[] { 0, 2, 4, 5 })
        {
            string path = Write($"v{protocol}.pkl", PythonPickle(Source, protocol));
            Result r = Run(null, "pickle", "show", path);
            Assert.Equal(0, r.Code);
            Assert.Equal(expected, r.Out);
            Assert.Equal(string.Empty, r.Err);
        }
    }

    [Fact]
    public void Show_reads_standard_input_for_a_dash()
    {
        Result r = Run(PyStd.Pickle.Pickle.Dumps(new List<object?> { 1L, "x" }), "pickle", "show", "-");
        Assert.Equal(0, r.Code);
        Assert.Equal("[1, 'x']\n", r.Out);
    }

    [Fact]
    public void Show_json_maps_every_kind_of_value()
    {
        const string Source = "{'s': 'a\"\\\\\\n\\ud800\\U0001f600', 'i': 2**70, 'f': [1.5, -0.0, 1e16, float('nan'), float('inf')], " +
            "'none': None, 'b': [True, False], 't': (1, (2,)), 'bytes': b'\\x00\\xff', 'ba': bytearray(b'ab'), 'c': 1+2j, " +
            "'d': {1: 'one', None: ()}, 'e': {}, 'l': [], 'set': {3}, 'fs': frozenset({4}), " +
            "'dt': datetime.datetime(2024, 1, 2, 3, 4, 5, 6), 'aware': datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=-5))), " +
            "'date': datetime.date(2020, 2, 29), 'time': datetime.time(23, 59), 'td': datetime.timedelta(days=-1, microseconds=5), " +
            "'dec': decimal.Decimal('-1.50'), 'u': uuid.UUID(int=1), 'g': len, 'dq': collections.deque([1]), 'od': collections.OrderedDict(x=1)}";
        string path = Write("json.pkl", PythonPickle(Source, 4));
        Result r = Run(null, "pickle", "show", "--json", path);
        Assert.Equal(0, r.Code);
        const string Expected = """
            {
              "s": "a\"\\\n\ud800😀",
              "i": 1180591620717411303424,
              "f": [
                1.5,
                -0.0,
                1e+16,
                {
                  "$float": "nan"
                },
                {
                  "$float": "inf"
                }
              ],
              "none": null,
              "b": [
                true,
                false
              ],
              "t": [
                1,
                [
                  2
                ]
              ],
              "bytes": {
                "$bytes": "AP8="
              },
              "ba": {
                "$bytearray": "YWI="
              },
              "c": {
                "$complex": [
                  1.0,
                  2.0
                ]
              },
              "d": {
                "$dict": [
                  [
                    1,
                    "one"
                  ],
                  [
                    null,
                    []
                  ]
                ]
              },
              "e": {},
              "l": [],
              "set": {
                "$set": [
                  3
                ]
              },
              "fs": {
                "$frozenset": [
                  4
                ]
              },
              "dt": {
                "$datetime": "2024-01-02T03:04:05.000006"
              },
              "aware": {
                "$datetime": "2024-01-02T00:00:00-05:00"
              },
              "date": {
                "$date": "2020-02-29"
              },
              "time": {
                "$time": "23:59:00"
              },
              "td": {
                "$timedelta": [
                  -1,
                  0,
                  5
                ]
              },
              "dec": {
                "$decimal": "-1.50"
              },
              "u": {
                "$uuid": "00000000-0000-0000-0000-000000000001"
              },
              "g": {
                "$global": "builtins.len"
              },
              "dq": [
                1
              ],
              "od": {
                "x": 1
              }
            }

            """;
        Assert.Equal(Expected, r.Out);
    }

    [Fact]
    public void Show_json_writes_instances_of_unknown_classes_and_cycles()
    {
        string hex = PythonRunner.RunSource("""
            import pickle
            class Point:
                def __init__(self): self.x = 1
            Point.__module__ = 'app'
            import sys; sys.modules['app'] = sys.modules['__main__']
            l = [Point()]
            l.append(l)
            print(pickle.dumps(l, 2).hex())
            """).Trim();
        Result r = Run(Convert.FromHexString(hex), "pickle", "show", "--json", "-");
        Assert.Equal(0, r.Code);
        Assert.Equal("""
            [
              {
                "$object": "app.Point",
                "args": [],
                "state": {
                  "x": 1
                }
              },
              {
                "$recursion": "[...]"
              }
            ]

            """, r.Out);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Dis_prints_what_python_m_pickletools_prints(int protocol, bool annotate)
    {
        string path = Write("dis.pkl", PythonPickle("[1, 'a', (2.5, b'x'), {'k': [None, True]}, decimal.Decimal('1')] * 2", protocol));
        string expected = PythonRunner.RunSource(
            $"import subprocess, sys\nsys.stdout.write(subprocess.run([sys.executable, '-m', 'pickletools'{(annotate ? ", '-a'" : string.Empty)}, '-l', '3', {PyStd.Objects.PyRepr.Repr(path)}], capture_output=True, text=True, check=True).stdout)");
        Result r = annotate ? Run(null, "pickle", "dis", "-a", "-l", "3", path) : Run(null, "pickle", "dis", "--indentlevel", "3", path);
        Assert.Equal(0, r.Code);
        Assert.Equal(expected, r.Out);
    }

    [Fact]
    public void Dis_of_a_bad_pickle_prints_the_lines_before_the_problem_then_one_error_line()
    {
        string path = Write("bad.pkl", "(p0\n."u8.ToArray());
        Result r = Run(null, "pickle", "dis", path);
        Assert.Equal(1, r.Code);
        Assert.Equal("    0: (    MARK\n    1: p        PUT        0\n", r.Out);
        Assert.Equal("pystd: PyValueException: can't store markobject in the memo\n", r.Err.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("{'id': 1, 'tags': ['a', 'bb'], 't': (1, 2), 'b': b'xyz', 'f': -2.5}")]
    [InlineData("-1")]
    [InlineData("[None, True, 18446744073709551616, 'caf\\xe9', {1, 2}, set(), 1j]")]
    public void Dump_writes_the_bytes_of_pickle_dumps(string literal)
    {
        for (int protocol = 0; protocol <= 5; protocol++)
        {
            string expected = PythonRunner.RunSource($"import pickle, ast, sys\nprint(pickle.dumps(ast.literal_eval(sys.stdin.read()), {protocol}).hex())", literal).Trim();
            string path = Path.Combine(_dir, $"dump{protocol}.pkl");
            Result toFile = Run(null, "pickle", "dump", "--protocol", protocol.ToString(System.Globalization.CultureInfo.InvariantCulture), literal, "-o", path);
            Assert.Equal(0, toFile.Code);
            Assert.Equal(expected, Convert.ToHexStringLower(File.ReadAllBytes(path)));
            Result toStdout = Run(null, "pickle", "dump", "-p", protocol.ToString(System.Globalization.CultureInfo.InvariantCulture), literal);
            Assert.Equal(expected, Convert.ToHexStringLower(toStdout.Binary));
        }
    }

    [Fact]
    public void Dump_uses_protocol_4_by_default_and_minus_1_for_the_highest()
    {
        Assert.Equal(0x04, Run(null, "pickle", "dump", "1").Binary[1]);
        Assert.Equal(0x05, Run(null, "pickle", "dump", "-p", "-1", "1").Binary[1]);
    }

    [Fact]
    public void Convert_rewrites_a_pickle_at_another_protocol()
    {
        string input = Write("in.pkl", PythonPickle("{'when': datetime.date(2020, 1, 1), 'n': [1, 2]}", 0));
        string output = Path.Combine(_dir, "out.pkl");
        Result r = Run(null, "pickle", "convert", "--protocol", "5", input, output);
        Assert.Equal(0, r.Code);
        string expected = PythonRunner.RunSource("import pickle, datetime\nprint(pickle.dumps({'when': datetime.date(2020, 1, 1), 'n': [1, 2]}, 5).hex())").Trim();
        Assert.Equal(expected, Convert.ToHexStringLower(File.ReadAllBytes(output)));

        Result toStdout = Run(File.ReadAllBytes(input), "pickle", "convert", "-p", "2", "-", "-");
        Assert.Equal(0x02, toStdout.Binary[1]);
    }

    [Fact]
    public void Python_2_pickles_decode_with_the_encoding_option()
    {
        string path = Write("py2.pkl", "(lp0\nS'caf\\xe9'\np1\na."u8.ToArray());
        Result ascii = Run(null, "pickle", "show", path);
        Assert.Equal(1, ascii.Code);
        Assert.StartsWith("pystd: UnpicklingException: ", ascii.Err, StringComparison.Ordinal);
        Assert.Equal("['café']\n", Run(null, "pickle", "show", "--encoding", "latin1", path).Out);
        Assert.Equal("[b'caf\\xe9']\n", Run(null, "pickle", "show", "--encoding", "bytes", path).Out);
    }

    [Fact]
    public void Loading_never_runs_code()
    {
        string path = Write("evil.pkl", "cos\nsystem\n(S'touch /tmp/pwned'\ntR."u8.ToArray());
        Result r = Run(null, "pickle", "show", path);
        Assert.Equal(1, r.Code);
        Assert.Equal("pystd: UnpicklingException: global 'os.system' is forbidden\n", r.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Errors_are_one_line()
    {
        Result missing = Run(null, "pickle", "show", Path.Combine(_dir, "nope.pkl"));
        Assert.Equal(1, missing.Code);
        Assert.StartsWith("pystd: FileNotFoundException: ", missing.Err, StringComparison.Ordinal);
        Assert.Single(missing.Err.TrimEnd().Split('\n'));

        Result truncated = Run(new byte[] { 0x80, 0x04, 0x95 }, "pickle", "show", "-");
        Assert.Equal(1, truncated.Code);
        Assert.StartsWith("pystd: UnpicklingException: ", truncated.Err, StringComparison.Ordinal);

        Result badProtocol = Run(null, "pickle", "dump", "-p", "6", "1");
        Assert.Equal(2, badProtocol.Code);
    }

    private static string ExamplesDirectory([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        // Up from the test binaries, or (with --artifacts-path elsewhere) from this source file.
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "." })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PyStd.slnx")))
                {
                    return Path.Combine(dir.FullName, "examples");
                }
            }
        }

        throw new DirectoryNotFoundException("The repository root (PyStd.slnx) is not above the test binaries or sources.");
    }

    [Theory]
    [InlineData("records.pkl")]
    [InlineData("py2.pkl")]
    public void The_example_files_show_and_dis_as_CPython_prints_them(string name)
    {
        string path = Path.Combine(ExamplesDirectory(), name);
        string quoted = PyStd.Objects.PyRepr.Repr(path);
        string repr = PythonRunner.RunSource($"import pickle\nprint(repr(pickle.load(open({quoted}, 'rb'))))");
        Result show = Run(null, "pickle", "show", path);
        Assert.Equal(0, show.Code);

        // range has no exact .NET type: it stays data and prints as the call (docs/pickle.md).
        Assert.Equal(repr.Replace(" range(", " builtins.range(", StringComparison.Ordinal), show.Out);

        string dis = PythonRunner.RunSource($"import pickletools, sys\npickletools.dis(open({quoted}, 'rb'), sys.stdout)");
        Assert.Equal(dis, Run(null, "pickle", "dis", path).Out);

        Result json = Run(null, "pickle", "show", "--json", path);
        Assert.Equal(0, json.Code);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
    }

    [Fact]
    public void Binary_output_without_a_stream_needs_a_file()
    {
        var root = new RootCommand { PickleCommand.Create() };
        using var output = new StringWriter();
        ParseResult parse = root.Parse(["pickle", "dump", "1"], new ParserConfiguration { ResponseFileTokenReplacer = null });
        var e = Assert.Throws<InvalidOperationException>(() =>
            parse.Invoke(new InvocationConfiguration { Output = output, Error = output, EnableDefaultExceptionHandler = false }));
        Assert.Contains("-o FILE", e.Message, StringComparison.Ordinal);
    }
}

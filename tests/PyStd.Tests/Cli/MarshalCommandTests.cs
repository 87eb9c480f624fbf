using PyStd.Cli;
using PyStd.Tests.Python;

namespace PyStd.Tests.Cli;

/// <summary>
/// <c>pystd marshal</c> and <c>pystd pyc</c> against python3: reprs of marshal files CPython writes,
/// <c>marshal.dumps</c> bytes, a <c>py_compile</c>d file, and errors as one line.
/// </summary>
public sealed class MarshalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pystd-marshal-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = PystdApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Py(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);

    [Theory]
    [InlineData("[1, -2, 2**70, 1.5, 2j, 'h\\xe9', b'\\x00b', (None, True, False, ...), {'a': frozenset()}]")]
    [InlineData("{1: 'x', 'y': [set(), (1,)], 'z': 'abc' * 3}")]
    [InlineData("compile('def f(x):\\n    return x + 1\\n', 'mod.py', 'exec')")]
    public void Show_prints_the_repr_CPython_prints(string source)
    {
        foreach (int version in new[] { 2, 4 })
        {
            string path = Path.Combine(_dir, $"v{version}.bin");
            string expected = PythonRunner.RunSource(
                $"import marshal, re\nv = {source}\nopen('{Py(path)}', 'wb').write(marshal.dumps(v, {version}))\n" +
                "print(re.sub(r' at 0x[0-9a-f]+', '', repr(v)))");
            (int code, string output, string error) = Run("marshal", "show", path);
            Assert.Equal(string.Empty, error);
            Assert.Equal(0, code);
            Assert.Equal(expected, output);
        }
    }

    [Theory]
    [InlineData("[1, -2, 1180591620717411303424, 1.5, 'abc', 'h\\xe9', b'\\x00b', (None, True, False), {'a': {1}}]")]
    [InlineData("('abc', 'abc', [1.25, 1000000000000000000000000000000], {1, 2})")]
    public void Dump_writes_the_bytes_CPython_writes(string literal)
    {
        for (int version = 0; version <= 2; version++)
        {
            string path = Path.Combine(_dir, $"d{version}.bin");
            (int code, _, string error) = Run("marshal", "dump", "--version", version.ToString(System.Globalization.CultureInfo.InvariantCulture), literal, "-o", path);
            Assert.Equal(string.Empty, error);
            Assert.Equal(0, code);
            string expected = PythonRunner.RunSource($"import marshal\nprint(marshal.dumps({literal}, {version}).hex())").Trim();
            Assert.Equal(expected, Convert.ToHexStringLower(File.ReadAllBytes(path)));
        }
    }

    [Fact]
    public void Pyc_show_prints_the_version_and_the_code_tree()
    {
        string src = Path.Combine(_dir, "sample.py");
        string pyc = Path.Combine(_dir, "sample.pyc");
        File.WriteAllText(src, "import os\n\ndef outer(a, b):\n    def inner():\n        return a\n    return inner\n\nclass K:\n    def method(self):\n        return 1\n");
        string version = PythonRunner.RunSource(
            $"import py_compile, sys\npy_compile.compile('{Py(src)}', cfile='{Py(pyc)}', doraise=True)\nprint('%d.%d' % sys.version_info[:2])").Trim();
        (int code, string output, string error) = Run("pyc", "show", pyc);
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, code);
        Assert.Contains($"python: {version}\n", output, StringComparison.Ordinal);
        Assert.Contains("timestamp: ", output, StringComparison.Ordinal);
        Assert.Contains("code object <module>", output, StringComparison.Ordinal);
        Assert.Contains("qualname: outer\n", output, StringComparison.Ordinal);
        Assert.Contains("qualname: outer.<locals>.inner\n", output, StringComparison.Ordinal);
        Assert.Contains("qualname: K.method\n", output, StringComparison.Ordinal);
        Assert.Contains("argcount: 2\n", output, StringComparison.Ordinal);
        Assert.Contains("names: ('os',", output, StringComparison.Ordinal);
        Assert.Contains("code: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pyc_show_reads_the_3_8_and_3_10_layouts_by_magic()
    {
        string[] lines = PythonRunner.SplitLines(PythonRunner.RunScript("gen_marshal_old_pyc.py", _dir));
        foreach (string[] file in lines.Where(l => l.StartsWith("P\t", StringComparison.Ordinal)).Select(l => l.Split('\t')))
        {
            (int code, string output, string error) = Run("pyc", "show", file[2]);
            Assert.Equal(string.Empty, error);
            Assert.Equal(0, code);
            Assert.Contains($"magic: {file[3]}\n", output, StringComparison.Ordinal);
            Assert.Contains(file[1] switch { "38" => "python: 3.8\n", "39" => "python: 3.9\n", _ => "python: 3.10\n" }, output, StringComparison.Ordinal);
            Assert.Contains("code object outer", output, StringComparison.Ordinal);
            Assert.Contains("varnames: ('a', 'b', 'c', 'd', 'args', 'kw', 'inner')\n", output, StringComparison.Ordinal);
            Assert.Contains("cellvars: ('c', 'y')\n", output, StringComparison.Ordinal);
            Assert.Contains("nlocals: 7\n", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dump_version_5_equals_version_4_and_version_6_is_refused()
    {
        string v4 = Path.Combine(_dir, "v4.bin");
        string v5 = Path.Combine(_dir, "v5.bin");
        Assert.Equal(0, Run("marshal", "dump", "--version", "4", "[1, 'a', (2.5, None)]", "-o", v4).Code);
        Assert.Equal(0, Run("marshal", "dump", "--version", "5", "[1, 'a', (2.5, None)]", "-o", v5).Code);
        Assert.Equal(File.ReadAllBytes(v4), File.ReadAllBytes(v5));
        (int code, _, string error) = Run("marshal", "dump", "--version", "6", "1", "-o", v5);
        Assert.NotEqual(0, code);
        Assert.StartsWith("pystd: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_data_is_one_error_line_and_exit_1()
    {
        string bad = Path.Combine(_dir, "bad.bin");
        File.WriteAllBytes(bad, [0x5b, 0x02]);
        (int code, string output, string error) = Run("marshal", "show", bad);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("pystd: MarshalException: ", error, StringComparison.Ordinal);

        (code, _, error) = Run("pyc", "show", bad);
        Assert.Equal(1, code);
        Assert.StartsWith("pystd: MarshalException: ", error, StringComparison.Ordinal);
    }
}

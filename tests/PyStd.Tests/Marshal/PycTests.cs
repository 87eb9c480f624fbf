using PyStd.Marshal;
using PyStd.Objects;
using PyStd.Tests.Python;

namespace PyStd.Tests.Marshal;

/// <summary>Real .pyc files: ~400 stdlib modules compiled by python3, every one read, a sample compared field by field.</summary>
public sealed class PycTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pystd-pyc-" + Guid.NewGuid().ToString("N"));

    public PycTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void StdlibPycFiles_AllRead_SampleMatchesPython()
    {
        string[] lines = PythonRunner.SplitLines(PythonRunner.RunScript("gen_marshal_pyc.py", _dir, "400", "10"));
        string[] files = lines.Where(l => l.StartsWith("F\t", StringComparison.Ordinal)).Select(l => l[2..]).ToArray();
        Assert.True(files.Length >= 350, $"only {files.Length} files compiled");
        var codes = new Dictionary<string, PyCode>();
        int hashBased = 0;
        foreach (string file in files)
        {
            PycFile pyc = Pyc.Read(file);
            Assert.Equal("3.11", pyc.Header.PythonVersion);
            Assert.Equal("<module>", pyc.Code.Name);
            if (pyc.Header.IsHashBased)
            {
                hashBased++;
                Assert.True(pyc.Header.CheckSource);
                Assert.Equal(8, pyc.Header.SourceHash!.Length);
            }
            else
            {
                Assert.NotNull(pyc.Header.Timestamp);
            }

            foreach (PyCode c in Walk(pyc.Code))
            {
                codes.TryAdd(file + "\t" + c.QualName + "\t" + c.FirstLineNo, c);
            }
        }

        Assert.True(hashBased > 0);
        int compared = 0;
        foreach (string line in lines.Where(l => l.StartsWith("C\t", StringComparison.Ordinal)))
        {
            string[] f = line.Split('\t');
            string key = f[1] + "\t" + f[2] + "\t" + f[3];
            Assert.True(codes.TryGetValue(key, out PyCode? c), key);
            Assert.Equal(f[4], Convert.ToHexString(c!.Code).ToLowerInvariant());
            Assert.Equal(f[5], PyRepr.Repr(c.Names));
            Assert.Equal(f[6], Canon(c.Consts));
            Assert.Equal(f[7], Convert.ToHexString(c.LineTable).ToLowerInvariant());
            Assert.Equal(f[8], Convert.ToHexString(c.ExceptionTable).ToLowerInvariant());
            Assert.Equal(f[9], c.FileName);
            Assert.Equal(f[11], c.ArgCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(f[12], c.Flags.ToString(System.Globalization.CultureInfo.InvariantCulture));
            compared++;
        }

        Assert.True(compared >= 500, $"only {compared} code objects compared");
    }

    [Fact]
    public void Header_IsReadForEveryMagic_AndTheBodyMustBeACodeObject()
    {
        byte[] header = [0x55, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, (byte)'N'];
        using var s = new MemoryStream(header);
        PycHeader h = Pyc.ReadHeader(s);
        Assert.Equal(3413, h.Magic);
        Assert.Equal("3.8", h.PythonVersion);
        Assert.Equal(1u, h.Timestamp);
        Assert.Equal(2u, h.SourceSize);
        Assert.Equal("bad marshal data (not a code object)", Assert.Throws<MarshalException>(() => Pyc.Read(new MemoryStream(header))).Message);
        Assert.Equal("3.13", Pyc.VersionOf(3571));
        Assert.Equal("3.14", Pyc.VersionOf(3627));
        Assert.Equal(PyCodeLayout.Python38, Pyc.LayoutOf(3425));
        Assert.Equal(PyCodeLayout.Python310, Pyc.LayoutOf(3439));
        Assert.Equal(PyCodeLayout.Python311, Pyc.LayoutOf(3627));
        Assert.Null(Pyc.VersionOf(42));
        Assert.Null(Pyc.LayoutOf(42));
        header[0] = 42;
        header[1] = 0;
        Assert.Equal("unknown magic number 42 in .pyc file; CPython 3.8–3.14 are read", Assert.Throws<MarshalException>(() => Pyc.Read(new MemoryStream(header))).Message);
        Assert.Throws<MarshalException>(() => Pyc.Read(new MemoryStream([1, 2, 3])));
    }

    private static IEnumerable<PyCode> Walk(PyCode code)
    {
        yield return code;
        foreach (PyCode inner in code.Consts.OfType<PyCode>())
        {
            foreach (PyCode c in Walk(inner))
            {
                yield return c;
            }
        }
    }

    private static string Canon(object? x) => x switch
    {
        PyCode c => "code:" + c.QualName,
        PyTuple t => "(" + string.Join(", ", t.Select(Canon)) + ")",
        PyFrozenSet fs => "frozenset{" + string.Join(", ", fs.Select(Canon).Order(StringComparer.Ordinal)) + "}",
        _ => PyRepr.Repr(x),
    };
}

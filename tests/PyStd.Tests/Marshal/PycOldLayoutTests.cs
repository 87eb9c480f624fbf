using System.Globalization;
using PyStd.Marshal;
using PyStd.Objects;
using PyStd.Tests.Python;
using M = PyStd.Marshal.Marshal;

namespace PyStd.Tests.Marshal;

/// <summary>
/// Code objects in the CPython 3.8–3.9 and 3.10 layouts. No python3.8–3.10 is on the machine, so
/// gen_marshal_old_pyc.py builds the .pyc files field by field from the layouts of those versions'
/// Python/marshal.c, with the values of real code objects compiled by this python3.
/// </summary>
public sealed class PycOldLayoutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pystd-oldpyc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Pyc_files_of_3_8_3_9_and_3_10_read_field_by_field_and_write_back_byte_identical()
    {
        string[] lines = PythonRunner.SplitLines(PythonRunner.RunScript("gen_marshal_old_pyc.py", _dir));
        string[][] files = lines.Where(l => l.StartsWith("P\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(3, files.Length);
        foreach (string[] file in files)
        {
            PyCodeLayout expectedLayout = file[1] == "310" ? PyCodeLayout.Python310 : PyCodeLayout.Python38;
            PycFile pyc = Pyc.Read(file[2]);
            Assert.Equal(int.Parse(file[3], CultureInfo.InvariantCulture), pyc.Header.Magic);
            Assert.Equal(file[1] switch { "38" => "3.8", "39" => "3.9", _ => "3.10" }, pyc.Header.PythonVersion);

            string[][] expected = lines.Where(l => l.StartsWith("C\t" + file[1] + "\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToArray();
            PyCode[] codes = Walk(pyc.Code).ToArray();
            Assert.Equal(expected.Length, codes.Length);
            Assert.True(codes.Length >= 6);
            for (int i = 0; i < codes.Length; i++)
            {
                string[] f = expected[i];
                PyCode c = codes[i];
                Assert.Equal(expectedLayout, c.Layout);
                Assert.Equal(f[2], c.Name);
                Assert.Equal(f[2], c.QualName);
                int[] ints = [c.ArgCount, c.PosOnlyArgCount, c.KwOnlyArgCount, c.NLocals, c.StackSize, c.Flags, c.FirstLineNo];
                Assert.Equal(f[3..10], ints.Select(n => n.ToString(CultureInfo.InvariantCulture)));
                Assert.Equal(f[10], Convert.ToHexStringLower(c.Code));
                Assert.Equal(f[11], PyRepr.Repr(c.Names));
                Assert.Equal(f[12], PyRepr.Repr(c.VarNames));
                Assert.Equal(f[13], PyRepr.Repr(c.FreeVars));
                Assert.Equal(f[14], PyRepr.Repr(c.CellVars));
                Assert.Equal(f[15], c.FileName);
                Assert.Equal(f[16], Convert.ToHexStringLower(c.LineTable));
                Assert.Equal(f[17], c.Consts.Count.ToString(CultureInfo.InvariantCulture));
                Assert.Empty(c.LocalsPlusNames);
                Assert.Empty(c.ExceptionTable);
            }

            // Dumps writes a code object back in its own layout: version 2 gives the same bytes.
            byte[] body = File.ReadAllBytes(file[2])[16..];
            Assert.Equal(body, M.Dumps(pyc.Code, 2));
            Assert.Equal(body, M.Dumps(M.Loads(body, expectedLayout), 2));
        }
    }

    [Fact]
    public void A_3_8_code_object_read_in_the_3_11_layout_fails_cleanly()
    {
        string[] lines = PythonRunner.SplitLines(PythonRunner.RunScript("gen_marshal_old_pyc.py", _dir));
        byte[] body = File.ReadAllBytes(lines.First(l => l.StartsWith("P\t38", StringComparison.Ordinal)).Split('\t')[2])[16..];
        Assert.Throws<MarshalException>(() => M.Loads(body));
        Assert.IsType<PyCode>(M.Loads(body, PyCodeLayout.Python38));
        Assert.Throws<ArgumentOutOfRangeException>(() => M.Loads(body, (PyCodeLayout)7));
    }

    [Fact]
    public void Old_layout_code_objects_reject_bad_fields_as_CPython()
    {
        // argcount 0 < posonlyargcount 1: PyCode_NewWithPosOnlyArgs raises SystemError.
        byte[] bad = BuildCode(posOnly: 1, name: "s");
        var e = Assert.Throws<MarshalException>(() => M.Loads(bad, PyCodeLayout.Python310));
        Assert.Equal("SystemError", e.PythonName);
        Assert.Equal("bad argument to internal function", e.Message);

        // A name that is not a string: intern_strings raises SystemError.
        e = Assert.Throws<MarshalException>(() => M.Loads(BuildCode(posOnly: 0, name: null), PyCodeLayout.Python38));
        Assert.Equal("non-string found in code slot", e.Message);
    }

    private static byte[] BuildCode(int posOnly, string? name)
    {
        var names = name is null ? new PyTuple(1L) : new PyTuple(name);
        var code = new PyCode { Layout = PyCodeLayout.Python38, PosOnlyArgCount = posOnly, Names = names, Name = "f", FileName = "f.py" };
        return M.Dumps(code, 2);
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
}

using PyStd.Pickle;
using PyStd.Tests.Python;
using PyPickle = PyStd.Pickle.Pickle;

namespace PyStd.Tests.Pickle;

/// <summary>
/// Python 2 pickles — STRING, BINSTRING and SHORT_BINSTRING with quotes and escapes, Python 2
/// datetime/Decimal/OrderedDict/deque/UUID pickles — loaded with each <c>encoding</c> (ASCII,
/// latin1, bytes, utf-8, cp1252, koi8-r) by CPython (Python/gen_pickle_py2.py) and by us: the same
/// value, or both fail to decode.
/// </summary>
public class UnpicklerPython2Tests
{
    [Fact]
    public void Python2_str_decodes_per_encoding_exactly_as_CPython()
    {
        string[] lines = PythonRunner.RunScriptLines("gen_pickle_py2.py", "2");
        Assert.True(lines.Length > 2000, $"only {lines.Length} cases");
        var failures = new List<string>();
        int decodeErrors = 0;
        foreach (string line in lines)
        {
            string[] f = line.Split('\t');
            var options = UnpicklerOptions.Default with { Encoding = f[0] };
            byte[] data = System.Convert.FromHexString(f[1]);
            object? value = null;
            Exception? error = null;
            try
            {
                value = PyPickle.Loads(data, options);
            }
            catch (Exception e)
            {
                error = e;
            }

            if (error is not null and not UnpicklingException)
            {
                failures.Add($"{f[0]} {f[1]}: {error.GetType().Name}: {error.Message}");
            }
            else if (f[2] == "ERR")
            {
                // A failure to decode must fail here too; where CPython fails later (calling a
                // class with an odd argument) keeping the data is fine.
                if (f[3] == "UnicodeDecodeError")
                {
                    decodeErrors++;
                    if (error is null)
                    {
                        failures.Add($"{f[0]} {f[1]}: CPython: {f[3]}; ours loaded {PickleCanon.Of(value)}");
                    }
                }
            }
            else if (error is not null)
            {
                failures.Add($"{f[0]} {f[1]}: want {f[2]}; {error.Message}");
            }
            else if (PickleCanon.Of(value) != f[2])
            {
                failures.Add($"{f[0]} {f[1]}:\n   want {f[2]}\n    got {PickleCanon.Of(value)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {lines.Length} failed:\n" + string.Join("\n", failures.Take(25)));
        Assert.True(decodeErrors > 100);
    }
}

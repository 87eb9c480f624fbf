using System.Text;
using System.Text.Json;
using PyStd.Objects;
using PyStd.Pickle;
using PyStd.Tests.Python;

namespace PyStd.Tests.Pickle;

/// <summary>
/// PickleTools against CPython's pickletools on the cases of Python/gen_pickletools.py: over 1,300
/// pickles CPython writes (every value shape, protocols 0–5, Python 2 style pickles, big frames and
/// memos, some with other indent levels and annotations) and 3,000 truncated and mutated ones. For each,
/// our Dis prints exactly what pickletools.dis printed — up to and including the line before a failure —
/// and fails with the same error; our Optimize returns the same bytes or the same error.
/// </summary>
public partial class PickleToolsTests
{
    private sealed record DisCase(string Kind, byte[] Pickle, int Indent, int Annotate, string Dis, string? DisError, byte[]? Opt, string? OptError);

    private static readonly Lazy<List<DisCase>> s_cases = new(LoadCases);

    private static List<DisCase> LoadCases()
    {
        var cases = new List<DisCase>();
        foreach (string line in PythonRunner.SplitLines(PythonRunner.RunScript("gen_pickletools.py", "1")))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement e = doc.RootElement;
            string? opt = e.GetProperty("opt").GetString();
            cases.Add(new DisCase(
                e.GetProperty("kind").GetString()!,
                Convert.FromHexString(e.GetProperty("hex").GetString()!),
                e.GetProperty("indent").GetInt32(),
                e.GetProperty("annotate").GetInt32(),
                e.GetProperty("dis").GetString()!,
                e.GetProperty("dis_err").GetString(),
                opt is null ? null : Convert.FromHexString(opt),
                e.GetProperty("opt_err").GetString()));
        }

        return cases;
    }

    /// <summary>Python's exception name for ours, as the generator prints it (UnicodeDecodeError is a ValueError).</summary>
    private static string PythonError(Exception e, string expected)
    {
        string name = e switch
        {
            PyValueException when expected.StartsWith("UnicodeDecodeError:", StringComparison.Ordinal) => "UnicodeDecodeError",
            PyValueException => "ValueError",
            PyIndexException => "IndexError",
            PyTypeException => "TypeError",
            _ => e.GetType().Name,
        };
        return $"{name}: {e.Message}";
    }

    [Fact]
    public void Python_generates_enough_cases()
    {
        List<DisCase> cases = s_cases.Value;
        Assert.True(cases.Count(c => c.Kind is not ("mutated" or "textarg") && c.DisError is null) >= 1_300, "valid pickles");
        Assert.True(cases.Count(c => c.Kind == "textarg") >= 2_000, "text arguments");
        Assert.True(cases.Count(c => c.Kind == "mutated") >= 3_000, "mutated pickles");
        Assert.Contains(cases, c => c.DisError?.StartsWith("UnicodeDecodeError", StringComparison.Ordinal) == true);
        Assert.Contains(cases, c => c.DisError?.StartsWith("IndexError", StringComparison.Ordinal) == true);
        Assert.Contains(cases, c => c.OptError?.StartsWith("TypeError", StringComparison.Ordinal) == true);
        Assert.Contains(cases, c => c.Annotate != 0);
    }

    [Fact]
    public void Dis_prints_what_pickletools_dis_prints_for_every_case()
    {
        var failures = new StringBuilder();
        int failed = 0;
        foreach (DisCase c in s_cases.Value)
        {
            using var writer = new StringWriter();
            string? error = null;
            try
            {
                PickleTools.Dis(c.Pickle, writer, c.Indent, c.Annotate);
            }
            catch (Exception e) when (e is PyStdException)
            {
                error = PythonError(e, c.DisError ?? string.Empty);
            }

            string text = writer.ToString();
            if (text != c.Dis || error != c.DisError)
            {
                if (++failed <= 5)
                {
                    failures.AppendLine($"--- {c.Kind} {Convert.ToHexStringLower(c.Pickle)[..Math.Min(400, c.Pickle.Length * 2)]} indent={c.Indent} annotate={c.Annotate}");
                    failures.AppendLine($"expected error: {c.DisError}\nactual error:   {error}");
                    AppendFirstDifference(failures, c.Dis, text);
                }
            }
        }

        Assert.True(failed == 0, $"{failed} of {s_cases.Value.Count} differ:\n{failures}");
    }

    [Fact]
    public void Optimize_returns_the_bytes_of_pickletools_optimize_for_every_case()
    {
        var failures = new StringBuilder();
        int failed = 0;
        foreach (DisCase c in s_cases.Value)
        {
            byte[]? result = null;
            string? error = null;
            try
            {
                result = PickleTools.Optimize(c.Pickle);
            }
            catch (Exception e) when (e is PyStdException)
            {
                error = PythonError(e, c.OptError ?? string.Empty);
            }

            bool same = error == c.OptError && (result is null ? c.Opt is null : c.Opt is not null && result.AsSpan().SequenceEqual(c.Opt));
            if (!same && ++failed <= 5)
            {
                failures.AppendLine($"--- {c.Kind} {Convert.ToHexStringLower(c.Pickle)[..Math.Min(400, c.Pickle.Length * 2)]}");
                failures.AppendLine($"expected: {c.OptError ?? Convert.ToHexStringLower(c.Opt!)[..Math.Min(400, c.Opt!.Length * 2)]}");
                failures.AppendLine($"actual:   {error ?? Convert.ToHexStringLower(result!)[..Math.Min(400, result!.Length * 2)]}");
            }
        }

        Assert.True(failed == 0, $"{failed} of {s_cases.Value.Count} differ:\n{failures}");
    }

    [Fact]
    public void Optimized_pickles_load_to_the_same_value_as_the_originals()
    {
        int checkedCount = 0;
        foreach (DisCase c in s_cases.Value)
        {
            if (c.Kind != "value" || c.Opt is null || !PyStd.Pickle.Pickle.TryLoads(c.Pickle, out object? original, out _))
            {
                continue;
            }

            // Out-of-band buffers and persistent ids need callbacks; those pickles fail the same way both times.
            Assert.True(PyStd.Pickle.Pickle.TryLoads(c.Opt, out object? optimized, out _));
            Assert.Equal(PyRepr.Repr(original), PyRepr.Repr(optimized));
            checkedCount++;
        }

        Assert.True(checkedCount > 500, $"only {checkedCount} loaded");
    }

    private static void AppendFirstDifference(StringBuilder sb, string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<none>";
            string al = i < a.Length ? a[i] : "<none>";
            if (el != al)
            {
                sb.AppendLine($"line {i + 1}:\n  expected: {el}\n  actual:   {al}");
                return;
            }
        }
    }
}

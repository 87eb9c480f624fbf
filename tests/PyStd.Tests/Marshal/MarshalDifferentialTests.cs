using System.Text;
using PyStd.Objects;
using PyStd.Tests.Python;
using M = PyStd.Marshal.Marshal;

namespace PyStd.Tests.Marshal;

/// <summary>python3's marshal against ours over ~2,100 generated values × versions 0–4 (gen_marshal_values.py).</summary>
public class MarshalDifferentialTests
{
    private sealed record Row(int Index, int Version, byte[] Data, string Repr);

    private static readonly Lazy<Row[]> Table = new(() =>
        PythonRunner.SplitLines(PythonRunner.RunScript("gen_marshal_values.py", "gen"))
            .Select(line =>
            {
                string[] f = line.Split('\t', 4);
                return new Row(int.Parse(f[0]), int.Parse(f[1]), Convert.FromHexString(f[2]), f[3]);
            })
            .ToArray());

    [Fact]
    public void Table_HasAtLeast2000ValuesTimesFiveVersions()
    {
        Assert.True(Table.Value.Select(r => r.Index).Distinct().Count() >= 2000);
        Assert.Equal(5, Table.Value.Select(r => r.Version).Distinct().Count());
    }

    [Fact]
    public void Loads_PythonBytes_GivesPythonsRepr()
    {
        var failures = new List<string>();
        foreach (Row row in Table.Value)
        {
            string got;
            try
            {
                got = PyRepr.Repr(M.Loads(row.Data));
            }
            catch (Exception e)
            {
                got = e.GetType().Name + ": " + e.Message;
            }

            if (got != row.Repr)
            {
                int at = Math.Max(0, got.AsSpan().CommonPrefixLength(row.Repr) - 30);
                failures.Add($"#{row.Index} v{row.Version} at {at}: expected {Cut(row.Repr[at..])} got {Cut(got[Math.Min(at, got.Length)..])}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void Dumps_Versions0To2_AreByteIdenticalToPython()
    {
        var failures = new List<string>();
        int checkedRows = 0;
        foreach (Row row in Table.Value.Where(r => r.Version <= 2))
        {
            byte[] ours = M.Dumps(M.Loads(row.Data), row.Version);
            checkedRows++;
            if (!ours.AsSpan().SequenceEqual(row.Data))
            {
                int at = Math.Max(0, ours.AsSpan().CommonPrefixLength(row.Data) - 20);
                failures.Add($"#{row.Index} v{row.Version} at {at}: {Cut(row.Repr)}\n  py  {Cut(Convert.ToHexString(row.Data[at..]))}\n  ours {Cut(Convert.ToHexString(ours[Math.Min(at, ours.Length)..]))}");
            }
        }

        Assert.True(checkedRows >= 6000);
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void Dumps_Versions3And4_LoadEqualInPython()
    {
        var input = new StringBuilder();
        int sent = 0;
        foreach (Row row in Table.Value.Where(r => r.Version == 2))
        {
            object? value = M.Loads(row.Data);
            for (int version = 3; version <= 4; version++)
            {
                input.Append(row.Index).Append(' ').Append(version).Append(' ')
                    .Append(Convert.ToHexString(M.Dumps(value, version))).Append('\n');
                sent++;
            }
        }

        string[] lines = PythonRunner.SplitLines(PythonRunner.RunScriptWithInput("gen_marshal_values.py", input.ToString(), "check"));
        Assert.Equal(sent, lines.Length);
        string[] bad = lines.Where(l => !l.EndsWith(" ok", StringComparison.Ordinal)).ToArray();
        Assert.True(bad.Length == 0, $"{bad.Length} failures:\n" + string.Join("\n", bad.Take(10).Select(Cut)));
    }

    private static string Cut(string s) => s.Length > 300 ? s[..300] + "…" : s;
}

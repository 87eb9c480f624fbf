using BenchmarkDotNet.Attributes;
using PyStd.Objects;

namespace PyStd.Benchmarks.Objects;

/// <summary>PyRepr on the shapes the CLI and the differential tests print most.</summary>
[MemoryDiagnoser]
public class PyReprBenchmarks
{
    private readonly double[] _floats = new double[1000];
    private List<object?> _mixed = [];
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new System.Random(1);
        for (int i = 0; i < _floats.Length; i++)
        {
            _floats[i] = rng.NextDouble() * Math.Pow(10, rng.Next(-20, 20));
        }

        _mixed = new List<object?>(1000);
        for (int i = 0; i < 1000; i++)
        {
            _mixed.Add((i % 4) switch
            {
                0 => (long)i,
                1 => "h\u00e9llo 'world'\n",
                2 => new PyTuple((long)i, 2.5, null),
                _ => new PyDict { ["k"] = new byte[] { 1, 2, 0x41 } },
            });
        }

        _text = string.Concat(Enumerable.Repeat("plain ascii text with a 'quote' and \u4e2d\u6587 ", 50));
    }

    /// <summary>1000 floats, shortest round-trip repr each.</summary>
    [Benchmark]
    public int FormatFloat()
    {
        int n = 0;
        foreach (double d in _floats)
        {
            n += PyRepr.FormatFloat(d).Length;
        }

        return n;
    }

    /// <summary>The same floats with .NET's own shortest formatting, for scale.</summary>
    [Benchmark(Baseline = true)]
    public int DotNetToString()
    {
        int n = 0;
        foreach (double d in _floats)
        {
            n += d.ToString("R", System.Globalization.CultureInfo.InvariantCulture).Length;
        }

        return n;
    }

    /// <summary>A 1000-item list of ints, strings, tuples and dicts.</summary>
    [Benchmark]
    public int MixedList() => PyRepr.Repr(_mixed).Length;

    /// <summary>A 2.5 KB string, mostly ASCII.</summary>
    [Benchmark]
    public int String() => PyRepr.Repr(_text).Length;
}

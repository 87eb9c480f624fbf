using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using PyStd.Objects;
using PyStd.Tests.Python;

namespace PyStd.Tests.Objects;

public class PySetOrderTests
{
    private static readonly Lazy<string[]> Cases = new(() => PythonRunner.RunScriptLines("gen_set_order.py", "20261125"));

    [Fact]
    public void Set_iteration_order_matches_cpython_for_ints_floats_and_tuples()
    {
        string[] cases = Cases.Value;
        Assert.True(cases.Length >= 600, $"only {cases.Length} cases");
        int withRemovals = 0;
        var failures = new List<string>();
        foreach (string line in cases)
        {
            string[] halves = line.Split('|');
            var set = new PySet();
            foreach (string op in halves[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                object? member = Decode(op[1..]);
                if (op[0] == '+')
                {
                    set.Add(member);
                }
                else
                {
                    withRemovals++;
                    Assert.True(set.Remove(member));
                }
            }

            string actual = string.Join(' ', set.Select(Encode));
            if (actual != halves[1])
            {
                failures.Add($"{halves[0][..Math.Min(200, halves[0].Length)]}\n  expected {halves[1]}\n  actual   {actual}");
            }
        }

        Assert.True(withRemovals > 0);
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches; first: {string.Join("\n", failures.Take(5))}");
    }

    [Fact]
    public void Hash_of_numbers_matches_cpython()
    {
        string output = PythonRunner.RunSource("""
            import random, struct
            r = random.Random(5)
            vals = [0, 1, -1, -2, 2**61-1, 2**61, -(2**61), 2**64+7, -(2**100)-3, 10**30] + [r.randint(-2**80, 2**80) for _ in range(300)]
            for v in vals: print("i:%d %d" % (v, hash(v)))
            fl = [0.0, -0.0, 0.5, 1.5, -2.25, 1e300, 5e-324, 2.2250738585072014e-308, float('inf'), float('-inf'), 1e-10] + [r.uniform(-1e9, 1e9) for _ in range(300)] + [r.random() * 10.0 ** r.randint(-300, 300) for _ in range(300)]
            for v in fl: print("f:%s %d" % (struct.pack('>d', v).hex(), hash(v)))
            for _ in range(200):
                t = (r.randint(-10**6, 10**6), r.uniform(-5, 5), r.randint(-2**70, 2**70))
                print("t3:%d,%s,%d %d" % (t[0], struct.pack('>d', t[1]).hex(), t[2], hash(t)))
            for _ in range(100):
                c = complex(r.uniform(-5, 5), r.uniform(-5, 5))
                print("c:%s,%s %d" % (struct.pack('>d', c.real).hex(), struct.pack('>d', c.imag).hex(), hash(c)))
            """);
        int n = 0;
        foreach (string line in PythonRunner.SplitLines(output))
        {
            string[] parts = line.Split(' ');
            long expected = long.Parse(parts[1], CultureInfo.InvariantCulture);
            object? value = parts[0] switch
            {
                var s when s.StartsWith("t3:", StringComparison.Ordinal) => DecodeTriple(s[3..]),
                var s when s.StartsWith("c:", StringComparison.Ordinal) => DecodeComplex(s[2..]),
                var s => Decode(s),
            };
            Assert.True(expected == PyHash.Hash(value), $"hash({parts[0]}): expected {expected}, got {PyHash.Hash(value)}");
            n++;
        }

        Assert.True(n > 1000);
    }

    private static PyTuple DecodeTriple(string s)
    {
        string[] p = s.Split(',');
        return new PyTuple(PyInt.Normalize(BigInteger.Parse(p[0], CultureInfo.InvariantCulture)), Bits(p[1]), PyInt.Normalize(BigInteger.Parse(p[2], CultureInfo.InvariantCulture)));
    }

    private static Complex DecodeComplex(string s)
    {
        string[] p = s.Split(',');
        return new Complex(Bits(p[0]), Bits(p[1]));
    }

    private static double Bits(string hex) => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(Convert.FromHexString(hex)));

    internal static object? Decode(string token)
    {
        string body = token[2..];
        return token[0] switch
        {
            'i' => PyInt.Normalize(BigInteger.Parse(body, CultureInfo.InvariantCulture)),
            'f' => Bits(body),
            't' => new PyTuple(body.Split(',').Select(x => PyInt.Normalize(BigInteger.Parse(x, CultureInfo.InvariantCulture))).ToArray()),
            _ => throw new FormatException(token),
        };
    }

    private static string Encode(object? value) => value switch
    {
        long l => "i:" + l.ToString(CultureInfo.InvariantCulture),
        BigInteger b => "i:" + b.ToString(CultureInfo.InvariantCulture),
        double d => "f:" + BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture),
        PyTuple t => "t:" + string.Join(',', t.Select(x => ((long)x!).ToString(CultureInfo.InvariantCulture))),
        _ => throw new InvalidOperationException(),
    };
}

using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PyStd.Objects;
using PyStd.Random;
using PyStd.Tests.Python;
using static PyStd.Tests.Random.RandomCalls;

namespace PyStd.Tests.Random;

/// <summary>
/// Python 2.7 mode (<see cref="PyRandom.Python27(object)"/>). No 2.7 interpreter is used:
/// Python/gen_random27_tables.py transcribes 2.7's Lib/random.py, 2.7's hash() and the C half of
/// jumpahead onto python3's random.Random (whose random(), getrandbits and int seeding 2.7 shares),
/// and these tests compare ours with it: 111 seeds (ints, str, bytes, floats, tuples) × 22
/// methods, 1,000 results per case (100 for jumpahead, each of which rehashes the whole state).
/// CPython's own version-1 vectors (test_bug_27706, test_bug_31482) are Python 2.7's string
/// seeding and anchor the hash independently of the script.
/// </summary>
public class RandomPython27Tests
{
    private const int MinimumSeeds = 100;

    [Fact]
    public void Every_method_on_every_seed_gives_Python_27s_stream()
    {
        string[] lines = PythonRunner.RunScriptLines("gen_random27_tables.py", "tables");
        Case[] cases = lines.Select(ParseCase).ToArray();
        var results = new string[cases.Length];
        Parallel.For(0, cases.Length, i =>
        {
            Case c = cases[i];
            try
            {
                string sha = RandomDifferentialTests.Digest(Random27CaseRunner.Run(c.Id, c.Seed, c.Method, c.Args, c.Count));
                results[i] = sha == c.Sha ? string.Empty : "hash differs";
            }
            catch (Exception ex)
            {
                results[i] = $"{ex.GetType().Name}: {ex.Message}";
            }
        });

        var failures = new List<string>();
        for (int i = 0; i < cases.Length; i++)
        {
            if (results[i].Length > 0)
            {
                Case c = cases[i];
                string detail = failures.Count < 6 ? Explain(c) : string.Empty;
                failures.Add($"case {c.Id}: {c.Method}{c.ArgsText} seed={c.Kind}:{c.SeedText}: {results[i]}{detail}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Length} cases differ:\n" + string.Join("\n", failures.Take(40)));
        int seeds = cases.Select(c => c.Kind + ":" + c.SeedText).Distinct().Count();
        Assert.True(seeds >= MinimumSeeds, $"only {seeds} seeds");
        var perMethod = cases.GroupBy(c => c.Method).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(22, perMethod.Count);
        Assert.All(perMethod.Values, n => Assert.True(n >= MinimumSeeds));
        Assert.All(cases.Where(c => c.Method != "jumpahead"), c => Assert.Equal(1000, c.Count));
    }

    [Fact]
    public void Seeds_hash_as_64_bit_Python_27_hashed_them()
    {
        string[] lines = PythonRunner.RunScriptLines("gen_random27_tables.py", "hashes");
        Assert.True(lines.Length > 60);
        foreach (string line in lines)
        {
            string[] parts = line.Split('\t');
            object? seed = ParseSeed(parts[0], parts[1]);
            Assert.True(long.Parse(parts[2], CultureInfo.InvariantCulture) == PyRandom.Hash27(seed), line);
        }
    }

    [Theory]
    [InlineData("nofar", "0x1.8645314505ad7p-1 0x1.afb1f82e40a40p-5 0x1.2a59d2285e971p-1 0x1.56977142a7880p-6")]
    [InlineData("rachel", "0x1.0b294cc856fcdp-1 0x1.2ad22d79e77b8p-3 0x1.3052b9c072678p-2 0x1.578f332106574p-3")]
    [InlineData("", "0x1.b0580f98a7dbep-1 0x1.84129978f9c1ap-1 0x1.aeaa51052e978p-2 0x1.092178fb945a6p-2")]
    public void CPythons_version_1_vectors_are_Python_27_string_seeds(string seed, string hexes)
    {
        // Lib/test/test_random.py test_bug_27706 (str) and test_bug_31482 (bytes): "hash('nofar') ==
        // 5990528763808513177", "hash('rachel') == -9091735575445484789" are 2.7's hash() values, and
        // 'rachel' shows the seed is the unsigned hash, not its absolute value.
        double[] expected = hexes.Split(' ').Select(RandomReferenceVectorTests.FromHex).ToArray();
        Assert.Equal(expected, RandomReferenceVectorTests.Draw(PyRandom.Python27(seed), 4));
        Assert.Equal(expected, RandomReferenceVectorTests.Draw(PyRandom.Python27(System.Text.Encoding.Latin1.GetBytes(seed)), 4));
        Assert.Equal(5990528763808513177L, PyRandom.Hash27("nofar"));
        Assert.Equal(-9091735575445484789L, PyRandom.Hash27("rachel"));
    }

    [Fact]
    public void CPythons_version_1_bytes_vector_is_a_Python_27_str_seed()
    {
        // test_bug_31482: hash(b'\x00\x20\x40\x60\x80\xA0\xC0\xE0\xF0') == 5015594239749365497 in 2.7.
        byte[] seed = [0x00, 0x20, 0x40, 0x60, 0x80, 0xA0, 0xC0, 0xE0, 0xF0];
        Assert.Equal(5015594239749365497L, PyRandom.Hash27(seed));
        double[] expected = "0x1.52c2fde444d23p-1 0x1.875174f0daea4p-2 0x1.9e9b2c50e5cd2p-1 0x1.fa57768bd321cp-2"
            .Split(' ').Select(RandomReferenceVectorTests.FromHex).ToArray();
        Assert.Equal(expected, RandomReferenceVectorTests.Draw(PyRandom.Python27(seed), 4));
    }

    [Fact]
    public void Int_seeds_and_random_are_the_same_in_both_modes()
    {
        foreach (object seed in new object[] { 0L, 42L, -42L, BigInteger.Pow(2, 300) + 1, true })
        {
            Assert.Equal(RandomReferenceVectorTests.Draw(new PyRandom(seed), 50), RandomReferenceVectorTests.Draw(PyRandom.Python27(seed), 50));
        }

        Assert.Equal(0.6394267984578837, PyRandom.Python27(42).Random());
    }

    [Fact]
    public void Integer_methods_use_int_of_random_times_n()
    {
        // random.seed(42) gives random() == 0.6394267984578837: 2.7's randint(1, 10) is
        // 1 + int(0.639... * 10) == 7 where 3.x's getrandbits rejection gives 2.
        Assert.Equal(7, PyRandom.Python27(42).RandInt(1, 10));
        Assert.Equal(2, new PyRandom(42).RandInt(1, 10));
        Assert.Equal(63L, PyRandom.Python27(42).RandRange(100));
        Assert.Equal(6L, PyRandom.Python27(42).RandRange(10.0)); // an integral float is accepted in 2.7
        Assert.Equal("g", PyRandom.Python27(42).Choice((object)"abcdefghij"));
        Assert.Equal(new byte[] { (byte)'g' }, PyRandom.Python27(42).Choice((object)"abcdefghij"u8.ToArray())); // a 2.7 str
    }

    [Fact]
    public void Empty_choice_draws_then_raises_IndexError_as_27_did()
    {
        PyRandom rng = PyRandom.Python27(7);
        PyRandom twin = PyRandom.Python27(7);
        AssertRaises<PyIndexException>("list index out of range", () => rng.Choice(new List<object?>()));
        AssertRaises<PyIndexException>("list index out of range", () => rng.Choice(System.Array.Empty<int>()));
        AssertRaises<PyIndexException>("list index out of range", () => rng.Choice(ReadOnlySpan<int>.Empty));
        AssertRaises<PyIndexException>("tuple index out of range", () => rng.Choice(new PyTuple()));
        AssertRaises<PyIndexException>("string index out of range", () => rng.Choice((object)""));
        AssertRaises<PyIndexException>("string index out of range", () => rng.Choice((object)System.Array.Empty<byte>()));
        for (int i = 0; i < 6; i++)
        {
            twin.Random(); // seq[int(random() * 0)]: each failed choice consumed one random()
        }

        Assert.Equal(twin.Random(), rng.Random());
    }

    [Fact]
    public void Errors_carry_Python_27s_messages()
    {
        PyRandom rng = PyRandom.Python27(3);
        AssertRaises<PyValueException>("sample larger than population", () => rng.Sample(new[] { 1, 2 }, 3));
        AssertRaises<PyValueException>("sample larger than population", () => rng.SampleRange(5, -1));
        AssertRaises<PyValueException>("number of bits must be greater than zero", () => rng.GetRandBits(0));
        AssertRaises<PyValueException>("number of bits must be greater than zero", () => rng.GetRandBits64(0));
        AssertRaises<PyValueException>("number of bits must be greater than zero", () => rng.GetRandBits(-3));
        AssertRaises<PyValueException>("empty range for randrange()", () => rng.RandRange(0));
        AssertRaises<PyValueException>("empty range for randrange() (5,4, -1)", () => rng.RandInt(5, 3));
        AssertRaises<PyValueException>("empty range for randrange() (5,4, -1)", () => rng.RandInt((object)5L, 3L));
        AssertRaises<PyValueException>("empty range for randrange()", () => rng.RandRange(0, 10, -1));
        AssertRaises<PyValueException>("zero step for randrange()", () => rng.RandRange(0L, 10L, 0L));
        AssertRaises<PyValueException>("non-integer arg 1 for randrange()", () => rng.RandRange(2.5));
        AssertRaises<PyValueException>("non-integer stop for randrange()", () => rng.RandRange(0L, 2.5));
        AssertRaises<PyValueException>("non-integer step for randrange()", () => rng.RandRange(0L, 10L, 1.5));
        AssertRaises<PyValueException>("non-integer arg 1 for randrange()", () => rng.RandRange("5"));
        AssertRaises<PyValueException>("invalid literal for int() with base 10: 'x'", () => rng.RandRange("x"));
        AssertRaises<PyTypeException>("int() argument must be a string or a number, not 'list'", () => rng.RandRange(new List<object?>()));
        AssertRaises<OverflowException>("cannot convert float infinity to integer", () => rng.RandRange(double.PositiveInfinity));
        AssertRaises<PyTypeException>("'unicode' object does not support item assignment", () => rng.Shuffle((object)"ab"));
        AssertRaises<PyTypeException>("'str' object does not support item assignment", () => rng.Shuffle((object)new byte[] { 1, 2 }));
        AssertRaises<PyTypeException>("'tuple' object does not support item assignment", () => rng.Shuffle(new PyTuple(1L, 2L)));
    }

    [Fact]
    public void Randrange_ignores_a_step_without_a_stop_as_27_did()
    {
        Assert.Equal(PyRandom.Python27(11).RandRange(10L), PyRandom.Python27(11).RandRange(10L, null, 3L));
    }

    [Fact]
    public void Seeds_27_cannot_reproduce_raise_TypeError()
    {
        Assert.Throws<PyTypeException>(() => PyRandom.Python27(new List<object?> { 1L }));
        Assert.Throws<PyTypeException>(() => PyRandom.Python27(new PyByteArray([1])));
        Assert.Throws<PyTypeException>(() => PyRandom.Python27(new PyTuple(1L, null)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PyRandom(1L, (RandomMode)7));
    }

    [Fact]
    public void Reseeding_keeps_the_mode_and_ignores_the_version()
    {
        PyRandom rng = PyRandom.Python27(1);
        Assert.Equal(RandomMode.Python27, rng.Mode);
        Assert.Equal(RandomMode.Python3, new PyRandom(1).Mode);
        rng.Seed("nofar", version: 2);
        Assert.Equal(RandomReferenceVectorTests.Draw(PyRandom.Python27("nofar"), 5), RandomReferenceVectorTests.Draw(rng, 5));
        var viaConstructor = new PyRandom("nofar", RandomMode.Python27);
        Assert.Equal(RandomReferenceVectorTests.Draw(PyRandom.Python27("nofar"), 5), RandomReferenceVectorTests.Draw(viaConstructor, 5));
    }

    [Fact]
    public void State_round_trips_between_the_modes()
    {
        // 2.7 wrote the same version-3 state as 3.x, so a state moves between modes unchanged.
        PyRandom a = PyRandom.Python27("state");
        a.Gauss(0, 1);
        var b = new PyRandom(0);
        b.SetState(a.GetState());
        Assert.Equal(RandomReferenceVectorTests.Draw(a, 20), RandomReferenceVectorTests.Draw(b, 20));
    }

    [Fact]
    public void Jumpahead_exists_only_in_27_mode_and_depends_on_n_and_state()
    {
        Assert.Throws<InvalidOperationException>(() => new PyRandom(1).JumpAhead(5));
        PyRandom a = PyRandom.Python27(1);
        PyRandom b = PyRandom.Python27(1);
        a.JumpAhead(5);
        b.JumpAhead(new BigInteger(5));
        Assert.Equal(a.Random(), b.Random());
        PyRandom c = PyRandom.Python27(1);
        c.JumpAhead(6);
        Assert.NotEqual(PyRandom.Python27(1).Random(), c.Random());
        Assert.Equal(624L, ((PyTuple)PyRandom.Python27(2).GetState()[1]!)[624]);
    }

    [Fact]
    public void Distributions_that_27_shared_with_3x_match_3x()
    {
        PyRandom old = PyRandom.Python27(99);
        var now = new PyRandom(99);
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(now.Gauss(1, 2), old.Gauss(1, 2));
            Assert.Equal(now.NormalVariate(), old.NormalVariate());
            Assert.Equal(now.ExpoVariate(2.0), old.ExpoVariate(2.0));
            Assert.Equal(now.VonMisesVariate(1, 3), old.VonMisesVariate(1, 3));
            Assert.Equal(now.GammaVariate(2.5, 1), old.GammaVariate(2.5, 1));
            Assert.Equal(now.WeibullVariate(1, 2), old.WeibullVariate(1, 2));
            Assert.Equal(now.Choices(new[] { 1, 2, 3 }, k: 3), old.Choices(new[] { 1, 2, 3 }, k: 3));
        }
    }

    private static string Explain(Case c)
    {
        string[] python = PythonRunner.RunScriptLines("gen_random27_tables.py", "detail", c.Id.ToString(CultureInfo.InvariantCulture));
        List<string> ours;
        try
        {
            ours = Random27CaseRunner.Run(c.Id, c.Seed, c.Method, c.Args, c.Count);
        }
        catch (Exception ex)
        {
            return $"\n    raised after python's first results {string.Join(" | ", python.Take(3))}: {ex}";
        }

        for (int i = 0; i < Math.Min(python.Length, ours.Count); i++)
        {
            if (python[i] != ours[i])
            {
                return $"\n    first difference at result {i}: python {python[i]} | ours {ours[i]}";
            }
        }

        return $"\n    python gave {python.Length} results, ours {ours.Count}";
    }

    private static Case ParseCase(string line)
    {
        using JsonDocument doc = JsonDocument.Parse(line);
        JsonElement e = doc.RootElement;
        string kind = e.GetProperty("kind").GetString()!;
        string seedText = e.GetProperty("seed").GetString()!;
        string argsText = e.GetProperty("args").GetString()!;
        return new Case(
            e.GetProperty("id").GetInt32(),
            ParseSeed(kind, seedText),
            seedText,
            kind,
            e.GetProperty("method").GetString()!,
            (PyTuple)PyLiteral.Parse(argsText)!,
            argsText,
            e.GetProperty("count").GetInt32(),
            e.GetProperty("sha").GetString()!);
    }

    private static object? ParseSeed(string kind, string text) => (kind, text) switch
    {
        ("float", "inf") => double.PositiveInfinity,
        ("float", "-inf") => double.NegativeInfinity,
        ("float", "nan") => double.NaN,
        _ => PyLiteral.Parse(text),
    };

    private static void AssertRaises<T>(string message, Func<object?> action)
        where T : Exception
    {
        T ex = Assert.Throws<T>(() => action());
        Assert.Equal(message, ex.Message);
    }

    private static void AssertRaises<T>(string message, Action action)
        where T : Exception
    {
        T ex = Assert.Throws<T>(action);
        Assert.Equal(message, ex.Message);
    }

    private sealed record Case(
        int Id, object? Seed, string SeedText, string Kind, string Method, PyTuple Args, string ArgsText, int Count, string Sha);
}

/// <summary>Runs one gen_random27_tables.py case on a Python 2.7 mode <see cref="PyRandom"/>; even ids take the typed .NET overloads.</summary>
internal static class Random27CaseRunner
{
    public static List<string> Run(int id, object? seed, string method, PyTuple a, int count)
    {
        bool typed = id % 2 == 0;
        PyRandom r = Make(id, seed);
        Func<object?> call = Method(r, typed, method, a);
        var output = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            output.Add(PyRepr.Repr(call()));
        }

        return output;
    }

    private static PyRandom Make(int id, object? seed)
    {
        switch (id % 3)
        {
            case 0:
                return PyRandom.Python27(seed);
            case 1:
                return new PyRandom(seed, RandomMode.Python27);
            default:
                PyRandom r = PyRandom.Python27(0);
                r.Gauss(0, 1); // a cached gauss value must not survive reseeding
                r.Seed(seed);
                return r;
        }
    }

    private static Func<object?> Method(PyRandom r, bool typed, string method, PyTuple a)
    {
        switch (method)
        {
            case "random":
                return () => r.Random();
            case "getrandbits":
            {
                int k = (int)(long)a[0]!;
                return typed && k <= 64 ? () => PyInt.Normalize(r.GetRandBits64(k)) : () => r.GetRandBits(k);
            }

            case "randrange1" or "randrange2" or "randrange3":
                return RandRange(r, typed, a);
            case "randint":
                if (typed && a[0] is long x && a[1] is long y)
                {
                    if (x >= int.MinValue && y <= int.MaxValue)
                    {
                        return () => r.RandInt((int)x, (int)y);
                    }

                    return () => r.RandInt(x, y);
                }

                return () => r.RandInt(a[0], a[1]);
            case "choice":
            {
                object? pop = Populations[(string)a[0]!];
                return typed && pop is List<object?> list ? () => r.Choice((IReadOnlyList<object?>)list) : () => r.Choice(pop);
            }

            case "shuffle":
                return Shuffle(r, typed, a);
            case "sample":
                return Sample(r, typed, a);
            case "triangular":
                return a.Count switch
                {
                    0 => () => r.Triangular(),
                    2 => () => r.Triangular(D(a[0]), D(a[1])),
                    _ => () => r.Triangular(D(a[0]), D(a[1]), a[2] is null ? null : D(a[2])),
                };
            case "gammavariate":
                return () => r.GammaVariate(D(a[0]), D(a[1]));
            case "betavariate":
                return () => r.BetaVariate(D(a[0]), D(a[1]));
            case "paretovariate":
                return () => r.ParetoVariate(D(a[0]));
            case "gauss":
                return () => r.Gauss(D(a[0]), D(a[1]));
            case "normalvariate":
                return () => r.NormalVariate(D(a[0]), D(a[1]));
            case "lognormvariate":
                return () => r.LogNormVariate(D(a[0]), D(a[1]));
            case "expovariate":
                return () => r.ExpoVariate(D(a[0]));
            case "vonmisesvariate":
                return () => r.VonMisesVariate(D(a[0]), D(a[1]));
            case "weibullvariate":
                return () => r.WeibullVariate(D(a[0]), D(a[1]));
            case "uniform":
                return () => r.Uniform(D(a[0]), D(a[1]));
            case "mix":
                return () => new PyTuple(
                    r.Gauss(0, 1), r.Random(), r.RandRange(100), r.Choice((object)"abcdefghij"), r.Gauss(0, 1), r.GetRandBits(40),
                    Boxed(r.SampleRange(50, 3)));
            case "jumpahead":
            {
                var n = PyInt.TryGetBigInteger(a[0], out BigInteger value) ? value : throw new InvalidOperationException();
                int counter = 0;
                return () =>
                {
                    counter++;
                    r.JumpAhead(n + (counter * 7919));
                    if (counter % 3 == 0)
                    {
                        r.Gauss(0, 1);
                    }

                    return new PyTuple(r.Random(), r.Gauss(0, 1));
                };
            }

            default:
                throw new InvalidOperationException("unknown method " + method);
        }
    }

    private static Func<object?> Sample(PyRandom r, bool typed, PyTuple a)
    {
        int k = (int)(long)a[^1]!;
        if ((string)a[0]! == "range")
        {
            long n = (long)a[1]!;
            if (typed || n > 100_000)
            {
                return () => Boxed(r.SampleRange(n, k));
            }

            List<object?> population = Longs(n);
            return () => r.Sample((object)population, k);
        }

        object? pop = Populations[(string)a[0]!];
        return typed && pop is IReadOnlyList<object?> list ? () => new List<object?>(r.Sample(list, k)) : () => r.Sample(pop, k);
    }

}

using System.Globalization;
using System.Text;
using System.Text.Json;
using PyStd.Objects;
using PyStd.Random;
using PyStd.Tests.Python;

namespace PyStd.Tests.Random;

/// <summary>
/// getstate()/setstate() both ways: states Python saved (version 3, and version 2 with signed words
/// as Python 2 pickled them) resume here, and states saved here resume in Python, continuing with
/// identical streams — gauss's cached value included.
/// </summary>
public class RandomStateTests
{
    [Fact]
    public void States_saved_by_Python_resume_here_and_continue_identically()
    {
        string[] lines = PythonRunner.RunScriptLines("gen_random_tables.py", "states");
        Assert.True(lines.Length >= 40);
        int withGauss = 0;
        int version2 = 0;
        foreach (string line in lines)
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            var state = (PyTuple)PyLiteral.Parse(doc.RootElement.GetProperty("state").GetString()!)!;
            withGauss += state[2] is double ? 1 : 0;
            version2 += state[0] is 2L ? 1 : 0;
            var rng = new PyRandom(0);
            rng.SetState(state);
            Assert.Equal(doc.RootElement.GetProperty("sha").GetString(), Follow(rng));
        }

        Assert.True(withGauss > 0 && version2 > 0);
    }

    [Fact]
    public void States_saved_here_resume_in_Python_and_continue_identically()
    {
        var states = new List<string>();
        var expected = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            var rng = new PyRandom(i * 7919L);
            for (int step = 0; step < new[] { 0, 1, 300, 623, 624, 625, 2000 }[i % 7]; step++)
            {
                rng.GetRandBits64(32);
            }

            if (i % 3 == 0)
            {
                rng.Gauss();
            }

            PyTuple state = rng.GetState();
            if (i == 29)
            {
                // A position of 0 (reachable only through setstate): the next word is read
                // without regenerating the block.
                object?[] words = [.. (PyTuple)state[1]!];
                words[^1] = 0L;
                state = new PyTuple(3L, new PyTuple(words), state[2]);
                rng.SetState(state);
            }

            states.Add(PyRepr.Repr(state));
            expected.Add(Follow(rng));
        }

        string script = Path.Combine(AppContext.BaseDirectory, "Python", "gen_random_tables.py");
        string source = "import runpy, sys\nsys.argv = ['gen_random_tables.py', 'resume']\n" +
                        $"runpy.run_path({PyRepr.Repr(script)}, run_name='__main__')\n";
        string[] python = PythonRunner.SplitLines(PythonRunner.RunSource(source, string.Join("\n", states) + "\n"));
        Assert.Equal(expected, python);
    }

    [Fact]
    public void Getstate_has_CPythons_shape()
    {
        var rng = new PyRandom(42);
        PyTuple state = rng.GetState();
        Assert.Equal(3, state.Count);
        Assert.Equal(3L, state[0]);
        var words = (PyTuple)state[1]!;
        Assert.Equal(625, words.Count);
        Assert.All(words, w => Assert.IsType<long>(w));
        Assert.Equal(624L, words[624]); // freshly seeded: the block is regenerated on first use
        Assert.Null(state[2]);

        rng.Gauss();
        Assert.IsType<double>(rng.GetState()[2]);
    }

    [Fact]
    public void Setstate_of_getstate_replays_the_stream_including_the_cached_gauss()
    {
        var rng = new PyRandom("replay");
        rng.Gauss();
        PyTuple state = rng.GetState();
        double[] first = [rng.Gauss(), rng.Random(), rng.Gauss(), rng.Gauss()];
        rng.SetState(state);
        double[] again = [rng.Gauss(), rng.Random(), rng.Gauss(), rng.Gauss()];
        Assert.Equal(first, again);

        var other = new PyRandom(1);
        other.SetState(new List<object?>(state)); // a list works too, as in Python
        Assert.Equal(Follow(Restored(state)), Follow(other));
    }

    private static PyRandom Restored(PyTuple state)
    {
        var rng = new PyRandom(0);
        rng.SetState(state);
        return rng;
    }

    /// <summary>gen_random_tables.py's follow(): every kind of draw after a restored state.</summary>
    private static string Follow(PyRandom r)
    {
        var lines = new List<string>(700);
        object big = System.Numerics.BigInteger.Pow(10, 20);
        for (int i = 0; i < 700; i++)
        {
            lines.Add(PyRepr.Repr(new PyTuple(r.Gauss(), r.Random(), r.GetRandBits(70), r.RandRange(big), r.GetRandBits(5))));
        }

        return RandomDifferentialTests.Digest(lines);
    }
}

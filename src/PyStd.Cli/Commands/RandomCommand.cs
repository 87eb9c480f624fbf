using System.CommandLine;
using System.Numerics;
using PyStd.Objects;
using PyStd.Random;

namespace PyStd.Cli.Commands;

/// <summary>
/// <c>pystd random METHOD [ARG...] [--seed LITERAL] [--count N] [--py27]</c>: calls a method of
/// Python's <c>random.Random</c> <c>N</c> times on one generator and prints the repr of each result,
/// one per line (<c>shuffle</c> prints the list after each shuffle).
/// </summary>
/// <remarks>
/// Positional arguments are Python literals (<c>10</c>, <c>-2.5</c>, <c>"'abc'"</c>, <c>"[1, 5, 2]"</c>);
/// keyword arguments are options: <c>--k</c>, <c>--weights</c>, <c>--cum-weights</c> (choices),
/// <c>--counts</c> (sample). <c>--seed</c> takes any seed literal (int, float, str, bytes), with
/// <c>--seed-version 1</c> for Python 2's string hash; without it the generator is seeded from the OS.
/// <c>--py27</c> uses Python 2.7's algorithms and seeding (<see cref="PyRandom.Python27(object)"/>).
/// <code>
/// pystd random randrange 0 100 --seed 42 --count 5
/// pystd random choices "'abc'" --k 10 --weights "[1, 5, 2]"
/// pystd random uniform -2.5 7.25 --seed "'text seed'"
/// pystd random randint 1 10 --seed 42 --py27
/// </code>
/// </remarks>
public static class RandomCommand
{
    // Python's signatures (Lib/random.py, CPython 3.13): positional parameter names, how many are
    // required, and the keyword-only parameters each method takes.
    private static readonly Dictionary<string, Signature> s_methods = new(StringComparer.Ordinal)
    {
        ["random"] = new([], 0),
        ["getrandbits"] = new(["k"], 1),
        ["randbytes"] = new(["n"], 1),
        ["randrange"] = new(["start", "stop", "step"], 1),
        ["randint"] = new(["a", "b"], 2),
        ["choice"] = new(["seq"], 1),
        ["choices"] = new(["population", "weights"], 1, "cum_weights", "k"),
        ["shuffle"] = new(["x"], 1),
        ["sample"] = new(["population", "k"], 2, "counts"),
        ["uniform"] = new(["a", "b"], 2),
        ["triangular"] = new(["low", "high", "mode"], 0),
        ["normalvariate"] = new(["mu", "sigma"], 0),
        ["gauss"] = new(["mu", "sigma"], 0),
        ["lognormvariate"] = new(["mu", "sigma"], 2),
        ["expovariate"] = new(["lambd"], 0),
        ["vonmisesvariate"] = new(["mu", "kappa"], 2),
        ["gammavariate"] = new(["alpha", "beta"], 2),
        ["betavariate"] = new(["alpha", "beta"], 2),
        ["paretovariate"] = new(["alpha"], 1),
        ["weibullvariate"] = new(["alpha", "beta"], 2),
        ["binomialvariate"] = new(["n", "p"], 0),
    };

    /// <summary>The method names the command accepts, in Python's documentation order.</summary>
    public static IReadOnlyList<string> Methods { get; } = [.. s_methods.Keys];

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var method = new Argument<string>("METHOD")
        {
            Description = "A method of random.Random: " + string.Join(", ", Methods) + ".",
        };
        method.Validators.Add(result =>
        {
            string? name = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (name is not null && !s_methods.ContainsKey(name))
            {
                result.AddError($"unknown random method '{name}'; use one of: {string.Join(", ", Methods)}");
            }
        });
        var args = new Argument<string[]>("ARG")
        {
            Description = "Positional arguments as Python literals, e.g. 0 100, -2.5 7.25, \"'abc'\", \"[1, 2, 3]\".",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var seed = new Option<string>("--seed") { Description = "The seed as a Python literal (int, float, str, bytes); default: OS entropy." };
        var seedVersion = new Option<int>("--seed-version")
        {
            Description = "random.seed's version for a str or bytes seed: 2 (SHA-512, the default) or 1 (Python 2's hash). Ignored with --py27.",
            DefaultValueFactory = _ => 2,
        };
        seedVersion.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value is not (1 or 2))
            {
                result.AddError($"--seed-version must be 1 or 2, not {value}");
            }
        });
        var count = new Option<int>("--count") { Description = "How many calls on the one generator (default 1).", DefaultValueFactory = _ => 1 };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--count must not be negative");
            }
        });
        var py27 = new Option<bool>("--py27") { Description = "Use Python 2.7's algorithms and seeding." };
        var k = new Option<string>("--k") { Description = "k= for choices (draws) and sample (size), a Python int." };
        var weights = new Option<string>("--weights") { Description = "weights= for choices, e.g. \"[1, 5, 2]\"." };
        var cumWeights = new Option<string>("--cum-weights") { Description = "cum_weights= for choices, e.g. \"[1, 6, 8]\"." };
        var counts = new Option<string>("--counts") { Description = "counts= for sample, e.g. \"[4, 2]\"." };

        var command = new Command("random", "Call a method of Python's random.Random and print the repr of each result (CPython's stream, bit for bit).");
        command.Arguments.Add(method);
        command.Arguments.Add(args);
        command.Options.Add(seed);
        command.Options.Add(seedVersion);
        command.Options.Add(count);
        command.Options.Add(py27);
        command.Options.Add(k);
        command.Options.Add(weights);
        command.Options.Add(cumWeights);
        command.Options.Add(counts);
        command.SetAction(parse =>
        {
            string name = parse.GetRequiredValue(method);
            object?[] positional = [.. (parse.GetValue(args) ?? []).Select(PyLiteral.Parse)];
            var keywords = new Dictionary<string, object?>(StringComparer.Ordinal);
            AddKeyword(parse, k, "k", keywords);
            AddKeyword(parse, weights, "weights", keywords);
            AddKeyword(parse, cumWeights, "cum_weights", keywords);
            AddKeyword(parse, counts, "counts", keywords);

            string? seedText = parse.GetValue(seed);
            object? seedValue = seedText is null ? null : PyLiteral.Parse(seedText);
            PyRandom rng;
            if (parse.GetValue(py27))
            {
                rng = PyRandom.Python27(seedValue);
            }
            else
            {
                rng = new PyRandom(0);
                rng.Seed(seedValue, parse.GetValue(seedVersion));
            }

            Func<object?> call = Bind(rng, name, positional, keywords);
            TextWriter output = parse.InvocationConfiguration.Output;
            int n = parse.GetValue(count);
            for (int i = 0; i < n; i++)
            {
                output.WriteLine(PyRepr.Repr(call()));
            }

            return 0;
        });
        return command;
    }

    private static void AddKeyword(ParseResult parse, Option<string> option, string name, Dictionary<string, object?> keywords)
    {
        string? text = parse.GetValue(option);
        if (text is not null)
        {
            keywords[name] = PyLiteral.Parse(text);
        }
    }

    /// <summary>
    /// Checks the arguments against Python's signature (TypeError texts as CPython 3.13 words them)
    /// and returns the call to repeat.
    /// </summary>
    private static Func<object?> Bind(PyRandom r, string name, object?[] positional, Dictionary<string, object?> keywords)
    {
        Signature sig = s_methods[name];
        var bound = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (positional.Length > sig.Positional.Length)
        {
            int most = sig.Positional.Length + 1; // Python counts self
            string takes = sig.Required == sig.Positional.Length ? $"{most}" : $"from {sig.Required + 1} to {most}";
            throw new PyTypeException(
                $"Random.{name}() takes {takes} positional argument{(most == 1 ? string.Empty : "s")} but {positional.Length + 1} were given");
        }

        for (int i = 0; i < positional.Length; i++)
        {
            bound[sig.Positional[i]] = positional[i];
        }

        foreach ((string key, object? value) in keywords)
        {
            bool positionalOrKeyword = System.Array.IndexOf(sig.Positional, key) >= 0;
            if (!positionalOrKeyword && System.Array.IndexOf(sig.KeywordOnly, key) < 0)
            {
                throw new PyTypeException($"Random.{name}() got an unexpected keyword argument '{key}'");
            }

            if (!bound.TryAdd(key, value))
            {
                throw new PyTypeException($"Random.{name}() got multiple values for argument '{key}'");
            }
        }

        string[] missing = [.. sig.Positional.Take(sig.Required).Where(p => !bound.ContainsKey(p))];
        if (missing.Length > 0)
        {
            string names = missing.Length == 1
                ? $"'{missing[0]}'"
                : string.Join(", ", missing[..^1].Select(m => $"'{m}'")) + $" and '{missing[^1]}'";
            throw new PyTypeException($"Random.{name}() missing {missing.Length} required positional argument{(missing.Length == 1 ? string.Empty : "s")}: {names}");
        }

        object? Arg(string key) => bound.GetValueOrDefault(key);
        double Float(string key, double fallback) => bound.TryGetValue(key, out object? v) ? ToFloat(v, key) : fallback;

        switch (name)
        {
            case "random":
                return () => r.Random();
            case "getrandbits":
            {
                int bits = ToInt(Arg("k"));
                return () => r.GetRandBits(bits);
            }

            case "randbytes":
            {
                int bytes = ToInt(Arg("n"));
                return () => r.RandBytes(bytes);
            }

            case "randrange":
            {
                object? start = Arg("start");
                object? stop = Arg("stop");
                object? step = Arg("step");
                return () => r.RandRange(start, stop, step);
            }

            case "randint":
            {
                object? a = Arg("a");
                object? b = Arg("b");
                return () => r.RandInt(a, b);
            }

            case "choice":
            {
                object? seq = Arg("seq");
                return () => r.Choice(seq);
            }

            case "choices":
            {
                object? population = Arg("population");
                object? weights = Arg("weights");
                object? cumWeights = Arg("cum_weights");
                int draws = bound.TryGetValue("k", out object? kv) ? ToInt(kv) : 1;
                return () => r.Choices(population, weights, cumWeights, draws);
            }

            case "shuffle":
            {
                object? x = Arg("x");
                return () =>
                {
                    r.Shuffle(x);
                    return x;
                };
            }

            case "sample":
            {
                object? population = Arg("population");
                object? sampleCounts = Arg("counts");
                int size = ToInt(Arg("k"));
                return () => r.Sample(population, size, sampleCounts);
            }

            case "uniform":
            {
                double a = Float("a", 0);
                double b = Float("b", 0);
                return () => r.Uniform(a, b);
            }

            case "triangular":
            {
                double low = Float("low", 0.0);
                double high = Float("high", 1.0);
                object? modeArg = Arg("mode");
                double? mode = modeArg is null ? null : ToFloat(modeArg, "mode");
                if (mode is not null && high - low == 0.0)
                {
                    // random.py returns low itself here (ZeroDivisionError caught), unconverted.
                    object? original = bound.TryGetValue("low", out object? lv) ? lv : 0.0;
                    return () =>
                    {
                        r.Triangular(low, high, mode);
                        return original;
                    };
                }

                return () => r.Triangular(low, high, mode);
            }

            case "normalvariate":
            {
                double mu = Float("mu", 0.0);
                double sigma = Float("sigma", 1.0);
                return () => r.NormalVariate(mu, sigma);
            }

            case "gauss":
            {
                double mu = Float("mu", 0.0);
                double sigma = Float("sigma", 1.0);
                return () => r.Gauss(mu, sigma);
            }

            case "lognormvariate":
            {
                double mu = Float("mu", 0);
                double sigma = Float("sigma", 0);
                return () => r.LogNormVariate(mu, sigma);
            }

            case "expovariate":
            {
                double lambd = Float("lambd", 1.0);
                return () => r.ExpoVariate(lambd);
            }

            case "vonmisesvariate":
            {
                double mu = Float("mu", 0);
                double kappa = Float("kappa", 0);
                return () => r.VonMisesVariate(mu, kappa);
            }

            case "gammavariate":
            {
                double alpha = Float("alpha", 0);
                double beta = Float("beta", 0);
                return () => r.GammaVariate(alpha, beta);
            }

            case "betavariate":
            {
                double alpha = Float("alpha", 0);
                double beta = Float("beta", 0);
                return () => r.BetaVariate(alpha, beta);
            }

            case "paretovariate":
            {
                double alpha = Float("alpha", 0);
                return () => r.ParetoVariate(alpha);
            }

            case "weibullvariate":
            {
                double alpha = Float("alpha", 0);
                double beta = Float("beta", 0);
                return () => r.WeibullVariate(alpha, beta);
            }

            default: // binomialvariate
            {
                long trials = bound.TryGetValue("n", out object? nv) ? ToLong(nv) : 1;
                double p = Float("p", 0.5);
                return () => r.BinomialVariate(trials, p);
            }
        }
    }

    /// <summary>Python's conversion of an int or float argument to a C double.</summary>
    private static double ToFloat(object? value, string name) => value switch
    {
        double d => d,
        bool b => b ? 1.0 : 0.0,
        _ when PyInt.TryGetBigInteger(value, out BigInteger i) => PyFloatMath.ToDouble(i),
        _ => throw new PyTypeException($"{name} must be a real number, not {PyTypeName.Of(value)}"),
    };

    /// <summary>An int argument that must fit a C int (getrandbits, randbytes, k).</summary>
    private static int ToInt(object? value)
    {
        long l = ToLong(value);
        return l is >= int.MinValue and <= int.MaxValue ? (int)l : throw new OverflowException("Python int too large to convert to C int");
    }

    private static long ToLong(object? value)
    {
        if (!PyInt.TryGetBigInteger(value, out BigInteger i))
        {
            throw new PyTypeException($"'{PyTypeName.Of(value)}' object cannot be interpreted as an integer");
        }

        return i >= long.MinValue && i <= long.MaxValue ? (long)i : throw new OverflowException("Python int too large to convert to C ssize_t");
    }

    /// <summary>A method's parameters: positional-or-keyword names, how many are required, keyword-only names.</summary>
    private sealed record Signature(string[] Positional, int Required, params string[] KeywordOnly);
}

using System.CommandLine;
using System.Text;
using System.Text.Json;
using PyStd.Cli;
using PyStd.Cli.Commands;
using PyStd.Tests.Python;

namespace PyStd.Tests.Cli;

/// <summary>
/// <c>pystd random</c>: each command line's output against python3 running the same calls
/// (Python/cli_random_calls.py), plus usage and error handling. The command is mounted on a root
/// of its own and run the way <see cref="PystdApp.Run"/> runs every command.
/// </summary>
public class RandomCommandTests
{
    private static readonly string[][] s_differentialCases =
    [
        ["randrange", "0", "100", "--seed", "42", "--count", "5"],
        ["randrange", "-10", "10", "3", "--seed", "-7", "--count", "8"],
        ["randrange", "1267650600228229401496703205376", "--seed", "5", "--count", "3"],
        ["choices", "'abc'", "--k", "10", "--weights", "[1, 5, 2]", "--seed", "1"],
        ["choices", "[10, 20, 30]", "--cum-weights", "[1, 6, 8]", "--k", "4", "--seed", "2", "--count", "3"],
        ["uniform", "-2.5", "7.25", "--seed", "'text seed'", "--count", "4"],
        ["shuffle", "[1, 2, 3, 4, 5]", "--seed", "1", "--count", "3"],
        ["sample", "[10, 20, 30, 40]", "2", "--seed", "3", "--count", "4"],
        ["sample", "['red', 'blue']", "--k", "5", "--counts", "[4, 2]", "--seed", "8"],
        ["gauss", "--seed", "5", "--count", "4"],
        ["gauss", "10", "2.5", "--seed", "b'bytes seed'", "--count", "3"],
        ["binomialvariate", "20", "0.3", "--seed", "9", "--count", "5"],
        ["binomialvariate", "--seed", "9", "--count", "5"],
        ["randbytes", "9", "--seed", "1", "--count", "2"],
        ["getrandbits", "100", "--seed", "2", "--count", "2"],
        ["triangular", "0", "10", "5", "--seed", "4", "--count", "3"],
        ["triangular", "3", "3", "3", "--seed", "4"],
        ["normalvariate", "10", "2", "--seed", "6", "--count", "3"],
        ["lognormvariate", "0", "0.5", "--seed", "6"],
        ["expovariate", "1.5", "--seed", "6", "--count", "2"],
        ["vonmisesvariate", "1", "4", "--seed", "6"],
        ["gammavariate", "1", "2", "--seed", "11", "--count", "3"],
        ["betavariate", "2", "3", "--seed", "11"],
        ["paretovariate", "2.5", "--seed", "11"],
        ["weibullvariate", "1", "2", "--seed", "11"],
        ["randint", "-5", "5", "--seed", "b'bytes'", "--count", "10"],
        ["random", "--seed", "1.5", "--count", "2"],
        ["random", "--seed", "'nofar'", "--seed-version", "1", "--count", "2"],
        ["choice", "(1, 'a', None, b'x')", "--seed", "3", "--count", "5"],
        ["choice", "'h\u00e9llo'", "--seed", "3", "--count", "3"],
        ["random", "--count", "0", "--seed", "1"],
        ["randint", "1", "10", "--seed", "42", "--py27", "--count", "5"],
        ["choice", "'abcdefghij'", "--seed", "'nofar'", "--py27", "--count", "5"],
        ["shuffle", "[1, 2, 3, 4, 5, 6]", "--seed", "3.5", "--py27", "--count", "3"],
        ["sample", "[1, 2, 3, 4, 5, 6, 7]", "3", "--seed", "2", "--py27", "--count", "3"],
        ["randrange", "0", "10000000000000000000000", "7", "--seed", "1", "--py27", "--count", "3"],
        ["paretovariate", "3", "--seed", "(1, 'x')", "--py27", "--count", "3"],
        ["gammavariate", "1", "1", "--seed", "1", "--py27", "--count", "3"],
    ];

    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        // PystdApp.Run's contract: parse errors are usage (2), a raised error is one line and 1
        // (2 for an ArgumentException).
        var root = new RootCommand { RandomCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ParseResult parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            return (PystdApp.UsageExitCode, string.Empty, $"pystd: usage: {parse.Errors[0].Message}");
        }

        try
        {
            int code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            return (code, stdout.ToString(), stderr.ToString());
        }
        catch (Exception ex)
        {
            return (ex is ArgumentException ? PystdApp.UsageExitCode : PystdApp.ErrorExitCode, stdout.ToString(), CliErrors.Format(ex));
        }
    }

    [Fact]
    public void Command_lines_print_what_python3_prints_for_the_same_calls()
    {
        var input = new StringBuilder();
        foreach (string[] argv in s_differentialCases)
        {
            input.AppendLine(ToJson(argv));
        }

        string[] python = PythonRunner.RunScript("cli_random_calls.py", input.ToString()).Split("---\n");
        Assert.Equal(s_differentialCases.Length + 1, python.Length);
        for (int i = 0; i < s_differentialCases.Length; i++)
        {
            string[] argv = ["random", .. s_differentialCases[i]];
            var (code, output, error) = Run(argv);
            Assert.True(code == 0, $"{string.Join(' ', argv)}: {error}");
            Assert.True(python[i] == output, $"{string.Join(' ', argv)}\npython:\n{python[i]}ours:\n{output}");
        }
    }

    [Fact]
    public void Negative_numbers_are_values_and_count_repeats_on_one_generator()
    {
        var (code, output, _) = Run("random", "uniform", "-2.5", "-1", "--seed", "-3", "--count", "3");
        Assert.Equal(0, code);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(3, lines.Distinct().Count());
        Assert.All(lines, l => Assert.InRange(double.Parse(l, System.Globalization.CultureInfo.InvariantCulture), -2.5, -1));
    }

    [Fact]
    public void Without_a_seed_the_generator_is_seeded_from_the_OS()
    {
        var (_, first, _) = Run("random", "getrandbits", "64");
        var (_, second, _) = Run("random", "getrandbits", "64");
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("nosuch")]
    [InlineData("seed")]
    [InlineData("Random")]
    public void An_unknown_method_is_a_usage_error_that_lists_the_methods(string method)
    {
        var (code, _, error) = Run("random", method);
        Assert.Equal(2, code);
        Assert.Contains($"unknown random method '{method}'", error, StringComparison.Ordinal);
        Assert.Contains("randrange, randint, choice, choices, shuffle, sample", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Theory]
    [InlineData("--count", "-1")]
    [InlineData("--seed-version", "3")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        var (code, _, _) = Run("random", "random", option, value);
        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData("pystd: PyTypeException: Random.uniform() missing 1 required positional argument: 'b'", "uniform", "1")]
    [InlineData("pystd: PyTypeException: Random.randint() missing 2 required positional arguments: 'a' and 'b'", "randint")]
    [InlineData("pystd: PyTypeException: Random.random() takes 1 positional argument but 2 were given", "random", "1")]
    [InlineData("pystd: PyTypeException: Random.randrange() takes from 2 to 4 positional arguments but 5 were given", "randrange", "1", "2", "3", "4")]
    [InlineData("pystd: PyTypeException: Random.uniform() got an unexpected keyword argument 'k'", "uniform", "1", "2", "--k", "3")]
    [InlineData("pystd: PyTypeException: Random.sample() got multiple values for argument 'k'", "sample", "[1, 2]", "1", "--k", "1")]
    [InlineData("pystd: PyValueException: empty range in randrange(5, 5)", "randrange", "5", "5", "--seed", "1")]
    [InlineData("pystd: PyIndexException: Cannot choose from an empty sequence", "choice", "[]", "--seed", "1")]
    [InlineData("pystd: PyTypeException: 'str' object does not support item assignment", "shuffle", "'abc'", "--seed", "1")]
    [InlineData("pystd: PyValueException: Sample larger than population or is negative", "sample", "[1]", "2", "--seed", "1")]
    [InlineData("pystd: PyValueException: sample larger than population", "sample", "[1]", "2", "--seed", "1", "--py27")]
    [InlineData("pystd: PyIndexException: list index out of range", "choice", "[]", "--seed", "1", "--py27")]
    public void Bad_arguments_raise_the_typed_exception_with_exit_code_1(string expected, params string[] args)
    {
        var (code, output, error) = Run(["random", .. args]);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_malformed_literal_argument_is_a_literal_syntax_error()
    {
        var (code, _, error) = Run("random", "choice", "[1, 2", "--seed", "1");
        Assert.Equal(1, code);
        Assert.StartsWith("pystd: LiteralSyntaxException: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_method_list_is_Pythons()
    {
        Assert.Equal(
            "random getrandbits randbytes randrange randint choice choices shuffle sample uniform triangular normalvariate gauss " +
            "lognormvariate expovariate vonmisesvariate gammavariate betavariate paretovariate weibullvariate binomialvariate",
            string.Join(' ', RandomCommand.Methods));
    }

    /// <summary>The same call as a JSON case for cli_random_calls.py.</summary>
    private static string ToJson(string[] argv)
    {
        var positional = new List<string>();
        var kw = new Dictionary<string, string>();
        string? seed = null;
        int version = 2;
        int count = 1;
        bool py27 = false;
        for (int i = 1; i < argv.Length; i++)
        {
            switch (argv[i])
            {
                case "--seed": seed = argv[++i]; break;
                case "--seed-version": version = int.Parse(argv[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--count": count = int.Parse(argv[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--py27": py27 = true; break;
                case "--k": kw["k"] = argv[++i]; break;
                case "--weights": kw["weights"] = argv[++i]; break;
                case "--cum-weights": kw["cum_weights"] = argv[++i]; break;
                case "--counts": kw["counts"] = argv[++i]; break;
                default: positional.Add(argv[i]); break;
            }
        }

        return JsonSerializer.Serialize(new { py27, seed, version, method = argv[0], args = positional, kw, count });
    }
}

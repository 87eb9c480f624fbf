using System.CommandLine;
using System.Diagnostics;
using PyStd.Cli;

namespace PyStd.Tests.Cli;

public class CliTests
{
    /// <summary>Runs <c>pystd ARGS</c> in-process through <see cref="PystdApp.Run(string[], TextWriter, TextWriter)"/>.</summary>
    internal static (int Code, string Out, string Err) Run(params string[] args) => Run(PystdApp.BuildRoot, args);

    /// <summary>
    /// Runs ARGS against a root holding only <paramref name="command"/> (built by the test, e.g. with
    /// injected standard streams), with PystdApp's exit codes and one-line errors.
    /// </summary>
    internal static (int Code, string Out, string Err) Run(Command command, params string[] args) =>
        Run(() => new RootCommand { command }, args);

    private static (int Code, string Out, string Err) Run(Func<Command> buildRoot, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = PystdApp.Run(buildRoot, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Repr_prints_the_repr_of_a_literal()
    {
        var (code, output, error) = Run("repr", "{1: (2, 'x'), 'k': [1.5, None, b'\\x00']}");
        Assert.Equal(0, code);
        Assert.Equal("{1: (2, 'x'), 'k': [1.5, None, b'\\x00']}\n", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Negative_numbers_are_values_not_options()
    {
        var (code, output, _) = Run("repr", "-2.5");
        Assert.Equal(0, code);
        Assert.Equal("-2.5\n", output);
    }

    [Fact]
    public void A_malformed_literal_is_one_line_on_stderr_and_exit_code_1()
    {
        var (code, output, error) = Run("repr", "[1, 2");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("pystd: LiteralSyntaxException: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData]
    [InlineData("nosuchmodule")]
    [InlineData("repr")]
    [InlineData("repr", "1", "2")]
    [InlineData("--bogus")]
    public void Bad_usage_exits_with_code_2(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("pystd: usage: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_modules()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("repr", output, StringComparison.Ordinal);
        Assert.Contains("pystd", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pystd_executable_runs_as_a_real_process()
    {
        string exe = Path.Combine(AppContext.BaseDirectory, "pystd");
        Assert.True(File.Exists(exe), $"{exe} is missing");
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("--version");
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(30_000));
        Assert.Equal(0, p.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\n$", output);

        psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("repr");
        psi.ArgumentList.Add("(");
        using var q = Process.Start(psi)!;
        string err = q.StandardError.ReadToEnd();
        Assert.True(q.WaitForExit(30_000));
        Assert.Equal(1, q.ExitCode);
        Assert.StartsWith("pystd: LiteralSyntaxException:", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_argument_starting_with_at_is_a_value_not_a_response_file()
    {
        var (code, output, error) = Run("struct", "calcsize", "@bq");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Equal("16\n", output);
    }
}

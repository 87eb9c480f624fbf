using System.CommandLine;
using PyStd.Cli;
using PyStd.Cli.Commands;

namespace PyStd.Tests.Struct;

/// <summary><c>pystd struct pack|unpack|calcsize</c>, run through a root command built here.</summary>
public class StructCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand { StructCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return (PystdApp.UsageExitCode, "", parse.Errors[0].Message);
        }

        try
        {
            int code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            return (code, stdout.ToString(), stderr.ToString());
        }
        catch (Exception ex)
        {
            return (PystdApp.ErrorExitCode, stdout.ToString(), CliErrors.Format(ex));
        }
    }

    [Fact]
    public void Calcsize_prints_the_size()
    {
        Assert.Equal((0, "8\n", ""), Run("struct", "calcsize", ">hhl"));
        Assert.Equal((0, "16\n", ""), Run("struct", "calcsize", "bq"));
    }

    [Fact]
    public void Pack_prints_lowercase_hex_and_takes_negative_numbers_as_values()
    {
        var (code, output, error) = Run("struct", "pack", ">hhl", "1", "-2", "-1");
        Assert.True(code == 0, error);
        Assert.Equal("0001fffeffffffff\n", output);
    }

    [Fact]
    public void Pack_takes_bytes_bools_and_floats_as_python_literals()
    {
        var (code, output, error) = Run("struct", "pack", "<3s?d", "b'ab'", "True", "-2.5");
        Assert.True(code == 0, error);
        Assert.Equal("616200" + "01" + "00000000000004c0\n", output);
    }

    [Fact]
    public void Pack_with_no_values_packs_pad_bytes()
    {
        Assert.Equal((0, "0000\n", ""), Run("struct", "pack", "2x"));
    }

    [Fact]
    public void Unpack_prints_the_repr_of_the_tuple()
    {
        var (code, output, error) = Run("struct", "unpack", ">hhl", "0001fffeffffffff");
        Assert.True(code == 0, error);
        Assert.Equal("(1, -2, -1)\n", output);
    }

    [Fact]
    public void Unpack_accepts_spaces_between_hex_bytes_and_prints_bytes_and_floats()
    {
        var (code, output, error) = Run("struct", "unpack", "<2s?d", "61 62 01 00000000000004c0");
        Assert.True(code == 0, error);
        Assert.Equal("(b'ab', True, -2.5)\n", output);
    }

    [Fact]
    public void A_struct_error_is_reported_with_CPythons_message()
    {
        var (code, _, error) = Run("struct", "pack", ">h", "70000");
        Assert.Equal(PystdApp.ErrorExitCode, code);
        Assert.Equal("pystd: StructException: 'h' format requires -32768 <= number <= 32767", error);
        (code, _, error) = Run("struct", "unpack", "<h", "010203");
        Assert.Equal("pystd: StructException: unpack requires a buffer of 2 bytes", error);
    }

    [Fact]
    public void Bad_hex_names_the_position_as_bytes_fromhex_does()
    {
        var (code, _, error) = Run("struct", "unpack", "<h", "01zz");
        Assert.Equal(PystdApp.ErrorExitCode, code);
        Assert.Equal("pystd: PyValueException: non-hexadecimal number found in fromhex() arg at position 2", error);
    }
}

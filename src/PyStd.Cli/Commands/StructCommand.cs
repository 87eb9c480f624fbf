using System.CommandLine;
using PyStd.Objects;

namespace PyStd.Cli.Commands;

/// <summary>
/// <c>pystd struct pack|unpack|calcsize</c>: Python's <c>struct</c> from the shell.
/// <c>pack FORMAT VALUE…</c> prints the packed bytes as lowercase hex (values are Python literals);
/// <c>unpack FORMAT HEX</c> prints the repr of the unpacked tuple; <c>calcsize FORMAT</c> prints the size.
/// </summary>
public static class StructCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var command = new Command("struct", "Pack and unpack binary records with Python's struct formats (e.g. '<hhl', '>2sd').");
        command.Subcommands.Add(CreatePack());
        command.Subcommands.Add(CreateUnpack());
        command.Subcommands.Add(CreateCalcsize());
        return command;
    }

    private static Argument<string> FormatArgument() =>
        new("FORMAT") { Description = "A struct format, e.g. '<hhl' (byte order prefix, then codes with optional counts)." };

    private static Command CreatePack()
    {
        Argument<string> format = FormatArgument();
        var values = new Argument<string[]>("VALUE")
        {
            Description = "One Python literal per field, e.g. 1 -2 2.5 b'ab' True.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("pack", "Print struct.pack(FORMAT, *VALUES) as lowercase hex.");
        command.Arguments.Add(format);
        command.Arguments.Add(values);
        command.SetAction(parse =>
        {
            string[] texts = parse.GetValue(values) ?? [];
            var parsed = new object?[texts.Length];
            for (int i = 0; i < texts.Length; i++)
            {
                parsed[i] = PyLiteral.Parse(texts[i]);
            }

            byte[] packed = PyStd.Struct.Struct.Pack(parse.GetRequiredValue(format), parsed);
            parse.InvocationConfiguration.Output.WriteLine(Convert.ToHexStringLower(packed));
            return 0;
        });
        return command;
    }

    private static Command CreateUnpack()
    {
        Argument<string> format = FormatArgument();
        var hex = new Argument<string>("HEX") { Description = "The packed bytes in hex, as bytes.fromhex() reads it (spaces allowed between bytes)." };
        var command = new Command("unpack", "Print repr(struct.unpack(FORMAT, bytes.fromhex(HEX))).");
        command.Arguments.Add(format);
        command.Arguments.Add(hex);
        command.SetAction(parse =>
        {
            byte[] bytes = HexText.FromHex(parse.GetRequiredValue(hex));

            PyTuple values = PyStd.Struct.Struct.Unpack(parse.GetRequiredValue(format), bytes);
            parse.InvocationConfiguration.Output.WriteLine(PyRepr.Repr(values));
            return 0;
        });
        return command;
    }

    private static Command CreateCalcsize()
    {
        Argument<string> format = FormatArgument();
        var command = new Command("calcsize", "Print struct.calcsize(FORMAT), the packed size in bytes.");
        command.Arguments.Add(format);
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(PyStd.Struct.Struct.Calcsize(parse.GetRequiredValue(format)));
            return 0;
        });
        return command;
    }
}

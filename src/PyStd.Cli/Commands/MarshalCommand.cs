using System.CommandLine;
using PyStd.Objects;

namespace PyStd.Cli.Commands;

/// <summary>
/// <c>pystd marshal show|dump</c>: Python's marshal format from the shell.
/// <list type="bullet">
/// <item><c>show FILE|-</c> prints <c>repr()</c> of the loaded value (code objects as
/// <c>&lt;code object NAME, file "FILE", line N&gt;</c>, without an address).</item>
/// <item><c>dump [--version N] LITERAL [-o FILE]</c> writes <c>marshal.dumps(ast.literal_eval(LITERAL), N)</c>.</item>
/// </list>
/// <c>-</c> reads standard input or writes standard output. Binary output goes to standard output only
/// when it is redirected (a file or a pipe), never to a terminal.
/// </summary>
public static class MarshalCommand
{
    /// <summary>Creates the command, reading and writing the process's standard streams for <c>-</c>.</summary>
    /// <returns>The command.</returns>
    public static Command Create() => Create(null, null);

    /// <summary>Creates the command with the streams that stand for <c>-</c> (for tests and hosts).</summary>
    /// <param name="standardInput">Opens the stream <c>-</c> reads; null for the console's standard input.</param>
    /// <param name="standardOutput">
    /// Opens the stream binary output to <c>-</c> goes to (it is flushed, not closed); null for the console's
    /// standard output, used only when the invocation's output is <see cref="Console.Out"/> and redirected.
    /// </param>
    /// <returns>The command.</returns>
    public static Command Create(Func<Stream>? standardInput, Func<Stream>? standardOutput)
    {
        var command = new Command("marshal", "Show and write data in Python's marshal format (versions 0-5); loading never runs code.");
        var io = new StandardStreams(standardInput, standardOutput,
            "Refusing to write binary marshal data to a terminal; use -o FILE or a pipe.");
        command.Subcommands.Add(CreateShow(io));
        command.Subcommands.Add(CreateDump(io));
        return command;
    }

    private static Command CreateShow(StandardStreams io)
    {
        var input = new Argument<string>("FILE") { Description = "A marshal file, or - for standard input." };
        var command = new Command("show", "Load marshal data and print repr() of the value.");
        command.Arguments.Add(input);
        command.SetAction(parse =>
        {
            byte[] data = io.Read(parse.GetRequiredValue(input));
            object? value = PyStd.Marshal.Marshal.Loads(data);
            parse.InvocationConfiguration.Output.WriteLine(PyRepr.Repr(value));
            return 0;
        });
        return command;
    }

    private static Command CreateDump(StandardStreams io)
    {
        var literal = new Argument<string>("LITERAL") { Description = "A Python literal, e.g. \"{'id': 1, 'tags': ('a', b'b')}\"." };
        var version = new Option<int>("--version")
        {
            Description = "Marshal version 0-5 (default 4, as marshal.version; 5 is CPython 3.14's, with slices).",
            DefaultValueFactory = _ => PyStd.Marshal.Marshal.Version,
        };
        var output = new Option<string>("--output", "-o") { Description = "The file to write; standard output (redirected) when omitted or -." };
        var command = new Command("dump", "Write the marshal data of a Python literal, as marshal.dumps(ast.literal_eval(LITERAL), N).");
        command.Arguments.Add(literal);
        command.Options.Add(version);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            object? value = PyLiteral.Parse(parse.GetRequiredValue(literal));
            byte[] data = PyStd.Marshal.Marshal.Dumps(value, parse.GetValue(version));
            io.Write(parse, parse.GetValue(output), data);
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using PyStd.Objects;
using PyStd.Pickle;

namespace PyStd.Cli.Commands;

/// <summary>
/// <c>pystd pickle show|dis|dump|convert</c>: Python's pickles from the shell.
/// <list type="bullet">
/// <item><c>show FILE|-</c> prints <c>repr()</c> of the loaded value (<c>--json</c>: the JSON view
/// documented in docs/pickle-cli.md); loading is PyStd's safe default — nothing is imported or run.</item>
/// <item><c>dis FILE|-</c> prints what <c>python -m pickletools FILE</c> prints (<c>-a</c>, <c>-l N</c> as there).</item>
/// <item><c>dump [--protocol N] LITERAL [-o FILE]</c> writes the pickle of a Python literal.</item>
/// <item><c>convert [--protocol N] IN OUT</c> loads a pickle and writes it again at another protocol.</item>
/// </list>
/// <c>-</c> reads standard input or writes standard output. Binary output goes to standard output only
/// when it is redirected (a file or a pipe), never to a terminal.
/// </summary>
public static class PickleCommand
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
        var io = new StandardStreams(standardInput, standardOutput,
            "Refusing to write a binary pickle to a terminal; use -o FILE or a pipe (e.g. | pystd pickle dis -).");
        var command = new Command("pickle", "Show, disassemble, write and convert Python pickles (protocols 0-5); loading never runs code.");
        command.Subcommands.Add(CreateShow(io));
        command.Subcommands.Add(CreateDis(io));
        command.Subcommands.Add(CreateDump(io));
        command.Subcommands.Add(CreateConvert(io));
        return command;
    }

    private static Argument<string> InputArgument(string name = "FILE") =>
        new(name) { Description = "A pickle file, or - for standard input." };

    private static Option<string> EncodingOption() => new("--encoding")
    {
        Description = "How Python 2 str decodes: ASCII (default), latin1, bytes, or a codec name — as pickle.load(encoding=...).",
        DefaultValueFactory = _ => "ASCII",
    };

    private static Option<int> ProtocolOption() => new("--protocol", "-p")
    {
        Description = "Pickle protocol 0-5 (default 4, as pickle.DEFAULT_PROTOCOL; -1 for the highest).",
        DefaultValueFactory = _ => PyStd.Pickle.Pickle.DefaultProtocol,
    };

    private static Command CreateShow(StandardStreams io)
    {
        Argument<string> input = InputArgument();
        Option<string> encoding = EncodingOption();
        var json = new Option<bool>("--json") { Description = "Print a JSON view instead of the repr (tagged objects for what JSON lacks; see docs/pickle-cli.md)." };
        var command = new Command("show", "Load a pickle safely and print repr() of the value.");
        command.Arguments.Add(input);
        command.Options.Add(encoding);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            object? value = Load(io.Read(parse.GetRequiredValue(input)), parse.GetRequiredValue(encoding));
            TextWriter output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                PickleJson.Write(output, value);
            }
            else
            {
                output.WriteLine(PyRepr.Repr(value));
            }

            return 0;
        });
        return command;
    }

    private static Command CreateDis(StandardStreams io)
    {
        Argument<string> input = InputArgument();
        var annotate = new Option<bool>("--annotate", "-a") { Description = "Annotate each line with a short opcode description (as python -m pickletools -a)." };
        var indent = new Option<int>("--indentlevel", "-l")
        {
            Description = "Blanks by which to indent a new MARK level (default 4).",
            DefaultValueFactory = _ => 4,
        };
        var command = new Command("dis", "Disassemble a pickle, printing what python -m pickletools prints.");
        command.Arguments.Add(input);
        command.Options.Add(annotate);
        command.Options.Add(indent);
        command.SetAction(parse =>
        {
            byte[] data = io.Read(parse.GetRequiredValue(input));
            PickleTools.Dis(data, parse.InvocationConfiguration.Output, parse.GetValue(indent), parse.GetValue(annotate) ? 30 : 0);
            return 0;
        });
        return command;
    }

    private static Command CreateDump(StandardStreams io)
    {
        var literal = new Argument<string>("LITERAL") { Description = "A Python literal, e.g. \"{'id': 1, 'tags': ('a', b'b')}\"." };
        Option<int> protocol = ProtocolOption();
        var output = new Option<string>("--output", "-o") { Description = "The file to write; standard output (redirected) when omitted or -." };
        var command = new Command("dump", "Write the pickle of a Python literal, as pickle.dumps(ast.literal_eval(LITERAL), protocol).");
        command.Arguments.Add(literal);
        command.Options.Add(protocol);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            object? value = PyLiteral.Parse(parse.GetRequiredValue(literal));
            byte[] pickle = PyStd.Pickle.Pickle.Dumps(value, parse.GetValue(protocol));
            io.Write(parse, parse.GetValue(output), pickle);
            return 0;
        });
        return command;
    }

    private static Command CreateConvert(StandardStreams io)
    {
        Argument<string> input = InputArgument("IN");
        var outputPath = new Argument<string>("OUT") { Description = "The file to write, or - for standard output (redirected)." };
        Option<int> protocol = ProtocolOption();
        Option<string> encoding = EncodingOption();
        var command = new Command("convert", "Load a pickle safely and write it again at another protocol.");
        command.Arguments.Add(input);
        command.Arguments.Add(outputPath);
        command.Options.Add(protocol);
        command.Options.Add(encoding);
        command.SetAction(parse =>
        {
            object? value = Load(io.Read(parse.GetRequiredValue(input)), parse.GetRequiredValue(encoding));
            byte[] pickle = PyStd.Pickle.Pickle.Dumps(value, parse.GetValue(protocol));
            io.Write(parse, parse.GetRequiredValue(outputPath), pickle);
            return 0;
        });
        return command;
    }

    private static object? Load(byte[] data, string encoding) =>
        PyStd.Pickle.Pickle.Loads(data, UnpicklerOptions.Default with { Encoding = encoding });
}

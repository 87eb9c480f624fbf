using System.CommandLine;
using System.Globalization;
using PyStd.Marshal;
using PyStd.Objects;

namespace PyStd.Cli.Commands;

/// <summary>
/// <c>pystd pyc show FILE.pyc</c>: the header of a compiled Python file (magic number, Python version,
/// flags, timestamp and source size or source hash) and its code-object tree — for each code object its
/// name, qualname, first line, argument count, names, constants (nested code objects indented) and
/// bytecode in hex. CPython 3.8–3.14 files are read, each in its own code-object layout (by the magic number).
/// </summary>
public static class PycCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var command = new Command("pyc", "Show compiled Python files (.pyc, CPython 3.8-3.14).");
        var input = new Argument<string>("FILE") { Description = "A .pyc file." };
        var show = new Command("show", "Print the header and the code-object tree of a .pyc file.");
        show.Arguments.Add(input);
        show.SetAction(parse =>
        {
            PycFile pyc = Pyc.Read(parse.GetRequiredValue(input));
            TextWriter output = parse.InvocationConfiguration.Output;
            WriteHeader(output, pyc.Header);
            WriteCode(output, pyc.Code, string.Empty);
            return 0;
        });
        command.Subcommands.Add(show);
        return command;
    }

    private static void WriteHeader(TextWriter output, PycHeader header)
    {
        output.WriteLine($"magic: {header.Magic.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"python: {header.PythonVersion ?? "unknown"}");
        output.WriteLine($"flags: 0x{header.Flags.ToString("x8", CultureInfo.InvariantCulture)}");
        if (header.IsHashBased)
        {
            output.WriteLine($"source hash: {Convert.ToHexStringLower(header.SourceHash ?? [])}");
            output.WriteLine($"check source: {(header.CheckSource ? "True" : "False")}");
        }
        else
        {
            uint timestamp = header.Timestamp ?? 0;
            string when = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            output.WriteLine($"timestamp: {timestamp.ToString(CultureInfo.InvariantCulture)} ({when} UTC)");
            output.WriteLine($"source size: {(header.SourceSize ?? 0).ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void WriteCode(TextWriter output, PyCode code, string indent)
    {
        output.WriteLine($"{indent}code object {code.Name}");
        string pad = indent + "  ";
        output.WriteLine($"{pad}name: {code.Name}");
        output.WriteLine($"{pad}qualname: {code.QualName}");
        output.WriteLine($"{pad}filename: {code.FileName}");
        output.WriteLine($"{pad}firstlineno: {code.FirstLineNo.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"{pad}argcount: {code.ArgCount.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"{pad}posonlyargcount: {code.PosOnlyArgCount.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"{pad}kwonlyargcount: {code.KwOnlyArgCount.ToString(CultureInfo.InvariantCulture)}");
        if (code.Layout != PyCodeLayout.Python311)
        {
            output.WriteLine($"{pad}nlocals: {code.NLocals.ToString(CultureInfo.InvariantCulture)}");
        }

        output.WriteLine($"{pad}stacksize: {code.StackSize.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"{pad}flags: 0x{code.Flags.ToString("x8", CultureInfo.InvariantCulture)}");
        output.WriteLine($"{pad}names: {PyRepr.Repr(code.Names)}");
        if (code.Layout == PyCodeLayout.Python311)
        {
            output.WriteLine($"{pad}localsplusnames: {PyRepr.Repr(code.LocalsPlusNames)}");
        }
        else
        {
            output.WriteLine($"{pad}varnames: {PyRepr.Repr(code.VarNames)}");
            output.WriteLine($"{pad}freevars: {PyRepr.Repr(code.FreeVars)}");
            output.WriteLine($"{pad}cellvars: {PyRepr.Repr(code.CellVars)}");
        }

        output.WriteLine($"{pad}consts:");
        for (int i = 0; i < code.Consts.Count; i++)
        {
            object? item = code.Consts[i];
            if (item is PyCode nested)
            {
                WriteCode(output, nested, pad + "    ");
            }
            else
            {
                output.WriteLine($"{pad}    {PyRepr.Repr(item)}");
            }
        }

        output.WriteLine($"{pad}code: {Convert.ToHexStringLower(code.Code)}");
    }
}

using System.CommandLine;
using PyStd.Objects;

namespace PyStd.Cli.Commands;

/// <summary><c>pystd repr LITERAL</c>: prints <c>repr(ast.literal_eval(LITERAL))</c>.</summary>
public static class ReprCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var literal = new Argument<string>("LITERAL") { Description = "A Python literal, e.g. \"{1: (2, 'x')}\"." };
        var command = new Command("repr", "Parse a Python literal and print its repr, as repr(ast.literal_eval(LITERAL)).");
        command.Arguments.Add(literal);
        command.SetAction(parse =>
        {
            object? value = PyLiteral.Parse(parse.GetRequiredValue(literal));
            parse.InvocationConfiguration.Output.WriteLine(PyRepr.Repr(value));
            return 0;
        });
        return command;
    }
}

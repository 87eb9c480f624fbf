using System.CommandLine;
using PyStd.Array;

namespace PyStd.Cli.Commands;

/// <summary><c>pystd array TYPECODE HEX</c>: prints <c>repr(array(TYPECODE, bytes.fromhex(HEX)))</c>.</summary>
public static class ArrayCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var typecode = new Argument<string>("TYPECODE") { Description = "One of " + PyArray.Typecodes + ", e.g. i." };
        var hex = new Argument<string>("HEX") { Description = "The array's machine bytes in hex, as bytes.fromhex() reads them, e.g. \"01000000 02000000\"." };
        var command = new Command("array", "Read an array's machine bytes and print its repr, as repr(array(TYPECODE, bytes.fromhex(HEX))).");
        command.Arguments.Add(typecode);
        command.Arguments.Add(hex);
        command.SetAction(parse =>
        {
            byte[] bytes = HexText.FromHex(parse.GetRequiredValue(hex));

            var array = new PyArray(parse.GetRequiredValue(typecode), bytes);
            parse.InvocationConfiguration.Output.WriteLine(array.Repr());
            return 0;
        });
        return command;
    }
}

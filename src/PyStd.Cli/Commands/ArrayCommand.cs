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
            byte[] bytes = FromHex(parse.GetRequiredValue(hex));
            var array = new PyArray(parse.GetRequiredValue(typecode), bytes);
            parse.InvocationConfiguration.Output.WriteLine(array.Repr());
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Python's <c>bytes.fromhex(text)</c>: pairs of hex digits, with ASCII whitespace allowed between
    /// pairs (CPython's <c>_PyBytes_FromHex</c>, Objects/bytesobject.c).
    /// </summary>
    /// <param name="text">The hex text.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="PyValueException"><c>non-hexadecimal number found in fromhex() arg at position N</c>.</exception>
    internal static byte[] FromHex(string text)
    {
        var bytes = new List<byte>(text.Length / 2);
        int i = 0;
        while (i < text.Length)
        {
            if (IsSpace(text[i]))
            {
                i++;
                continue;
            }

            int top = HexValue(text[i]);
            if (top < 0)
            {
                throw NotHex(i);
            }

            int bottom = i + 1 < text.Length ? HexValue(text[i + 1]) : -1;
            if (bottom < 0)
            {
                throw NotHex(i + 1);
            }

            bytes.Add((byte)((top << 4) | bottom));
            i += 2;
        }

        return bytes.ToArray();

        static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

        static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        static PyValueException NotHex(int position) =>
            new($"non-hexadecimal number found in fromhex() arg at position {position}");
    }
}

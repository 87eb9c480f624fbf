using System.CommandLine;
using PyStd.Objects;
using PyStd.Terminal;

namespace PyStd.Cli.Commands;

/// <summary>
/// <c>pystd getkey</c>: the Python FAQ's single-keypress example. Prints
/// <c>Got character 'a'</c> (the character's Python repr) for each key pressed, without echo and
/// without waiting for Enter, until <c>q</c> or end of input; the terminal's settings are restored
/// on exit, Ctrl-C included.
/// </summary>
public static class GetkeyCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var command = new Command("getkey", "Print \"Got character 'a'\" for each key pressed (no echo, no Enter) until q or end of input.");
        command.SetAction(parse =>
        {
            if (Console.IsInputRedirected)
            {
                throw new TermiosException("(25, 'Inappropriate ioctl for device'): standard input is not a terminal; getkey reads keypresses from one");
            }

            TextWriter output = parse.InvocationConfiguration.Output;
            using KeyboardSession keyboard = Keyboard.Open();
            while (keyboard.ReadKey() is { Length: > 0 } key)
            {
                output.WriteLine($"Got character {PyRepr.Repr(key)}");
                output.Flush();
                if (key == "q")
                {
                    break;
                }
            }

            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using PyStd.Dbm;
using PyStd.Objects;

namespace PyStd.Cli.Commands;

/// <summary>
/// <c>pystd shelve</c>: Python's shelves (pickled values in a dbm database) from the shell.
/// <list type="bullet">
/// <item><c>show PATH</c> prints one line per entry, <c>repr(key): repr(value)</c>, in the shelf's order.</item>
/// <item><c>keys PATH</c>, <c>get PATH KEY</c>, <c>set PATH KEY VALUE</c>, <c>del PATH KEY</c>: KEY is a <c>str</c>
/// literal, VALUE any Python literal (pickled with <c>pickle.DEFAULT_PROTOCOL</c> unless <c>--protocol</c>).</item>
/// </list>
/// Loading values never runs code: a shelf from an untrusted source is safe to show.
/// </summary>
public static class ShelveCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var command = new Command("shelve", "Python shelves (pickled values in dbm.sqlite3 or dbm.dumb): show, keys, get, set, del.");
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateKeys());
        command.Subcommands.Add(CreateGet());
        command.Subcommands.Add(CreateSet());
        command.Subcommands.Add(CreateDel());
        return command;
    }

    private static Argument<string> PathArgument() =>
        new("PATH") { Description = "The shelf's database (for dbm.dumb the name without .dat/.dir)." };

    private static Argument<string> KeyArgument() =>
        new("KEY") { Description = "A str literal, e.g. \"'apples'\"." };

    private static Command CreateShow()
    {
        Argument<string> path = PathArgument();
        var command = new Command("show", "Print every entry as repr(key): repr(value), one per line.");
        command.Arguments.Add(path);
        command.SetAction(parse =>
        {
            using Shelf shelf = Shelf.Open(parse.GetRequiredValue(path), "r");
            TextWriter output = parse.InvocationConfiguration.Output;
            foreach (KeyValuePair<string, object?> entry in shelf)
            {
                output.WriteLine($"{PyRepr.Repr(entry.Key)}: {PyRepr.Repr(entry.Value)}");
            }

            return 0;
        });
        return command;
    }

    private static Command CreateKeys()
    {
        Argument<string> path = PathArgument();
        var command = new Command("keys", "Print repr() of every key, one per line.");
        command.Arguments.Add(path);
        command.SetAction(parse =>
        {
            using Shelf shelf = Shelf.Open(parse.GetRequiredValue(path), "r");
            TextWriter output = parse.InvocationConfiguration.Output;
            foreach (string key in shelf.Keys)
            {
                output.WriteLine(PyRepr.Repr(key));
            }

            return 0;
        });
        return command;
    }

    private static Command CreateGet()
    {
        Argument<string> path = PathArgument();
        Argument<string> key = KeyArgument();
        var command = new Command("get", "Print repr() of the value stored under KEY (KeyNotFoundException if absent).");
        command.Arguments.Add(path);
        command.Arguments.Add(key);
        command.SetAction(parse =>
        {
            string k = DbCommandSupport.ParseShelfKey(parse.GetRequiredValue(key));
            using Shelf shelf = Shelf.Open(parse.GetRequiredValue(path), "r");
            parse.InvocationConfiguration.Output.WriteLine(PyRepr.Repr(shelf[k]));
            return 0;
        });
        return command;
    }

    private static Command CreateSet()
    {
        Argument<string> path = PathArgument();
        Argument<string> key = KeyArgument();
        var value = new Argument<string>("VALUE") { Description = "Any Python literal, e.g. \"{'qty': 3, 'tags': ('a', 'b')}\"." };
        var protocol = new Option<int?>("--protocol") { Description = "Pickle protocol 0-5 (default 4, shelve's pickle.DEFAULT_PROTOCOL)." };
        var type = new Option<string>("--type") { Description = "Format of a shelf this creates: sqlite3 (default) or dumb." }
            .AcceptOnlyFromAmong("sqlite3", "dumb");
        var command = new Command("set", "Pickle VALUE and store it under KEY, creating the shelf if needed.");
        command.Arguments.Add(path);
        command.Arguments.Add(key);
        command.Arguments.Add(value);
        command.Options.Add(protocol);
        command.Options.Add(type);
        command.SetAction(parse =>
        {
            string k = DbCommandSupport.ParseShelfKey(parse.GetRequiredValue(key));
            object? v = PyLiteral.Parse(parse.GetRequiredValue(value));
            var options = new ShelfOptions { Backend = parse.GetValue(type) == "dumb" ? DbmBackend.Dumb : DbmBackend.Sqlite3 };
            using Shelf shelf = Shelf.Open(parse.GetRequiredValue(path), "c", parse.GetValue(protocol), options: options);
            shelf[k] = v;
            return 0;
        });
        return command;
    }

    private static Command CreateDel()
    {
        Argument<string> path = PathArgument();
        Argument<string> key = KeyArgument();
        var command = new Command("del", "Delete KEY (KeyNotFoundException if absent).");
        command.Arguments.Add(path);
        command.Arguments.Add(key);
        command.SetAction(parse =>
        {
            string k = DbCommandSupport.ParseShelfKey(parse.GetRequiredValue(key));
            using Shelf shelf = Shelf.Open(parse.GetRequiredValue(path), "w");
            if (!shelf.Remove(k))
            {
                throw new KeyNotFoundException(PyRepr.Repr(k));
            }

            return 0;
        });
        return command;
    }
}

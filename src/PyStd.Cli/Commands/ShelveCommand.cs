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
    private static readonly StoreCommands<Shelf, string> s_store = new(
        "The shelf's database (for dbm.dumb the name without .dat/.dir).",
        "A str literal, e.g. \"'apples'\".",
        DbCommandSupport.ParseShelfKey,
        (path, flag) => Shelf.Open(path, flag));

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

    private static Command CreateShow() =>
        s_store.Print("show", "Print every entry as repr(key): repr(value), one per line.", (shelf, output) =>
        {
            foreach (KeyValuePair<string, object?> entry in shelf)
            {
                output.WriteLine($"{PyRepr.Repr(entry.Key)}: {PyRepr.Repr(entry.Value)}");
            }
        });

    private static Command CreateKeys() => s_store.Keys("Print repr() of every key, one per line.", shelf => shelf.Keys);

    private static Command CreateGet() =>
        s_store.Get("Print repr() of the value stored under KEY (KeyNotFoundException if absent).", (shelf, key) => shelf[key]);

    private static Command CreateSet()
    {
        var value = new Argument<string>("VALUE") { Description = "Any Python literal, e.g. \"{'qty': 3, 'tags': ('a', 'b')}\"." };
        var protocol = new Option<int?>("--protocol") { Description = "Pickle protocol 0-5 (default 4, shelve's pickle.DEFAULT_PROTOCOL)." };
        Option<string> type = DbCommandSupport.TypeOption("Format of a shelf this creates: sqlite3 (default) or dumb.");
        return s_store.Set("Pickle VALUE and store it under KEY, creating the shelf if needed.", value, [protocol, type], (parse, path, key) =>
        {
            object? v = PyLiteral.Parse(parse.GetRequiredValue(value));
            var options = new ShelfOptions { Backend = DbCommandSupport.Backend(parse.GetValue(type)) };
            using Shelf shelf = Shelf.Open(path, "c", parse.GetValue(protocol), options: options);
            shelf[key] = v;
        });
    }

    private static Command CreateDel() =>
        s_store.Del("Delete KEY (KeyNotFoundException if absent).", (shelf, key) =>
        {
            if (!shelf.Remove(key))
            {
                throw new KeyNotFoundException(PyRepr.Repr(key));
            }
        });
}

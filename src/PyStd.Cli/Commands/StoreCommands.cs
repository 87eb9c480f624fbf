using System.CommandLine;
using PyStd.Objects;

namespace PyStd.Cli.Commands;

/// <summary>
/// The subcommands <c>pystd db</c> and <c>pystd shelve</c> share over a store opened from PATH: the PATH and
/// KEY arguments, <c>keys</c>, <c>get</c>, <c>set</c>, <c>del</c>, and commands that print what a store holds.
/// A KEY is parsed before the store is opened, so a bad literal never touches the database.
/// </summary>
/// <typeparam name="TStore">The open store (<c>IDbm</c>, <c>Shelf</c>).</typeparam>
/// <typeparam name="TKey">Its key as parsed from a KEY literal.</typeparam>
/// <param name="pathDescription">Help for PATH.</param>
/// <param name="keyDescription">Help for KEY.</param>
/// <param name="parseKey">Turns a KEY literal into a key, raising the typed error for a literal of the wrong type.</param>
/// <param name="open">Opens the store at a path with a dbm flag (<c>"r"</c>, <c>"w"</c>).</param>
internal sealed class StoreCommands<TStore, TKey>(
    string pathDescription,
    string keyDescription,
    Func<string, TKey> parseKey,
    Func<string, string, TStore> open)
    where TStore : IDisposable
{
    /// <summary>A new PATH argument.</summary>
    public Argument<string> PathArgument() => new("PATH") { Description = pathDescription };

    /// <summary><c>NAME PATH</c>: opens the store read-only and lets <paramref name="print"/> write to the output.</summary>
    public Command Print(string name, string description, Action<TStore, TextWriter> print)
    {
        Argument<string> path = PathArgument();
        var command = new Command(name, description);
        command.Arguments.Add(path);
        command.SetAction(parse =>
        {
            using TStore store = open(parse.GetRequiredValue(path), "r");
            print(store, parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    /// <summary><c>keys PATH</c>: prints <c>repr()</c> of every key, one per line.</summary>
    public Command Keys(string description, Func<TStore, IEnumerable<TKey>> keys) =>
        Print("keys", description, (store, output) =>
        {
            foreach (TKey key in keys(store))
            {
                output.WriteLine(PyRepr.Repr(key));
            }
        });

    /// <summary><c>get PATH KEY</c>: prints <c>repr()</c> of what <paramref name="get"/> finds in the store opened read-only.</summary>
    public Command Get(string description, Func<TStore, TKey, object?> get) =>
        WithKey("get", description, [], (parse, path, key) =>
        {
            using TStore store = open(path, "r");
            parse.InvocationConfiguration.Output.WriteLine(PyRepr.Repr(get(store, key)));
        });

    /// <summary>
    /// <c>set PATH KEY VALUE [options]</c>: <paramref name="set"/> reads VALUE and the options and stores them
    /// (it opens the store itself, as creating one takes options).
    /// </summary>
    public Command Set(string description, Argument<string> value, Option[] options, Action<ParseResult, string, TKey> set) =>
        WithKey("set", description, [value, .. options], set);

    /// <summary><c>del PATH KEY</c>: <paramref name="delete"/> removes the key from the store opened for writing.</summary>
    public Command Del(string description, Action<TStore, TKey> delete) =>
        WithKey("del", description, [], (_, path, key) =>
        {
            using TStore store = open(path, "w");
            delete(store, key);
        });

    /// <summary><c>NAME PATH KEY</c> and <paramref name="more"/>; the action gets the path and the parsed key.</summary>
    private Command WithKey(string name, string description, Symbol[] more, Action<ParseResult, string, TKey> action)
    {
        Argument<string> path = PathArgument();
        var key = new Argument<string>("KEY") { Description = keyDescription };
        var command = new Command(name, description);
        command.Arguments.Add(path);
        command.Arguments.Add(key);
        foreach (Symbol symbol in more)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
                default:
                    throw new ArgumentException($"not an argument or option: {symbol.Name}", nameof(more));
            }
        }

        command.SetAction(parse =>
        {
            TKey k = parseKey(parse.GetRequiredValue(key));
            action(parse, parse.GetRequiredValue(path), k);
            return 0;
        });
        return command;
    }
}

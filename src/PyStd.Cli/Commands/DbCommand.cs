using System.CommandLine;
using PyStd.Dbm;
using PyStd.Dbm.Dump;
using PyStd.Objects;

namespace PyStd.Cli.Commands;

/// <summary>
/// <c>pystd db</c>: dbm databases (CPython's <c>dbm.sqlite3</c> and <c>dbm.dumb</c> formats) from the shell.
/// <list type="bullet">
/// <item><c>whichdb PATH</c> prints <c>repr(dbm.whichdb(PATH))</c>.</item>
/// <item><c>keys PATH</c>, <c>get PATH KEY</c>, <c>set PATH KEY VALUE</c>, <c>del PATH KEY</c>: keys and values are
/// Python literals of <c>str</c> (stored as UTF-8) or <c>bytes</c>; output is the repr of the stored bytes.</item>
/// <item><c>dump PATH [-p] [-o FILE]</c> writes Berkeley DB's <c>db_dump</c> text format; <c>load PATH [--type T] [-T] [FILE]</c>
/// reads it (or <c>db_load -T</c> text) in one batch, so <c>pystd db dump old | pystd db load new</c> migrates.</item>
/// <item><c>verify PATH</c> checks structure and contents; damage is exit code 1 and a precise message.</item>
/// </list>
/// </summary>
public static class DbCommand
{
    // dbm.sqlite3: the file, its write-ahead log and shared memory; dbm.dumb: values, index, backup, crash journal.
    private static readonly string[] s_databaseFileSuffixes = ["", "-wal", "-shm", ".dat", ".dir", ".bak", ".journal", ".dir.tmp"];

    private static readonly StoreCommands<IDbm, byte[]> s_store = new(
        "The database (for dbm.dumb the name without .dat/.dir).",
        "A str or bytes literal, e.g. \"'name'\" or \"b'\\x00k'\".",
        literal => DbCommandSupport.ParseBytes(literal, "key"),
        (path, flag) => PyStd.Dbm.Dbm.Open(path, flag));

    /// <summary>Creates the command, reading the console's standard input for <c>load</c>.</summary>
    /// <returns>The command.</returns>
    public static Command Create() => Create(null);

    /// <summary>Creates the command with the stream <c>load</c> reads when given no file (for tests and hosts).</summary>
    /// <param name="standardInput">Opens the standard input; null for the console's.</param>
    /// <returns>The command.</returns>
    public static Command Create(Func<Stream>? standardInput)
    {
        var command = new Command("db", "dbm databases (dbm.sqlite3, dbm.dumb): whichdb, keys, get, set, del, dump, load, verify.");
        command.Subcommands.Add(CreateWhichDb());
        command.Subcommands.Add(CreateKeys());
        command.Subcommands.Add(CreateGet());
        command.Subcommands.Add(CreateSet());
        command.Subcommands.Add(CreateDel());
        command.Subcommands.Add(CreateDump());
        command.Subcommands.Add(CreateLoad(standardInput));
        command.Subcommands.Add(CreateVerify());
        return command;
    }

    private static Command CreateWhichDb()
    {
        Argument<string> path = s_store.PathArgument();
        var command = new Command("whichdb", "Print repr(dbm.whichdb(PATH)): 'dbm.sqlite3', 'dbm.dumb', 'dbm.gnu', 'dbm.ndbm', '' (unknown) or None (no database).");
        command.Arguments.Add(path);
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(PyRepr.Repr(PyStd.Dbm.Dbm.WhichDb(parse.GetRequiredValue(path))));
            return 0;
        });
        return command;
    }

    private static Command CreateKeys() =>
        s_store.Keys("Print repr() of every key, one per line, in the database's order.", db => db.Keys);

    private static Command CreateGet() =>
        s_store.Get("Print repr() of the bytes stored under KEY (KeyNotFoundException if absent).", (db, key) => db[key]);

    private static Command CreateSet()
    {
        var value = new Argument<string>("VALUE") { Description = "A str or bytes literal." };
        Option<string> type = DbCommandSupport.TypeOption("Format of a database this creates: sqlite3 (default) or dumb.");
        return s_store.Set("Store VALUE under KEY, creating the database if needed.", value, [type], (parse, path, key) =>
        {
            byte[] v = DbCommandSupport.ParseBytes(parse.GetRequiredValue(value), "value");
            CheckType(path, parse.GetValue(type));
            using IDbm db = PyStd.Dbm.Dbm.Open(path, "c", PyStd.Dbm.Dbm.DefaultMode, DbCommandSupport.Backend(parse.GetValue(type)));
            db.Set(key, v);
        });
    }

    private static Command CreateDel() =>
        s_store.Del("Delete KEY (KeyNotFoundException if absent).", (db, key) => db.Delete(key));

    private static Command CreateDump()
    {
        Argument<string> path = s_store.PathArgument();
        var print = new Option<bool>("-p", "--print") { Description = "format=print: printable characters as themselves (db_dump -p)." };
        var btree = new Option<bool>("--btree") { Description = "Write type=btree with records in key order (db_load then builds a btree)." };
        var output = new Option<string>("--output", "-o") { Description = "The file to write; standard output when omitted or -." };
        var command = new Command("dump", "Write the database in Berkeley DB's db_dump format (VERSION=3, type=hash).");
        command.Arguments.Add(path);
        command.Options.Add(print);
        command.Options.Add(btree);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            using IDbm db = PyStd.Dbm.Dbm.Open(parse.GetRequiredValue(path), "r");
            var header = new DbDumpHeader
            {
                Format = parse.GetValue(print) ? DbDumpFormat.Print : DbDumpFormat.ByteValue,
                Type = parse.GetValue(btree) ? "btree" : "hash",
            };
            string? file = parse.GetValue(output);
            bool toFile = file is not null && file != "-";
            long total = db.Count;
            bool show = DbCommandSupport.ShowProgress(parse, !toFile && DbCommandSupport.IsPipe(1), total);
            if (!toFile && show && !Console.IsOutputRedirected)
            {
                show = false; // the dump itself is on the terminal
            }

            using Stream stream = toFile ? new FileStream(file!, FileMode.Create, FileAccess.Write, FileShare.Read, 1) : DbCommandSupport.OpenOutput(parse);
            DbCommandSupport.WithProgress(show, $"dump {db.Path}", total, report =>
                DbDump.Dump(db, stream, header, new SyncProgress(report)));
            return 0;
        });
        return command;
    }

    private static Command CreateLoad(Func<Stream>? standardInput)
    {
        Argument<string> path = s_store.PathArgument();
        var input = new Argument<string>("FILE")
        {
            Description = "The dump to read; standard input when omitted or -.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option<string> type = DbCommandSupport.TypeOption("Format of a database this creates: sqlite3 (default) or dumb.");
        var plain = new Option<bool>("-T", "--text") { Description = "Read db_load -T plain text: a key line, then a value line; \\\\ and \\xx escapes." };
        var database = new Option<string>("--database", "-s") { Description = "Load the sub-database NAME of a dump holding several." };
        var command = new Command("load", "Load a db_dump (or -T text) into a database in one batch, creating it if needed; existing keys are overwritten.");
        command.Arguments.Add(path);
        command.Arguments.Add(input);
        command.Options.Add(type);
        command.Options.Add(plain);
        command.Options.Add(database);
        command.SetAction(parse =>
        {
            string p = parse.GetRequiredValue(path);
            string? file = parse.GetValue(input);
            bool fromFile = file is not null && file != "-";
            var options = new DbLoadOptions { PlainText = parse.GetValue(plain), Database = parse.GetValue(database) };
            using Stream stream = fromFile
                ? new FileStream(file!, FileMode.Open, FileAccess.Read, FileShare.Read, 1)
                : standardInput?.Invoke() ?? DbCommandSupport.OpenStandardInput();
            CheckType(p, parse.GetValue(type));
            string[] created = NewFiles(p);
            try
            {
                using IDbm db = PyStd.Dbm.Dbm.Open(p, "c", PyStd.Dbm.Dbm.DefaultMode, DbCommandSupport.Backend(parse.GetValue(type)));
                long total = stream.CanSeek ? stream.Length : 0;
                bool show = DbCommandSupport.ShowProgress(parse, !fromFile && DbCommandSupport.IsPipe(0), total);
                DbCommandSupport.WithProgress(show, $"load {p}", total, report =>
                    DbDump.Load(stream, db, options, show ? new SyncProgress(_ => report(stream.Position)) : null));
            }
            catch
            {
                // A failed load stores nothing (one batch); a database it created is removed again.
                foreach (string leftover in created)
                {
                    File.Delete(leftover);
                }

                throw;
            }

            return 0;
        });
        return command;
    }

    private static Command CreateVerify()
    {
        Argument<string> path = s_store.PathArgument();
        var command = new Command("verify", "Check a database's structure and contents; exit code 1 and the problems found on damage.");
        command.Arguments.Add(path);
        command.SetAction(parse =>
        {
            DbmVerifyResult result = DbmVerifier.Verify(parse.GetRequiredValue(path));
            TextWriter output = parse.InvocationConfiguration.Output;
            foreach (string note in result.Notes)
            {
                output.WriteLine($"note: {note}");
            }

            if (!result.IsValid)
            {
                foreach (string problem in result.Problems)
                {
                    output.WriteLine($"damaged: {problem}");
                }

                string more = result.Problems.Count > 1 ? $" (and {result.Problems.Count - 1} more problems above)" : "";
                throw new DbmException($"verify failed: {result.Problems[0]}{more}");
            }

            output.WriteLine($"ok: {result.Path}: {result.Backend}, {result.Records} records");
            return 0;
        });
        return command;
    }

    /// <summary>The files of a database at <paramref name="path"/> (either backend) that do not exist yet.</summary>
    private static string[] NewFiles(string path) =>
        [.. s_databaseFileSuffixes.Select(suffix => path + suffix).Where(file => !Path.Exists(file))];

    /// <summary>--type applies to new databases only; naming another format for an existing one is a mistake worth saying.</summary>
    private static void CheckType(string path, string? type)
    {
        if (type is null)
        {
            return;
        }

        string? existing = PyStd.Dbm.Dbm.WhichDb(path);
        string wanted = type == "dumb" ? "dbm.dumb" : "dbm.sqlite3";
        if (!string.IsNullOrEmpty(existing) && existing != wanted)
        {
            throw new DbmException(path, $"the database exists as {existing}; --type {type} applies only to new databases", null);
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

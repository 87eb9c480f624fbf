using System.Diagnostics;
using System.Text;
using PyStd.Cli.Commands;
using PyStd.Tests.Python;

namespace PyStd.Tests.Cli;

/// <summary>
/// <c>pystd db</c>: whichdb, keys/get/set/del, dump/load and verify against databases python3 writes and
/// reads, the <c>dump | load</c> migration as real processes, progress on a terminal only, errors as one line.
/// </summary>
public sealed class DbCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pystd-db-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliTests.Run(args);

    private static (int Code, string Out, string Err) RunWithInput(byte[] stdin, params string[] args) =>
        CliTests.Run(DbCommand.Create(() => new MemoryStream(stdin)), args);

    /// <summary>Python source run in the test's directory (cwd), with dbm/sqlite3 helpers imported.</summary>
    private string Python(string body) => PythonRunner.RunSource(
        "import os, sys, dbm, dbm.dumb, sqlite3, struct\n" +
        $"os.chdir({PyStd.Objects.PyRepr.Repr(_dir)})\n" +
        "SCHEMA = 'CREATE TABLE IF NOT EXISTS Dict (key BLOB UNIQUE NOT NULL, value BLOB NOT NULL)'\n" +
        "def sqlite_db(path, items):\n" +
        "    cx = sqlite3.connect(path, isolation_level=None)\n" +
        "    cx.execute('PRAGMA journal_mode = wal')\n" +
        "    cx.execute(SCHEMA)\n" +
        "    for k, v in items:\n" +
        "        cx.execute('REPLACE INTO Dict (key, value) VALUES (CAST(? AS BLOB), CAST(? AS BLOB))', (k, v))\n" +
        "    cx.close()\n" +
        body);

    [Fact]
    public void Whichdb_prints_what_python3s_dbm_whichdb_returns()
    {
        // CPython 3.13 added one rule to 3.11's whichdb (the python3 here): "SQLite format 3\0" -> 'dbm.sqlite3'.
        string expected = Python("""
            d = dbm.dumb.open('dumb', 'c'); d[b'k'] = b'v'; d.close()
            d = dbm.dumb.open('dumbempty', 'n'); d.close()
            sqlite_db('sq', [(b'k', b'v')])
            open('gdbm', 'wb').write(struct.pack('=l', 0x13579ace) + bytes(60))
            open('ndbm.pag', 'wb').close(); open('ndbm.dir', 'wb').close()
            open('onlydat.dat', 'wb').close()
            open('empty', 'wb').close()
            open('short', 'wb').write(b'abc')
            open('garbage', 'wb').write(b'not a database at all')
            os.mkdir('adir')
            def whichdb313(p):
                r = dbm.whichdb(p)
                if r == '' and open(p, 'rb').read(16) == b'SQLite format 3\0':
                    return 'dbm.sqlite3'
                return r
            for name in ['dumb', 'dumbempty', 'sq', 'gdbm', 'ndbm', 'onlydat', 'empty', 'short', 'garbage', 'adir', 'missing']:
                print(name, repr(whichdb313(name)))
            """);

        var ours = new StringBuilder();
        foreach (string name in new[] { "dumb", "dumbempty", "sq", "gdbm", "ndbm", "onlydat", "empty", "short", "garbage", "adir", "missing" })
        {
            var (code, output, error) = Run("db", "whichdb", P(name));
            Assert.True(code == 0, error);
            ours.Append(name).Append(' ').Append(output);
        }

        Assert.Equal(expected, ours.ToString());
        Assert.Contains("sq 'dbm.sqlite3'\n", expected, StringComparison.Ordinal);
        Assert.Contains("missing None\n", expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dumb")]
    [InlineData("sqlite3")]
    public void Keys_and_get_print_the_reprs_python3_prints_for_its_database(string kind)
    {
        string expected = Python($$"""
            items = [(b'plain', b'value'), ('str key é'.encode(), 'välue 🐍'.encode()), (bytes(range(256)), b''),
                     (b"quote'\"\\", bytes(range(255, -1, -1))), (b'', b'empty key')]
            if '{{kind}}' == 'dumb':
                d = dbm.dumb.open('db', 'c')
                for k, v in items: d[k] = v
                d.close()
                d = dbm.dumb.open('db', 'r')
                keys = list(d.keys()); values = [d[k] for k in keys]
            else:
                sqlite_db('db', items)
                # Lib/dbm/sqlite3.py (3.13): keys() and iteration run ITER_KEYS, lookups LOOKUP_KEY.
                cx = sqlite3.connect('db')
                keys = [k for k, in cx.execute('SELECT key FROM Dict')]
                values = [cx.execute('SELECT value FROM Dict WHERE key = CAST(? AS BLOB)', (k,)).fetchone()[0] for k in keys]
            for k in keys: print(repr(k))
            print('--')
            for v in values: print(repr(v))
            """);
        string[] parts = expected.Split("--\n");
        string[] keys = PythonRunner.SplitLines(parts[0]);

        var (code, output, error) = Run("db", "keys", P("db"));
        Assert.True(code == 0, error);
        Assert.Equal(parts[0], output);

        var values = new StringBuilder();
        foreach (string key in keys)
        {
            var (c, o, e) = Run("db", "get", P("db"), key);
            Assert.True(c == 0, e);
            values.Append(o);
        }

        Assert.Equal(parts[1], values.ToString());
    }

    [Theory]
    [InlineData("dumb")]
    [InlineData("sqlite3")]
    public void Set_and_del_write_what_python3_reads(string kind)
    {
        string db = P("mine");
        Assert.Equal(0, Run("db", "set", "--type", kind, db, "'name'", "'Ada Lovelace'").Code);
        Assert.Equal(0, Run("db", "set", db, "b'\\x00\\xff'", "b'binary\\n'").Code);
        Assert.Equal(0, Run("db", "set", db, "'gone'", "'soon'").Code);
        Assert.Equal(0, Run("db", "set", db, "'name'", "'Ada, Countess'").Code);
        Assert.Equal(0, Run("db", "del", db, "'gone'").Code);

        string read = Python(kind == "dumb"
            ? "d = dbm.dumb.open('mine', 'r')\nfor k in sorted(d.keys()): print(repr(k), repr(d[k]))\n"
            : "cx = sqlite3.connect('mine')\nfor k, v in sorted(cx.execute('SELECT key, value FROM Dict')): print(repr(k), repr(v))\n");

        Assert.Equal("b'\\x00\\xff' b'binary\\n'\nb'name' b'Ada, Countess'\n", read);
        Assert.Equal($"'dbm.{kind}'\n", Run("db", "whichdb", db).Out);
    }

    [Fact]
    public void Errors_are_one_line_with_exit_code_1()
    {
        Assert.Equal(0, Run("db", "set", P("e"), "'k'", "'v'").Code);
        foreach (var (args, expected) in new (string[], string)[]
        {
            (["db", "get", P("e"), "'nope'"], "pystd: KeyNotFoundException: b'nope'"),
            (["db", "del", P("e"), "b'nope'"], "pystd: KeyNotFoundException: b'nope'"),
            (["db", "get", P("missing"), "'k'"], $"pystd: DbmException: {P("missing")}: db file doesn't exist"),
            (["db", "get", P("e"), "42"], "pystd: PyTypeException: keys must be bytes or strings, not int"),
            (["db", "set", P("e"), "'k'", "[1]"], "pystd: PyTypeException: values must be bytes or strings, not list"),
            (["db", "get", P("e"), "unquoted"], "pystd: LiteralSyntaxException:"),
            (["db", "set", "--type", "dumb", P("e"), "'k'", "'v'"], $"pystd: DbmException: {P("e")}: the database exists as dbm.sqlite3"),
        })
        {
            var (code, output, error) = Run(args);
            Assert.Equal(1, code);
            Assert.Equal("", output);
            Assert.StartsWith(expected, error, StringComparison.Ordinal);
            Assert.Single(PythonRunner.SplitLines(error));
        }
    }

    [Fact]
    public void Dump_writes_the_db_dump_format_and_load_reads_it_back_from_standard_input()
    {
        string source = P("src");
        Run("db", "set", "--type", "dumb", source, "'k'", "b'\\x00v\\\\'");
        var (code, dump, error) = Run("db", "dump", "-p", source);
        Assert.True(code == 0, error);
        Assert.Equal("VERSION=3\nformat=print\ntype=hash\ndb_pagesize=4096\nHEADER=END\n k\n \\00v\\\\\nDATA=END\n", dump);
        Assert.Equal("VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize=4096\nHEADER=END\n 6b\n 00765c\nDATA=END\n", Run("db", "dump", source).Out);

        var (loadCode, _, loadError) = RunWithInput(Encoding.ASCII.GetBytes(dump), "db", "load", P("copy"));
        Assert.True(loadCode == 0, loadError);
        Assert.Equal("b'\\x00v\\\\'\n", Run("db", "get", P("copy"), "'k'").Out);
        Assert.Equal("'dbm.sqlite3'\n", Run("db", "whichdb", P("copy")).Out);

        var (textCode, _, textError) = RunWithInput("a\nb\\41\n"u8.ToArray(), "db", "load", "-T", "--type", "dumb", P("text"));
        Assert.True(textCode == 0, textError);
        Assert.Equal("b'bA'\n", Run("db", "get", P("text"), "'a'").Out);

        var (badCode, _, badError) = RunWithInput("VERSION=3\ntype=hash\nHEADER=END\n 6b\n"u8.ToArray(), "db", "load", P("copy"));
        Assert.Equal(1, badCode);
        Assert.Equal("pystd: DbDumpFormatException: line 4: the input ends before DATA=END (truncated?)\n", badError);
        Assert.Equal("b'k'\n", Run("db", "keys", P("copy")).Out);

        foreach (string type in new[] { "sqlite3", "dumb" })
        {
            var (freshCode, _, _) = RunWithInput("VERSION=3\ntype=hash\nHEADER=END\n 6b\n 76\n"u8.ToArray(), "db", "load", "--type", type, P("fresh"));
            Assert.Equal(1, freshCode);
            Assert.Equal("None\n", Run("db", "whichdb", P("fresh")).Out);
            Assert.Empty(Directory.GetFiles(_dir, "fresh*"));
        }
    }

    [Fact]
    public void Dump_piped_into_load_migrates_between_backends_as_real_processes_without_progress_output()
    {
        // 25,000 records: past the progress threshold, so only the pipe keeps the commands quiet.
        var text = new StringBuilder();
        for (int i = 0; i < 25_000; i++)
        {
            text.Append("key").Append(i).Append('\n').Append("value \\00\\ff ").Append(i).Append('\n');
        }

        File.WriteAllText(P("records.txt"), text.ToString());
        Assert.Equal(0, Run("db", "load", "-T", "--type", "dumb", P("old"), P("records.txt")).Code);

        var (code, output, error) = Shell($"'{Pystd}' db dump '{P("old")}' | '{Pystd}' db load '{P("new")}' && '{Pystd}' db dump -p '{P("new")}' | '{Pystd}' db load --type dumb '{P("back")}'");
        Assert.True(code == 0, error);
        Assert.Equal("", output);
        Assert.Equal("", error);

        Assert.Equal("'dbm.sqlite3'\n", Run("db", "whichdb", P("new")).Out);
        Assert.Equal("'dbm.dumb'\n", Run("db", "whichdb", P("back")).Out);
        Assert.Equal("b'value \\x00\\xff 24999'\n", Run("db", "get", P("new"), "'key24999'").Out);
        string[] oldKeys = PythonRunner.SplitLines(Run("db", "keys", P("old")).Out);
        string[] backKeys = PythonRunner.SplitLines(Run("db", "keys", P("back")).Out);
        Assert.Equal(25_000, oldKeys.Length);
        Assert.Equal(oldKeys.Order(StringComparer.Ordinal), backKeys.Order(StringComparer.Ordinal));
        Assert.Equal(Run("db", "dump", "--btree", P("old")).Out, Run("db", "dump", "--btree", P("back")).Out);
    }

    [Fact]
    public void A_long_dump_draws_a_progress_bar_on_a_terminal()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 30_000; i++)
        {
            text.Append('k').Append(i).Append("\nv\n");
        }

        File.WriteAllText(P("big.txt"), text.ToString());
        Assert.Equal(0, Run("db", "load", "-T", P("big"), P("big.txt")).Code);

        // python3's pty module gives the child a real terminal for standard error (and output).
        string screen = PythonRunner.RunSource($$"""
            import os, pty, sys
            pid, fd = pty.fork()
            if pid == 0:
                os.environ['TERM'] = 'xterm'
                os.environ.pop('PYSTD_NO_PROGRESS', None)
                os.execv({{PyStd.Objects.PyRepr.Repr(Pystd)}}, ['pystd', 'db', 'dump', {{PyStd.Objects.PyRepr.Repr(P("big"))}}, '-o', {{PyStd.Objects.PyRepr.Repr(P("big.dump"))}}])
            out = b''
            while True:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            _, status = os.waitpid(pid, 0)
            print(os.waitstatus_to_exitcode(status))
            print(repr(out))
            """);
        string[] lines = PythonRunner.SplitLines(screen);
        Assert.Equal("0", lines[0]);
        Assert.Contains("dump ", lines[1], StringComparison.Ordinal);
        Assert.Contains("%", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("DATA=END\n", File.ReadAllText(P("big.dump")), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_passes_a_sound_database_and_fails_a_damaged_one_with_a_precise_message()
    {
        Run("db", "set", "--type", "dumb", P("v"), "'k'", "'value'");
        var (code, output, error) = Run("db", "verify", P("v"));
        Assert.True(code == 0, error);
        Assert.Equal($"ok: {P("v")}: dbm.dumb, 1 records\n", output);

        File.WriteAllText(P("v.dir"), "'k', (0, 5)\n'lost', (512, 9)\n");
        var (badCode, badOutput, badError) = Run("db", "verify", P("v"));
        Assert.Equal(1, badCode);
        Assert.StartsWith("pystd: DbmException: verify failed: ", badError, StringComparison.Ordinal);
        Assert.Single(PythonRunner.SplitLines(badError));
        Assert.Contains("damaged: ", badOutput, StringComparison.Ordinal);

        File.WriteAllBytes(P("zero"), []);
        var (zeroCode, _, zeroError) = Run("db", "verify", P("zero"));
        Assert.Equal(1, zeroCode);
        Assert.StartsWith($"pystd: DbmException: verify failed: {P("zero")}: ", zeroError, StringComparison.Ordinal);
    }

    private static string Pystd => Path.Combine(AppContext.BaseDirectory, "pystd");

    private static (int Code, string Out, string Err) Shell(string script)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        using Process process = Process.Start(psi)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}

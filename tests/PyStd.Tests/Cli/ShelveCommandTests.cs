using PyStd.Tests.Python;

namespace PyStd.Tests.Cli;

/// <summary><c>pystd shelve</c> against shelves python3's <c>shelve</c> writes and reads.</summary>
public sealed class ShelveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pystd-shelve-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliTests.Run(args);

    // Values whose repr does not depend on hash randomisation (no sets of str).
    private const string Values = """
        VALUES = {
            'apples': {'qty': 3, 'price': 0.5, 'tags': ['fruit', 'red'], 'origin': ('NZ', None)},
            'empty': {},
            'text': 'Żółw 🐢 \'quoted\' "double"',
            'raw': bytes(range(0, 256, 7)),
            'numbers': [0, -1, 2**70, 1.5e300, float('inf'), -0.0, 1e-7, True, False],
            'nested': [[[]], ((), (1,)), {'k': {'k2': [None]}}],
            'ints': {3, 1, 2},
            'frozen': frozenset([10, 20]),
            'complex': complex(1, -2),
            'bytearray': bytearray(b'\x00ab'),
            'ключ': 'non-ASCII key',
        }
        """;

    [Theory]
    [InlineData("dumb")]
    [InlineData("sqlite3")]
    public void Show_prints_repr_key_colon_repr_value_as_python3_does(string kind)
    {
        string expected = PythonRunner.RunSource($$"""
            import os, shelve, dbm.dumb, pickle, sqlite3
            os.chdir({{PyStd.Objects.PyRepr.Repr(_dir)}})
            {{Values}}
            if '{{kind}}' == 'dumb':
                with shelve.Shelf(dbm.dumb.open('shelf', 'c')) as s:
                    for k, v in VALUES.items(): s[k] = v
                s = shelve.Shelf(dbm.dumb.open('shelf', 'r'))
            else:
                # What CPython 3.13's shelve.open writes through dbm.sqlite3 (this python3 is 3.11).
                cx = sqlite3.connect('shelf', isolation_level=None)
                cx.execute('PRAGMA journal_mode = wal')
                cx.execute('CREATE TABLE IF NOT EXISTS Dict (key BLOB UNIQUE NOT NULL, value BLOB NOT NULL)')
                for k, v in VALUES.items():
                    cx.execute('REPLACE INTO Dict (key, value) VALUES (CAST(? AS BLOB), CAST(? AS BLOB))', (k.encode(), pickle.dumps(v, pickle.DEFAULT_PROTOCOL)))
                # shelve iterates dbm.sqlite3's keys: ITER_KEYS of Lib/dbm/sqlite3.py.
                s = {k.decode(): pickle.loads(v) for k, v in
                     ((k, cx.execute('SELECT value FROM Dict WHERE key = CAST(? AS BLOB)', (k,)).fetchone()[0])
                      for k, in cx.execute('SELECT key FROM Dict').fetchall())}
                cx.close()
            for k in s:
                print(repr(k) + ': ' + repr(s[k]))
            """);

        var (code, output, error) = Run("shelve", "show", P("shelf"));
        Assert.True(code == 0, error);
        Assert.Equal(expected, output);
        Assert.Equal(11, PythonRunner.SplitLines(output).Length);

        var (keysCode, keys, _) = Run("shelve", "keys", P("shelf"));
        Assert.Equal(0, keysCode);
        Assert.Equal(PythonRunner.SplitLines(expected).Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)]), PythonRunner.SplitLines(keys));
        Assert.Equal("{'qty': 3, 'price': 0.5, 'tags': ['fruit', 'red'], 'origin': ('NZ', None)}\n", Run("shelve", "get", P("shelf"), "'apples'").Out);
    }

    [Theory]
    [InlineData("dumb")]
    [InlineData("sqlite3")]
    public void Set_and_del_write_a_shelf_python3_reads(string kind)
    {
        const string Literal = "{'id': 7, 'name': 'Ada', 'scores': (9.5, 8.25), 'raw': b'\\x00', 'big': 123456789012345678901234567890}";
        string shelf = P("mine");
        Assert.Equal(0, Run("shelve", "set", "--type", kind, shelf, "'user'", Literal).Code);
        Assert.Equal(0, Run("shelve", "set", shelf, "'gone'", "[1, 2]").Code);
        Assert.Equal(0, Run("shelve", "set", "--protocol", "2", shelf, "'count'", "42").Code);
        Assert.Equal(0, Run("shelve", "del", shelf, "'gone'").Code);

        string read = PythonRunner.RunSource($$"""
            import os, shelve, dbm.dumb, pickle, sqlite3
            os.chdir({{PyStd.Objects.PyRepr.Repr(_dir)}})
            if '{{kind}}' == 'dumb':
                s = shelve.Shelf(dbm.dumb.open('mine', 'r'))
                items = {k: s[k] for k in s}
            else:
                cx = sqlite3.connect('mine')
                items = {k.decode(): pickle.loads(v) for k, v in cx.execute('SELECT key, value FROM Dict')}
            for k in sorted(items): print(repr(k), repr(items[k]))
            """);
        string expectedUser = PythonRunner.RunSource($"print(repr({Literal}))");

        Assert.Equal($"'count' 42\n'user' {expectedUser}", read);
    }

    [Fact]
    public void Errors_are_one_line_with_exit_code_1()
    {
        Assert.Equal(0, Run("shelve", "set", P("s"), "'k'", "1").Code);
        foreach (var (args, expected) in new (string[], string)[]
        {
            (["shelve", "get", P("s"), "'nope'"], "pystd: KeyNotFoundException: 'nope'"),
            (["shelve", "del", P("s"), "'nope'"], "pystd: KeyNotFoundException: 'nope'"),
            (["shelve", "get", P("s"), "b'k'"], "pystd: PyTypeException: shelf keys must be str, not bytes"),
            (["shelve", "show", P("missing")], $"pystd: DbmException: {P("missing")}: db file doesn't exist"),
            (["shelve", "set", P("s"), "'k'", "{1: "], "pystd: LiteralSyntaxException:"),
        })
        {
            var (code, output, error) = Run(args);
            Assert.Equal(1, code);
            Assert.Equal("", output);
            Assert.StartsWith(expected, error, StringComparison.Ordinal);
            Assert.Single(PythonRunner.SplitLines(error));
        }
    }
}

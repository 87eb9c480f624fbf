namespace PyStd.Dbm.Tests;

/// <summary>Dbm.WhichDb against python3's dbm.whichdb over every kind of file it distinguishes.</summary>
public class WhichDbTests
{
    [Fact]
    public void Answers_as_cpython_for_every_kind_of_file()
    {
        using var dir = new TempDir();
        var paths = new List<string>();
        string Add(string name)
        {
            string p = dir.Path(name);
            paths.Add(p);
            return p;
        }

        using (IDbm db = Dbm.Open(Add("sqlite.db"), "c"))
        {
            db["a"] = "b"u8.ToArray();
        }

        using (IDbm db = Dbm.Open(Add("dumb"), "c", Dbm.DefaultMode, DbmBackend.Dumb))
        {
            db["a"] = "b"u8.ToArray();
        }

        string emptyDumb = Add("emptydumb");
        File.WriteAllBytes(emptyDumb + ".dat", []);
        File.WriteAllBytes(emptyDumb + ".dir", []);
        string dq = Add("dquote");
        File.WriteAllBytes(dq + ".dat", []);
        File.WriteAllText(dq + ".dir", "\"it's\", (0, 0)\n");
        string notDumb = Add("notdumb");
        File.WriteAllBytes(notDumb + ".dat", []);
        File.WriteAllText(notDumb + ".dir", "garbage");
        string ndbm = Add("ndbm");
        File.WriteAllBytes(ndbm + ".pag", []);
        File.WriteAllBytes(ndbm + ".dir", []);
        foreach ((string name, uint magic) in new[] { ("gdbm1", 0x13579aceu), ("gdbm2", 0x13579acdu), ("gdbm3", 0x13579acfu) })
        {
            byte[] b = new byte[64];
            BitConverter.TryWriteBytes(b, magic);
            File.WriteAllBytes(Add(name), b);
        }

        byte[] bdb = new byte[64];
        BitConverter.TryWriteBytes(bdb.AsSpan(12), 0x061561u);
        File.WriteAllBytes(Add("bdbhash"), bdb);
        File.WriteAllBytes(Add("empty"), []);
        File.WriteAllBytes(Add("short"), [1, 2, 3]);
        File.WriteAllBytes(Add("sqliteshort"), "SQLite format"u8.ToArray());
        File.WriteAllText(Add("garbage"), "hello world, not a database");
        Add("missing");
        Directory.CreateDirectory(Add("adirectory"));

        string[] expected = DbmCases.Run(["whichdb", .. paths]);
        string[] ours = [.. paths.Select(p => Dbm.WhichDb(p) is { } w ? $"'{w}'" : "None")];
        Assert.Equal(expected, ours);
        Assert.Contains("'dbm.sqlite3'", ours);
        Assert.Contains("'dbm.gnu'", ours);
        Assert.Contains("'dbm.ndbm'", ours);
    }
}

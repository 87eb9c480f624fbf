namespace PyStd.Dbm.Tests;

/// <summary>Missing, empty, truncated and garbage files, closed and read-only databases: a
/// DbmException naming the path and the problem, and nothing on disk touched.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("r")]
    [InlineData("w")]
    public void A_missing_database_gives_cpythons_message(string flag)
    {
        using var dir = new TempDir();
        string path = dir.Path("nope");
        var e = Assert.Throws<DbmException>(() => Dbm.Open(path, flag));
        Assert.Equal($"{path}: db file doesn't exist; use 'c' or 'n' flag to create a new db", e.Message);
        Assert.Equal("dbm.error", e.PythonName);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("r")]
    [InlineData("c")]
    public void A_zero_length_file_is_refused_and_left_alone(string flag)
    {
        using var dir = new TempDir();
        string path = dir.Path("empty.db");
        File.WriteAllBytes(path, []);
        var e = Assert.Throws<DbmException>(() => Dbm.Open(path, flag));
        Assert.StartsWith($"{path}: db type could not be determined: the file is empty (0 bytes)", e.Message);
        Assert.Equal(0, new FileInfo(path).Length);
        Assert.False(DbmVerifier.Verify(path).IsValid);
    }

    [Fact]
    public void Garbage_and_short_files_say_what_they_are()
    {
        using var dir = new TempDir();
        string garbage = dir.Path("g");
        File.WriteAllText(garbage, "this is not a database at all");
        Assert.Contains("unknown file format (first bytes 7468697320697320)", Assert.Throws<DbmException>(() => Dbm.Open(garbage, "c")).Message);
        string shortFile = dir.Path("s");
        File.WriteAllBytes(shortFile, [1, 2]);
        Assert.Contains("only 2 bytes long", Assert.Throws<DbmException>(() => Dbm.Open(shortFile)).Message);
        string gdbm = dir.Path("gdbm");
        File.WriteAllBytes(gdbm, [0xce, 0x9a, 0x57, 0x13, 0, 0, 0, 0]);
        Assert.Equal($"{gdbm}: db type is dbm.gnu, but the module is not available: no backend yet for dbm.gnu", Assert.Throws<DbmException>(() => Dbm.Open(gdbm)).Message);
        string bdb = dir.Path("bdb");
        byte[] header = new byte[512];
        BitConverter.TryWriteBytes(header.AsSpan(12), 0x061561u);
        File.WriteAllBytes(bdb, header);
        Assert.Contains("Berkeley DB hash file; no backend yet for Berkeley DB", Assert.Throws<DbmException>(() => Dbm.Open(bdb)).Message);
    }

    [Fact]
    public void A_truncated_sqlite_file_names_the_damage()
    {
        using var dir = new TempDir();
        string good = dir.Path("good.db");
        using (IDbm db = Dbm.Open(good, "c"))
        {
            using IDbmBatch batch = db.BeginBatch();
            for (int i = 0; i < 2000; i++)
            {
                batch.Set(BitConverter.GetBytes(i), new byte[200]);
            }

            batch.Commit();
        }

        byte[] all = File.ReadAllBytes(good);
        string cut = dir.Path("cut.db");
        File.WriteAllBytes(cut, all[..(all.Length / 3)]);
        DbmVerifyResult result = DbmVerifier.Verify(cut);
        Assert.False(result.IsValid);
        Assert.StartsWith(cut + ": ", result.Problems[0]);
        var e = Assert.ThrowsAny<DbmException>(() =>
        {
            using IDbm db = Dbm.Open(cut, "r");
            _ = db.Count;
            foreach (KeyValuePair<byte[], byte[]> item in db)
            {
            }
        });
        Assert.StartsWith(cut + ": ", e.Message);
        Assert.Contains("malformed", e.Message);

        string header = dir.Path("header.db");
        File.WriteAllBytes(header, all[..10]);
        Assert.Contains("truncated SQLite file (10 bytes", Assert.Throws<DbmException>(() => Dbm.Open(header)).Message);

        string garbage = dir.Path("garbage.db");
        byte[] g = new byte[4096];
        "SQLite format 3\0"u8.CopyTo(g);
        new System.Random(1).NextBytes(g.AsSpan(16));
        File.WriteAllBytes(garbage, g);
        Assert.StartsWith(garbage + ": ", Assert.Throws<DbmException>(() => Dbm.Open(garbage, "w")).Message);
        Assert.Equal(g, File.ReadAllBytes(garbage));
    }

    [Fact]
    public void A_sqlite_file_without_the_dict_table_is_refused_for_reading()
    {
        using var dir = new TempDir();
        string path = dir.Path("other.db");
        using (IDbm db = Dbm.Open(path, "c"))
        {
        }

        using (var cx = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            cx.Open();
            using var cmd = cx.CreateCommand();
            cmd.CommandText = "DROP TABLE Dict; CREATE TABLE t(x)";
            cmd.ExecuteNonQuery();
        }

        Assert.Contains("it has no table Dict", Assert.Throws<DbmException>(() => Dbm.Open(path, "r")).Message);
    }

    [Fact]
    public void Dumb_damage_is_reported_with_file_line_and_key()
    {
        using var dir = new TempDir();
        string path = dir.Path("d");
        using (IDbm db = Dbm.Open(path, "c", Dbm.DefaultMode, DbmBackend.Dumb))
        {
            for (int i = 0; i < 50; i++)
            {
                db.Set($"k{i}", new string('x', 700));
            }
        }

        Assert.True(DbmVerifier.Verify(path).IsValid);
        byte[] dat = File.ReadAllBytes(path + ".dat");
        File.WriteAllBytes(path + ".dat", dat[..(dat.Length - 1000)]);
        var e = Assert.Throws<DbmException>(() => Dbm.Open(path));
        Assert.Contains($"{path}: data file {path}.dat is truncated", e.Message);
        DbmVerifyResult truncated = DbmVerifier.Verify(path);
        Assert.Contains(truncated.Problems, p => p.Contains("is truncated: key b'k49'", StringComparison.Ordinal));
        File.WriteAllBytes(path + ".dat", dat);

        string dirText = File.ReadAllText(path + ".dir", System.Text.Encoding.Latin1);
        File.WriteAllText(path + ".dir", dirText[..(dirText.Length - 4)], System.Text.Encoding.Latin1);
        e = Assert.Throws<DbmException>(() => Dbm.Open(path, "w"));
        Assert.Contains($"corrupt index {path}.dir line 50", e.Message);
        Assert.Contains("the file was truncated", e.Message);
        Assert.False(DbmVerifier.Verify(path).IsValid);
    }

    [Fact]
    public void Orphaned_dumb_data_is_not_buried_under_a_new_database()
    {
        using var dir = new TempDir();
        string path = dir.Path("d");
        using (IDbm db = Dbm.Open(path, "c", Dbm.DefaultMode, DbmBackend.Dumb))
        {
            db["k"] = "v"u8.ToArray();
        }

        File.Delete(path + ".dir");
        Assert.Contains("no index", Assert.Throws<DbmException>(() => Dbm.Open(path, "c")).Message);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData(DbmBackend.Sqlite3)]
    [InlineData(DbmBackend.Dumb)]
    public void Closed_and_read_only_databases_refuse_with_cpythons_messages(DbmBackend backend)
    {
        using var dir = new TempDir();
        string path = dir.Path("x");
        IDbm db = Dbm.Open(path, "c", Dbm.DefaultMode, backend);
        db["k"] = "v"u8.ToArray();
        Assert.Equal("b'nope'", Assert.Throws<KeyNotFoundException>(() => db["nope"]).Message);
        Assert.Throws<KeyNotFoundException>(() => db.Delete("nope"u8));
        db.Close();
        db.Close();
        Assert.Equal($"{path}: DBM object has already been closed", Assert.Throws<DbmException>(() => db["k"]).Message);
        Assert.Throws<DbmException>(() => db.Count);
        Assert.Throws<DbmException>(() => db.Set("a"u8, "b"u8));

        using IDbm ro = Dbm.Open(path, "r");
        Assert.True(ro.IsReadOnly);
        Assert.Equal("v"u8.ToArray(), ro["k"]);
        var e = Assert.Throws<DbmException>(() => ro["k"] = [1]);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Throws<DbmException>(() => ro.Remove("k"u8));
        Assert.Throws<ArgumentException>(() => Dbm.Open(path, "x"));
    }
}

namespace PyStd.Dbm.Tests;

/// <summary>dbm.sqlite3 against CPython 3.13's statements run by python3's sqlite3 module.</summary>
public class SqliteDifferentialTests
{
    [Fact]
    public void Python_reads_ours_and_we_read_pythons_with_the_same_contents()
    {
        using var dir = new TempDir();
        string ops = dir.Path("ops.txt");
        DbmCases.Run("gen", ops, "5", "3000");
        string theirs = dir.Path("theirs.db");
        string ours = dir.Path("ours.db");
        DbmCases.Run("apply", "sqlite3", theirs, ops);
        using (IDbm db = Dbm.Open(ours, "c"))
        {
            Assert.Equal("dbm.sqlite3", db.Backend);
            DbmCases.Apply(db, ops);
        }

        string[] pythonListing = DbmCases.Run("list", "sqlite3", theirs);
        Assert.True(pythonListing.Length > 500);
        Assert.Equal(Sorted(pythonListing), Sorted(DbmCases.Run("list", "sqlite3", ours)));
        using IDbm read = Dbm.Open(theirs, "r");
        Assert.Equal("dbm.sqlite3", read.Backend);
        Assert.Equal(Sorted(pythonListing), Sorted(DbmCases.Listing(read)));
        Assert.Equal(pythonListing.Length, read.Count);

        // Same schema text, journal mode and storage classes as CPython's module leaves.
        Assert.Equal(DbmCases.Run("sqlite-meta", theirs), DbmCases.Run("sqlite-meta", ours));
    }

    [Fact]
    public void Str_keys_and_values_are_stored_as_utf8_blobs()
    {
        using var dir = new TempDir();
        string path = dir.Path("s.db");
        using (IDbm db = Dbm.Open(path, "c"))
        {
            db.Set("clé", "valeur €");
            db["k"] = [];
        }

        string[] listing = DbmCases.Run("list", "sqlite3", path);
        Assert.Equal(Sorted([$"{DbmCases.Hex("clé")} {DbmCases.Hex("valeur €")}", $"{DbmCases.Hex("k")} "]), Sorted(listing));
        Assert.Equal("[('blob/blob',)]", DbmCases.Run("sqlite-meta", path)[2]);
    }

    [Fact]
    public void A_batch_is_one_transaction_and_rolls_back_when_not_committed()
    {
        using var dir = new TempDir();
        using IDbm db = Dbm.Open(dir.Path("b.db"), "c");
        using (IDbmBatch batch = db.BeginBatch())
        {
            for (int i = 0; i < 1000; i++)
            {
                batch.Set(BitConverter.GetBytes(i), BitConverter.GetBytes(i * 2));
            }

            batch.Commit();
        }

        using (IDbmBatch batch = db.BeginBatch())
        {
            batch.Set("x"u8, "y"u8);
            Assert.True(batch.Remove(BitConverter.GetBytes(5)));
        }

        Assert.Equal(1000, db.Count);
        Assert.False(db.ContainsKey("x"u8));
        Assert.Equal(BitConverter.GetBytes(10), db[BitConverter.GetBytes(5)]);
    }

    private static string[] Sorted(string[] lines) => [.. lines.Order(StringComparer.Ordinal)];
}

namespace PyStd.Dbm.Tests;

/// <summary>dbm.dumb against python3's dbm.dumb: thousands of random writes, overwrites (in place and
/// grown) and deletes, both directions, down to identical .dat and .dir bytes.</summary>
public class DumbDifferentialTests
{
    [Fact]
    public void Same_writes_give_byte_identical_files_and_each_side_reads_the_other()
    {
        using var dir = new TempDir();
        string ops = dir.Path("ops.txt");
        DbmCases.Run("gen", ops, "9", "3000");
        string theirs = dir.Path("theirs");
        string ours = dir.Path("ours");
        DbmCases.Run("apply", "dumb", theirs, ops);
        using (IDbm db = Dbm.Open(ours, "n", Dbm.DefaultMode, DbmBackend.Dumb))
        {
            Assert.Equal("dbm.dumb", db.Backend);
            DbmCases.Apply(db, ops);
        }

        // CPython's _addval/_setval placement and its .dir line format, byte for byte.
        Assert.Equal(File.ReadAllBytes(theirs + ".dat"), File.ReadAllBytes(ours + ".dat"));
        Assert.Equal(File.ReadAllText(theirs + ".dir", System.Text.Encoding.Latin1), File.ReadAllText(ours + ".dir", System.Text.Encoding.Latin1));
        Assert.False(File.Exists(ours + ".journal"));

        string[] pythonListing = DbmCases.Run("list", "dumb", theirs);
        Assert.True(pythonListing.Length > 500);
        Assert.Equal(pythonListing, DbmCases.Run("list", "dumb", ours));
        using IDbm read = Dbm.Open(theirs, "r");
        Assert.Equal("dbm.dumb", read.Backend);
        Assert.Equal(pythonListing, DbmCases.Listing(read));
        Assert.Equal(pythonListing.Length, read.Count);
    }

    [Fact]
    public void A_batch_places_values_exactly_as_one_write_at_a_time()
    {
        using var dir = new TempDir();
        string ops = dir.Path("ops.txt");
        DbmCases.Run("gen", ops, "21", "1500");
        string single = dir.Path("single");
        string batched = dir.Path("batched");
        using (IDbm db = Dbm.Open(single, "n", Dbm.DefaultMode, DbmBackend.Dumb))
        {
            DbmCases.Apply(db, ops);
        }

        using (IDbm db = Dbm.Open(batched, "n", Dbm.DefaultMode, DbmBackend.Dumb))
        {
            string[] lines = File.ReadAllLines(ops);
            for (int start = 0; start < lines.Length; start += 100)
            {
                using IDbmBatch batch = db.BeginBatch();
                foreach (string line in lines.Skip(start).Take(100))
                {
                    string[] p = line.Split(' ');
                    if (p[0] == "S")
                    {
                        batch.Set(Convert.FromHexString(p[1]), p.Length > 2 ? Convert.FromHexString(p[2]) : []);
                    }
                    else
                    {
                        batch.Remove(Convert.FromHexString(p[1]));
                    }
                }

                batch.Commit();
            }
        }

        Assert.Equal(File.ReadAllBytes(single + ".dat"), File.ReadAllBytes(batched + ".dat"));
        Assert.Equal(File.ReadAllBytes(single + ".dir"), File.ReadAllBytes(batched + ".dir"));
        Assert.Equal(DbmCases.Run("list", "dumb", single), DbmCases.Run("list", "dumb", batched));
    }

    [Fact]
    public void An_uncommitted_batch_changes_nothing()
    {
        using var dir = new TempDir();
        string path = dir.Path("db");
        using IDbm db = Dbm.Open(path, "c", Dbm.DefaultMode, DbmBackend.Dumb);
        db["a"] = "1"u8.ToArray();
        using (IDbmBatch batch = db.BeginBatch())
        {
            batch.Set("a"u8, "2"u8);
            batch.Set("b"u8, "3"u8);
            Assert.True(batch.Remove("b"u8));
        }

        Assert.Equal("1"u8.ToArray(), db["a"]);
        Assert.Equal(1, db.Count);
    }
}

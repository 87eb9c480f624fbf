using PyStd.Objects;
using PyStd.Pickle;

namespace PyStd.Dbm.Tests;

/// <summary>Shelves against python3's shelve, both formats, both directions.</summary>
public class ShelfTests
{
    [Theory]
    [InlineData("dumb")]
    [InlineData("sqlite3")]
    public void A_shelf_written_by_python_reads_the_same_here_and_ours_reads_the_same_in_python(string kind)
    {
        using var dir = new TempDir();
        string theirs = dir.Path("theirs" + (kind == "sqlite3" ? ".db" : ""));
        DbmCases.Run("shelf-write", kind, theirs, "7", "1200");
        string[] expected = DbmCases.Run("shelf-show", kind, theirs);
        Assert.Equal(1200, expected.Length);

        using (Shelf shelf = Shelf.Open(theirs, "r"))
        {
            Assert.Equal(expected, Show(shelf));
        }

        // Ours: the same values (parsed back from their reprs) written by our pickler.
        string ours = dir.Path("ours" + (kind == "sqlite3" ? ".db" : ""));
        var options = ShelfOptions.Default with { Backend = kind == "dumb" ? DbmBackend.Dumb : DbmBackend.Sqlite3 };
        using (Shelf shelf = Shelf.Open(ours, "n", options: options))
        {
            foreach (string line in expected)
            {
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                var pair = (PyTuple)PyLiteral.Parse("(" + line[..colon] + ", " + line[(colon + 2)..] + ")")!;
                shelf[(string)pair[0]!] = pair[1];
            }
        }

        Assert.Equal(expected, DbmCases.Run("shelf-show", kind, ours));
    }

    [Fact]
    public void Writeback_saves_values_mutated_in_place_on_close_and_plain_mode_does_not()
    {
        using var dir = new TempDir();
        string path = dir.Path("wb");
        using (Shelf shelf = Shelf.Open(path))
        {
            shelf["xs"] = new List<object?> { 1L };
            shelf["ys"] = new List<object?> { 1L };
        }

        using (Shelf shelf = Shelf.Open(path, writeback: false))
        {
            ((List<object?>)shelf["xs"]!).Add(2L);
        }

        using (Shelf shelf = Shelf.Open(path, writeback: true))
        {
            ((List<object?>)shelf["ys"]!).Add(2L);
            Assert.Equal(2, ((List<object?>)shelf["ys"]!).Count);
        }

        using (Shelf shelf = Shelf.Open(path, "r"))
        {
            Assert.Equal("[1]", PyRepr.Repr(shelf["xs"]));
            Assert.Equal("[1, 2]", PyRepr.Repr(shelf["ys"]));
            Assert.Equal(["xs", "ys"], shelf.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Typed_values_map_onto_pickle_classes_and_defaults_match_cpython()
    {
        using var dir = new TempDir();
        string path = dir.Path("typed");
        using (Shelf shelf = Shelf.Open(path))
        {
            Assert.Equal(Pickle.Pickle.DefaultProtocol, shelf.Protocol);
            shelf["order"] = new Order(7, "Ann", ["tea", "cake"]);
            shelf["n"] = 5L;
        }

        using (Shelf shelf = Shelf.Open(path, "r"))
        {
            Order order = shelf.Get<Order>("order");
            Assert.Equal(7, order.Id);
            Assert.Equal("Ann", order.CustomerName);
            Assert.Equal(["tea", "cake"], order.Items);
            Assert.Equal(5L, shelf.Get<long>("n"));
            Assert.Throws<InvalidCastException>(() => shelf.Get<string>("n"));
            Assert.Equal("'nope'", Assert.Throws<KeyNotFoundException>(() => shelf["nope"]).Message);
        }

        Shelf closed = Shelf.Open(path, "r");
        closed.Close();
        Assert.Equal("invalid operation on closed shelf", Assert.Throws<PyValueException>(() => closed["n"]).Message);
    }

    private static string[] Show(Shelf shelf)
    {
        var lines = new List<string>();
        foreach (string key in shelf.Keys.Order(StringComparer.Ordinal))
        {
            lines.Add($"{PyRepr.Repr(key)}: {PyRepr.Repr(shelf[key])}");
        }

        return [.. lines];
    }
}

[PickleClass("shop", "Order")]
public sealed record Order(int Id, string CustomerName, List<string> Items);

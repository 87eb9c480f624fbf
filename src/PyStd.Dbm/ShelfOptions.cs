using PyStd.Pickle;

namespace PyStd.Dbm;

/// <summary>Settings of a <see cref="Shelf"/> beyond CPython's <c>shelve.open</c> arguments.</summary>
public sealed record ShelfOptions
{
    /// <summary>The defaults: a new shelf in the <c>dbm.sqlite3</c> format, default pickler and (safe) unpickler options.</summary>
    public static ShelfOptions Default { get; } = new();

    /// <summary>The format of a shelf this call creates (an existing one opens in its own format).</summary>
    public DbmBackend Backend { get; init; } = DbmBackend.Sqlite3;

    /// <summary>Unix permission bits of new files (CPython's <c>0o666</c>; the umask applies).</summary>
    public int Mode { get; init; } = Dbm.DefaultMode;

    /// <summary>Options for pickling values (registry, naming policy …); null means <see cref="PicklerOptions.Default"/>.</summary>
    public PicklerOptions? Pickler { get; init; }

    /// <summary>Options for unpickling values (registry, limits …); null means <see cref="UnpicklerOptions.Default"/>.</summary>
    public UnpicklerOptions? Unpickler { get; init; }
}

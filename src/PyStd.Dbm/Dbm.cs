namespace PyStd.Dbm;

/// <summary>
/// Python's <c>dbm</c> module: persistent bytes-to-bytes mappings in CPython's own file formats.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Open(string, string, int)"/> opens an existing database with the backend
/// <see cref="WhichDb"/> detects, or creates a new one — by default in CPython 3.13's
/// <c>dbm.sqlite3</c> format, which Python 3.13+ opens with <c>dbm.open</c>:
/// </para>
/// <code>
/// using IDbm db = Dbm.Open("cache.db", "c");
/// db["answer"] = "42";                      // stored as UTF-8 bytes, as CPython does
/// byte[] v = db["answer"];                  // b'42'
/// using (IDbmBatch batch = db.BeginBatch()) // thousands of writes, one transaction
/// {
///     batch.Set("k"u8, "v"u8);
///     batch.Commit();
/// }
/// </code>
/// <para>
/// Flags are CPython's: <c>"r"</c> read-only (the default), <c>"w"</c> read-write, <c>"c"</c>
/// create if missing, <c>"n"</c> always new. Both backends are crash-safe: every acknowledged write
/// survives a kill of the process (docs/dbm.md says how). GNU dbm, ndbm and Berkeley DB files are
/// recognised and refused with a clear <see cref="DbmException"/> until their readers arrive.
/// </para>
/// </remarks>
public static class Dbm
{
    /// <summary>CPython's <c>0o666</c>, the default permission bits of new files (before the umask).</summary>
    public const int DefaultMode = 0x1B6;

    /// <summary>Opens (or creates, in the <c>dbm.sqlite3</c> format) a database, as <c>dbm.open</c>.</summary>
    /// <param name="path">The database path (for <c>dbm.dumb</c> the name without <c>.dat</c>/<c>.dir</c>).</param>
    /// <param name="flag"><c>"r"</c>, <c>"w"</c>, <c>"c"</c> or <c>"n"</c>.</param>
    /// <param name="mode">Unix permission bits for new files (the umask applies).</param>
    /// <returns>The open database.</returns>
    /// <exception cref="DbmException">The file is missing with <c>"r"</c>/<c>"w"</c>, of an unknown or unsupported type, damaged, or locked by another writer.</exception>
    /// <exception cref="ArgumentException">The flag is not one of CPython's.</exception>
    public static IDbm Open(string path, string flag = "r", int mode = DefaultMode) =>
        Open(path, flag, mode, DbmBackend.Sqlite3);

    /// <summary>Opens a database, creating a new one with <paramref name="backend"/>.</summary>
    /// <param name="path">The database path.</param>
    /// <param name="flag"><c>"r"</c>, <c>"w"</c>, <c>"c"</c> or <c>"n"</c>.</param>
    /// <param name="mode">Unix permission bits for new files (the umask applies).</param>
    /// <param name="backend">The format of a database this call creates; an existing database opens in its own format.</param>
    /// <returns>The open database.</returns>
    /// <exception cref="DbmException">The file is missing with <c>"r"</c>/<c>"w"</c>, of an unknown or unsupported type, damaged, or locked by another writer.</exception>
    /// <exception cref="ArgumentException">The flag is not one of CPython's.</exception>
    public static IDbm Open(string path, string flag, int mode, DbmBackend backend)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        DbmOpenMode openMode = DbmFlag.Parse(flag);

        // Lib/dbm/__init__.py: guess the type of an existing database unless creating a new one.
        string? kind = openMode == DbmOpenMode.New ? null : WhichDb(path);
        if (kind is null)
        {
            if (openMode is DbmOpenMode.Read or DbmOpenMode.Write)
            {
                throw new DbmException(path, "db file doesn't exist; use 'c' or 'n' flag to create a new db", null);
            }

            DbmFormat.RefuseOrphanedDumbFiles(path);
            return backend == DbmBackend.Dumb
                ? DumbDbm.Open(path, openMode, mode)
                : SqliteDbm.Open(path, openMode, mode);
        }

        return kind switch
        {
            "dbm.sqlite3" => SqliteDbm.Open(path, openMode, mode),
            "dbm.dumb" => DumbDbm.Open(path, openMode, mode),
            "" => throw new DbmException(path, "db type could not be determined: " + DbmFormat.Diagnose(path), null),
            _ => throw new DbmException(path, $"db type is {kind}, but the module is not available: no backend yet for {kind}", null),
        };
    }

    /// <summary>
    /// CPython 3.13's <c>dbm.whichdb</c>: which module can open the database at <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The database path.</param>
    /// <returns>
    /// <c>null</c> when there is no such database (the file can't be opened), <c>""</c> when the file
    /// exists but its type is unknown (also for empty files and Berkeley DB files, as CPython),
    /// or the module name: <c>"dbm.sqlite3"</c>, <c>"dbm.dumb"</c>, <c>"dbm.gnu"</c>, <c>"dbm.ndbm"</c>.
    /// </returns>
    public static string? WhichDb(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DbmFormat.WhichDb(path);
    }
}

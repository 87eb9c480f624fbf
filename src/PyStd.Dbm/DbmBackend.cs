namespace PyStd.Dbm;

/// <summary>
/// The storage formats PyStd writes. <see cref="Dbm.Open(string, string, int, DbmBackend)"/> uses it
/// only when it creates a database; an existing one opens with whatever <see cref="Dbm.WhichDb"/>
/// finds. Legacy formats (GNU dbm, ndbm, Berkeley DB) and remote stores join here as readers/backends
/// in later releases.
/// </summary>
public enum DbmBackend
{
    /// <summary>CPython 3.13's <c>dbm.sqlite3</c>: one SQLite file, write-ahead log, crash-safe. The default.</summary>
    Sqlite3,

    /// <summary>CPython's <c>dbm.dumb</c>: <c>.dat</c> values, <c>.dir</c> index, <c>.bak</c> backup.</summary>
    Dumb,
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PyStd.Dbm;

/// <summary>
/// CPython 3.13's <c>dbm.sqlite3</c> (Lib/dbm/sqlite3.py), file for file: one table
/// <c>Dict(key BLOB UNIQUE NOT NULL, value BLOB NOT NULL)</c>, <c>journal_mode = wal</c>, the same
/// statements (<c>REPLACE INTO Dict (key, value) VALUES (CAST(? AS BLOB), CAST(? AS BLOB))</c> …) and the
/// same flag handling (<c>"r"</c> opens with <c>mode=ro</c>, <c>"n"</c> deletes the file first).
/// </summary>
/// <remarks>
/// Hot paths run prepared statements through SQLitePCL's raw API on the connection's handle, binding
/// spans directly, so a lookup allocates only the returned value; a 32 MiB page cache keeps random
/// lookups off the disk. Each write outside a batch is its own
/// transaction (CPython's <c>autocommit=True</c>). <c>synchronous = NORMAL</c>: in WAL mode a commit is
/// in the WAL (the OS page cache) before it returns, so a killed process loses nothing; only a power
/// failure can lose the last commits, never corrupt the file (docs/dbm.md).
/// </remarks>
internal sealed partial class SqliteDbm : DbmBase
{
    internal const string BuildTable = "\n  CREATE TABLE IF NOT EXISTS Dict (\n    key BLOB UNIQUE NOT NULL,\n    value BLOB NOT NULL\n  )\n";
    internal const string GetSize = "SELECT COUNT (key) FROM Dict";
    internal const string LookupKey = "SELECT value FROM Dict WHERE key = CAST(? AS BLOB)";

    /// <summary>
    /// Membership (CPython's <c>in</c> runs LOOKUP_KEY): the UNIQUE index alone answers it, without the
    /// row's value.
    /// </summary>
    internal const string HasKey = "SELECT 1 FROM Dict WHERE key = CAST(? AS BLOB)";
    internal const string StoreKv = "REPLACE INTO Dict (key, value) VALUES (CAST(? AS BLOB), CAST(? AS BLOB))";
    internal const string DeleteKey = "DELETE FROM Dict WHERE key = CAST(? AS BLOB)";
    internal const string IterKeys = "SELECT key FROM Dict";
    internal const string IterItems = "SELECT key, value FROM Dict";

    /// <summary>The most memory the connection's page cache may use, in KiB.</summary>
    internal const int PageCacheKibibytes = 32 * 1024;

    /// <summary>How long a write waits for another process's transaction before failing.</summary>
    internal const int BusyTimeoutMilliseconds = 30_000;

    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private sqlite3_stmt? _lookup;
    private sqlite3_stmt? _contains;
    private sqlite3_stmt? _store;
    private sqlite3_stmt? _delete;
    private sqlite3_stmt? _size;
    private SqliteBatch? _batch;

    private SqliteDbm(string path, bool readOnly, SqliteConnection connection)
        : base(path, readOnly)
    {
        _connection = connection;
        _db = connection.Handle!;
    }

    public override string Backend => "dbm.sqlite3";

    /// <summary>SQLite's message, which CPython's dbm.sqlite3 passes on.</summary>
    protected override string ReadOnlyProblem => "attempt to write a readonly database";

    internal sqlite3 Handle => _db;

    public static SqliteDbm Open(string path, DbmOpenMode mode, int fileMode)
    {
        SqliteOpenMode sqliteMode;
        switch (mode)
        {
            case DbmOpenMode.Read:
                sqliteMode = SqliteOpenMode.ReadOnly;
                break;
            case DbmOpenMode.Write:
                sqliteMode = SqliteOpenMode.ReadWrite;
                break;
            case DbmOpenMode.Create:
                sqliteMode = SqliteOpenMode.ReadWriteCreate;
                Touch(path, fileMode);
                break;
            default:
                sqliteMode = SqliteOpenMode.ReadWriteCreate;

                // CPython removes the file; the WAL and shared-memory files of the old database go too,
                // or SQLite would replay a stale WAL into the new file.
                foreach (string f in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(f);
                }

                Touch(path, fileMode);
                break;
        }

        if (mode is DbmOpenMode.Read or DbmOpenMode.Write && !File.Exists(path))
        {
            throw new DbmException(path, "unable to open database file", null);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.GetFullPath(path),
            Mode = sqliteMode,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        SqliteDbm? db = null;
        try
        {
            connection.Open();
            db = new SqliteDbm(path, mode == DbmOpenMode.Read, connection);
            db.Initialise(mode);
            return db;
        }
        catch (SqliteException e)
        {
            db?.DisposeStatements();
            connection.Dispose();
            throw new DbmException(path, e.SqliteErrorCode == raw.SQLITE_NOTADB ? "file is not a database (not a dbm.sqlite3 file, or damaged)" : e.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal), e);
        }
        catch (DbmException)
        {
            db?.DisposeStatements();
            connection.Dispose();
            throw;
        }
    }

    private static void Touch(string path, int fileMode)
    {
        // Path(path).touch(mode=mode, exist_ok=True): creates the file with the mode (less the umask).
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = (UnixFileMode)(fileMode & 0xFFF);
        }

        try
        {
            using var f = new FileStream(path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DbmException(path, e.Message, e);
        }
    }

    private void Initialise(DbmOpenMode mode)
    {
        raw.sqlite3_busy_timeout(_db, BusyTimeoutMilliseconds);

        // "This is an optimization only; it's ok if it fails." (CPython) — it fails read-only on a
        // rollback-journal file, for example. The header check first turns garbage into a clear error.
        TryExec("PRAGMA journal_mode = wal");
        TryExec("PRAGMA synchronous = NORMAL");

        // A connection-private page cache of up to 32 MiB (SQLite's default is 2 MiB), filled only as pages
        // are read: random gets on a database of a few hundred thousand records then stay off the disk.
        TryExec($"PRAGMA cache_size = -{PageCacheKibibytes}");
        if (mode is DbmOpenMode.Create or DbmOpenMode.New)
        {
            Exec(BuildTable);
        }
        else if (!HasDictTable())
        {
            throw new DbmException(Path, "not a dbm.sqlite3 database: it has no table Dict (key BLOB UNIQUE NOT NULL, value BLOB NOT NULL)", null);
        }
    }

    internal bool HasDictTable()
    {
        using sqlite3_stmt stmt = Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Dict'");
        return Step(stmt) == raw.SQLITE_ROW;
    }

    public override int Count
    {
        get
        {
            CheckOpen();
            using Lease size = Run(ref _size, GetSize);
            size.Step();
            return checked((int)raw.sqlite3_column_int64(size.Statement, 0));
        }
    }

    public override bool TryGetValue(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out byte[] value)
    {
        CheckOpen();
        using Lease lookup = Run(ref _lookup, LookupKey);
        if (lookup.Step(key) == raw.SQLITE_ROW)
        {
            // Straight from SQLite's buffer into an array of the value's size: the only allocation.
            value = raw.sqlite3_column_blob(lookup.Statement, 0).ToArray();
            return true;
        }

        value = null;
        return false;
    }

    public override bool ContainsKey(ReadOnlySpan<byte> key)
    {
        CheckOpen();
        using Lease contains = Run(ref _contains, HasKey);
        return contains.Step(key) == raw.SQLITE_ROW;
    }

    public override void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        CheckWritable();
        using Lease store = Run(ref _store, StoreKv);
        store.Step(key, value);
    }

    public override bool Remove(ReadOnlySpan<byte> key)
    {
        CheckWritable();
        using Lease delete = Run(ref _delete, DeleteKey);
        delete.Step(key);
        return raw.sqlite3_changes(_db) > 0;
    }

    public override void Sync()
    {
        CheckOpen();

        // Every commit is already in the WAL; a checkpoint with fsync makes it power-loss durable too.
        if (!IsReadOnly && _batch is null)
        {
            TryExec("PRAGMA wal_checkpoint(FULL)");
        }
    }

    public override IDbmBatch BeginBatch()
    {
        CheckWritable();
        if (_batch is not null)
        {
            throw new InvalidOperationException("A batch is already open on this database; commit or dispose it first.");
        }

        Exec("BEGIN IMMEDIATE");
        _batch = new SqliteBatch(this);
        return _batch;
    }

    internal void EndBatch(bool commit)
    {
        _batch = null;
        if (IsClosed)
        {
            return;
        }

        if (commit)
        {
            Exec("COMMIT");
        }
        else
        {
            TryExec("ROLLBACK");
        }
    }

    protected override List<byte[]> KeysSnapshot()
    {
        CheckOpen();
        var keys = new List<byte[]>();
        using sqlite3_stmt stmt = Prepare(IterKeys);
        while (Step(stmt) == raw.SQLITE_ROW)
        {
            keys.Add(raw.sqlite3_column_blob(stmt, 0).ToArray());
        }

        return keys;
    }

    public override IEnumerator<KeyValuePair<byte[], byte[]>> GetEnumerator()
    {
        CheckOpen();
        var items = new List<KeyValuePair<byte[], byte[]>>();
        using (sqlite3_stmt stmt = Prepare(IterItems))
        {
            while (Step(stmt) == raw.SQLITE_ROW)
            {
                items.Add(new(raw.sqlite3_column_blob(stmt, 0).ToArray(), raw.sqlite3_column_blob(stmt, 1).ToArray()));
            }
        }

        return items.GetEnumerator();
    }

    protected override void CloseCore()
    {
        if (_batch is not null)
        {
            _batch = null;
            TryExec("ROLLBACK");
        }

        DisposeStatements();
        _connection.Dispose();
    }

    private void DisposeStatements()
    {
        _lookup?.Dispose();
        _contains?.Dispose();
        _store?.Dispose();
        _delete?.Dispose();
        _size?.Dispose();
        _lookup = _contains = _store = _delete = _size = null;
    }

    /// <summary>The connection's prepared statement for <paramref name="sql"/> (prepared on first use), leased until reset.</summary>
    private Lease Run(ref sqlite3_stmt? cached, string sql) => new(this, cached ??= Prepare(sql));

    internal sqlite3_stmt Prepare(string sql)
    {
        int rc = raw.sqlite3_prepare_v2(_db, sql, out sqlite3_stmt stmt);
        if (rc != raw.SQLITE_OK)
        {
            stmt?.Dispose();
            ThrowSqlite(rc);
        }

        return stmt;
    }

    internal int Step(sqlite3_stmt stmt)
    {
        int rc = raw.sqlite3_step(stmt);
        if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            ThrowSqlite(rc);
        }

        return rc;
    }

    internal void Exec(string sql)
    {
        using sqlite3_stmt stmt = Prepare(sql);
        while (Step(stmt) == raw.SQLITE_ROW)
        {
        }
    }

    private void TryExec(string sql)
    {
        try
        {
            Exec(sql);
        }
        catch (DbmException e) when (e.InnerException is null && !e.Message.Contains("not a database", StringComparison.Ordinal))
        {
        }
    }

    internal static void BindBlob(sqlite3_stmt stmt, int index, ReadOnlySpan<byte> data)
    {
        // An empty span has a null pointer, which SQLite would bind as NULL; b'' is a zero-length blob.
        int rc = data.IsEmpty ? raw.sqlite3_bind_zeroblob(stmt, index, 0) : raw.sqlite3_bind_blob(stmt, index, data);
        if (rc != raw.SQLITE_OK)
        {
            throw new DbmException($"binding a parameter failed with SQLite code {rc}");
        }
    }

    [DoesNotReturn]
    internal void ThrowSqlite(int rc)
    {
        string message = raw.sqlite3_errmsg(_db).utf8_to_string() ?? $"SQLite error {rc}";
        if ((rc & 0xFF) == raw.SQLITE_NOTADB)
        {
            message = "file is not a database (not a dbm.sqlite3 file, or damaged)";
        }
        else if ((rc & 0xFF) == raw.SQLITE_CORRUPT)
        {
            message = "database disk image is malformed (" + message + ")";
        }

        throw new DbmException(Path, message, null);
    }

    /// <summary>
    /// One use of a cached prepared statement: binds blobs to its parameters, steps it, and resets it when
    /// disposed, which also ends the statement's read transaction.
    /// </summary>
    private readonly ref struct Lease(SqliteDbm owner, sqlite3_stmt statement)
    {
        public sqlite3_stmt Statement => statement;

        public int Step() => owner.Step(statement);

        public int Step(ReadOnlySpan<byte> key)
        {
            BindBlob(statement, 1, key);
            return owner.Step(statement);
        }

        public int Step(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            BindBlob(statement, 1, key);
            BindBlob(statement, 2, value);
            return owner.Step(statement);
        }

        public void Dispose() => raw.sqlite3_reset(statement);
    }
}

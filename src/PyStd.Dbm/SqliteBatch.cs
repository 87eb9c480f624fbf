namespace PyStd.Dbm;

/// <summary>A <c>dbm.sqlite3</c> batch: one <c>BEGIN IMMEDIATE</c> … <c>COMMIT</c> transaction.</summary>
internal sealed class SqliteBatch : IDbmBatch
{
    private SqliteDbm? _owner;

    public SqliteBatch(SqliteDbm owner) => _owner = owner;

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Owner.Set(key, value);

    public bool Remove(ReadOnlySpan<byte> key) => Owner.Remove(key);

    public void Commit()
    {
        SqliteDbm owner = Owner;
        _owner = null;
        owner.EndBatch(commit: true);
    }

    public void Dispose()
    {
        SqliteDbm? owner = _owner;
        _owner = null;
        owner?.EndBatch(commit: false);
    }

    private SqliteDbm Owner => _owner ?? throw new InvalidOperationException("The batch has already been committed or disposed.");
}

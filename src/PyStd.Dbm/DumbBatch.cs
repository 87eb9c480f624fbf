namespace PyStd.Dbm;

/// <summary>A <c>dbm.dumb</c> batch: writes collected in memory, committed as one journal write.</summary>
internal sealed class DumbBatch : IDbmBatch
{
    private readonly List<(byte[] Key, byte[]? Value)> _ops = [];
    private readonly Dictionary<byte[], bool> _present = new(ByteKeyComparer.Instance);
    private DumbDbm? _owner;

    public DumbBatch(DumbDbm owner) => _owner = owner;

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        _ = Owner;
        byte[] k = key.ToArray();
        _ops.Add((k, value.ToArray()));
        _present[k] = true;
    }

    public bool Remove(ReadOnlySpan<byte> key)
    {
        DumbDbm owner = Owner;
        byte[] k = key.ToArray();
        bool exists = _present.TryGetValue(k, out bool p) ? p : owner.ContainsForBatch(k);
        if (exists)
        {
            _ops.Add((k, null));
            _present[k] = false;
        }

        return exists;
    }

    public void Commit()
    {
        DumbDbm owner = Owner;
        _owner = null;
        owner.CommitBatch(_ops);
    }

    public void Dispose()
    {
        DumbDbm? owner = _owner;
        _owner = null;
        owner?.EndBatch();
    }

    private DumbDbm Owner => _owner ?? throw new InvalidOperationException("The batch has already been committed or disposed.");
}

namespace PyStd.Dbm;

/// <summary>
/// A group of writes that becomes durable all at once on <see cref="Commit"/> (one SQLite
/// transaction; one journal write for <c>dbm.dumb</c>). Disposing without committing discards the
/// writes. Reads through the database during a batch see the committed state only for
/// <c>dbm.dumb</c> and the batch's own writes for <c>dbm.sqlite3</c> (SQLite's transaction view).
/// </summary>
public interface IDbmBatch : IDisposable
{
    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> when the batch commits.</summary>
    /// <param name="key">The key bytes.</param>
    /// <param name="value">The value bytes.</param>
    void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Deletes <paramref name="key"/> when the batch commits.</summary>
    /// <param name="key">The key bytes.</param>
    /// <returns>True if the key existed (as seen by the batch).</returns>
    bool Remove(ReadOnlySpan<byte> key);

    /// <summary>Makes every write of the batch durable at once.</summary>
    /// <exception cref="InvalidOperationException">The batch was already committed or disposed.</exception>
    void Commit();
}

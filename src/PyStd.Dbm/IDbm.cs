using System.Diagnostics.CodeAnalysis;

namespace PyStd.Dbm;

/// <summary>
/// An open dbm database: a persistent mapping of bytes to bytes, as CPython's <c>dbm</c> objects.
/// <c>str</c> keys and values are accepted through the <see cref="string"/> overloads and stored as
/// UTF-8, as CPython does. Every acknowledged write is durable against a crash of the process
/// (see docs/dbm.md); <see cref="BeginBatch"/> groups many writes into one durable unit.
/// </summary>
/// <remarks>
/// An instance is not thread-safe. After <see cref="Close"/> (or <see cref="IDisposable.Dispose"/>)
/// every operation throws <see cref="DbmException"/> with CPython's message
/// <c>DBM object has already been closed</c>.
/// </remarks>
public interface IDbm : IDisposable, IEnumerable<KeyValuePair<byte[], byte[]>>
{
    /// <summary>The path the database was opened with.</summary>
    string Path { get; }

    /// <summary>The backend's module name as <see cref="Dbm.WhichDb"/> reports it: <c>dbm.sqlite3</c> or <c>dbm.dumb</c>.</summary>
    string Backend { get; }

    /// <summary>True when the database was opened with flag <c>"r"</c>.</summary>
    bool IsReadOnly { get; }

    /// <summary>The value stored under a key; setting stores (replaces) it.</summary>
    /// <param name="key">The key bytes.</param>
    /// <exception cref="KeyNotFoundException">Getting a missing key (Python's <c>KeyError</c>); the message is the key's repr.</exception>
    /// <exception cref="DbmException">The database is closed, read-only (set) or damaged.</exception>
    byte[] this[ReadOnlySpan<byte> key] { get; set; }

    /// <summary>The value stored under a <c>str</c> key (UTF-8); setting stores the UTF-8 bytes of the value.</summary>
    /// <param name="key">The key, stored as its UTF-8 bytes.</param>
    /// <exception cref="KeyNotFoundException">Getting a missing key.</exception>
    /// <exception cref="DbmException">The database is closed, read-only (set) or damaged.</exception>
    byte[] this[string key] { get; set; }

    /// <summary>Looks a key up without throwing when it is missing.</summary>
    /// <param name="key">The key bytes.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>True if the key exists.</returns>
    bool TryGetValue(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out byte[] value);

    /// <summary>Python's <c>key in db</c>.</summary>
    /// <param name="key">The key bytes.</param>
    /// <returns>True if the key exists.</returns>
    bool ContainsKey(ReadOnlySpan<byte> key);

    /// <summary>Deletes a key if it exists.</summary>
    /// <param name="key">The key bytes.</param>
    /// <returns>False if the key was absent.</returns>
    bool Remove(ReadOnlySpan<byte> key);

    /// <summary>Python's <c>del db[key]</c>: deletes a key that must exist.</summary>
    /// <param name="key">The key bytes.</param>
    /// <exception cref="KeyNotFoundException">The key is absent.</exception>
    void Delete(ReadOnlySpan<byte> key);

    /// <summary>The number of keys (Python's <c>len(db)</c>).</summary>
    int Count { get; }

    /// <summary>A snapshot of the keys, in the backend's iteration order (CPython's).</summary>
    IEnumerable<byte[]> Keys { get; }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>.</summary>
    /// <param name="key">The key bytes.</param>
    /// <param name="value">The value bytes.</param>
    void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Flushes everything to stable storage (fsync) and, for <c>dbm.dumb</c>, rewrites the
    /// <c>.dir</c> index so CPython sees every write.</summary>
    void Sync();

    /// <summary>Starts a batch of writes that commit together in one transaction.</summary>
    /// <returns>The batch; commit it with <see cref="IDbmBatch.Commit"/>.</returns>
    IDbmBatch BeginBatch();

    /// <summary>Syncs and closes the database; later operations throw <see cref="DbmException"/>. Closing twice is allowed.</summary>
    void Close();
}

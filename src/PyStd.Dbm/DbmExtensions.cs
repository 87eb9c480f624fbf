using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PyStd.Dbm;

/// <summary>
/// The <c>str</c> conveniences of CPython's dbm objects: keys and values given as strings are stored
/// as their UTF-8 bytes (<c>db['k'] = 'v'</c> stores <c>b'k'</c> → <c>b'v'</c>).
/// </summary>
public static class DbmExtensions
{
    /// <summary>Stores the UTF-8 bytes of <paramref name="value"/> under the UTF-8 bytes of <paramref name="key"/>.</summary>
    /// <param name="db">The database.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public static void Set(this IDbm db, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        db.Set(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Looks up a <c>str</c> key.</summary>
    /// <param name="db">The database.</param>
    /// <param name="key">The key (UTF-8).</param>
    /// <param name="value">The value bytes, when found.</param>
    /// <returns>True if the key exists.</returns>
    public static bool TryGetValue(this IDbm db, string key, [MaybeNullWhen(false)] out byte[] value)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        return db.TryGetValue(Encoding.UTF8.GetBytes(key), out value);
    }

    /// <summary>Python's <c>'key' in db</c>.</summary>
    /// <param name="db">The database.</param>
    /// <param name="key">The key (UTF-8).</param>
    /// <returns>True if the key exists.</returns>
    public static bool ContainsKey(this IDbm db, string key)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        return db.ContainsKey(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Deletes a <c>str</c> key if present.</summary>
    /// <param name="db">The database.</param>
    /// <param name="key">The key (UTF-8).</param>
    /// <returns>False if the key was absent.</returns>
    public static bool Remove(this IDbm db, string key)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        return db.Remove(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Sets a key in a batch from strings (UTF-8).</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public static void Set(this IDbmBatch batch, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        batch.Set(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value));
    }
}

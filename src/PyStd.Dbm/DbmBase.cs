using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using PyStd.Objects;

namespace PyStd.Dbm;

/// <summary>
/// What every backend shares: the <c>str</c> overloads (UTF-8, as CPython), Python's <c>KeyError</c>
/// and the closed/read-only checks with CPython's messages.
/// </summary>
internal abstract class DbmBase : IDbm
{
    /// <summary>CPython's message for any operation on a closed database.</summary>
    internal const string ClosedMessage = "DBM object has already been closed";

    /// <summary>CPython's (dbm.dumb) message for a write to a read-only database.</summary>
    internal const string ReadOnlyMessage = "The database is opened for reading only";

    private bool _closed;

    protected DbmBase(string path, bool readOnly)
    {
        Path = path;
        IsReadOnly = readOnly;
    }

    public string Path { get; }

    public abstract string Backend { get; }

    public bool IsReadOnly { get; }

    protected bool IsClosed => _closed;

    public byte[] this[ReadOnlySpan<byte> key]
    {
        get => TryGetValue(key, out byte[]? value) ? value : throw KeyError(key);
        set => Set(key, value);
    }

    public byte[] this[string key]
    {
        get => this[Utf8(key)];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Set(Utf8(key), value);
        }
    }

    public abstract int Count { get; }

    public IEnumerable<byte[]> Keys => KeysSnapshot();

    public abstract bool TryGetValue(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out byte[] value);

    public abstract bool ContainsKey(ReadOnlySpan<byte> key);

    public abstract bool Remove(ReadOnlySpan<byte> key);

    public void Delete(ReadOnlySpan<byte> key)
    {
        if (!Remove(key))
        {
            throw KeyError(key);
        }
    }

    public abstract void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    public abstract void Sync();

    public abstract IDbmBatch BeginBatch();

    public void Close()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            CloseCore();
        }
        finally
        {
            _closed = true;
        }
    }

    public void Dispose() => Close();

    public virtual IEnumerator<KeyValuePair<byte[], byte[]>> GetEnumerator()
    {
        foreach (byte[] key in KeysSnapshot())
        {
            if (TryGetValue(key, out byte[]? value))
            {
                yield return new KeyValuePair<byte[], byte[]>(key, value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>All keys, materialised (CPython's <c>keys()</c> returns a list too).</summary>
    protected abstract List<byte[]> KeysSnapshot();

    protected abstract void CloseCore();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void CheckOpen()
    {
        if (_closed)
        {
            ThrowClosed();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void CheckWritable()
    {
        if (_closed)
        {
            ThrowClosed();
        }

        if (IsReadOnly)
        {
            ThrowReadOnly();
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected void ThrowClosed() => throw new DbmException(Path, ClosedMessage, null);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected void ThrowReadOnly() => throw new DbmException(Path, ReadOnlyProblem, null);

    /// <summary>The backend's CPython message for a write to a read-only database.</summary>
    protected virtual string ReadOnlyProblem => ReadOnlyMessage;

    internal static byte[] Utf8(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Encoding.UTF8.GetBytes(s);
    }

    /// <summary>Python's <c>KeyError(key)</c>: the message is the repr of the key bytes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static KeyNotFoundException KeyError(ReadOnlySpan<byte> key) => new(PyRepr.Repr(key.ToArray()));
}

using System.Runtime.InteropServices;

namespace PyStd.Dbm;

/// <summary>Where a <c>dbm.dumb</c> value lives: <c>(pos, siz)</c> in <c>.dat</c>, or (read-only
/// recovery) the value bytes inside the crash journal.</summary>
internal struct DumbEntry
{
    public byte[]? Key;
    public long Pos;
    public int Size;
    public bool InJournal;
}

/// <summary>
/// The in-memory index, ordered like CPython's dict (insertion order; an update keeps the position,
/// a delete then re-insert moves to the end) so keys list in the order CPython lists them.
/// Lookups by span do not allocate.
/// </summary>
internal sealed class DumbIndex
{
    private readonly Dictionary<byte[], int> _slots = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _bySpan;
    private readonly List<DumbEntry> _entries = [];

    public DumbIndex() => _bySpan = _slots.GetAlternateLookup<ReadOnlySpan<byte>>();

    public int Count => _slots.Count;

    public bool TryGet(ReadOnlySpan<byte> key, out DumbEntry entry)
    {
        if (_bySpan.TryGetValue(key, out int slot))
        {
            entry = _entries[slot];
            return true;
        }

        entry = default;
        return false;
    }

    public bool Contains(ReadOnlySpan<byte> key) => _bySpan.ContainsKey(key);

    /// <summary>Adds or updates (keeping the position of an existing key).</summary>
    public void Set(ReadOnlySpan<byte> key, long pos, int size, bool inJournal = false)
    {
        if (_bySpan.TryGetValue(key, out int slot))
        {
            ref DumbEntry e = ref CollectionsMarshal.AsSpan(_entries)[slot];
            e.Pos = pos;
            e.Size = size;
            e.InJournal = inJournal;
            return;
        }

        byte[] k = key.ToArray();
        _slots.Add(k, _entries.Count);
        _entries.Add(new DumbEntry { Key = k, Pos = pos, Size = size, InJournal = inJournal });
    }

    public bool Remove(ReadOnlySpan<byte> key)
    {
        if (!_bySpan.Remove(key, out _, out int slot))
        {
            return false;
        }

        CollectionsMarshal.AsSpan(_entries)[slot].Key = null;
        if (_entries.Count > 1024 && _entries.Count > 2 * _slots.Count)
        {
            Compact();
        }

        return true;
    }

    public void Clear()
    {
        _slots.Clear();
        _entries.Clear();
    }

    /// <summary>The live entries in CPython's iteration order.</summary>
    public IEnumerable<DumbEntry> Entries()
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            DumbEntry e = _entries[i];
            if (e.Key is not null)
            {
                yield return e;
            }
        }
    }

    public List<byte[]> KeysSnapshot()
    {
        var keys = new List<byte[]>(_slots.Count);
        foreach (DumbEntry e in CollectionsMarshal.AsSpan(_entries))
        {
            if (e.Key is not null)
            {
                keys.Add(e.Key);
            }
        }

        return keys;
    }

    public ReadOnlySpan<DumbEntry> RawEntries => CollectionsMarshal.AsSpan(_entries);

    private void Compact()
    {
        var live = new List<DumbEntry>(_slots.Count);
        foreach (DumbEntry e in CollectionsMarshal.AsSpan(_entries))
        {
            if (e.Key is not null)
            {
                _slots[e.Key] = live.Count;
                live.Add(e);
            }
        }

        _entries.Clear();
        _entries.AddRange(live);
    }
}

using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>dict</c>: insertion-ordered, <c>None</c> (null) allowed as a key, and Python key
/// equality (<see cref="PyEquality"/>), so <c>1</c>, <c>1.0</c> and <c>True</c> are one key. As in
/// CPython, storing to an existing key keeps the original key object and replaces the value.
/// </summary>
public class PyDict : IDictionary<object?, object?>, IReadOnlyDictionary<object?, object?>
{
    /// <summary>Up to this many keys a lookup scans the entries by equality; beyond it a hash index is kept.</summary>
    private const int LinearLimit = 8;

    /// <summary>The key of a removed entry (no model value is this object).</summary>
    private static readonly object s_removed = new();

    // Entries in insertion order, removed ones marked dead (CPython's compact dict layout); the
    // hash index exists only for larger dicts, so the many small dicts of real data cost one array
    // of 16-byte entries and hash nothing (a key's hash is computed only when an index is built).
    private Entry[] _entries = System.Array.Empty<Entry>();
    private int _used;
    private Dictionary<PyKey, int>? _index;
    private int _live;

    /// <summary>Creates an empty dict.</summary>
    public PyDict()
    {
    }

    /// <summary>Creates an empty dict with room for <paramref name="capacity"/> keys.</summary>
    /// <param name="capacity">How many keys it will hold without growing.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public PyDict(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity > 0)
        {
            _entries = new Entry[capacity];
        }
    }

    /// <summary>Creates a dict from key/value pairs, later pairs overwriting earlier equal keys.</summary>
    /// <param name="items">The pairs.</param>
    public PyDict(IEnumerable<KeyValuePair<object?, object?>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var (key, value) in items)
        {
            this[key] = value;
        }
    }

    /// <summary>The number of keys.</summary>
    public int Count => _live;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <summary>Gets or sets the value for a key.</summary>
    /// <param name="key">The key (any hashable model value).</param>
    /// <exception cref="KeyNotFoundException">Getting a key that is not there.</exception>
    /// <exception cref="PyTypeException">The key is unhashable.</exception>
    public object? this[object? key]
    {
        get => TryGetValue(key, out object? value)
            ? value
            : throw new KeyNotFoundException($"KeyError: {PyRepr.Repr(key)}");
        set
        {
            if (_index is not null)
            {
                // Large dict: hash the key once for both the lookup and the insertion.
                var indexed = new PyKey(key);
                if (_index.TryGetValue(indexed, out int slot))
                {
                    _entries[slot].Value = value;
                    return;
                }

                Grow();
                _entries[_used] = new Entry { Key = key, Value = value };
                _index.Add(indexed, _used);
                _used++;
                _live++;
                return;
            }

            int i = Find(key);
            if (i >= 0)
            {
                _entries[i].Value = value;
            }
            else
            {
                Append(key, value);
            }
        }
    }

    /// <summary>The keys, in insertion order.</summary>
    public ICollection<object?> Keys => this.Select(p => p.Key).ToList();

    /// <summary>The values, in insertion order.</summary>
    public ICollection<object?> Values => this.Select(p => p.Value).ToList();

    IEnumerable<object?> IReadOnlyDictionary<object?, object?>.Keys => Keys;

    IEnumerable<object?> IReadOnlyDictionary<object?, object?>.Values => Values;

    /// <summary>Adds a key that must not be present.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The key is already present.</exception>
    public void Add(object? key, object? value)
    {
        if (ContainsKey(key))
        {
            throw new ArgumentException($"Key {PyRepr.Repr(key)} is already in the dict.", nameof(key));
        }

        this[key] = value;
    }

    /// <inheritdoc />
    public void Add(KeyValuePair<object?, object?> item) => Add(item.Key, item.Value);

    /// <summary>Whether the key is present (Python's <c>key in d</c>).</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when present.</returns>
    public bool ContainsKey(object? key) => Find(key) >= 0;

    /// <summary>Looks a key up.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetValue(object? key, [MaybeNullWhen(false)] out object? value)
    {
        int i = Find(key);
        if (i >= 0)
        {
            value = _entries[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Removes a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when it was present.</returns>
    public bool Remove(object? key)
    {
        int i;
        if (_index is not null)
        {
            if (!_index.Remove(new PyKey(key), out i))
            {
                return false;
            }
        }
        else if ((i = Find(key)) < 0)
        {
            return false;
        }

        _entries[i] = new Entry { Key = s_removed };
        _live--;
        if (_live == 0)
        {
            Clear();
        }
        else if (_used > 16 && _live < _used / 2)
        {
            Compact();
        }

        return true;
    }

    /// <inheritdoc />
    public bool Remove(KeyValuePair<object?, object?> item) =>
        TryGetValue(item.Key, out object? v) && PyEquality.AreEqual(v, item.Value) && Remove(item.Key);

    /// <inheritdoc />
    public bool Contains(KeyValuePair<object?, object?> item) =>
        TryGetValue(item.Key, out object? v) && PyEquality.AreEqual(v, item.Value);

    /// <summary>Removes every key.</summary>
    public void Clear()
    {
        _index = null;
        System.Array.Clear(_entries, 0, _used);
        _used = 0;
        _live = 0;
    }

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<object?, object?>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (var pair in this)
        {
            array[arrayIndex++] = pair;
        }
    }

    /// <summary>Enumerates the pairs in insertion order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<KeyValuePair<object?, object?>> GetEnumerator()
    {
        for (int i = 0; i < _used; i++)
        {
            Entry e = _entries[i];
            if (e.Live)
            {
                yield return new KeyValuePair<object?, object?>(e.Key, e.Value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python's dict equality (same keys, equal values; order ignored).</summary>
    /// <param name="obj">Another value.</param>
    /// <returns>Whether equal.</returns>
    public override bool Equals(object? obj) => obj is PyDict && PyEquality.AreEqual(this, obj);

    /// <summary>Dicts are unhashable in Python; this is identity-based.</summary>
    /// <returns>The identity hash.</returns>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>Python's <c>repr()</c>.</summary>
    /// <returns>For example <c>{1: 'a'}</c>.</returns>
    public override string ToString() => PyRepr.Repr(this);

    /// <summary>The number of entry slots, live or removed: the bound for <see cref="TryGetSlot"/>.</summary>
    internal int SlotCount => _used;

    /// <summary>
    /// The pair in a slot, for allocation-free walks in insertion order (the pickler's hot path);
    /// false for a removed entry.
    /// </summary>
    internal bool TryGetSlot(int slot, out object? key, out object? value)
    {
        ref Entry e = ref _entries[slot];
        key = e.Key;
        value = e.Value;
        return e.Live;
    }

    /// <summary>Makes room for <paramref name="additional"/> more keys (the unpickler knows a batch's size).</summary>
    /// <param name="additional">How many keys are about to be added.</param>
    internal void EnsureCapacity(int additional)
    {
        if (_entries.Length - _used < additional)
        {
            System.Array.Resize(ref _entries, Math.Max(_used + additional, _entries.Length * 2));
        }
    }

    /// <summary>
    /// Fills an empty dict from key/value pairs (key, value, key, value, ...) whose keys the caller
    /// knows are pairwise distinct, skipping the duplicate search; false (nothing done) when the
    /// dict is not empty or the batch is beyond the linear-scan size.
    /// </summary>
    /// <param name="pairs">The keys and values, interleaved; the keys must be pairwise unequal.</param>
    internal bool TryFillDistinct(ReadOnlySpan<object?> pairs)
    {
        int n = pairs.Length / 2;
        if (_used != 0 || _index is not null || n > LinearLimit)
        {
            return false;
        }

        if (_entries.Length < n)
        {
            _entries = new Entry[n];
        }

        Span<Entry> entries = _entries.AsSpan(0, n);
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i].Key = pairs[2 * i];
            entries[i].Value = pairs[(2 * i) + 1];
        }

        _used = n;
        _live = n;
        return true;
    }

    /// <summary>The slot of a key, or -1 (an unhashable key throws, as in Python).</summary>
    private int Find(object? key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(new PyKey(key), out int slot) ? slot : -1;
        }

        Entry[] entries = _entries;
        int used = Math.Min(_used, entries.Length);
        if (key is string text)
        {
            // The common case (records keyed by names): an ordinal compare per entry, no hashing.
            for (int i = 0; i < used; i++)
            {
                object? k = entries[i].Key;
                if (ReferenceEquals(k, text) || (k is string s && SameText(s, text)))
                {
                    return i;
                }
            }

            return -1;
        }

        EnsureHashable(key);
        for (int i = 0; i < used; i++)
        {
            ref Entry e = ref entries[i];
            if (ReferenceEquals(e.Key, key) || (e.Live && PyEquality.AreEqual(e.Key, key)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Ordinal equality that rejects most distinct keys of one length by their first character, without a call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool SameText(string a, string b) =>
        a.Length == b.Length && (a.Length == 0 || (a[0] == b[0] && a.AsSpan(1).SequenceEqual(b.AsSpan(1))));

    /// <summary>Throws <see cref="PyTypeException"/> for an unhashable key without hashing the common scalars.</summary>
    private static void EnsureHashable(object? key)
    {
        if (key is null or long or bool or double)
        {
            return;
        }

        _ = PyHash.Hash(key);
    }

    private void Grow()
    {
        if (_used == _entries.Length)
        {
            System.Array.Resize(ref _entries, Math.Max(4, _entries.Length * 2));
        }
    }

    private void Append(object? key, object? value)
    {
        Grow();
        _entries[_used] = new Entry { Key = key, Value = value };
        if (_index is not null)
        {
            _index.Add(new PyKey(key), _used);
        }
        else if (_live >= LinearLimit)
        {
            BuildIndex(_used);
        }

        _used++;
        _live++;
    }

    /// <summary>Indexes the live entries below <paramref name="count"/>.</summary>
    private void BuildIndex(int count)
    {
        var index = new Dictionary<PyKey, int>(count * 2);
        for (int i = 0; i <= count && i < _entries.Length; i++)
        {
            ref Entry e = ref _entries[i];
            if (e.Live)
            {
                index.Add(new PyKey(e.Key), i);
            }
        }

        _index = index;
    }

    private void Compact()
    {
        int j = 0;
        for (int i = 0; i < _used; i++)
        {
            if (_entries[i].Live)
            {
                _entries[j++] = _entries[i];
            }
        }

        System.Array.Clear(_entries, j, _used - j);
        _used = j;
        _index = null;
        if (_live > LinearLimit)
        {
            BuildIndex(_used - 1);
        }
    }

    /// <summary>A slot: 16 bytes, a removed one marked by its key (<see cref="s_removed"/>).</summary>
    private struct Entry
    {
        public object? Key;
        public object? Value;

        public readonly bool Live => !ReferenceEquals(Key, s_removed);
    }
}

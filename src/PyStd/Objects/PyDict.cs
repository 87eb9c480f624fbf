using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>dict</c>: insertion-ordered, <c>None</c> (null) allowed as a key, and Python key
/// equality (<see cref="PyEquality"/>), so <c>1</c>, <c>1.0</c> and <c>True</c> are one key. As in
/// CPython, storing to an existing key keeps the original key object and replaces the value.
/// </summary>
public sealed class PyDict : IDictionary<object?, object?>, IReadOnlyDictionary<object?, object?>
{
    private readonly Dictionary<PyKey, int> _index = new();
    private readonly List<Entry> _entries = new();
    private int _live;

    /// <summary>Creates an empty dict.</summary>
    public PyDict()
    {
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
            var k = new PyKey(key);
            if (_index.TryGetValue(k, out int i))
            {
                _entries[i] = _entries[i] with { Value = value };
            }
            else
            {
                _index.Add(k, _entries.Count);
                _entries.Add(new Entry(key, value, true));
                _live++;
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
    public bool ContainsKey(object? key) => _index.ContainsKey(new PyKey(key));

    /// <summary>Looks a key up.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGetValue(object? key, [MaybeNullWhen(false)] out object? value)
    {
        if (_index.TryGetValue(new PyKey(key), out int i))
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
        if (!_index.Remove(new PyKey(key), out int i))
        {
            return false;
        }

        _entries[i] = default;
        _live--;
        if (_live == 0)
        {
            _entries.Clear();
        }
        else if (_entries.Count > 16 && _live < _entries.Count / 2)
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
        _index.Clear();
        _entries.Clear();
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
        for (int i = 0; i < _entries.Count; i++)
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

    private void Compact()
    {
        var live = _entries.Where(e => e.Live).ToList();
        _entries.Clear();
        _index.Clear();
        foreach (Entry e in live)
        {
            _index.Add(new PyKey(e.Key), _entries.Count);
            _entries.Add(e);
        }
    }

    private readonly record struct Entry(object? Key, object? Value, bool Live);
}

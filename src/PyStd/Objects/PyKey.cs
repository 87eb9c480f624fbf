namespace PyStd.Objects;

/// <summary>A dictionary key wrapper that lets <c>None</c> (null) be a key and applies Python key equality.</summary>
internal readonly struct PyKey : IEquatable<PyKey>
{
    public PyKey(object? value)
    {
        Value = value;
        Hash = PyHash.Hash(value);
    }

    /// <summary>Wraps a key whose hash is already known.</summary>
    public PyKey(object? value, long hash)
    {
        Value = value;
        Hash = hash;
    }

    public object? Value { get; }

    public long Hash { get; }

    public bool Equals(PyKey other) => Hash == other.Hash && PyEquality.AreEqual(Value, other.Value);

    public override bool Equals(object? obj) => obj is PyKey k && Equals(k);

    public override int GetHashCode() => PyHash.Fold(Hash);
}

namespace PyStd.Dbm;

/// <summary>Content equality for byte-array keys, with span lookups that do not allocate.</summary>
internal sealed class ByteKeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static ByteKeyComparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(byte[] obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

    private static int Hash(ReadOnlySpan<byte> data)
    {
        var hash = default(HashCode);
        hash.AddBytes(data);
        return hash.ToHashCode();
    }

    /// <summary>Ordinal comparison (used for stable listings in verify output).</summary>
    public static int Compare(byte[] x, byte[] y) => x.AsSpan().SequenceCompareTo(y);
}

using System.Collections;

namespace PyStd.Objects;

/// <summary>Python's mutable <c>bytearray</c>. Equal to <c>bytes</c> with the same content; unhashable.</summary>
public sealed class PyByteArray : IList<byte>, IReadOnlyList<byte>
{
    private readonly List<byte> _bytes;

    /// <summary>Creates an empty bytearray.</summary>
    public PyByteArray()
    {
        _bytes = new List<byte>();
    }

    /// <summary>Creates a bytearray holding a copy of <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The content.</param>
    public PyByteArray(ReadOnlySpan<byte> bytes)
    {
        _bytes = new List<byte>(bytes.Length);
        _bytes.AddRange(bytes);
    }

    /// <summary>The number of bytes.</summary>
    public int Count => _bytes.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <summary>Gets or sets a byte.</summary>
    /// <param name="index">0-based index.</param>
    public byte this[int index]
    {
        get => _bytes[index];
        set => _bytes[index] = value;
    }

    /// <summary>A span over the current content; invalid after the length changes.</summary>
    /// <returns>The span.</returns>
    public Span<byte> AsSpan() => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes);

    /// <summary>A copy of the content as <c>bytes</c>.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>Appends bytes.</summary>
    /// <param name="bytes">The bytes to append.</param>
    public void AddRange(ReadOnlySpan<byte> bytes) => _bytes.AddRange(bytes);

    /// <inheritdoc />
    public void Add(byte item) => _bytes.Add(item);

    /// <inheritdoc />
    public void Clear() => _bytes.Clear();

    /// <inheritdoc />
    public bool Contains(byte item) => _bytes.Contains(item);

    /// <inheritdoc />
    public void CopyTo(byte[] array, int arrayIndex) => _bytes.CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public int IndexOf(byte item) => _bytes.IndexOf(item);

    /// <inheritdoc />
    public void Insert(int index, byte item) => _bytes.Insert(index, item);

    /// <inheritdoc />
    public bool Remove(byte item) => _bytes.Remove(item);

    /// <inheritdoc />
    public void RemoveAt(int index) => _bytes.RemoveAt(index);

    /// <inheritdoc />
    public IEnumerator<byte> GetEnumerator() => _bytes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PyByteArray or byte[] && PyEquality.AreEqual(this, obj);

    /// <summary>Bytearrays are unhashable in Python; this is identity-based.</summary>
    /// <returns>The identity hash.</returns>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>Python's <c>repr()</c>.</summary>
    /// <returns>For example <c>bytearray(b'ab')</c>.</returns>
    public override string ToString() => PyRepr.Repr(this);
}

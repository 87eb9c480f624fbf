namespace PyStd.Subprocess;

/// <summary>
/// Collects what a child writes to a pipe: a list of chunks that grow with the total (64 KiB up to
/// 8 MiB), so reading 100 MB copies each byte once into a chunk and once into the result.
/// </summary>
internal sealed class OutputBuffer
{
    private const int MinChunk = 64 * 1024;
    private const int MaxChunk = 8 * 1024 * 1024;
    private readonly List<(byte[] Chunk, int Used)> _full = [];
    private byte[] _current = new byte[MinChunk];
    private int _used;
    private long _fullBytes;

    /// <summary>
    /// Whether a read has returned anything, data or end of file: CPython's <c>TimeoutExpired</c> carries
    /// <c>None</c> for a stream no read has returned from yet, and <c>b''</c> after its end.
    /// </summary>
    public bool Touched { get; set; }

    /// <summary>The number of bytes collected.</summary>
    public long Length => _fullBytes + _used;

    /// <summary>Free space to read into, at least 16 KiB.</summary>
    /// <returns>The array and offset of the free space; its length is <c>array.Length - offset</c>.</returns>
    public (byte[] Array, int Offset) GetFree()
    {
        if (_current.Length - _used < 16 * 1024)
        {
            _full.Add((_current, _used));
            _fullBytes += _used;
            _current = GC.AllocateUninitializedArray<byte>((int)Math.Clamp(Length, MinChunk, MaxChunk));
            _used = 0;
        }

        return (_current, _used);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the free space as filled.</summary>
    /// <param name="count">Bytes read.</param>
    public void Advance(int count)
    {
        _used += count;
        Touched = true;
    }

    /// <summary>Everything collected, as one array.</summary>
    /// <returns>A new array.</returns>
    public byte[] ToArray()
    {
        byte[] result = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        int at = 0;
        foreach ((byte[] chunk, int used) in _full)
        {
            chunk.AsSpan(0, used).CopyTo(result.AsSpan(at));
            at += used;
        }

        _current.AsSpan(0, _used).CopyTo(result.AsSpan(at));
        return result;
    }
}

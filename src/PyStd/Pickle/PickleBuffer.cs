namespace PyStd.Pickle;

/// <summary>
/// Python's <c>pickle.PickleBuffer</c> (protocol 5, PEP 574): a contiguous block of bytes that a
/// pickle may carry out of band. Pickled in band it is written as <c>bytes</c> (read-only) or
/// <c>bytearray</c> (writable); given to <see cref="PicklerOptions.BufferCallback"/> it can instead
/// travel beside the pickle, which then holds only <c>NEXT_BUFFER</c> (and <c>READONLY_BUFFER</c>).
/// </summary>
/// <remarks>
/// The buffer does not copy: it wraps the caller's memory, which must stay unchanged until the pickle
/// (and any out-of-band transfer) is done. As in CPython, a buffer is not memoised when it goes out
/// of band: two references to one buffer make two <c>NEXT_BUFFER</c> opcodes.
/// </remarks>
public sealed class PickleBuffer
{
    /// <summary>Wraps memory as a read-only buffer (Python: <c>PickleBuffer(some_bytes)</c>).</summary>
    /// <param name="memory">The bytes.</param>
    public PickleBuffer(ReadOnlyMemory<byte> memory)
        : this(memory, isReadOnly: true)
    {
    }

    /// <summary>Wraps memory as a buffer, read-only or writable.</summary>
    /// <param name="memory">The bytes.</param>
    /// <param name="isReadOnly">
    /// True for a read-only buffer (in band it pickles as <c>bytes</c>); false for a writable one
    /// (in band it pickles as <c>bytearray</c>, as <c>PickleBuffer(bytearray(...))</c> does).
    /// </param>
    public PickleBuffer(ReadOnlyMemory<byte> memory, bool isReadOnly)
    {
        Memory = memory;
        IsReadOnly = isReadOnly;
    }

    /// <summary>The bytes (Python: <c>buffer.raw()</c>).</summary>
    public ReadOnlyMemory<byte> Memory { get; }

    /// <summary>Whether the buffer is read-only (Python: <c>memoryview(buffer).readonly</c>).</summary>
    public bool IsReadOnly { get; }

    /// <summary>The number of bytes.</summary>
    public int Length => Memory.Length;

    /// <summary>A copy of the bytes.</summary>
    /// <returns>A new array.</returns>
    public byte[] ToArray() => Memory.ToArray();

    /// <summary>A short description such as <c>&lt;PickleBuffer 12 bytes, read-only&gt;</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"<PickleBuffer {Memory.Length} bytes, {(IsReadOnly ? "read-only" : "writable")}>";
}

using System.Collections.Concurrent;
using PyStd.Objects;

namespace PyStd.Struct;

public sealed partial class Struct
{
    // CPython's _struct keeps the last compiled formats in a dict of at most 100 entries and clears
    // it when full (MAXCACHE in Modules/_struct.c); this is the same policy.
    private const int MaxCache = 100;
    private static readonly ConcurrentDictionary<string, Struct> s_cache = new(StringComparer.Ordinal);

    /// <summary>Python's <c>struct.calcsize(format)</c>: the size in bytes of the struct a format describes.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The size in bytes.</returns>
    /// <exception cref="StructException">The format is not valid.</exception>
    public static int Calcsize(string format) => Compile(format).Size;

    /// <summary>Python's <c>struct.pack(format, v1, v2, …)</c>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="values">One value per field.</param>
    /// <returns>The packed bytes.</returns>
    /// <exception cref="StructException">A bad format, the wrong number of values, or a value that does not fit its code.</exception>
    /// <exception cref="OverflowException">A float too large for <c>e</c> or standard-size <c>f</c>.</exception>
    public static byte[] Pack(string format, params object?[] values) => Compile(format).Pack(values);

    /// <summary>Python's <c>struct.pack_into(format, buffer, offset, v1, v2, …)</c>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="buffer">Where to write (a <c>byte[]</c> converts implicitly).</param>
    /// <param name="offset">Byte offset; negative counts from the end of the buffer.</param>
    /// <param name="values">One value per field.</param>
    /// <exception cref="StructException">A bad format, wrong values, or the struct does not fit at the offset.</exception>
    /// <exception cref="OverflowException">A float too large for <c>e</c> or standard-size <c>f</c>.</exception>
    public static void PackInto(string format, Span<byte> buffer, int offset, params object?[] values) =>
        Compile(format).PackInto(buffer, offset, values);

    /// <summary>Python's <c>struct.unpack(format, buffer)</c>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="buffer">Exactly <see cref="Calcsize"/> bytes.</param>
    /// <returns>One value per field.</returns>
    /// <exception cref="StructException">A bad format, or a buffer of the wrong size.</exception>
    public static PyTuple Unpack(string format, ReadOnlySpan<byte> buffer) => Compile(format).Unpack(buffer);

    /// <summary>Python's <c>struct.unpack_from(format, buffer, offset=0)</c>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">Byte offset; negative counts from the end.</param>
    /// <returns>One value per field.</returns>
    /// <exception cref="StructException">A bad format, or not enough bytes at the offset.</exception>
    public static PyTuple UnpackFrom(string format, ReadOnlySpan<byte> buffer, int offset = 0) =>
        Compile(format).UnpackFrom(buffer, offset);

    /// <summary>Python's <c>struct.iter_unpack(format, buffer)</c>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="buffer">A multiple of the struct's size.</param>
    /// <returns>One tuple per struct, unpacked as enumerated.</returns>
    /// <exception cref="StructException">A bad format, a zero-size struct, or a buffer that is not a multiple of the size.</exception>
    public static IEnumerable<PyTuple> IterUnpack(string format, ReadOnlyMemory<byte> buffer) => Compile(format).IterUnpack(buffer);

    /// <summary>Python's <c>struct.iter_unpack(format, buffer)</c> over a byte array.</summary>
    /// <param name="format">The format.</param>
    /// <param name="buffer">A multiple of the struct's size.</param>
    /// <returns>One tuple per struct, unpacked as enumerated.</returns>
    /// <exception cref="StructException">A bad format, a zero-size struct, or a buffer that is not a multiple of the size.</exception>
    public static IEnumerable<PyTuple> IterUnpack(string format, byte[] buffer) => Compile(format).IterUnpack(buffer);

    /// <summary>
    /// Returns the compiled struct for a format from the cache the static methods share, compiling
    /// it on a miss. Cheaper than <c>new Struct(format)</c> for formats used over and over.
    /// </summary>
    /// <param name="format">The format.</param>
    /// <returns>The compiled struct.</returns>
    /// <exception cref="StructException">The format is not valid.</exception>
    public static Struct Compile(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (s_cache.TryGetValue(format, out Struct? compiled))
        {
            return compiled;
        }

        compiled = new Struct(format);
        if (s_cache.Count >= MaxCache)
        {
            s_cache.Clear();
        }

        s_cache[format] = compiled;
        return compiled;
    }
}

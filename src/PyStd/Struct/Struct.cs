using PyStd.Objects;

namespace PyStd.Struct;

/// <summary>
/// Python's <c>struct</c> module: converts between values and C structs packed as bytes,
/// byte for byte as CPython 3.11 on linux-x64 does.
/// </summary>
/// <remarks>
/// <para>
/// A format string is an optional byte-order prefix followed by codes, each optionally preceded by
/// a repeat count (<c>"&lt;3hd"</c> = three little-endian shorts then a double). Whitespace may
/// separate codes but not a count from its code.
/// </para>
/// <list type="table">
/// <listheader><term>Prefix</term><description>Byte order, sizes, alignment</description></listheader>
/// <item><term><c>@</c> (default)</term><description>native: little-endian, <c>l L n N P</c> are 8 bytes, fields aligned as a C compiler would</description></item>
/// <item><term><c>=</c></term><description>native byte order, standard sizes, no alignment</description></item>
/// <item><term><c>&lt;</c></term><description>little-endian, standard sizes, no alignment</description></item>
/// <item><term><c>&gt;</c> or <c>!</c></term><description>big-endian (network), standard sizes, no alignment</description></item>
/// </list>
/// <list type="table">
/// <listheader><term>Code</term><description>Packs / unpacks as</description></listheader>
/// <item><term><c>x</c></term><description>a zero pad byte, no value</description></item>
/// <item><term><c>c</c></term><description><c>byte[]</c> of length 1</description></item>
/// <item><term><c>b B</c></term><description>int, 1 byte signed / unsigned</description></item>
/// <item><term><c>?</c></term><description>any value's Python truth / <c>bool</c></description></item>
/// <item><term><c>h H</c>, <c>i I</c>, <c>l L</c>, <c>q Q</c></term><description>int, 2, 4, 4 (8 native), 8 bytes</description></item>
/// <item><term><c>n N P</c></term><description>int, 8 bytes (native mode only)</description></item>
/// <item><term><c>e f d</c></term><description><c>double</c> as 2-, 4-, 8-byte IEEE 754</description></item>
/// <item><term><c>s</c>, <c>p</c></term><description><c>byte[]</c>: <c>10s</c> is one 10-byte string, <c>10p</c> a length byte and up to 9 bytes</description></item>
/// </list>
/// <para>
/// Values follow PyStd's value model: ints come back as <see cref="long"/> (or
/// <see cref="System.Numerics.BigInteger"/> above <see cref="long.MaxValue"/>), floats as
/// <see cref="double"/>, bytes as <c>byte[]</c>, bools as <see cref="bool"/>; ints go in as any .NET
/// integer type, <see cref="System.Numerics.BigInteger"/> or <see cref="bool"/>.
/// </para>
/// <code>
/// using PyStd.Struct;
///
/// byte[] packed = Struct.Pack("&gt;hhl", 1, 2, 3);          // 00 01 00 02 00 00 00 03
/// PyTuple values = Struct.Unpack("&gt;hhl", packed);         // (1, 2, 3)
///
/// var record = new Struct("&lt;hhl");                      // compile once, use many times
/// (short a, short b, int c) = record.Unpack&lt;short, short, int&gt;(packed); // no allocation
/// </code>
/// <para>
/// The static methods compile formats through a small cache (100 formats, cleared when full, as
/// CPython's <c>_struct</c> does). The generic methods (<see cref="Unpack{T1, T2}(ReadOnlySpan{byte})"/>,
/// <see cref="PackTo{T1, T2}(Span{byte}, T1, T2)"/>, <see cref="UnpackArray{T}(ReadOnlySpan{byte}, Span{T})"/> …)
/// are the fast path: no boxing, no allocation, one type check per field.
/// </para>
/// <para>Fast-path types: each field's CLR type must match its code exactly.</para>
/// <list type="table">
/// <listheader><term>Code</term><description>Type</description></listheader>
/// <item><term><c>b</c> / <c>B c</c></term><description><see cref="sbyte"/> / <see cref="byte"/></description></item>
/// <item><term><c>h</c> / <c>H</c></term><description><see cref="short"/> / <see cref="ushort"/></description></item>
/// <item><term><c>i</c> / <c>I</c>, standard-size <c>l</c> / <c>L</c></term><description><see cref="int"/> / <see cref="uint"/></description></item>
/// <item><term><c>q</c> / <c>Q</c>, native <c>l n</c> / <c>L N P</c></term><description><see cref="long"/> or <see cref="nint"/> / <see cref="ulong"/> or <see cref="nuint"/></description></item>
/// <item><term><c>?</c></term><description><see cref="bool"/> (any non-zero byte reads as true)</description></item>
/// <item><term><c>e f d</c></term><description><see cref="System.Half"/>, <see cref="float"/>, <see cref="double"/> (bits copied as they are)</description></item>
/// </list>
/// <para>
/// Errors are CPython's: <see cref="StructException"/> (<c>struct.error</c>) with CPython's message,
/// and <see cref="OverflowException"/> where CPython raises <c>OverflowError</c> (a float too large
/// for <c>e</c> or standard-size <c>f</c>).
/// </para>
/// </remarks>
public sealed partial class Struct
{
    private readonly FieldRun[] _runs;
    private readonly int _size;
    private readonly int _count;
    private readonly bool _bigEndian;
    private readonly bool _swap;
    private readonly bool _hasGaps;
    private readonly FastField[]? _fast;
    private readonly byte _arrayKind;
    private readonly int _arrayStart;
    private readonly bool _arrayContiguous;
    private readonly bool _sequential;

    // The FastKey of the last list of types the generic methods validated against this struct; a
    // benign race (a reference write) that lets repeat calls skip the per-field checks.
    private object? _fastKey;

    /// <summary>Compiles a format string, like Python's <c>struct.Struct(format)</c>.</summary>
    /// <param name="format">The format, e.g. <c>"&lt;hhl"</c>.</param>
    /// <exception cref="StructException">The format is not valid (<c>bad char in struct format</c> …).</exception>
    /// <exception cref="ArgumentException">The format has a non-ASCII character (CPython's <c>UnicodeEncodeError</c>).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="format"/> is null.</exception>
    public Struct(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        StructLayout layout = FormatParser.Parse(format);
        Format = format;
        _runs = layout.Runs;
        _size = layout.Size;
        _count = layout.Count;
        _bigEndian = layout.BigEndian;
        _swap = layout.BigEndian == BitConverter.IsLittleEndian;
        _hasGaps = HasGaps(_runs, _size);
        _fast = _count <= MaxArity ? ExpandFields(_runs, _count) : null;
        (_arrayKind, _arrayStart, _arrayContiguous) = ArrayShape(_runs);
        _sequential = !_hasGaps && _fast is not null;
    }

    /// <summary>The format string this struct was compiled from.</summary>
    public string Format { get; }

    /// <summary>The size in bytes of a packed struct (Python's <c>Struct.size</c>, <c>struct.calcsize(format)</c>).</summary>
    public int Size => _size;

    /// <summary>How many values the struct packs and unpacks (pad bytes <c>x</c> have none; <c>10s</c> has one).</summary>
    public int FieldCount => _count;

    /// <summary>Python's <c>Struct.pack(v1, v2, …)</c>: packs values into a new byte array of <see cref="Size"/> bytes.</summary>
    /// <param name="values">One value per field. (C# passes a lone <c>null</c> as the array itself: write <c>(object?)null</c> to pack one <c>None</c>.)</param>
    /// <returns>The packed bytes.</returns>
    /// <exception cref="StructException">Wrong number of values, or a value that does not fit its code.</exception>
    /// <exception cref="OverflowException">A float too large for <c>e</c> or standard-size <c>f</c>.</exception>
    public byte[] Pack(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _count)
        {
            StructThrow.PackCount(_count, values.Length);
        }

        byte[] result = _size == 0 ? [] : new byte[_size];
        PackCore(result, values, zeroed: true);
        return result;
    }

    /// <summary>
    /// Python's <c>Struct.pack_into(buffer, offset, v1, v2, …)</c>: packs values into
    /// <paramref name="buffer"/> at <paramref name="offset"/>; a negative offset counts from the end.
    /// </summary>
    /// <param name="buffer">Where to write.</param>
    /// <param name="offset">Byte offset; negative counts from the end of the buffer, as in Python.</param>
    /// <param name="values">One value per field.</param>
    /// <exception cref="StructException">Wrong number of values, a value that does not fit, or the struct does not fit at the offset.</exception>
    /// <exception cref="OverflowException">A float too large for <c>e</c> or standard-size <c>f</c>.</exception>
    /// <remarks>As in CPython, a value that fails to pack leaves the struct's bytes zeroed up to it.</remarks>
    public void PackInto(Span<byte> buffer, int offset, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _count)
        {
            StructThrow.PackIntoCount(_count, values.Length);
        }

        long start = offset;
        if (start < 0)
        {
            if (start + _size > 0)
            {
                StructThrow.NoSpace(_size, start);
            }

            if (start + buffer.Length < 0)
            {
                StructThrow.OffsetOutOfRange(start, buffer.Length);
            }

            start += buffer.Length;
        }

        if (buffer.Length - start < _size)
        {
            StructThrow.PackIntoSize(_size, start, buffer.Length);
        }

        PackCore(buffer[(int)start..], values);
    }

    /// <summary>Python's <c>Struct.unpack(buffer)</c>: unpacks exactly <see cref="Size"/> bytes.</summary>
    /// <param name="buffer">The bytes; its length must be <see cref="Size"/>.</param>
    /// <returns>One value per field.</returns>
    /// <exception cref="StructException">The buffer is not <see cref="Size"/> bytes long.</exception>
    public PyTuple Unpack(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length != _size)
        {
            StructThrow.UnpackSize(_size);
        }

        return UnpackCore(buffer);
    }

    /// <summary>
    /// Python's <c>Struct.unpack_from(buffer, offset=0)</c>: unpacks <see cref="Size"/> bytes starting at
    /// <paramref name="offset"/>; the buffer may be longer. A negative offset counts from the end.
    /// </summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="offset">Byte offset; negative counts from the end, as in Python.</param>
    /// <returns>One value per field.</returns>
    /// <exception cref="StructException">Not enough bytes at the offset.</exception>
    public PyTuple UnpackFrom(ReadOnlySpan<byte> buffer, int offset = 0)
    {
        long start = offset;
        if (start < 0)
        {
            if (start + _size > 0)
            {
                StructThrow.NotEnoughData(_size, start);
            }

            if (start + buffer.Length < 0)
            {
                StructThrow.OffsetOutOfRange(start, buffer.Length);
            }

            start += buffer.Length;
        }

        if (buffer.Length - start < _size)
        {
            StructThrow.UnpackFromSize(_size, start, buffer.Length);
        }

        return UnpackCore(buffer[(int)start..]);
    }

    /// <summary>
    /// Python's <c>Struct.iter_unpack(buffer)</c>: unpacks consecutive structs. The buffer's length is
    /// checked now; the structs are unpacked as the sequence is enumerated.
    /// </summary>
    /// <param name="buffer">The bytes; a multiple of <see cref="Size"/> long.</param>
    /// <returns>One tuple per struct.</returns>
    /// <exception cref="StructException">The struct's size is 0, or the buffer's length is not a multiple of it.</exception>
    public IEnumerable<PyTuple> IterUnpack(ReadOnlyMemory<byte> buffer)
    {
        if (_size == 0)
        {
            StructThrow.IterativeEmpty();
        }

        if (buffer.Length % _size != 0)
        {
            StructThrow.IterativeSize(_size);
        }

        return IterUnpackCore(buffer);
    }

    /// <summary>Python's <c>Struct.iter_unpack(buffer)</c> over a byte array.</summary>
    /// <param name="buffer">The bytes; a multiple of <see cref="Size"/> long.</param>
    /// <returns>One tuple per struct.</returns>
    /// <exception cref="StructException">The struct's size is 0, or the buffer's length is not a multiple of it.</exception>
    public IEnumerable<PyTuple> IterUnpack(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return IterUnpack(new ReadOnlyMemory<byte>(buffer));
    }

    /// <summary>A readable form, <c>Struct('&lt;hhl')</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Struct({PyRepr.Repr(Format)})";

    private IEnumerable<PyTuple> IterUnpackCore(ReadOnlyMemory<byte> buffer)
    {
        for (int start = 0; start < buffer.Length; start += _size)
        {
            yield return UnpackCore(buffer.Span.Slice(start, _size));
        }
    }

    private static bool HasGaps(FieldRun[] runs, int size)
    {
        int covered = 0;
        int end = 0;
        foreach (FieldRun run in runs)
        {
            if (run.Offset != end)
            {
                return true;
            }

            end = run.Offset + (run.Repeat * run.ItemSize);
            covered = end;
        }

        return covered != size;
    }

    private static FastField[] ExpandFields(FieldRun[] runs, int count)
    {
        var fields = new FastField[count];
        int k = 0;
        foreach (FieldRun run in runs)
        {
            for (int i = 0; i < run.Repeat; i++)
            {
                fields[k++] = new FastField(run.Offset + (i * run.ItemSize), run.Code.FastKind, run.Code.Code);
            }
        }

        return fields;
    }

    private static (byte Kind, int Start, bool Contiguous) ArrayShape(FieldRun[] runs)
    {
        if (runs.Length == 0 || runs[0].Code.FastKind == FastKind.None)
        {
            return (FastKind.None, 0, false);
        }

        byte kind = runs[0].Code.FastKind;
        bool contiguous = true;
        int end = runs[0].Offset;
        foreach (FieldRun run in runs)
        {
            if (run.Code.FastKind != kind)
            {
                return (FastKind.None, 0, false);
            }

            contiguous &= run.Offset == end;
            end = run.Offset + (run.Repeat * run.ItemSize);
        }

        return (kind, runs[0].Offset, contiguous);
    }
}

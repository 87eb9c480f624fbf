using System.Buffers.Binary;
using System.Collections;
using System.Runtime.InteropServices;
using System.Text;

namespace PyStd.Array;

// Bulk conversions: CPython's frombytes/tobytes, fromlist/tolist, fromfile/tofile,
// fromunicode/tounicode and byteswap (Modules/arraymodule.c).
public sealed partial class PyArray
{
    /// <summary>Python's <c>a.frombytes(b)</c>: appends items from their machine bytes (native order, as <see cref="ToBytes"/> writes them).</summary>
    /// <param name="bytes">The bytes; a multiple of <see cref="Itemsize"/> long.</param>
    /// <exception cref="PyValueException"><c>bytes length not a multiple of item size</c> (nothing is appended).</exception>
    public void FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % _descr.ItemSize != 0)
        {
            throw new PyValueException("bytes length not a multiple of item size");
        }

        AppendRaw(bytes);
    }

    /// <summary>Python's <c>a.tobytes()</c>: a copy of the items' machine bytes.</summary>
    /// <returns>The bytes, <see cref="Count"/> × <see cref="Itemsize"/> long.</returns>
    public byte[] ToBytes() => AsBytes().ToArray();

    /// <summary>Python's <c>a.byteswap()</c>: reverses the byte order of every item in place (a no-op for 1-byte items).</summary>
    public void Byteswap()
    {
        switch (_descr.ItemSize)
        {
            case 1:
                break;
            case 2:
                BinaryPrimitives.ReverseEndianness(AsSpanUnchecked<ushort>(), AsSpanUnchecked<ushort>());
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(AsSpanUnchecked<uint>(), AsSpanUnchecked<uint>());
                break;
            default:
                BinaryPrimitives.ReverseEndianness(AsSpanUnchecked<ulong>(), AsSpanUnchecked<ulong>());
                break;
        }
    }

    /// <summary>
    /// Python's <c>a.fromlist(list)</c>: appends the items of a list. Unlike <see cref="Extend"/>, it
    /// is all or nothing: a bad item leaves the array unchanged.
    /// </summary>
    /// <param name="list">The items (a <see cref="List{T}"/> or any other sequence).</param>
    /// <exception cref="PyTypeException">A value of the wrong type.</exception>
    /// <exception cref="OverflowException">An int out of the item type's range.</exception>
    public void FromList(IEnumerable list)
    {
        ArgumentNullException.ThrowIfNull(list);
        AppendAll(list, atomic: true);
    }

    /// <summary>Python's <c>a.tolist()</c>: the items as a list of Python values.</summary>
    /// <returns>A new list.</returns>
    /// <exception cref="PyValueException">A <c>u</c> item is not a code point (<c>chr() arg not in range(0x110000)</c>).</exception>
    public List<object?> ToList()
    {
        var list = new List<object?>(_count);
        for (int i = 0; i < _count; i++)
        {
            list.Add(GetItem(i));
        }

        return list;
    }

    /// <summary>
    /// Python's <c>a.fromfile(f, n)</c>: reads <paramref name="count"/> items from a stream and
    /// appends them. When the stream ends early, the whole items that were read are appended and
    /// <see cref="PyEofException"/> is raised; if the bytes read are not a whole number of items,
    /// nothing is appended and <see cref="PyValueException"/> is raised, as in CPython.
    /// </summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="count">How many items to read.</param>
    /// <exception cref="PyValueException"><c>negative count</c>, or <c>bytes length not a multiple of item size</c>.</exception>
    /// <exception cref="PyEofException"><c>read() didn't return enough bytes</c>.</exception>
    public void FromFile(Stream stream, int count)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (count < 0)
        {
            throw new PyValueException("negative count");
        }

        long wanted = (long)count * _descr.ItemSize;
        using var read = new MemoryStream();
        byte[] chunk = new byte[(int)Math.Min(wanted, 1 << 16)];
        while (read.Length < wanted)
        {
            int n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, wanted - read.Length));
            if (n == 0)
            {
                break;
            }

            read.Write(chunk, 0, n);
        }

        FromBytes(read.GetBuffer().AsSpan(0, (int)read.Length));
        if (read.Length != wanted)
        {
            throw new PyEofException("read() didn't return enough bytes");
        }
    }

    /// <summary>Python's <c>a.tofile(f)</c>: writes the items' machine bytes to a stream.</summary>
    /// <param name="stream">A writable stream.</param>
    public void ToFile(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(AsBytes());
    }

    /// <summary>
    /// Python's <c>a.fromunicode(s)</c> (typecode <c>u</c> only): appends one item per code point of
    /// <paramref name="text"/>; a surrogate pair is one code point, a lone surrogate is kept as is.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <exception cref="PyValueException"><c>fromunicode() may only be called on unicode type arrays</c>.</exception>
    public void FromUnicode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_descr.Kind != ItemKind.Unicode)
        {
            throw new PyValueException("fromunicode() may only be called on unicode type arrays");
        }

        EnsureCapacity(checked(_count + text.Length));
        Span<int> items = MemoryMarshal.Cast<byte, int>(_buffer.AsSpan());
        int n = _count;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                items[n++] = char.ConvertToUtf32(c, text[++i]);
            }
            else
            {
                items[n++] = c;
            }
        }

        _count = n;
    }

    /// <summary>
    /// Python's <c>a.tounicode()</c> (typecode <c>u</c> only): the items as a string. Code points
    /// above U+FFFF become surrogate pairs; see the remarks on <see cref="PyArray"/> about adjacent
    /// lone surrogates.
    /// </summary>
    /// <returns>The text.</returns>
    /// <exception cref="PyValueException"><c>tounicode() may only be called on unicode type arrays</c>, or <c>character U+110000 is not in range [U+0000; U+10ffff]</c>.</exception>
    public string ToUnicode()
    {
        if (_descr.Kind != ItemKind.Unicode)
        {
            throw new PyValueException("tounicode() may only be called on unicode type arrays");
        }

        return CodePointsToString(AsSpanUnchecked<int>());
    }

    private static string CodePointsToString(ReadOnlySpan<int> codePoints)
    {
        var sb = new StringBuilder(codePoints.Length);
        foreach (int cp in codePoints)
        {
            if ((uint)cp > 0x10FFFF)
            {
                throw new PyValueException($"character U+{(uint)cp:x} is not in range [U+0000; U+10ffff]");
            }

            if (cp < 0x10000)
            {
                sb.Append((char)cp);
            }
            else
            {
                sb.Append((char)(0xD7C0 + (cp >> 10))).Append((char)(0xDC00 | (cp & 0x3FF)));
            }
        }

        return sb.ToString();
    }
}

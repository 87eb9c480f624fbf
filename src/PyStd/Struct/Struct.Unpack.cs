using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Struct;

public sealed partial class Struct
{
    /// <summary>CPython's <c>s_unpack_internal</c>: <paramref name="source"/> starts at the struct and holds at least <see cref="Size"/> bytes.</summary>
    private PyTuple UnpackCore(ReadOnlySpan<byte> source)
    {
        if (_count == 0)
        {
            return PyTuple.Empty;
        }

        var items = new object?[_count];
        bool big = _bigEndian;
        int k = 0;
        foreach (FieldRun run in _runs)
        {
            switch (run.Code.Kind)
            {
                case CodeKind.SignedInt:
                {
                    int shift = 64 - (8 * run.ItemSize);
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        ulong bits = ReadInteger(source.Slice(run.Offset + (i * run.ItemSize)), run.ItemSize, big);
                        items[k++] = StructValues.Box((long)(bits << shift) >> shift);
                    }

                    break;
                }

                case CodeKind.UnsignedInt:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        items[k++] = StructValues.BoxUnsigned(ReadInteger(source.Slice(run.Offset + (i * run.ItemSize)), run.ItemSize, big));
                    }

                    break;
                case CodeKind.Double:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        items[k++] = BitConverter.Int64BitsToDouble((long)ReadInteger(source.Slice(run.Offset + (i * 8)), 8, big));
                    }

                    break;
                case CodeKind.Float:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        items[k++] = (double)BitConverter.UInt32BitsToSingle((uint)ReadInteger(source.Slice(run.Offset + (i * 4)), 4, big));
                    }

                    break;
                case CodeKind.Half:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        items[k++] = HalfFloat.Unpack((ushort)ReadInteger(source.Slice(run.Offset + (i * 2)), 2, big));
                    }

                    break;
                case CodeKind.Bool:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        items[k++] = source[run.Offset + i] != 0 ? StructValues.True : StructValues.False;
                    }

                    break;
                case CodeKind.Char:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        items[k++] = new[] { source[run.Offset + i] };
                    }

                    break;
                case CodeKind.String:
                    items[k++] = source.Slice(run.Offset, run.ItemSize).ToArray();
                    break;
                case CodeKind.Pascal:
                {
                    // CPython 3.11 fails here for a count of 0 (SystemError: negative size passed to
                    // PyBytes_FromStringAndSize); PyStd returns empty bytes, as later CPythons do.
                    int n = 0;
                    if (run.ItemSize > 0)
                    {
                        n = Math.Min(source[run.Offset], run.ItemSize - 1);
                    }

                    items[k++] = n == 0 ? System.Array.Empty<byte>() : source.Slice(run.Offset + 1, n).ToArray();
                    break;
                }
            }
        }

        return PyTuple.FromOwnedArray(items);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadInteger(ReadOnlySpan<byte> source, int size, bool big) => size switch
    {
        1 => source[0],
        2 => big ? BinaryPrimitives.ReadUInt16BigEndian(source) : BinaryPrimitives.ReadUInt16LittleEndian(source),
        4 => big ? BinaryPrimitives.ReadUInt32BigEndian(source) : BinaryPrimitives.ReadUInt32LittleEndian(source),
        _ => big ? BinaryPrimitives.ReadUInt64BigEndian(source) : BinaryPrimitives.ReadUInt64LittleEndian(source),
    };
}

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Struct;

public sealed partial class Struct
{
    /// <summary>
    /// CPython's <c>s_pack_internal</c>: zero the struct's bytes, then pack value by value.
    /// <paramref name="destination"/> starts at the struct and may run past it (pack_into's buffer);
    /// <paramref name="zeroed"/> says its first <see cref="Size"/> bytes are already zero (a new array).
    /// </summary>
    private void PackCore(Span<byte> destination, object?[] values, bool zeroed = false)
    {
        if (!zeroed)
        {
            destination[.._size].Clear();
        }

        bool big = _bigEndian;
        int k = 0;
        foreach (FieldRun run in _runs)
        {
            FormatCode code = run.Code;
            switch (code.Kind)
            {
                case CodeKind.SignedInt:
                case CodeKind.UnsignedInt:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        object? v = values[k++];
                        ulong bits = v is long l && l >= code.LongMin && l <= code.LongMax ? (ulong)l : IntegerBits(v, code);
                        WriteInteger(destination.Slice(run.Offset + (i * run.ItemSize)), run.ItemSize, big, bits);
                    }

                    break;
                case CodeKind.Double:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        object? v = values[k++];
                        double x = v is double d ? d : FloatArgument(v);
                        WriteInteger(destination.Slice(run.Offset + (i * 8)), 8, big, (ulong)BitConverter.DoubleToInt64Bits(x));
                    }

                    break;
                case CodeKind.Float:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        object? v = values[k++];
                        double x = v is double d ? d : FloatArgument(v);
                        float y = (float)x;
                        if (!code.UncheckedFloat && float.IsInfinity(y) && !double.IsInfinity(x))
                        {
                            StructThrow.FloatTooLarge('f', v);
                        }

                        WriteInteger(destination.Slice(run.Offset + (i * 4)), 4, big, BitConverter.SingleToUInt32Bits(y));
                    }

                    break;
                case CodeKind.Half:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        object? v = values[k++];
                        double x = v is double d ? d : FloatArgument(v);
                        if (!HalfFloat.TryPack(x, out ushort half))
                        {
                            StructThrow.FloatTooLarge('e', v);
                        }

                        WriteInteger(destination.Slice(run.Offset + (i * 2)), 2, big, half);
                    }

                    break;
                case CodeKind.Bool:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        destination[run.Offset + i] = StructValues.IsTrue(values[k++]) ? (byte)1 : (byte)0;
                    }

                    break;
                case CodeKind.Char:
                    for (int i = 0; i < run.Repeat; i++)
                    {
                        // Only bytes, not bytearray: CPython's np_char checks PyBytes_Check.
                        if (values[k++] is not byte[] { Length: 1 } one)
                        {
                            StructThrow.NotAChar();
                            return;
                        }

                        destination[run.Offset + i] = one[0];
                    }

                    break;
                case CodeKind.String:
                {
                    ReadOnlySpan<byte> bytes = BytesArgument(values[k++], 's');
                    int n = Math.Min(bytes.Length, run.ItemSize);
                    bytes[..n].CopyTo(destination.Slice(run.Offset));
                    break;
                }

                case CodeKind.Pascal:
                {
                    ReadOnlySpan<byte> bytes = BytesArgument(values[k++], 'p');
                    int n = Math.Min(bytes.Length, run.ItemSize - 1);
                    if (n > 0)
                    {
                        bytes[..n].CopyTo(destination.Slice(run.Offset + 1));
                    }

                    // With a count of 0 CPython still writes the length byte (n is -1, stored as 0xff)
                    // at the field's offset, which is the next field's first byte or just past the
                    // struct; PyStd does the same wherever that byte is inside the buffer.
                    if (run.Offset < destination.Length)
                    {
                        destination[run.Offset] = (byte)Math.Min(n, 255);
                    }

                    break;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteInteger(Span<byte> destination, int size, bool big, ulong bits)
    {
        switch (size)
        {
            case 1:
                destination[0] = (byte)bits;
                break;
            case 2:
                if (big)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)bits);
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)bits);
                }

                break;
            case 4:
                if (big)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)bits);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)bits);
                }

                break;
            default:
                if (big)
                {
                    BinaryPrimitives.WriteUInt64BigEndian(destination, bits);
                }
                else
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(destination, bits);
                }

                break;
        }
    }

    /// <summary>The slow path for an int code: any integer type, range checks in CPython's order and words.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong IntegerBits(object? value, FormatCode code)
    {
        if (!StructValues.TryGetInteger(value, out Int128 x, out bool huge))
        {
            StructThrow.NotAnInteger();
        }

        if (huge || x < code.ConvertMin || x > code.ConvertMax)
        {
            StructThrow.Error(code.ConvertMessage);
        }

        if (x < code.RangeMin || x > code.RangeMax)
        {
            StructThrow.Error(code.RangeMessage);
        }

        return (ulong)x;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double FloatArgument(object? value)
    {
        if (!StructValues.TryGetDouble(value, out double x))
        {
            StructThrow.NotAFloat();
        }

        return x;
    }

    private static ReadOnlySpan<byte> BytesArgument(object? value, char code)
    {
        switch (value)
        {
            case byte[] bytes:
                return bytes;
            case PyByteArray array:
                return array.AsSpan();
            default:
                StructThrow.NotBytes(code);
                return default;
        }
    }
}

using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PyStd.Struct;

public sealed partial class Struct
{
    /// <summary>
    /// Unpacks a struct whose fields all share one code (<c>"&lt;1000d"</c>, <c>"&gt;64H"</c>) into a
    /// span: one copy, plus a vectorised byte swap when the byte order differs from the machine's.
    /// </summary>
    /// <typeparam name="T">The fields' type (<see cref="double"/> for <c>d</c>, <see cref="ushort"/> for <c>H</c> …).</typeparam>
    /// <param name="buffer">Exactly <see cref="Size"/> bytes.</param>
    /// <param name="destination">At least <see cref="FieldCount"/> items.</param>
    /// <returns><see cref="FieldCount"/>, the number of items written.</returns>
    /// <exception cref="StructException">The buffer is not <see cref="Size"/> bytes long.</exception>
    /// <exception cref="ArgumentException">The fields are not all of type <typeparamref name="T"/>, or <paramref name="destination"/> is too short.</exception>
    public int UnpackArray<T>(ReadOnlySpan<byte> buffer, Span<T> destination)
        where T : unmanaged
    {
        CheckArray<T>(destination.Length, nameof(destination));
        if (buffer.Length != _size)
        {
            StructThrow.UnpackSize(_size);
        }

        if (!_arrayContiguous)
        {
            UnpackArraySlow(buffer, destination);
            return _count;
        }

        ReadOnlySpan<byte> data = buffer.Slice(_arrayStart, _count * Unsafe.SizeOf<T>());
        if (typeof(T) == typeof(bool))
        {
            Span<bool> flags = MemoryMarshal.Cast<T, bool>(destination);
            for (int i = 0; i < data.Length; i++)
            {
                flags[i] = data[i] != 0;
            }
        }
        else if (!_swap || Unsafe.SizeOf<T>() == 1)
        {
            data.CopyTo(MemoryMarshal.AsBytes(destination));
        }
        else if (Unsafe.SizeOf<T>() == 2)
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(data), MemoryMarshal.Cast<T, ushort>(destination));
        }
        else if (Unsafe.SizeOf<T>() == 4)
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(data), MemoryMarshal.Cast<T, uint>(destination));
        }
        else
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(data), MemoryMarshal.Cast<T, ulong>(destination));
        }

        return _count;
    }

    /// <summary>
    /// Packs a span of values into a struct whose fields all share one code (<c>"&lt;1000d"</c>):
    /// one copy, plus a vectorised byte swap when the byte order differs from the machine's.
    /// </summary>
    /// <typeparam name="T">The fields' type.</typeparam>
    /// <param name="values">Exactly <see cref="FieldCount"/> items.</param>
    /// <param name="destination">At least <see cref="Size"/> bytes; the first <see cref="Size"/> are written.</param>
    /// <returns><see cref="Size"/>, the number of bytes written.</returns>
    /// <exception cref="StructException">The destination is shorter than <see cref="Size"/>, or the number of values is wrong.</exception>
    /// <exception cref="ArgumentException">The fields are not all of type <typeparamref name="T"/>.</exception>
    public int PackArray<T>(ReadOnlySpan<T> values, Span<byte> destination)
        where T : unmanaged
    {
        CheckArray<T>(int.MaxValue, nameof(values));
        if (values.Length != _count)
        {
            StructThrow.PackCount(_count, values.Length);
        }

        if (destination.Length < _size)
        {
            StructThrow.PackIntoSize(_size, 0, destination.Length);
        }

        if (_hasGaps)
        {
            destination[.._size].Clear();
        }

        if (!_arrayContiguous)
        {
            PackArraySlow(values, destination);
            return _size;
        }

        Span<byte> data = destination.Slice(_arrayStart, _count * Unsafe.SizeOf<T>());
        if (typeof(T) == typeof(bool))
        {
            ReadOnlySpan<bool> flags = MemoryMarshal.Cast<T, bool>(values);
            for (int i = 0; i < flags.Length; i++)
            {
                data[i] = flags[i] ? (byte)1 : (byte)0;
            }
        }
        else if (!_swap || Unsafe.SizeOf<T>() == 1)
        {
            MemoryMarshal.AsBytes(values).CopyTo(data);
        }
        else if (Unsafe.SizeOf<T>() == 2)
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, ushort>(values), MemoryMarshal.Cast<byte, ushort>(data));
        }
        else if (Unsafe.SizeOf<T>() == 4)
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, uint>(values), MemoryMarshal.Cast<byte, uint>(data));
        }
        else
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, ulong>(values), MemoryMarshal.Cast<byte, ulong>(data));
        }

        return _size;
    }

    /// <summary>Unpacks a homogeneous struct into a span, compiling <paramref name="format"/> through the cache; see <see cref="UnpackArray{T}(ReadOnlySpan{byte}, Span{T})"/>.</summary>
    /// <typeparam name="T">The fields' type.</typeparam>
    /// <param name="format">The format, e.g. <c>"&lt;1000d"</c>.</param>
    /// <param name="buffer">Exactly <see cref="Calcsize"/> bytes.</param>
    /// <param name="destination">At least as many items as the format has fields.</param>
    /// <returns>The number of items written.</returns>
    /// <exception cref="StructException">A bad format, or a buffer of the wrong size.</exception>
    /// <exception cref="ArgumentException">The fields are not all of type <typeparamref name="T"/>, or <paramref name="destination"/> is too short.</exception>
    public static int UnpackArray<T>(string format, ReadOnlySpan<byte> buffer, Span<T> destination)
        where T : unmanaged
        => Compile(format).UnpackArray(buffer, destination);

    /// <summary>Packs a span into a homogeneous struct, compiling <paramref name="format"/> through the cache; see <see cref="PackArray{T}(ReadOnlySpan{T}, Span{byte})"/>.</summary>
    /// <typeparam name="T">The fields' type.</typeparam>
    /// <param name="format">The format, e.g. <c>"&lt;1000d"</c>.</param>
    /// <param name="values">One item per field.</param>
    /// <param name="destination">At least <see cref="Calcsize"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="StructException">A bad format, the wrong number of values, or a destination that is too short.</exception>
    /// <exception cref="ArgumentException">The fields are not all of type <typeparamref name="T"/>.</exception>
    public static int PackArray<T>(string format, ReadOnlySpan<T> values, Span<byte> destination)
        where T : unmanaged
        => Compile(format).PackArray(values, destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckArray<T>(int destinationLength, string parameter)
    {
        if (_arrayKind == FastKind.None || _arrayKind != FastPath.KindOf<T>())
        {
            ThrowArrayType(typeof(T));
        }

        if (destinationLength < _count)
        {
            ThrowArrayLength(destinationLength, parameter);
        }
    }

    private void UnpackArraySlow<T>(ReadOnlySpan<byte> buffer, Span<T> destination)
        where T : unmanaged
    {
        ref byte b = ref MemoryMarshal.GetReference(buffer);
        int k = 0;
        foreach (FieldRun run in _runs)
        {
            for (int i = 0; i < run.Repeat; i++)
            {
                destination[k++] = FastPath.Read<T>(ref b, run.Offset + (i * run.ItemSize), _swap);
            }
        }
    }

    private void PackArraySlow<T>(ReadOnlySpan<T> values, Span<byte> destination)
        where T : unmanaged
    {
        ref byte b = ref MemoryMarshal.GetReference(destination);
        int k = 0;
        foreach (FieldRun run in _runs)
        {
            for (int i = 0; i < run.Repeat; i++)
            {
                FastPath.Write(ref b, run.Offset + (i * run.ItemSize), _swap, values[k++]);
            }
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowArrayType(Type type) =>
        throw new ArgumentException(_arrayKind == FastKind.None
            ? $"{this} does not hold fields of a single numeric code, so it has no array form."
            : $"The fields of {this} are {FastPath.Describe(_arrayKind)}; they cannot be read or written as {type.Name}.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowArrayLength(int length, string parameter) =>
        throw new ArgumentException($"{this} has {_count} fields, but the span holds {length}.", parameter);
}

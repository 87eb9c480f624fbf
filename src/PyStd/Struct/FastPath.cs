using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace PyStd.Struct;

/// <summary>
/// Typed reads and writes for the generic fast path. Every branch tests <c>typeof(T)</c> or
/// <c>Unsafe.SizeOf&lt;T&gt;()</c>, which the JIT folds per instantiation, so a call compiles to
/// one unaligned load or store and, for the other byte order, one byte swap.
/// </summary>
internal static class FastPath
{
    /// <summary>The <see cref="FastKind"/> a CLR type matches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte KindOf<T>()
    {
        if (typeof(T) == typeof(sbyte))
        {
            return FastKind.Signed | 1;
        }

        if (typeof(T) == typeof(byte))
        {
            return FastKind.Unsigned | 1;
        }

        if (typeof(T) == typeof(short))
        {
            return FastKind.Signed | 2;
        }

        if (typeof(T) == typeof(ushort))
        {
            return FastKind.Unsigned | 2;
        }

        if (typeof(T) == typeof(int))
        {
            return FastKind.Signed | 4;
        }

        if (typeof(T) == typeof(uint))
        {
            return FastKind.Unsigned | 4;
        }

        if (typeof(T) == typeof(long) || (typeof(T) == typeof(nint) && IntPtr.Size == 8))
        {
            return FastKind.Signed | 8;
        }

        if (typeof(T) == typeof(ulong) || (typeof(T) == typeof(nuint) && IntPtr.Size == 8))
        {
            return FastKind.Unsigned | 8;
        }

        if (typeof(T) == typeof(bool))
        {
            return FastKind.Boolean | 1;
        }

        if (typeof(T) == typeof(Half))
        {
            return FastKind.Floating | 2;
        }

        if (typeof(T) == typeof(float))
        {
            return FastKind.Floating | 4;
        }

        if (typeof(T) == typeof(double))
        {
            return FastKind.Floating | 8;
        }

        return FastKind.None;
    }

    /// <summary>Reads a field whose kind matches <typeparamref name="T"/>, swapping bytes when <paramref name="swap"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read<T>(ref byte source, int offset, bool swap)
        where T : unmanaged
        => swap ? ReadSwapped<T>(ref source, offset) : ReadDirect<T>(ref source, offset);

    /// <summary>Writes a field whose kind matches <typeparamref name="T"/>, swapping bytes when <paramref name="swap"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<T>(ref byte destination, int offset, bool swap, T value)
        where T : unmanaged
    {
        if (swap)
        {
            WriteSwapped(ref destination, offset, value);
        }
        else
        {
            WriteDirect(ref destination, offset, value);
        }
    }

    /// <summary>Reads a field stored in the machine's byte order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ReadDirect<T>(ref byte source, int offset)
        where T : unmanaged
    {
        ref byte at = ref Unsafe.Add(ref source, offset);
        if (typeof(T) == typeof(bool))
        {
            // Any non-zero byte is True, as in CPython; a .NET bool must hold 0 or 1.
            bool flag = at != 0;
            return Unsafe.As<bool, T>(ref flag);
        }

        return Unsafe.ReadUnaligned<T>(ref at);
    }

    /// <summary>Reads a field stored in the other byte order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ReadSwapped<T>(ref byte source, int offset)
        where T : unmanaged
    {
        ref byte at = ref Unsafe.Add(ref source, offset);
        if (typeof(T) == typeof(bool))
        {
            bool flag = at != 0;
            return Unsafe.As<bool, T>(ref flag);
        }

        if (Unsafe.SizeOf<T>() == 1)
        {
            return Unsafe.As<byte, T>(ref at);
        }

        if (Unsafe.SizeOf<T>() == 2)
        {
            ushort v = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ushort>(ref at));
            return Unsafe.As<ushort, T>(ref v);
        }

        if (Unsafe.SizeOf<T>() == 4)
        {
            uint v = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref at));
            return Unsafe.As<uint, T>(ref v);
        }

        ulong w = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref at));
        return Unsafe.As<ulong, T>(ref w);
    }

    /// <summary>Writes a field in the machine's byte order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteDirect<T>(ref byte destination, int offset, T value)
        where T : unmanaged
    {
        ref byte at = ref Unsafe.Add(ref destination, offset);
        if (typeof(T) == typeof(bool))
        {
            at = Unsafe.As<T, bool>(ref value) ? (byte)1 : (byte)0;
            return;
        }

        Unsafe.WriteUnaligned(ref at, value);
    }

    /// <summary>Writes a field in the other byte order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteSwapped<T>(ref byte destination, int offset, T value)
        where T : unmanaged
    {
        ref byte at = ref Unsafe.Add(ref destination, offset);
        if (typeof(T) == typeof(bool))
        {
            at = Unsafe.As<T, bool>(ref value) ? (byte)1 : (byte)0;
            return;
        }

        if (Unsafe.SizeOf<T>() == 1)
        {
            at = Unsafe.As<T, byte>(ref value);
        }
        else if (Unsafe.SizeOf<T>() == 2)
        {
            Unsafe.WriteUnaligned(ref at, BinaryPrimitives.ReverseEndianness(Unsafe.As<T, ushort>(ref value)));
        }
        else if (Unsafe.SizeOf<T>() == 4)
        {
            Unsafe.WriteUnaligned(ref at, BinaryPrimitives.ReverseEndianness(Unsafe.As<T, uint>(ref value)));
        }
        else
        {
            Unsafe.WriteUnaligned(ref at, BinaryPrimitives.ReverseEndianness(Unsafe.As<T, ulong>(ref value)));
        }
    }

    /// <summary>Names a field's kind for error messages.</summary>
    public static string Describe(byte kind) => (kind & 0xF0) switch
    {
        FastKind.Signed => $"a {kind & 0xF}-byte signed integer ({SignedName(kind & 0xF)})",
        FastKind.Unsigned => $"a {kind & 0xF}-byte unsigned integer ({UnsignedName(kind & 0xF)})",
        FastKind.Boolean => "a bool (bool)",
        FastKind.Floating => $"a {kind & 0xF}-byte float ({FloatName(kind & 0xF)})",
        _ => "bytes, which have no fast-path type (use the PyTuple methods)",
    };

    private static string SignedName(int size) => size switch { 1 => "sbyte", 2 => "short", 4 => "int", _ => "long or nint" };

    private static string UnsignedName(int size) => size switch { 1 => "byte", 2 => "ushort", 4 => "uint", _ => "ulong or nuint" };

    private static string FloatName(int size) => size switch { 2 => "Half", 4 => "float", _ => "double" };
}

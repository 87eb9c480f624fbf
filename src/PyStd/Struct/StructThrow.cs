using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace PyStd.Struct;

/// <summary>
/// Every <c>struct.error</c> message, worded as CPython 3.11's Modules/_struct.c words it, thrown
/// out of line so the hot paths stay small.
/// </summary>
internal static class StructThrow
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Error(string message) => throw new StructException(message);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void UnpackSize(int size) =>
        throw new StructException($"unpack requires a buffer of {size} bytes");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PackCount(int expected, int got) =>
        throw new StructException($"pack expected {expected} items for packing (got {got})");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PackIntoCount(int expected, int got) =>
        throw new StructException($"pack_into expected {expected} items for packing (got {got})");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PackIntoSize(int size, long offset, int length) =>
        throw new StructException(
            $"pack_into requires a buffer of at least {size + offset} bytes for packing {size} bytes at offset {offset} (actual buffer size is {length})");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void UnpackFromSize(int size, long offset, int length) =>
        throw new StructException(
            $"unpack_from requires a buffer of at least {size + offset} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {length})");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void NoSpace(int size, long offset) =>
        throw new StructException($"no space to pack {size} bytes at offset {offset}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void NotEnoughData(int size, long offset) =>
        throw new StructException($"not enough data to unpack {size} bytes at offset {offset}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void OffsetOutOfRange(long offset, int length) =>
        throw new StructException($"offset {offset} out of range for {length}-byte buffer");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void NotAnInteger() => throw new StructException("required argument is not an integer");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void NotAFloat() => throw new StructException("required argument is not a float");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void NotAChar() => throw new StructException("char format requires a bytes object of length 1");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void NotBytes(char code) => throw new StructException($"argument for '{code}' must be a bytes object");

    /// <summary>
    /// A float that does not fit <c>e</c> or standard <c>f</c>: CPython's <c>OverflowError</c>, except
    /// that <c>s_pack_internal</c> turns an <c>OverflowError</c> raised for an int argument into
    /// <c>struct.error: int too large to convert</c>.
    /// </summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void FloatTooLarge(char code, object? value)
    {
        if (StructValues.IsInteger(value))
        {
            throw new StructException("int too large to convert");
        }

        throw new OverflowException($"float too large to pack with {code} format");
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void IterativeSize(int size) =>
        throw new StructException($"iterative unpacking requires a buffer of a multiple of {size} bytes");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void IterativeEmpty() =>
        throw new StructException("cannot iteratively unpack with a struct of length 0");
}

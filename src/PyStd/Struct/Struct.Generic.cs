using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PyStd.Struct;

public sealed partial class Struct
{
    /// <summary>The most fields the tuple-returning generic methods take.</summary>
    private const int MaxArity = 8;

    /// <summary>Checks arity and buffer length once per call and returns the first field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref FastField FastFields(int arity, int length, bool pack)
    {
        FastField[]? fields = _fast;
        if (fields is null || fields.Length != arity)
        {
            ThrowArity(arity);
        }

        if (pack ? length < _size : length != _size)
        {
            ThrowFastLength(length, pack);
        }

        return ref MemoryMarshal.GetArrayDataReference(fields);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Check<T>(ref FastField fields, int index)
    {
        if (Unsafe.Add(ref fields, index).Kind != FastPath.KindOf<T>())
        {
            ThrowFieldType(index, typeof(T));
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowArity(int arity) =>
        throw new ArgumentException(
            $"{this} has {_count} field{(_count == 1 ? "" : "s")}, but {arity} type argument{(arity == 1 ? " was" : "s were")} given.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowFastLength(int length, bool pack)
    {
        if (pack)
        {
            StructThrow.PackIntoSize(_size, 0, length);
        }

        StructThrow.UnpackSize(_size);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowFieldType(int index, Type type)
    {
        FastField field = _fast![index];
        throw new ArgumentException(
            $"Field {index} of {this} is '{field.Code}', {FastPath.Describe(field.Kind)}; it cannot be read or written as {type.Name}.");
    }
}

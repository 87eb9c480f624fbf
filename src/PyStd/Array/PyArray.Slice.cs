namespace PyStd.Array;

// Slices: CPython's array_subscr / array_ass_subscr (Modules/arraymodule.c) over
// PySlice_Unpack + PySlice_AdjustIndices (Objects/sliceobject.c). A null bound is Python's None.
public sealed partial class PyArray
{
    /// <summary>
    /// Python's <c>a[start:stop:step]</c>: a new array with the selected items. Bounds follow
    /// Python's slice rules (negative counts from the end, out of range is clipped, null is
    /// omitted), and a negative step walks backwards.
    /// </summary>
    /// <param name="start">The first index, or null.</param>
    /// <param name="stop">The end index (exclusive), or null.</param>
    /// <param name="step">The step, or null for 1.</param>
    /// <returns>The new array, with the same typecode.</returns>
    /// <exception cref="PyValueException"><c>slice step cannot be zero</c>.</exception>
    public PyArray Slice(int? start, int? stop, int? step = null)
    {
        var (first, _, stride, length) = AdjustSlice(start, stop, step);
        var result = new PyArray(_descr, length);
        int size = _descr.ItemSize;
        if (stride == 1)
        {
            result.AppendRaw(_buffer.AsSpan((int)first * size, length * size));
            return result;
        }

        Span<byte> target = result._buffer;
        long cur = first;
        for (int i = 0; i < length; i++, cur += stride)
        {
            ItemBytes((int)cur).CopyTo(target[(i * size)..]);
        }

        result._count = length;
        return result;
    }

    /// <summary>
    /// Python's <c>a[start:stop:step] = value</c>. With step 1 the slice is replaced and the array may
    /// change size; with another step the sizes must match (or <paramref name="value"/> is empty, which
    /// deletes the extended slice, as CPython does).
    /// </summary>
    /// <param name="start">The first index, or null.</param>
    /// <param name="stop">The end index (exclusive), or null.</param>
    /// <param name="step">The step, or null for 1.</param>
    /// <param name="value">An array of the same typecode (it may be this array).</param>
    /// <exception cref="PyTypeException"><c>bad argument type for built-in operation</c>: a different typecode.</exception>
    /// <exception cref="PyValueException"><c>slice step cannot be zero</c>, or <c>attempt to assign array of size 2 to extended slice of size 3</c>.</exception>
    public void SetSlice(int? start, int? stop, int? step, PyArray value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (first, _, stride, length) = AdjustSlice(start, stop, step);
        if (value._descr != _descr)
        {
            throw new PyTypeException("bad argument type for built-in operation");
        }

        ReadOnlySpan<byte> source = ReferenceEquals(value, this) ? AsBytes().ToArray() : value.AsBytes();
        int needed = value._count;
        if (stride == 1)
        {
            // For a[2:1] = ..., the insertion point is start, not stop.
            int from = (int)first;
            ReplaceRange(from, length, source);
            return;
        }

        if (needed == 0)
        {
            DeleteExtended(first, stride, length);
            return;
        }

        if (needed != length)
        {
            throw new PyValueException($"attempt to assign array of size {needed} to extended slice of size {length}");
        }

        int size = _descr.ItemSize;
        long cur = first;
        for (int i = 0; i < length; i++, cur += stride)
        {
            source.Slice(i * size, size).CopyTo(ItemBytes((int)cur));
        }
    }

    /// <summary>Python's <c>del a[start:stop:step]</c>: removes the selected items.</summary>
    /// <param name="start">The first index, or null.</param>
    /// <param name="stop">The end index (exclusive), or null.</param>
    /// <param name="step">The step, or null for 1.</param>
    /// <exception cref="PyValueException"><c>slice step cannot be zero</c>.</exception>
    public void DeleteSlice(int? start, int? stop, int? step = null)
    {
        var (first, _, stride, length) = AdjustSlice(start, stop, step);
        if (stride == 1)
        {
            DeleteRange((int)first, length);
        }
        else
        {
            DeleteExtended(first, stride, length);
        }
    }

    /// <summary>PySlice_Unpack + PySlice_AdjustIndices, in 64-bit arithmetic so nothing overflows.</summary>
    private (long Start, long Stop, long Step, int Length) AdjustSlice(int? start, int? stop, int? step)
    {
        long stride = step ?? 1;
        if (stride == 0)
        {
            throw new PyValueException("slice step cannot be zero");
        }

        long n = _count;
        long first = start ?? (stride < 0 ? long.MaxValue : 0);
        long last = stop ?? (stride < 0 ? long.MinValue : long.MaxValue);
        first = Clip(first, n, stride);
        last = Clip(last, n, stride);
        long length;
        if (stride < 0)
        {
            length = last < first ? ((first - last - 1) / -stride) + 1 : 0;
        }
        else
        {
            length = first < last ? ((last - first - 1) / stride) + 1 : 0;
        }

        return (first, last, stride, (int)length);

        static long Clip(long index, long n, long stride)
        {
            if (index < 0)
            {
                index += n;
                if (index < 0)
                {
                    index = stride < 0 ? -1 : 0;
                }
            }
            else if (index >= n)
            {
                index = stride < 0 ? n - 1 : n;
            }

            return index;
        }
    }

    /// <summary>Replaces <paramref name="length"/> items at <paramref name="index"/> with the items in <paramref name="source"/>.</summary>
    private void ReplaceRange(int index, int length, ReadOnlySpan<byte> source)
    {
        int size = _descr.ItemSize;
        int needed = source.Length / size;
        int tail = _count - index - length;
        if (needed > length)
        {
            EnsureCapacity(_count + needed - length);
        }

        _buffer.AsSpan((index + length) * size, tail * size).CopyTo(_buffer.AsSpan((index + needed) * size));
        source.CopyTo(_buffer.AsSpan(index * size));
        _count += needed - length;
    }

    /// <summary>Removes <paramref name="length"/> items starting at <paramref name="first"/>, <paramref name="stride"/> apart.</summary>
    private void DeleteExtended(long first, long stride, int length)
    {
        if (length == 0)
        {
            return;
        }

        if (stride < 0)
        {
            // The same items, walked forwards.
            first += stride * (length - 1);
            stride = -stride;
        }

        int size = _descr.ItemSize;
        Span<byte> all = _buffer;
        int write = (int)first;
        for (int read = (int)first; read < _count; read++)
        {
            long offset = read - first;
            bool deleted = offset % stride == 0 && offset / stride < length;
            if (!deleted)
            {
                all.Slice(read * size, size).CopyTo(all[(write * size)..]);
                write++;
            }
        }

        _count = write;
    }
}

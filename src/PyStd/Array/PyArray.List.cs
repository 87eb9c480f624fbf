using System.Collections;
using PyStd.Objects;

namespace PyStd.Array;

// The sequence methods: CPython's array_array_append/extend/insert/pop/remove/index/count/reverse,
// array_item and array_ass_item, with their index rules and messages.
public sealed partial class PyArray
{
    /// <summary>
    /// Gets or sets an item, as Python's <c>a[index]</c>; a negative index counts from the end.
    /// </summary>
    /// <param name="index">The index, <c>-Count</c> to <c>Count - 1</c>.</param>
    /// <returns>The item as a Python value: <see cref="long"/> (or <see cref="System.Numerics.BigInteger"/>), <see cref="double"/>, or a one-character <see cref="string"/>.</returns>
    /// <exception cref="PyIndexException"><c>array index out of range</c> / <c>array assignment index out of range</c>.</exception>
    /// <exception cref="PyTypeException">A value of the wrong type is assigned.</exception>
    /// <exception cref="OverflowException">An int out of the item type's range is assigned.</exception>
    /// <exception cref="PyValueException">A <c>u</c> item that is not a code point (above U+10FFFF) is read.</exception>
    public object? this[int index]
    {
        get
        {
            if (index < 0)
            {
                index += _count;
            }

            if ((uint)index >= (uint)_count)
            {
                throw new PyIndexException("array index out of range");
            }

            return GetItem(index);
        }

        set
        {
            if (index < 0)
            {
                index += _count;
            }

            if ((uint)index >= (uint)_count)
            {
                throw new PyIndexException("array assignment index out of range");
            }

            Pack(value, ItemBytes(index));
        }
    }

    /// <summary>Python's <c>a.append(x)</c>: adds an item at the end.</summary>
    /// <param name="value">The item.</param>
    /// <exception cref="PyTypeException">A value of the wrong type.</exception>
    /// <exception cref="OverflowException">An int out of the item type's range.</exception>
    public void Append(object? value) => Insert(_count, value);

    /// <summary>
    /// Python's <c>a.insert(i, x)</c>: inserts an item before index <paramref name="index"/>. As in
    /// Python, a negative index counts from the end and an index out of range is clamped (so it
    /// never fails for the index).
    /// </summary>
    /// <param name="index">Where to insert.</param>
    /// <param name="value">The item.</param>
    /// <exception cref="PyTypeException">A value of the wrong type.</exception>
    /// <exception cref="OverflowException">An int out of the item type's range.</exception>
    public void Insert(int index, object? value)
    {
        Span<byte> item = stackalloc byte[8];
        item = item[.._descr.ItemSize];
        Pack(value, item); // check before changing anything, as CPython's ins1 does
        if (index < 0)
        {
            index = Math.Max(index + _count, 0);
        }

        index = Math.Min(index, _count);
        EnsureCapacity(_count + 1);
        int size = _descr.ItemSize;
        _buffer.AsSpan(index * size, (_count - index) * size).CopyTo(_buffer.AsSpan((index + 1) * size));
        item.CopyTo(_buffer.AsSpan(index * size));
        _count++;
    }

    /// <summary>
    /// Python's <c>a.extend(iterable)</c>: appends the items of an array of the same typecode, or of
    /// any iterable (<see cref="IEnumerable"/>; a <see cref="string"/> gives its characters, bytes
    /// give ints). As in CPython, items appended before a bad item stay appended.
    /// </summary>
    /// <param name="iterable">The items.</param>
    /// <exception cref="PyTypeException"><c>can only extend with array of same kind</c>, a value of the wrong type, or a non-iterable.</exception>
    /// <exception cref="OverflowException">An int out of the item type's range.</exception>
    public void Extend(object? iterable)
    {
        if (iterable is PyArray other)
        {
            if (other._descr != _descr)
            {
                throw new PyTypeException("can only extend with array of same kind");
            }

            AppendRaw(other.AsBytes());
            return;
        }

        AppendAll(AsIterable(iterable), atomic: false);
    }

    /// <summary>
    /// Python's <c>a.pop([i])</c>: removes and returns the item at <paramref name="index"/>
    /// (default the last); a negative index counts from the end.
    /// </summary>
    /// <param name="index">The index.</param>
    /// <returns>The removed item.</returns>
    /// <exception cref="PyIndexException"><c>pop from empty array</c> or <c>pop index out of range</c>.</exception>
    public object? Pop(int index = -1)
    {
        if (_count == 0)
        {
            throw new PyIndexException("pop from empty array");
        }

        if (index < 0)
        {
            index += _count;
        }

        if ((uint)index >= (uint)_count)
        {
            throw new PyIndexException("pop index out of range");
        }

        object? item = GetItem(index);
        DeleteRange(index, 1);
        return item;
    }

    /// <summary>Python's <c>del a[i]</c>: removes the item at <paramref name="index"/>; a negative index counts from the end.</summary>
    /// <param name="index">The index.</param>
    /// <exception cref="PyIndexException"><c>array assignment index out of range</c>.</exception>
    public void RemoveAt(int index)
    {
        if (index < 0)
        {
            index += _count;
        }

        if ((uint)index >= (uint)_count)
        {
            throw new PyIndexException("array assignment index out of range");
        }

        DeleteRange(index, 1);
    }

    /// <summary>Python's <c>a.remove(x)</c>: removes the first item equal to <paramref name="value"/> (Python's <c>==</c>, so <c>1.0</c> finds <c>1</c>).</summary>
    /// <param name="value">The value to find.</param>
    /// <exception cref="PyValueException"><c>array.remove(x): x not in array</c>.</exception>
    public void Remove(object? value)
    {
        int index = Find(value, 0, _count);
        if (index < 0)
        {
            throw new PyValueException("array.remove(x): x not in array");
        }

        DeleteRange(index, 1);
    }

    /// <summary>
    /// Python's <c>a.index(x[, start[, stop]])</c>: the first index in <c>[start, stop)</c> whose item
    /// equals <paramref name="value"/>; negative bounds count from the end.
    /// </summary>
    /// <param name="value">The value to find.</param>
    /// <param name="start">Where to start.</param>
    /// <param name="stop">Where to stop (exclusive).</param>
    /// <returns>The index.</returns>
    /// <exception cref="PyValueException"><c>array.index(x): x not in array</c>.</exception>
    public int Index(object? value, int start = 0, int stop = int.MaxValue)
    {
        if (start < 0)
        {
            start = Math.Max(start + _count, 0);
        }

        if (stop < 0)
        {
            stop += _count;
        }

        int index = Find(value, start, Math.Min(stop, _count));
        return index >= 0 ? index : throw new PyValueException("array.index(x): x not in array");
    }

    /// <summary>Python's <c>a.count(x)</c>: how many items equal <paramref name="value"/>.</summary>
    /// <param name="value">The value to count.</param>
    /// <returns>The number of equal items.</returns>
    public int CountOf(object? value)
    {
        int n = 0;
        for (int i = 0; i < _count; i++)
        {
            if (ItemEquals(i, value))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Python's <c>x in a</c>.</summary>
    /// <param name="value">The value to find.</param>
    /// <returns>Whether an item equals it.</returns>
    public bool Contains(object? value) => Find(value, 0, _count) >= 0;

    /// <summary>Python's <c>a.reverse()</c>: reverses the items in place.</summary>
    public void Reverse()
    {
        switch (_descr.ItemSize)
        {
            case 1:
                AsBytesWritable().Reverse();
                break;
            case 2:
                AsSpanUnchecked<short>().Reverse();
                break;
            case 4:
                AsSpanUnchecked<int>().Reverse();
                break;
            default:
                AsSpanUnchecked<long>().Reverse();
                break;
        }
    }

    private object? GetItem(int index) => Unpack(ItemBytes(index));

    private int Find(object? value, int start, int stop)
    {
        for (int i = start; i < stop; i++)
        {
            if (ItemEquals(i, value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Python's <c>a[i] == value</c>, without boxing the common cases.</summary>
    private bool ItemEquals(int index, object? value)
    {
        if (value is long l && _descr.IsInteger)
        {
            return ReadInteger(index) == l;
        }

        if (value is double d && _descr.Kind == ItemKind.Float)
        {
            return ReadFloat(index) == d;
        }

        return PyEquality.AreEqual(GetItem(index), value);
    }

    private void DeleteRange(int index, int count)
    {
        int size = _descr.ItemSize;
        _buffer.AsSpan((index + count) * size, (_count - index - count) * size).CopyTo(_buffer.AsSpan(index * size));
        _count -= count;
    }

    /// <summary>Turns an extend/initializer argument into its items, as Python's <c>iter()</c> would.</summary>
    private static IEnumerable AsIterable(object? iterable) => iterable switch
    {
        string s => CodePointStrings(s),
        byte[] bytes => ByteValues(bytes),
        PyByteArray byteArray => ByteValues(byteArray.ToArray()),
        IEnumerable e => e,
        _ => throw new PyTypeException($"'{PyTypeName.Of(iterable)}' object is not iterable"),
    };

    private static IEnumerable<object?> CodePointStrings(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return s.Substring(i, 2);
                i++;
            }
            else
            {
                yield return s[i].ToString();
            }
        }
    }

    private static IEnumerable<object?> ByteValues(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            yield return (long)b;
        }
    }

    /// <summary>Appends every item; when <paramref name="atomic"/>, a bad item leaves the array as it was.</summary>
    private void AppendAll(IEnumerable items, bool atomic)
    {
        int before = _count;
        try
        {
            foreach (object? item in items)
            {
                Append(item);
            }
        }
        catch when (atomic)
        {
            _count = before;
            throw;
        }
    }

    private Span<byte> AsBytesWritable() => _buffer.AsSpan(0, ByteCount);

    private Span<T> AsSpanUnchecked<T>()
        where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(AsBytesWritable());
}

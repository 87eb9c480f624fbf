using System.Diagnostics.CodeAnalysis;

namespace PyStd.Array;

// ==, + and *: CPython's array_richcompare, array_concat and array_repeat.
public sealed partial class PyArray
{
    /// <summary>
    /// Python's <c>a == b</c>: the same length and equal items, compared as Python values, so arrays of
    /// different typecodes can be equal (<c>array('i', [1]) == array('d', [1.0])</c>). As in CPython,
    /// a NaN item is unequal to itself, so an array holding NaN is unequal even to itself, and a
    /// <c>u</c> array equals a numeric one only when both are empty.
    /// </summary>
    /// <param name="other">The other array.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(PyArray? other)
    {
        if (other is null || other._count != _count)
        {
            return false;
        }

        bool unicode = _descr.Kind == ItemKind.Unicode;
        bool otherUnicode = other._descr.Kind == ItemKind.Unicode;
        if (unicode || otherUnicode)
        {
            // str never equals a number; two u arrays compare their code units.
            return unicode == otherUnicode ? AsBytes().SequenceEqual(other.AsBytes()) : _count == 0;
        }

        if (other._descr == _descr && _descr.IsInteger)
        {
            return AsBytes().SequenceEqual(other.AsBytes());
        }

        for (int i = 0; i < _count; i++)
        {
            if (!NumberEquals(other, i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Python's <c>a == b</c> against any value: only an equal <see cref="PyArray"/> is equal.</summary>
    /// <param name="obj">The other value.</param>
    /// <returns>Whether it is an equal array.</returns>
    public override bool Equals(object? obj) => obj is PyArray other && Equals(other);

    /// <summary>Arrays are mutable and, as in Python, unhashable.</summary>
    /// <returns>Never returns.</returns>
    /// <exception cref="PyTypeException">Always: <c>unhashable type: 'array.array'</c>.</exception>
    [SuppressMessage("Design", "CA1065:Do not raise exceptions in unexpected locations", Justification = "Python's array is unhashable; a hash of mutable content would break dictionaries silently.")]
    public override int GetHashCode() => throw new PyTypeException("unhashable type: 'array.array'");

    /// <summary>Python's <c>a == b</c>; see <see cref="Equals(PyArray?)"/>.</summary>
    /// <param name="left">An array or null.</param>
    /// <param name="right">An array or null.</param>
    /// <returns>Whether they are equal (two nulls are equal).</returns>
    public static bool operator ==(PyArray? left, PyArray? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Python's <c>a != b</c>.</summary>
    /// <param name="left">An array or null.</param>
    /// <param name="right">An array or null.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PyArray? left, PyArray? right) => !(left == right);

    /// <summary>Python's <c>a + b</c>: a new array with the items of both.</summary>
    /// <param name="left">The first array.</param>
    /// <param name="right">The second array, of the same typecode.</param>
    /// <returns>The new array.</returns>
    /// <exception cref="PyTypeException"><c>bad argument type for built-in operation</c>: the typecodes differ.</exception>
    public static PyArray operator +(PyArray left, PyArray right) => Concat(left, right);

    /// <summary>Python's <c>a * n</c>: a new array with the items repeated <paramref name="times"/> times (none when it is 0 or less).</summary>
    /// <param name="array">The array.</param>
    /// <param name="times">How many copies.</param>
    /// <returns>The new array.</returns>
    public static PyArray operator *(PyArray array, int times) => Repeat(array, times);

    /// <summary>Python's <c>n * a</c>; see <see cref="op_Multiply(PyArray, int)"/>.</summary>
    /// <param name="times">How many copies.</param>
    /// <param name="array">The array.</param>
    /// <returns>The new array.</returns>
    public static PyArray operator *(int times, PyArray array) => Repeat(array, times);

    /// <summary>Python's <c>a + b</c>: a new array with the items of both.</summary>
    /// <param name="left">The first array.</param>
    /// <param name="right">The second array, of the same typecode.</param>
    /// <returns>The new array.</returns>
    /// <exception cref="PyTypeException"><c>bad argument type for built-in operation</c>: the typecodes differ.</exception>
    public static PyArray Concat(PyArray left, PyArray right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left._descr != right._descr)
        {
            throw new PyTypeException("bad argument type for built-in operation");
        }

        var result = new PyArray(left._descr, checked(left._count + right._count));
        result.AppendRaw(left.AsBytes());
        result.AppendRaw(right.AsBytes());
        return result;
    }

    /// <summary>Python's <c>a * n</c>: a new array with the items repeated <paramref name="times"/> times (none when it is 0 or less).</summary>
    /// <param name="array">The array.</param>
    /// <param name="times">How many copies.</param>
    /// <returns>The new array.</returns>
    public static PyArray Repeat(PyArray array, int times)
    {
        ArgumentNullException.ThrowIfNull(array);
        times = Math.Max(times, 0);
        var result = new PyArray(array._descr, checked(array._count * times));
        for (int i = 0; i < times; i++)
        {
            result.AppendRaw(array.AsBytes());
        }

        return result;
    }

    /// <summary>Python's <c>self[i] == other[i]</c> for two numeric arrays, exact across int and float.</summary>
    private bool NumberEquals(PyArray other, int index)
    {
        bool floatHere = _descr.Kind == ItemKind.Float;
        bool floatThere = other._descr.Kind == ItemKind.Float;
        if (floatHere && floatThere)
        {
            return ReadFloat(index) == other.ReadFloat(index);
        }

        if (floatHere)
        {
            return IntEqualsFloat(other.ReadInteger(index), ReadFloat(index));
        }

        return floatThere
            ? IntEqualsFloat(ReadInteger(index), other.ReadFloat(index))
            : ReadInteger(index) == other.ReadInteger(index);
    }

    // CPython compares int and float exactly (Objects/floatobject.c float_richcompare).
    private static bool IntEqualsFloat(Int128 integer, double value) =>
        double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) < 170141183460469231731687303715884105728.0 /* 2**127 */ && (Int128)value == integer;
}

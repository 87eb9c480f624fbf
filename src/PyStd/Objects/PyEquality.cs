using System.Numerics;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>==</c> and <c>hash()</c> for the value model, the one comparer every container
/// uses. Numbers compare by value across types (<c>1 == 1.0 == True == BigInteger.One</c>, exactly,
/// as CPython compares int with float), <c>bytes</c> and <c>str</c> by content, tuples/lists/dicts/
/// sets structurally, and NaN is unequal to itself unless it is the same object (Python's
/// containers test identity first).
/// </summary>
public sealed class PyEquality : IEqualityComparer<object?>
{
    /// <summary>The shared instance.</summary>
    public static PyEquality Instance { get; } = new();

    private PyEquality()
    {
    }

    /// <summary>Python's <c>a == b</c>, with the identity shortcut containers use.</summary>
    /// <param name="x">A model value.</param>
    /// <param name="y">A model value.</param>
    /// <returns>Whether the values are equal.</returns>
    public new bool Equals(object? x, object? y) => AreEqual(x, y);

    /// <summary>A hash consistent with <see cref="Equals(object?, object?)"/>.</summary>
    /// <param name="obj">A hashable model value.</param>
    /// <returns>The folded Python hash.</returns>
    /// <exception cref="PyTypeException">The value is unhashable.</exception>
    public int GetHashCode(object? obj) => PyHash.Fold(PyHash.Hash(obj));

    /// <summary>Python's <c>a == b</c> (with the identity shortcut).</summary>
    /// <param name="x">A model value.</param>
    /// <param name="y">A model value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool AreEqual(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        switch (x)
        {
            case string sx:
                return y is string sy && string.Equals(sx, sy, StringComparison.Ordinal);
            case long lx when y is long ly:
                return lx == ly;
            case double dx when y is double dy:
                return dx == dy;
            case byte[] bx:
                return y switch
                {
                    byte[] by => bx.AsSpan().SequenceEqual(by),
                    PyByteArray ay => bx.AsSpan().SequenceEqual(ay.AsSpan()),
                    _ => false,
                };
            case PyByteArray ax:
                return y switch
                {
                    byte[] by => ax.AsSpan().SequenceEqual(by),
                    PyByteArray ay => ax.AsSpan().SequenceEqual(ay.AsSpan()),
                    _ => false,
                };
            case PyTuple tx:
                return y is PyTuple ty && SequenceEqual(tx.AsSpan(), ty.AsSpan());
            case List<object?> lx2:
                return y is List<object?> ly2 && SequenceEqual(
                    System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lx2),
                    System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ly2));
            case PyDict dx2:
                return y is PyDict dy2 && DictEqual(dx2, dy2);
            case PySetBase setx:
                return y is PySetBase sety && setx.SetEquals(sety);
            case PyObject ox:
                return y is PyObject oy && ox.Equals(oy);
        }

        if (IsNumber(x) && IsNumber(y))
        {
            return NumbersEqual(x, y);
        }

        return x.Equals(y);
    }

    private static bool SequenceEqual(ReadOnlySpan<object?> a, ReadOnlySpan<object?> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DictEqual(PyDict a, PyDict b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        // OrderedDict == OrderedDict also compares order (Lib/collections/__init__.py __eq__).
        if (a is PyOrderedDict && b is PyOrderedDict)
        {
            using var eb = b.GetEnumerator();
            foreach (var (key, value) in a)
            {
                eb.MoveNext();
                if (!AreEqual(key, eb.Current.Key) || !AreEqual(value, eb.Current.Value))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out object? other) || !AreEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsNumber(object value) =>
        value is long or double or BigInteger or bool or Complex or int or float or short or sbyte or byte or ushort or uint or ulong;

    private static bool NumbersEqual(object x, object y)
    {
        if (x is Complex cx)
        {
            return ComplexEquals(cx, y);
        }

        if (y is Complex cy)
        {
            return ComplexEquals(cy, x);
        }

        bool xFloat = x is double or float;
        bool yFloat = y is double or float;
        if (xFloat && yFloat)
        {
            return Convert.ToDouble(x, null) == Convert.ToDouble(y, null);
        }

        if (xFloat)
        {
            return FloatEqualsInt(Convert.ToDouble(x, null), y);
        }

        if (yFloat)
        {
            return FloatEqualsInt(Convert.ToDouble(y, null), x);
        }

        PyInt.TryGetBigInteger(x, out BigInteger bx);
        PyInt.TryGetBigInteger(y, out BigInteger by);
        return bx == by;
    }

    private static bool ComplexEquals(Complex c, object other)
    {
        if (other is Complex oc)
        {
            return c.Real == oc.Real && c.Imaginary == oc.Imaginary;
        }

        return c.Imaginary == 0 && NumbersEqual(c.Real, other);
    }

    // CPython compares int and float exactly (Objects/floatobject.c float_richcompare).
    private static bool FloatEqualsInt(double d, object integer)
    {
        if (!double.IsFinite(d) || Math.Floor(d) != d)
        {
            return false;
        }

        PyInt.TryGetBigInteger(integer, out BigInteger bi);
        return new BigInteger(d) == bi;
    }
}

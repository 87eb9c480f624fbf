using System.Numerics;
using PyStd.Objects;
using PyStd.Random;

namespace PyStd.Tests.Random;

/// <summary>
/// What the Python 3 and Python 2.7 differential tests share: the named populations the case
/// generators refer to, and the calls whose typed and untyped forms both are tested.
/// </summary>
internal static class RandomCalls
{
    /// <summary>The populations the generators name (a superset of what each one uses).</summary>
    public static readonly Dictionary<string, object?> Populations = new()
    {
        ["letters"] = "abcdefghij",
        ["ints1000"] = Longs(1000),
        ["mixed"] = new PyTuple(1L, "a", 2.5, null, new PyTuple(1L, 2L), "x"u8.ToArray(), -7L, BigInteger.Pow(2, 70), true),
        ["bytes"] = "bytes!"u8.ToArray(), // for Python 2.7 a str: its items are one-character strs
        ["one"] = new List<object?> { "only" },
        ["unicode"] = "h\u00e9llo\U0001F600w\u00f6rld",
        ["abc"] = "abc",
        ["ten"] = Longs(10),
        ["xy"] = new PyTuple("x", "y"),
        ["hundred"] = Longs(100),
        ["abcd"] = "abcd",
        ["five"] = Longs(5),
        ["alphabet"] = "abcdefghijklmnopqrstuvwxyz",
        ["colors"] = new List<object?> { "red", "blue", "green" },
    };

    public static Func<object?> RandRange(PyRandom r, bool typed, PyTuple a)
    {
        if (typed && a.All(x => x is long))
        {
            long[] v = a.Select(x => (long)x!).ToArray();
            return v.Length switch
            {
                1 => () => r.RandRange(v[0]),
                2 => () => r.RandRange(v[0], v[1]),
                _ => () => r.RandRange(v[0], v[1], v[2]),
            };
        }

        return a.Count switch
        {
            1 => () => r.RandRange(a[0]),
            2 => () => r.RandRange(a[0], a[1]),
            _ => () => r.RandRange(a[0], a[1], a[2]),
        };
    }

    public static Func<object?> Shuffle(PyRandom r, bool typed, PyTuple a)
    {
        if ((string)a[0]! == "range")
        {
            long n = (long)a[1]!;
            if (typed)
            {
                long[] array = Enumerable.Range(0, (int)n).Select(i => (long)i).ToArray();
                return () =>
                {
                    r.Shuffle(array.AsSpan());
                    return Boxed(array);
                };
            }

            List<object?> list = Longs(n);
            return () =>
            {
                r.Shuffle((object)list);
                return list;
            };
        }

        var letters = ((string)Populations[(string)a[0]!]!).Select(ch => (object?)ch.ToString()).ToList();
        return () =>
        {
            r.Shuffle(letters);
            return letters;
        };
    }

    public static List<object?> Boxed(IEnumerable<long> values) => values.Select(v => (object?)v).ToList();

    public static List<object?> Longs(long n)
    {
        var list = new List<object?>((int)n);
        for (long i = 0; i < n; i++)
        {
            list.Add(i);
        }

        return list;
    }

    public static double D(object? v) => v switch
    {
        double d => d,
        long l => l,
        _ => throw new InvalidOperationException(PyTypeName.Of(v)),
    };
}

using System.Numerics;
using PyStd.Objects;

namespace PyStd.Random;

// Sequences: choice, choices, shuffle, sample.
public partial class PyRandom
{
    private const string EmptyChoice = "Cannot choose from an empty sequence";
    private const string SampleTooLarge = "Sample larger than population or is negative";

    /// <summary>Returns a random element of a non-empty sequence (<c>choice(seq)</c>).</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="seq">The sequence.</param>
    /// <returns>One element.</returns>
    /// <exception cref="PyIndexException">The sequence is empty.</exception>
    public T Choice<T>(IReadOnlyList<T> seq)
    {
        ArgumentNullException.ThrowIfNull(seq);

        if (IsPython27)
        {
            return Choice27(seq, seq is PyTuple ? "tuple" : "list"); // seq[int(random() * len(seq))]
        }

        int n = seq.Count;
        if (n == 0)
        {
            throw new PyIndexException(EmptyChoice);
        }

        return seq[(int)RandBelow((uint)n)];
    }

    /// <summary>Returns a random element of a non-empty span (<c>choice(seq)</c>).</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="seq">The elements.</param>
    /// <returns>One element.</returns>
    /// <exception cref="PyIndexException">The span is empty.</exception>
    public T Choice<T>(ReadOnlySpan<T> seq)
    {
        if (IsPython27)
        {
            int j = (int)(Random() * seq.Length);
            return j < seq.Length ? seq[j] : throw new PyIndexException("list index out of range");
        }

        if (seq.IsEmpty)
        {
            throw new PyIndexException(EmptyChoice);
        }

        return seq[(int)RandBelow((uint)seq.Length)];
    }

    /// <summary>
    /// <c>choice(seq)</c> on a Python sequence: a str gives a one-character str (by code point), bytes
    /// and bytearray give an int, a tuple or list gives its element.
    /// </summary>
    /// <param name="seq">A str, bytes, bytearray, tuple, list or any <c>IReadOnlyList&lt;object?&gt;</c>.</param>
    /// <returns>The element as a model value.</returns>
    /// <exception cref="PyIndexException">The sequence is empty.</exception>
    /// <exception cref="PyTypeException">Not a sequence.</exception>
    public object? Choice(object? seq) =>
        IsPython27 ? Choice27(AsSequence27(seq, subscriptable: true), IndexName27(seq)) : Choice(AsSequence(seq, subscriptable: true));

    /// <summary>Shuffles a list in place (<c>shuffle(x)</c>): Fisher-Yates from the end, as CPython.</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="x">The list; arrays and <c>List&lt;T&gt;</c> included.</param>
    public void Shuffle<T>(IList<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);

        if (IsPython27)
        {
            Shuffle27(x); // j = int(random() * (i + 1))
            return;
        }

        for (int i = x.Count - 1; i > 0; i--)
        {
            int j = (int)RandBelow((uint)(i + 1));
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary>Shuffles a span in place (<c>shuffle(x)</c>), the same permutation as for a list.</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="x">The elements.</param>
    public void Shuffle<T>(Span<T> x)
    {
        if (IsPython27)
        {
            Shuffle27(x);
            return;
        }

        for (int i = x.Length - 1; i > 0; i--)
        {
            int j = (int)RandBelow((uint)(i + 1));
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary>
    /// <c>shuffle(x)</c> on a Python value: a list (or any <c>IList&lt;object?&gt;</c>) or bytearray is
    /// shuffled in place; str, bytes and tuple raise TypeError as they are immutable in Python.
    /// </summary>
    /// <param name="x">The sequence.</param>
    /// <exception cref="PyTypeException">An immutable or non-sequence value.</exception>
    public void Shuffle(object? x)
    {
        switch (x)
        {
            case IList<object?> list:
                Shuffle(list);
                return;
            case PyByteArray bytes:
                Shuffle(bytes.AsSpan());
                return;
            case string or byte[] or PyTuple:
                // CPython draws the first j, then fails on the item assignment.
                int count = AsSequence(x, subscriptable: true).Count;
                if (count > 1)
                {
                    _ = IsPython27 ? Random() : RandBelow((uint)count);
                    throw new PyTypeException($"'{(IsPython27 ? TypeName27(x) : PyTypeName.Of(x))}' object does not support item assignment");
                }

                return;
            default:
                throw new PyTypeException($"object of type '{PyTypeName.Of(x)}' has no len()");
        }
    }

    /// <summary>
    /// Returns <paramref name="k"/> distinct elements chosen without replacement (<c>sample(population, k)</c>),
    /// in selection order. Uses CPython's two strategies — a shrinking pool when the population is
    /// small next to a k-element set, else rejection against a set of chosen indices — so the
    /// result matches Python's.
    /// </summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="population">The population; repeated elements are each a possible selection.</param>
    /// <param name="k">Sample size, 0 ≤ k ≤ count.</param>
    /// <returns>A new list.</returns>
    /// <exception cref="PyValueException"><c>Sample larger than population or is negative</c>.</exception>
    public List<T> Sample<T>(IReadOnlyList<T> population, int k)
    {
        ArgumentNullException.ThrowIfNull(population);
        long[] picks = SelectSample(population.Count, k);
        var result = new List<T>(picks.Length);
        foreach (long j in picks)
        {
            result.Add(population[(int)j]);
        }

        return result;
    }

    /// <summary>
    /// <c>sample(population, k, counts=counts)</c>: element i is repeated <c>counts[i]</c> times, so
    /// <c>Sample(["red", "blue"], 5, [4, 2])</c> equals <c>Sample(["red","red","red","red","blue","blue"], 5)</c>.
    /// </summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="population">The distinct elements.</param>
    /// <param name="k">Sample size.</param>
    /// <param name="counts">Repetitions per element, one per population element.</param>
    /// <returns>A new list.</returns>
    /// <exception cref="PyValueException">Counts of the wrong length or a total ≤ 0, or k too large.</exception>
    /// <exception cref="PyIndexException">An empty population with empty counts (<c>pop from empty list</c>).</exception>
    /// <exception cref="OverflowException">A total beyond 2**63 - 1.</exception>
    public List<T> Sample<T>(IReadOnlyList<T> population, int k, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(counts);
        var cumulative = new BigInteger[counts.Count];
        BigInteger running = BigInteger.Zero;
        for (int i = 0; i < counts.Count; i++)
        {
            running += counts[i];
            cumulative[i] = running;
        }

        return SampleWithCounts(population, k, cumulative);
    }

    /// <summary>
    /// <c>sample(population, k, counts=None)</c> on Python values: the population is a str, bytes,
    /// bytearray, tuple or list; <paramref name="counts"/> a list or tuple of ints.
    /// </summary>
    /// <param name="population">The population.</param>
    /// <param name="k">Sample size.</param>
    /// <param name="counts">Null, or the repetitions per element.</param>
    /// <returns>A new list of model values.</returns>
    /// <exception cref="PyTypeException">A set, dict or non-sequence population (<c>Population must be a sequence.  For dicts or sets, use sorted(d).</c>),
    /// or non-integer counts.</exception>
    /// <exception cref="PyValueException">See <see cref="Sample{T}(IReadOnlyList{T}, int, IReadOnlyList{long})"/>.</exception>
    public List<object?> Sample(object? population, int k, object? counts = null)
    {
        IReadOnlyList<object?> pool = IsPython27 ? AsSequence27(population, subscriptable: false) : AsSequence(population, subscriptable: false);
        if (counts is null)
        {
            return Sample(pool, k);
        }

        IReadOnlyList<object?> countList = AsSequence(counts, subscriptable: true);
        var cumulative = new BigInteger[countList.Count];
        object? running = null;
        for (int i = 0; i < countList.Count; i++)
        {
            running = i == 0 ? countList[i] : PyAdd(running, countList[i]);
            _ = PyInt.TryGetBigInteger(running, out cumulative[i]);
        }

        if (countList.Count != pool.Count)
        {
            throw new PyValueException("The number of counts does not match the population");
        }

        if (countList.Count == 0)
        {
            throw new PyIndexException("pop from empty list");
        }

        if (!PyInt.IsIntegral(running))
        {
            throw new PyTypeException("Counts must be integers");
        }

        return SampleWithCounts(pool, k, cumulative);
    }

    /// <summary>
    /// <c>sample(range(stop), k)</c> without materialising the range: <paramref name="k"/> distinct
    /// ints from 0 ≤ i &lt; <paramref name="stop"/>.
    /// </summary>
    /// <param name="stop">Exclusive upper bound (the range's length).</param>
    /// <param name="k">Sample size.</param>
    /// <returns>The selected ints in selection order.</returns>
    /// <exception cref="PyValueException"><c>Sample larger than population or is negative</c>.</exception>
    public List<long> SampleRange(long stop, int k) => SampleRange(0, stop, 1, k);

    /// <summary><c>sample(range(start, stop, step), k)</c> without materialising the range.</summary>
    /// <param name="start">Range start.</param>
    /// <param name="stop">Range stop.</param>
    /// <param name="step">Range step, not zero.</param>
    /// <param name="k">Sample size.</param>
    /// <returns>The selected members in selection order.</returns>
    /// <exception cref="PyValueException">A zero step (<c>range() arg 3 must not be zero</c>) or k too large.</exception>
    /// <exception cref="OverflowException">The range has more than 2**63 - 1 members.</exception>
    public List<long> SampleRange(long start, long stop, long step, int k)
    {
        if (step == 0)
        {
            throw new PyValueException("range() arg 3 must not be zero");
        }

        Int128 length = step > 0
            ? ((Int128)stop - start + step - 1) / step
            : ((Int128)start - stop - step - 1) / -(Int128)step;
        if (length < 0)
        {
            length = 0;
        }

        if (length > long.MaxValue)
        {
            throw new OverflowException("Python int too large to convert to C ssize_t");
        }

        long[] picks = SelectSample((long)length, k);
        var result = new List<long>(picks.Length);
        foreach (long j in picks)
        {
            result.Add((long)(start + (step * (Int128)j)));
        }

        return result;
    }

    /// <summary>
    /// Returns <paramref name="k"/> elements chosen with replacement (<c>choices(population, weights,
    /// cum_weights=..., k=...)</c>). Without weights each draw is <c>population[floor(random() * n)]</c>;
    /// with weights, a bisection of <c>random() * total</c> into the cumulative weights.
    /// </summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="population">The population.</param>
    /// <param name="weights">Relative weights, or null.</param>
    /// <param name="cumWeights">Cumulative weights, or null (not both).</param>
    /// <param name="k">Number of draws; 0 or negative gives an empty list.</param>
    /// <returns>A new list.</returns>
    /// <exception cref="PyTypeException">Both weights and cumulative weights.</exception>
    /// <exception cref="PyValueException">Weights of the wrong length, a total ≤ 0 or not finite.</exception>
    /// <exception cref="PyIndexException">An empty population.</exception>
    /// <remarks>Weights are doubles; CPython sums int weights exactly, which agrees while the
    /// running sums stay below 2**53. <see cref="Choices(object, object, object, int)"/> sums Python ints exactly.</remarks>
    public List<T> Choices<T>(IReadOnlyList<T> population, IReadOnlyList<double>? weights = null, IReadOnlyList<double>? cumWeights = null, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(population);
        int n = population.Count;
        var result = new List<T>(Math.Max(k, 0));
        double[] cumulative;
        if (cumWeights is null)
        {
            if (weights is null)
            {
                double nf = n;
                for (int i = 0; i < k; i++)
                {
                    result.Add(population[CheckedIndex((int)(Random() * nf), n, population is PyTuple ? "tuple" : "list")]);
                }

                return result;
            }

            cumulative = new double[weights.Count];
            double running = 0.0;
            for (int i = 0; i < cumulative.Length; i++)
            {
                running = i == 0 ? weights[0] : running + weights[i];
                cumulative[i] = running;
            }
        }
        else if (weights is not null)
        {
            throw new PyTypeException("Cannot specify both weights and cumulative weights");
        }
        else
        {
            cumulative = [.. cumWeights];
        }

        double total = CheckWeights(cumulative.Length, n, cumulative.Length == 0 ? 0.0 : cumulative[^1]);
        int hi = n - 1;
        for (int i = 0; i < k; i++)
        {
            result.Add(population[BisectRight(cumulative, Random() * total, hi)]);
        }

        return result;
    }

    /// <summary>
    /// <c>choices(population, weights=None, *, cum_weights=None, k=1)</c> on Python values, with
    /// Python's arithmetic: int weights are summed exactly and compared exactly with the float draw.
    /// </summary>
    /// <param name="population">A str, bytes, bytearray, tuple or list.</param>
    /// <param name="weights">Null, or a list/tuple of ints and floats.</param>
    /// <param name="cumWeights">Null, or a list/tuple of cumulative ints and floats.</param>
    /// <param name="k">Number of draws.</param>
    /// <returns>A new list of model values.</returns>
    /// <exception cref="PyTypeException">Both kinds of weights; weights given as an int
    /// (<c>The number of choices must be a keyword argument: k=3</c>).</exception>
    /// <exception cref="PyValueException">Weights of the wrong length, a total ≤ 0 or not finite.</exception>
    /// <exception cref="PyIndexException">An empty population.</exception>
    public List<object?> Choices(object? population, object? weights = null, object? cumWeights = null, int k = 1)
    {
        IReadOnlyList<object?> pool = AsSequence(population, subscriptable: true);
        int n = pool.Count;
        var result = new List<object?>(Math.Max(k, 0));
        object?[] cumulative;
        if (cumWeights is null)
        {
            if (weights is null)
            {
                double nf = n;
                for (int i = 0; i < k; i++)
                {
                    result.Add(pool[CheckedIndex((int)(Random() * nf), n, IndexName(population))]);
                }

                return result;
            }

            if (PyInt.IsIntegral(weights))
            {
                throw new PyTypeException($"The number of choices must be a keyword argument: k={Str(weights)}");
            }

            IReadOnlyList<object?> w = AsSequence(weights, subscriptable: true);
            cumulative = new object?[w.Count];
            object? running = null;
            for (int i = 0; i < w.Count; i++)
            {
                running = i == 0 ? w[i] : PyAdd(running, w[i]);
                cumulative[i] = running;
            }
        }
        else if (weights is not null)
        {
            throw new PyTypeException("Cannot specify both weights and cumulative weights");
        }
        else
        {
            cumulative = [.. AsSequence(cumWeights, subscriptable: true)];
        }

        if (cumulative.Length != n)
        {
            throw new PyValueException("The number of weights does not match the population");
        }

        if (n == 0)
        {
            throw new PyIndexException("list index out of range");
        }

        double total = CheckWeights(n, n, ToFloat(cumulative[^1]));
        int hi = n - 1;
        for (int i = 0; i < k; i++)
        {
            result.Add(pool[BisectRight(cumulative, Random() * total, hi)]);
        }

        return result;
    }

    private static double CheckWeights(int count, int n, double last)
    {
        if (count != n)
        {
            throw new PyValueException("The number of weights does not match the population");
        }

        if (n == 0)
        {
            throw new PyIndexException("list index out of range");
        }

        double total = last + 0.0;
        if (total <= 0.0)
        {
            throw new PyValueException("Total of weights must be greater than zero");
        }

        if (!double.IsFinite(total))
        {
            throw new PyValueException("Total of weights must be finite");
        }

        return total;
    }

    private static int CheckedIndex(int index, int count, string typeName)
    {
        if (index >= count)
        {
            throw new PyIndexException(typeName == "bytes" ? "index out of range" : $"{typeName} index out of range");
        }

        return index;
    }

    private List<T> SampleWithCounts<T>(IReadOnlyList<T> population, int k, BigInteger[] cumulative)
    {
        // random.py: cum_counts = list(accumulate(counts)); total = cum_counts.pop();
        // selections = sample(range(total), k); population[bisect(cum_counts, s)] for each.
        if (cumulative.Length != population.Count)
        {
            throw new PyValueException("The number of counts does not match the population");
        }

        if (cumulative.Length == 0)
        {
            throw new PyIndexException("pop from empty list");
        }

        BigInteger total = cumulative[^1];
        if (total.Sign <= 0)
        {
            throw new PyValueException("Total of counts must be greater than zero");
        }

        if (total > long.MaxValue)
        {
            throw new OverflowException("Python int too large to convert to C ssize_t");
        }

        long[] selections = SelectSample((long)total, k);
        var result = new List<T>(selections.Length);
        int hi = cumulative.Length - 1; // the popped total is not searched
        foreach (long s in selections)
        {
            int lo = 0;
            int high = hi;
            while (lo < high)
            {
                int mid = (int)(((uint)lo + (uint)high) / 2);
                if (s < cumulative[mid])
                {
                    high = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            result.Add(population[lo]);
        }

        return result;
    }

    /// <summary>
    /// The index selection of <c>sample()</c>: <paramref name="k"/> distinct indices below
    /// <paramref name="n"/>, in selection order, with CPython's choice between the pool and the set
    /// strategy (setsize = 21, plus 4**ceil(log(3k, 4)) when k &gt; 5).
    /// </summary>
    private long[] SelectSample(long n, int k)
    {
        if (IsPython27)
        {
            return SelectSample27(n, k); // the same thresholds, int(random() * n) draws
        }

        if (k < 0 || k > n)
        {
            throw new PyValueException(SampleTooLarge);
        }

        var result = new long[k];
        long setsize = 21;
        if (k > 5)
        {
            // math.log(k * 3, 4) is log(k*3) / log(4) in CPython.
            int exponent = (int)Math.Ceiling(Math.Log(3.0 * k) / Math.Log(4.0));
            setsize += 1L << (2 * exponent);
        }

        if (n <= setsize)
        {
            // An n-length pool is smaller than a k-length set. Invariant: non-selected at pool[0 : n-i].
            var pool = new long[n];
            for (long i = 0; i < n; i++)
            {
                pool[i] = i;
            }

            for (int i = 0; i < k; i++)
            {
                long j = (long)RandBelow((ulong)(n - i));
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        }
        else
        {
            var selected = new HashSet<long>(k);
            for (int i = 0; i < k; i++)
            {
                long j = (long)RandBelow((ulong)n);
                while (!selected.Add(j))
                {
                    j = (long)RandBelow((ulong)n);
                }

                result[i] = j;
            }
        }

        return result;
    }

    private static int BisectRight(double[] a, double x, int hi)
    {
        int lo = 0;
        while (lo < hi)
        {
            int mid = (int)(((uint)lo + (uint)hi) / 2);
            if (x < a[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static int BisectRight(object?[] a, double x, int hi)
    {
        int lo = 0;
        while (lo < hi)
        {
            int mid = (int)(((uint)lo + (uint)hi) / 2);
            if (PyLess(x, a[mid]))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>Python's <c>x &lt; y</c> for a finite float x and an int or float y, exact for ints.</summary>
    private static bool PyLess(double x, object? y)
    {
        switch (y)
        {
            case double d:
                return x < d;
            case float f:
                return x < f;
            default:
                if (!PyInt.TryGetBigInteger(y, out BigInteger i))
                {
                    throw new PyTypeException($"'<' not supported between instances of 'float' and '{PyTypeName.Of(y)}'");
                }

                // For an int y: x < y exactly when floor(x) < y.
                return new BigInteger(Math.Floor(x)) < i;
        }
    }

    /// <summary>Python's <c>a + b</c> on ints and floats (accumulate over weights or counts).</summary>
    private static object? PyAdd(object? a, object? b)
    {
        bool aInt = PyInt.TryGetBigInteger(a, out BigInteger ai);
        bool bInt = PyInt.TryGetBigInteger(b, out BigInteger bi);
        if (aInt && bInt)
        {
            return PyInt.Normalize(ai + bi);
        }

        if ((aInt || a is double or float) && (bInt || b is double or float))
        {
            return ToFloat(a) + ToFloat(b);
        }

        throw new PyTypeException($"unsupported operand type(s) for +: '{PyTypeName.Of(a)}' and '{PyTypeName.Of(b)}'");
    }

    /// <summary>Python's <c>float(x)</c> for an int or float.</summary>
    private static double ToFloat(object? value) => value switch
    {
        double d => d,
        float f => f,
        _ when PyInt.TryGetBigInteger(value, out BigInteger i) => PyFloatMath.ToDouble(i),
        _ => throw new PyTypeException($"unsupported operand type(s) for +: '{PyTypeName.Of(value)}' and 'float'"),
    };

    private static string IndexName(object? population) => population switch
    {
        string => "string",
        PyTuple or byte[] or PyByteArray => PyTypeName.Of(population),
        _ => "list",
    };

    /// <summary>
    /// A Python sequence as a list of model values: a str by code point (one-character strs),
    /// bytes and bytearray as ints, tuples and lists as they are.
    /// </summary>
    private static IReadOnlyList<object?> AsSequence(object? value, bool subscriptable) => value switch
    {
        PyTuple t => t,
        List<object?> l => l,
        IReadOnlyList<object?> r => r,
        string s => new StrView(s),
        byte[] b => new BytesView(b),
        PyByteArray ba => new BytesView(ba.ToArray()),
        PySet or PyFrozenSet or PyDict when !subscriptable =>
            throw new PyTypeException("Population must be a sequence.  For dicts or sets, use sorted(d)."),
        PySet or PyFrozenSet or PyDict =>
            throw new PyTypeException($"'{PyTypeName.Of(value)}' object is not subscriptable"),
        _ when !subscriptable =>
            throw new PyTypeException("Population must be a sequence.  For dicts or sets, use sorted(d)."),
        _ => throw new PyTypeException($"object of type '{PyTypeName.Of(value)}' has no len()"),
    };

    /// <summary>A str as its code points, each a one-character str (Python indexes str by code point).</summary>
    private sealed class StrView : IReadOnlyList<object?>
    {
        private readonly string _text;
        private readonly int[]? _starts;

        public StrView(string text)
        {
            _text = text;
            if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
            {
                var starts = new List<int>(text.Length);
                for (int i = 0; i < text.Length; i++)
                {
                    starts.Add(i);
                    if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        i++;
                    }
                }

                _starts = [.. starts];
            }
        }

        public int Count => _starts?.Length ?? _text.Length;

        public object? this[int index]
        {
            get
            {
                if (_starts is null)
                {
                    return _text[index].ToString();
                }

                int start = _starts[index];
                int end = index + 1 < _starts.Length ? _starts[index + 1] : _text.Length;
                return _text[start..end];
            }
        }

        public IEnumerator<object?> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>bytes or bytearray as Python sees them when indexed: ints.</summary>
    private sealed class BytesView(byte[] bytes) : IReadOnlyList<object?>
    {
        public int Count => bytes.Length;

        public object? this[int index] => (long)bytes[index];

        public IEnumerator<object?> GetEnumerator()
        {
            foreach (byte b in bytes)
            {
                yield return (long)b;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

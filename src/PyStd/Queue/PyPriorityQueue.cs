namespace PyStd.Queue;

/// <summary>
/// Python's <c>queue.PriorityQueue</c>: a <see cref="PyQueue{T}"/> that hands out the smallest
/// item first, kept as CPython keeps it — a binary heap driven by <c>heapq.heappush</c>/
/// <c>heappop</c>'s exact algorithm. Items that compare equal therefore come out in CPython's
/// order, which is not insertion order (heapq is not stable); to get FIFO among equal
/// priorities, do what the Python docs advise and add a sequence number to the item, e.g.
/// <c>(priority, counter, payload)</c>.
/// </summary>
/// <remarks>
/// Named with the <c>Py</c> prefix so it does not collide with
/// <see cref="System.Collections.Generic.PriorityQueue{TElement, TPriority}"/>.
/// </remarks>
/// <typeparam name="T">The item type; ordered by <see cref="Comparer"/>.</typeparam>
public class PyPriorityQueue<T> : PyQueue<T>
{
    private List<T> _heap = [];

    /// <summary>Creates a priority queue ordered by <see cref="Comparer{T}.Default"/>.</summary>
    /// <param name="maxSize">The most items it holds; zero or less (the default) means no limit.</param>
    public PyPriorityQueue(int maxSize = 0)
        : this(null, maxSize)
    {
    }

    /// <summary>Creates a priority queue with an ordering of your own.</summary>
    /// <param name="comparer">Orders items, smallest first; null for <see cref="Comparer{T}.Default"/>.
    /// Only "less than" is asked, as Python's heapq only uses <c>&lt;</c>.</param>
    /// <param name="maxSize">The most items it holds; zero or less (the default) means no limit.</param>
    public PyPriorityQueue(IComparer<T>? comparer, int maxSize = 0)
        : base(maxSize)
    {
        Comparer = comparer ?? Comparer<T>.Default;
    }

    /// <summary>The ordering: smallest first.</summary>
    public IComparer<T> Comparer { get; }

    /// <inheritdoc />
    protected override void Init(int maxSize) => _heap = new List<T>(maxSize is > 0 and <= 1024 ? maxSize : 16);

    /// <inheritdoc />
    protected override int QSizeCore() => _heap.Count;

    /// <inheritdoc />
    protected override void PutCore(T item) => Heap.Push(_heap, item, Comparer);

    /// <inheritdoc />
    protected override T GetCore() => Heap.Pop(_heap, Comparer);
}

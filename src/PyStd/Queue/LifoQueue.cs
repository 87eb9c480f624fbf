namespace PyStd.Queue;

/// <summary>
/// Python's <c>queue.LifoQueue</c>: a <see cref="PyQueue{T}"/> that hands out the most recently
/// added item first (a stack). Blocking, timeouts, <c>TaskDone</c>/<c>Join</c> and
/// <c>Shutdown</c> are <see cref="PyQueue{T}"/>'s; only the storage differs.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public class LifoQueue<T> : PyQueue<T>
{
    private T[] _items = [];
    private int _count;

    /// <summary>Creates a LIFO queue.</summary>
    /// <param name="maxSize">The most items it holds; zero or less (the default) means no limit.</param>
    public LifoQueue(int maxSize = 0)
        : base(maxSize)
    {
    }

    /// <inheritdoc />
    protected override void Init(int maxSize) => _items = new T[maxSize is > 0 and <= 1024 ? maxSize : 16];

    /// <inheritdoc />
    protected override int QSizeCore() => _count;

    /// <inheritdoc />
    protected override void PutCore(T item)
    {
        if (_count == _items.Length)
        {
            System.Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = item;
    }

    /// <inheritdoc />
    protected override T GetCore()
    {
        int last = --_count;
        T item = _items[last];
        _items[last] = default!;
        return item;
    }
}

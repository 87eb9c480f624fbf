using System.Runtime.CompilerServices;

namespace PyStd.Queue;

/// <summary>
/// A growable circular buffer: CPython's <c>collections.deque</c> as the FIFO queues use it
/// (append at the right, pop at the left). Not thread-safe; the queue's lock guards it. Slots are
/// cleared on removal when <typeparamref name="T"/> holds references, so a dequeued item is not
/// kept alive by the queue.
/// </summary>
internal struct Ring<T>
{
    private T[] _items;
    private int _head;
    private int _count;

    internal Ring(int capacity) => _items = new T[Math.Max(capacity, 4)];

    internal readonly int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Append(T item)
    {
        T[] items = _items;
        if (_count == items.Length)
        {
            Grow();
            items = _items;
        }

        int tail = _head + _count;
        if (tail >= items.Length)
        {
            tail -= items.Length;
        }

        items[tail] = item;
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T PopLeft()
    {
        T[] items = _items;
        int head = _head;
        T item = items[head];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            items[head] = default!;
        }

        head++;
        _head = head == items.Length ? 0 : head;
        _count--;
        return item;
    }

    private void Grow()
    {
        var bigger = new T[_items.Length * 2];
        int first = Math.Min(_count, _items.Length - _head);
        System.Array.Copy(_items, _head, bigger, 0, first);
        System.Array.Copy(_items, 0, bigger, first, _count - first);
        _items = bigger;
        _head = 0;
    }
}

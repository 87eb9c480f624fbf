namespace PyStd.Queue;

/// <summary>
/// CPython's <c>heapq</c> push and pop (<c>Lib/heapq.py</c> <c>_siftdown</c>/<c>_siftup</c>, which
/// <c>Modules/_heapqmodule.c</c> implements step for step) over a list, comparing with
/// <c>&lt;</c> only. The same algorithm, not merely "a min-heap", so items that compare equal come
/// out in exactly CPython's order — heapq is not stable, and neither is this.
/// </summary>
internal static class Heap
{
    /// <summary><c>heappush</c>: append, then sift the new item up towards the root.</summary>
    internal static void Push<T>(List<T> heap, T item, IComparer<T> comparer)
    {
        heap.Add(item);
        SiftDown(heap, 0, heap.Count - 1, comparer);
    }

    /// <summary><c>heappop</c>: take the root, move the last item there and sift it.</summary>
    internal static T Pop<T>(List<T> heap, IComparer<T> comparer)
    {
        int last = heap.Count - 1;
        T lastItem = heap[last];
        heap.RemoveAt(last);
        if (last == 0)
        {
            return lastItem;
        }

        T top = heap[0];
        heap[0] = lastItem;
        SiftUp(heap, 0, comparer);
        return top;
    }

    // heapq._siftdown: follow the path to the root, moving parents down until newitem fits.
    private static void SiftDown<T>(List<T> heap, int startPos, int pos, IComparer<T> comparer)
    {
        T newItem = heap[pos];
        while (pos > startPos)
        {
            int parentPos = (pos - 1) >> 1;
            T parent = heap[parentPos];
            if (comparer.Compare(newItem, parent) < 0)
            {
                heap[pos] = parent;
                pos = parentPos;
                continue;
            }

            break;
        }

        heap[pos] = newItem;
    }

    // heapq._siftup: bubble the smaller child up until reaching a leaf (taking the right child
    // unless left < right), then sift the displaced item back up with _siftdown.
    private static void SiftUp<T>(List<T> heap, int pos, IComparer<T> comparer)
    {
        int endPos = heap.Count;
        int startPos = pos;
        T newItem = heap[pos];
        int childPos = (2 * pos) + 1;
        while (childPos < endPos)
        {
            int rightPos = childPos + 1;
            if (rightPos < endPos && !(comparer.Compare(heap[childPos], heap[rightPos]) < 0))
            {
                childPos = rightPos;
            }

            heap[pos] = heap[childPos];
            pos = childPos;
            childPos = (2 * pos) + 1;
        }

        heap[pos] = newItem;
        SiftDown(heap, startPos, pos, comparer);
    }
}

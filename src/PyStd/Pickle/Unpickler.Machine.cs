using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <content>
/// The machine's state: the object stack with CPython's mark stack and fence
/// (<c>Pdata</c> in <c>Modules/_pickle.c</c>), the memo, the nesting depth of every value on the
/// stack and in the memo, the allocation budget, and the registered instances awaiting conversion.
/// </content>
public sealed partial class Unpickler
{
    /// <summary>Memo slots never written hold this (a memo value may be null).</summary>
    private static readonly object s_unset = new();

    /// <summary>Memo indices at or above this go to a dictionary instead of the array.</summary>
    private const int DenseMemoLimit = 1 << 20;

    private object?[] _stack = new object?[32];
    private int[] _depths = new int[32];
    private int _count;

    private int[] _marks = new int[8];
    private int _markCount;
    private int _fence;

    /// <summary>Dense memo entries per page: 512 of 16 bytes, 8 KB, so no page lands on the large object heap.</summary>
    private const int MemoPageBits = 9;
    private const int MemoPageSize = 1 << MemoPageBits;

    // The dense memo in fixed pages rather than one doubling array: a load with a million memo
    // entries neither copies them as it grows nor churns the large object heap (which costs full GCs).
    private MemoEntry[]?[] _memoPages = System.Array.Empty<MemoEntry[]?>();
    private Dictionary<long, (object? Value, int Depth)>? _sparseMemo;
    private int _memoLength;

    private int _proto;
    private long _allocated;
    private int _nextBuffer;
    private Dictionary<(string, string, bool), PyGlobal>? _globals;

    private Pending[] _pending = System.Array.Empty<Pending>();
    private int _pendingCount;
    private int _pendingTop = -1;

    /// <summary>A dense memo slot: the value (<see cref="s_unset"/> when never written) and its nesting depth.</summary>
    private struct MemoEntry
    {
        public object? Value;
        public int Depth;
    }

    /// <summary>A registered instance on the stack, converted when the stack gives it up.</summary>
    private struct Pending
    {
        public int StackIndex;
        public PyObject Shape;
        public PickleConverter Converter;
        public List<long>? MemoKeys;
    }

    private void Reset()
    {
        System.Array.Clear(_stack, 0, _count);
        _count = 0;
        _markCount = 0;
        _fence = 0;
        _memoLength = 0;
        _sparseMemo = null;
        _proto = 0;
        _allocated = 0;
        _nextBuffer = 0;
        System.Array.Clear(_pending, 0, _pendingCount);
        _pendingCount = 0;
        _pendingTop = -1;
        if (_memoPages.Length > 8)
        {
            _memoPages = System.Array.Empty<MemoEntry[]?>();
        }
        else
        {
            foreach (MemoEntry[]? page in _memoPages)
            {
                if (page is not null)
                {
                    ClearMemoPage(page);
                }
            }
        }

        if (_stack.Length > 4096)
        {
            _stack = new object?[32];
            _depths = new int[32];
        }
    }

    // ---- stack -------------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(object? value)
    {
        if (_count == _stack.Length)
        {
            Grow();
        }

        _stack[_count] = value;
        _depths[_count++] = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(object? value, int depth)
    {
        if (depth > _options.MaxDepth)
        {
            throw TooDeep();
        }

        if (_count == _stack.Length)
        {
            Grow();
        }

        _stack[_count] = value;
        _depths[_count++] = depth;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        int size = checked(_stack.Length * 2);
        System.Array.Resize(ref _stack, size);
        System.Array.Resize(ref _depths, size);
    }

    /// <summary>Pdata_pop: the top value, below the fence an underflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private object? Pop()
    {
        if (_count <= _fence)
        {
            throw StackUnderflow();
        }

        if (_pendingTop >= _count - 1)
        {
            FinishPending(_count - 1);
        }

        object? value = _stack[--_count];
        _stack[_count] = null;
        return value;
    }

    private object? Pop(out int depth)
    {
        if (_count <= _fence)
        {
            throw StackUnderflow();
        }

        if (_pendingTop >= _count - 1)
        {
            FinishPending(_count - 1);
        }

        depth = _depths[--_count];
        object? value = _stack[_count];
        _stack[_count] = null;
        return value;
    }

    /// <summary>The top value, left in place (converted first if it is a finished registered instance).</summary>
    private ref object? Top()
    {
        if (_count <= _fence)
        {
            throw StackUnderflow();
        }

        return ref _stack[_count - 1];
    }

    /// <summary>Drops the values from <paramref name="start"/> up (after they have been read).</summary>
    private void Truncate(int start)
    {
        System.Array.Clear(_stack, start, _count - start);
        _count = start;
    }

    /// <summary>Makes the values from <paramref name="start"/> up final (registered instances converted) before they are read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Finalize(int start)
    {
        if (_pendingTop >= start)
        {
            FinishPending(start);
        }
    }

    /// <summary>The deepest value from <paramref name="start"/> up.</summary>
    private int MaxDepth(int start)
    {
        int max = 0;
        for (int i = start; i < _count; i++)
        {
            if (_depths[i] > max)
            {
                max = _depths[i];
            }
        }

        return max;
    }

    /// <summary>Pdata_poptuple: the values from <paramref name="start"/> up as a tuple, fence-checked.</summary>
    private PyTuple PopTuple(int start, out int depth)
    {
        if (start < _fence)
        {
            throw StackUnderflow();
        }

        Finalize(start);
        int n = _count - start;
        depth = MaxDepth(start) + 1;
        if (n == 0)
        {
            return PyTuple.Empty;
        }

        Charge(n * 8L);
        var items = new object?[n];
        System.Array.Copy(_stack, start, items, 0, n);
        Truncate(start);
        return PyTuple.FromOwnedArray(items);
    }

    /// <summary>The values from <paramref name="start"/> up as a list, fence-checked.</summary>
    private List<object?> PopList(int start, out int depth)
    {
        if (start < _fence)
        {
            throw StackUnderflow();
        }

        Finalize(start);
        int n = _count - start;
        depth = MaxDepth(start) + 1;
        Charge(n * 8L);
        var list = new List<object?>(n);
        list.AddRange(new ReadOnlySpan<object?>(_stack, start, n));
        Truncate(start);
        return list;
    }

    // ---- marks -------------------------------------------------------------------------------

    private void PushMark()
    {
        if (_markCount >= _options.MaxDepth)
        {
            throw TooDeep();
        }

        if (_markCount == _marks.Length)
        {
            System.Array.Resize(ref _marks, _marks.Length * 2);
        }

        _marks[_markCount++] = _count;
        _fence = _count;
    }

    /// <summary>marker(): pops the innermost mark and returns the stack size it recorded.</summary>
    private int PopMark()
    {
        if (_markCount < 1)
        {
            throw new UnpicklingException("could not find MARK");
        }

        int mark = _marks[--_markCount];
        _fence = _markCount > 0 ? _marks[_markCount - 1] : 0;
        return mark;
    }

    /// <summary>Pdata_stack_underflow: the message depends on whether a mark is set.</summary>
    private UnpicklingException StackUnderflow() =>
        new(_markCount > 0 ? "unexpected MARK found" : "unpickling stack underflow");

    private UnpicklingException TooDeep() =>
        new($"pickle nesting is deeper than the limit of {_options.MaxDepth} (UnpicklerOptions.MaxDepth)");

    internal static UnpicklingException Truncated() => new("pickle data was truncated");

    private void Charge(long bytes)
    {
        _allocated += bytes;
        if (_allocated > _options.MaxAllocationBytes)
        {
            throw new UnpicklingException(
                $"pickle needs more than the limit of {_options.MaxAllocationBytes} bytes (UnpicklerOptions.MaxAllocationBytes)");
        }
    }

    // ---- memo --------------------------------------------------------------------------------

    private void MemoPut(long index, object? value, int depth)
    {
        // Sequential indices (what picklers write) go to an array; an index far beyond the entries
        // so far goes to a dictionary, so a pickle cannot make the memo allocate by naming a huge index.
        if (index < DenseMemoLimit && index <= (_memoLength * 2L) + 1024)
        {
            ref MemoEntry entry = ref DenseMemoSlot((int)index);
            if (ReferenceEquals(entry.Value, s_unset) && (_sparseMemo is null || !_sparseMemo.Remove(index)))
            {
                CountMemoEntry();
            }

            entry.Value = value;
            entry.Depth = depth;
        }
        else
        {
            _sparseMemo ??= new Dictionary<long, (object?, int)>();
            MemoEntry[]? page = DenseMemoPage(index);
            ref MemoEntry dense = ref page is null ? ref Unsafe.NullRef<MemoEntry>() : ref page[index & (MemoPageSize - 1)];
            bool known = _sparseMemo.ContainsKey(index) || (page is not null && !ReferenceEquals(dense.Value, s_unset));
            if (!known)
            {
                CountMemoEntry();
            }

            if (page is not null)
            {
                dense.Value = s_unset;
            }

            _sparseMemo[index] = (value, depth);
        }

        if (_pendingTop == _count - 1 && _pendingTop >= 0)
        {
            ref Pending p = ref _pending[_pendingCount - 1];
            if (ReferenceEquals(p.Shape, value))
            {
                (p.MemoKeys ??= new List<long>(1)).Add(index);
            }
        }
    }

    private void CountMemoEntry()
    {
        if (_memoLength >= _options.MaxMemoEntries)
        {
            throw new UnpicklingException(
                $"pickle has more memo entries than the limit of {_options.MaxMemoEntries} (UnpicklerOptions.MaxMemoEntries)");
        }

        _memoLength++;
        Charge(8);
    }

    private void MemoGet(long index)
    {
        MemoEntry[]? page = DenseMemoPage(index);
        if (page is not null)
        {
            ref MemoEntry slot = ref page[index & (MemoPageSize - 1)];
            if (!ReferenceEquals(slot.Value, s_unset))
            {
                Push(slot.Value, slot.Depth);
                return;
            }
        }

        if (_sparseMemo is not null && _sparseMemo.TryGetValue(index, out var entry))
        {
            Push(entry.Value, entry.Depth);
            return;
        }

        throw new UnpicklingException($"Memo value not found at index {index}");
    }

    private void MemoReplace(long index, object? old, object? value)
    {
        MemoEntry[]? page = DenseMemoPage(index);
        if (page is not null && ReferenceEquals(page[index & (MemoPageSize - 1)].Value, old))
        {
            page[index & (MemoPageSize - 1)].Value = value;
        }
        else if (_sparseMemo is not null && _sparseMemo.TryGetValue(index, out var entry) && ReferenceEquals(entry.Value, old))
        {
            _sparseMemo[index] = (value, entry.Depth);
        }
    }

    /// <summary>The dense memo page holding <paramref name="index"/>, or null when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private MemoEntry[]? DenseMemoPage(long index)
    {
        ulong page = (ulong)index >> MemoPageBits;
        return page < (ulong)_memoPages.Length ? _memoPages[page] : null;
    }

    /// <summary>The dense memo slot of <paramref name="index"/>, its page created when missing.</summary>
    private ref MemoEntry DenseMemoSlot(int index)
    {
        int page = index >> MemoPageBits;
        if (page >= _memoPages.Length)
        {
            System.Array.Resize(ref _memoPages, Math.Max(Math.Max(16, _memoPages.Length * 2), page + 1));
        }

        MemoEntry[] entries = _memoPages[page] ??= NewMemoPage();
        return ref entries[index & (MemoPageSize - 1)];
    }

    private static MemoEntry[] NewMemoPage()
    {
        var page = new MemoEntry[MemoPageSize];
        ClearMemoPage(page);
        return page;
    }

    private static void ClearMemoPage(MemoEntry[] page)
    {
        for (int i = 0; i < page.Length; i++)
        {
            page[i] = new MemoEntry { Value = s_unset };
        }
    }

    // ---- registered instances ----------------------------------------------------------------

    /// <summary>Pushes an instance of a registered class that converts once complete.</summary>
    private void PushPending(PyObject shape, PickleConverter converter, int depth)
    {
        Push(shape, depth);
        if (_pendingCount == _pending.Length)
        {
            System.Array.Resize(ref _pending, Math.Max(4, _pending.Length * 2));
        }

        _pending[_pendingCount++] = new Pending { StackIndex = _count - 1, Shape = shape, Converter = converter };
        _pendingTop = _count - 1;
    }

    /// <summary>Converts every pending instance at stack index <paramref name="start"/> or above, innermost first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FinishPending(int start)
    {
        while (_pendingCount > 0 && _pending[_pendingCount - 1].StackIndex >= start)
        {
            Pending p = _pending[--_pendingCount];
            _pending[_pendingCount] = default;
            _pendingTop = _pendingCount > 0 ? _pending[_pendingCount - 1].StackIndex : -1;
            if (p.StackIndex >= _count || !ReferenceEquals(_stack[p.StackIndex], p.Shape))
            {
                continue; // the slot was already given up (cannot happen with stack discipline; defensive)
            }

            object? value = Convert(p.Converter, p.Shape);
            _stack[p.StackIndex] = value;
            if (p.MemoKeys is not null)
            {
                foreach (long key in p.MemoKeys)
                {
                    MemoReplace(key, p.Shape, value);
                }
            }
        }
    }

    private static object? Convert(PickleConverter converter, PyObject shape)
    {
        try
        {
            return converter.FromPython(shape);
        }
        catch (UnpicklingException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnpicklingException($"could not build {shape.Module}.{shape.Name}: {e.Message}", e);
        }
    }
}

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
    /// <summary>Memo indices at or above this go to a dictionary instead of the array.</summary>
    private const int DenseMemoLimit = 1 << 20;

    private object?[] _stack = new object?[32];
    private int[] _depths = new int[32];
    private int _count;

    private int[] _marks = new int[8];
    private int _markCount;
    private int _fence;

    /// <summary>Dense memo entries per page: 1024 values (8 KB) and their depths (2 KB), off the large object heap.</summary>
    private const int MemoPageBits = 10;
    private const int MemoPageSize = 1 << MemoPageBits;

    /// <summary>The largest depth a dense memo slot stores (as depth + 1, 0 meaning never written); deeper values go to the dictionary.</summary>
    private const int DenseMemoMaxDepth = ushort.MaxValue - 1;

    // The dense memo in fixed pages rather than one doubling array: a load with a million memo
    // entries neither copies them as it grows nor churns the large object heap (which costs full GCs).
    // A page is a value array and a parallel depth array whose zero means "never written", so a
    // fresh page needs no initialisation and costs 10 bytes a slot.
    private MemoPage?[] _memoPages = System.Array.Empty<MemoPage?>();
    private Dictionary<long, (object? Value, int Depth)>? _sparseMemo;
    private int _memoLength;

    private int _proto;
    private long _allocated;
    private int _nextBuffer;
    private Dictionary<(string, string, bool), PyGlobal>? _globals;

    private Pending[] _pending = System.Array.Empty<Pending>();
    private int _pendingCount;
    private int _pendingTop = -1;

    /// <summary>A dense memo page: values and their nesting depths plus one (0 when the slot was never written).</summary>
    private sealed class MemoPage
    {
        public readonly object?[] Values = new object?[MemoPageSize];
        public readonly ushort[] Depths = new ushort[MemoPageSize];

        public void Clear()
        {
            System.Array.Clear(Values);
            System.Array.Clear(Depths);
        }
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
        _distinctKeyCount = -1;
        System.Array.Clear(_distinctKeys);
        System.Array.Clear(_pending, 0, _pendingCount);
        _pendingCount = 0;
        _pendingTop = -1;
        if (_memoPages.Length > 8)
        {
            _memoPages = System.Array.Empty<MemoPage?>();
        }
        else
        {
            foreach (MemoPage? page in _memoPages)
            {
                page?.Clear();
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

        // Through a span: the array's type is checked once here instead of by a covariant store.
        Span<object?> stack = _stack;
        stack[_count] = value;
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

        Span<object?> stack = _stack;
        stack[_count] = value;
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
        // The usual few slots by hand: cheaper than a call into the bulk clear.
        object?[] stack = _stack;
        if ((uint)start <= (uint)_count && (uint)_count <= (uint)stack.Length && _count - start <= 16)
        {
            for (int i = start; i < _count; i++)
            {
                stack[i] = null;
            }
        }
        else
        {
            System.Array.Clear(stack, start, _count - start);
        }

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
        PyTuple tuple = PyTuple.Create(new ReadOnlySpan<object?>(_stack, start, n));
        Truncate(start);
        return tuple;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Charge(long bytes)
    {
        _allocated += bytes;
        if (_allocated > _options.MaxAllocationBytes)
        {
            throw OverBudget();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private UnpicklingException OverBudget() =>
        new($"pickle needs more than the limit of {_options.MaxAllocationBytes} bytes (UnpicklerOptions.MaxAllocationBytes)");

    // ---- memo --------------------------------------------------------------------------------

    private void MemoPut(long index, object? value, int depth)
    {
        // Sequential indices (what picklers write) go to the pages; an index far beyond the entries
        // so far goes to a dictionary, so a pickle cannot make the memo allocate by naming a huge index.
        if (index < DenseMemoLimit && index <= (_memoLength * 2L) + 1024 && (uint)depth <= DenseMemoMaxDepth)
        {
            MemoPage page = DenseMemoPageFor((int)index);
            int slot = (int)index & (MemoPageSize - 1);
            if (page.Depths[slot] == 0 && (_sparseMemo is null || !_sparseMemo.Remove(index)))
            {
                CountMemoEntry();
            }

            page.Values[slot] = value;
            page.Depths[slot] = (ushort)(depth + 1);
        }
        else
        {
            _sparseMemo ??= new Dictionary<long, (object?, int)>();
            MemoPage? page = DenseMemoPage(index);
            int slot = (int)(index & (MemoPageSize - 1));
            bool known = _sparseMemo.ContainsKey(index) || (page is not null && page.Depths[slot] != 0);
            if (!known)
            {
                CountMemoEntry();
            }

            if (page is not null)
            {
                page.Values[slot] = null;
                page.Depths[slot] = 0;
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

    /// <summary>
    /// MEMOIZE: the top value into the next memo slot. The usual case (a fresh slot on an existing
    /// page, no sparse entries, no registered instance on top) inline; anything else through <see cref="Put"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Memoize()
    {
        int index = _memoLength;
        int top = _count - 1;
        MemoPage? page = DenseMemoPage(index);
        if (page is not null && top >= _fence && _sparseMemo is null && _pendingTop != top && index < DenseMemoLimit)
        {
            int depth = _depths[top];
            int slot = index & (MemoPageSize - 1);
            if ((uint)depth <= DenseMemoMaxDepth && page.Depths[slot] == 0)
            {
                CountMemoEntry();
                page.Values[slot] = _stack[top];
                page.Depths[slot] = (ushort)(depth + 1);
                return;
            }
        }

        Put(index);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountMemoEntry()
    {
        if (_memoLength >= _options.MaxMemoEntries)
        {
            throw TooManyMemoEntries();
        }

        _memoLength++;
        Charge(8);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private UnpicklingException TooManyMemoEntries() =>
        new($"pickle has more memo entries than the limit of {_options.MaxMemoEntries} (UnpicklerOptions.MaxMemoEntries)");

    /// <summary>GET: pushes a memo value (the dense page inline, anything else out of line).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MemoGet(long index)
    {
        MemoPage? page = DenseMemoPage(index);
        if (page is not null)
        {
            int slot = (int)(index & (MemoPageSize - 1));
            int depth = page.Depths[slot];
            if (depth != 0 && _count < _stack.Length)
            {
                // The depth was checked against the limit when the value was put.
                Span<object?> stack = _stack;
                stack[_count] = page.Values[slot];
                _depths[_count++] = depth - 1;
                return;
            }
        }

        MemoGetSlow(index);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MemoGetSlow(long index)
    {
        MemoPage? page = DenseMemoPage(index);
        if (page is not null)
        {
            int slot = (int)(index & (MemoPageSize - 1));
            int depth = page.Depths[slot];
            if (depth != 0)
            {
                Push(page.Values[slot], depth - 1);
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
        MemoPage? page = DenseMemoPage(index);
        int slot = (int)(index & (MemoPageSize - 1));
        if (page is not null && page.Depths[slot] != 0 && ReferenceEquals(page.Values[slot], old))
        {
            page.Values[slot] = value;
        }
        else if (_sparseMemo is not null && _sparseMemo.TryGetValue(index, out var entry) && ReferenceEquals(entry.Value, old))
        {
            _sparseMemo[index] = (value, entry.Depth);
        }
    }

    /// <summary>The dense memo page holding <paramref name="index"/>, or null when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private MemoPage? DenseMemoPage(long index)
    {
        ulong page = (ulong)index >> MemoPageBits;
        return page < (ulong)_memoPages.Length ? _memoPages[page] : null;
    }

    /// <summary>The dense memo page of <paramref name="index"/>, created when missing.</summary>
    private MemoPage DenseMemoPageFor(int index)
    {
        int page = index >> MemoPageBits;
        if (page >= _memoPages.Length)
        {
            System.Array.Resize(ref _memoPages, Math.Max(Math.Max(16, _memoPages.Length * 2), page + 1));
        }

        return _memoPages[page] ??= new MemoPage();
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

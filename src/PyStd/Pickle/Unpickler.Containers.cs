using PyStd.Objects;

namespace PyStd.Pickle;

/// <content>DICT, APPEND(S), SETITEM(S) and ADDITEMS (<c>do_append</c>, <c>do_setitems</c>, <c>load_additems</c>).</content>
public sealed partial class Unpickler
{
    /// <summary>The most keys of a remembered distinct batch (the dict's linear-scan size).</summary>
    private const int DistinctKeyLimit = 8;

    private readonly object?[] _distinctKeys = new object?[DistinctKeyLimit];
    private int _distinctKeyCount = -1;

    private void LoadDict()
    {
        int mark = PopMark();
        if (mark < _fence)
        {
            throw StackUnderflow();
        }

        if ((_count - mark) % 2 != 0)
        {
            throw new UnpicklingException("odd number of items for DICT");
        }

        Finalize(mark);
        int depth = MaxDepth(mark) + 1;
        Charge((_count - mark) * 8L);
        var dict = new PyDict();
        dict.EnsureCapacity((_count - mark) / 2);
        for (int i = mark; i < _count; i += 2)
        {
            dict[_stack[i]] = _stack[i + 1];
        }

        Truncate(mark);
        Push(dict, depth);
    }

    /// <summary>do_append: items from <paramref name="start"/> up go into the value just below.</summary>
    private void DoAppend(int start)
    {
        if (start > _count || start <= 0)
        {
            throw StackUnderflow();
        }

        if (start == _count)
        {
            return;
        }

        Finalize(start);
        int n = _count - start;
        Charge(n * 8L);
        var items = new ReadOnlySpan<object?>(_stack, start, n);
        object? target = _stack[start - 1];
        switch (target)
        {
            case List<object?> list:
                if (list.Capacity == 0)
                {
                    list.Capacity = n; // EMPTY_LIST then one APPENDS: exactly sized, not List's minimum of 4
                }

                list.AddRange(items);
                break;
            case PyObject obj:
                (obj.ListItems ??= new List<object?>(n)).AddRange(items);
                break;
            case ICollection<object?> collection when !collection.IsReadOnly && target is not (PyTuple or PySetBase):
                foreach (object? item in items)
                {
                    collection.Add(item);
                }

                break;
            default:
                throw new UnpicklingException($"'{PyTypeName.Of(target)}' object has no attribute 'extend'");
        }

        Deepen(start - 1, start);
        Truncate(start);
    }

    /// <summary>do_setitems: key/value pairs from <paramref name="start"/> up go into the value just below.</summary>
    private void DoSetItems(int start)
    {
        if (start > _count || start <= 0)
        {
            throw StackUnderflow();
        }

        if (start == _count)
        {
            return;
        }

        if ((_count - start) % 2 != 0)
        {
            throw new UnpicklingException("odd number of items for SETITEMS");
        }

        Finalize(start);
        Charge((_count - start) * 8L);
        object? target = _stack[start - 1];
        switch (target)
        {
            case PyDict dict:
            {
                int pairs = (_count - start) / 2;
                bool fresh = dict.Count == 0;
                if (fresh && SameKeysAsLastDistinct(start, pairs)
                    && dict.TryFillDistinct(new ReadOnlySpan<object?>(_stack, start, _count - start)))
                {
                    break;
                }

                dict.EnsureCapacity(pairs);
                for (int i = start; i < _count; i += 2)
                {
                    dict[_stack[i]] = _stack[i + 1];
                }

                if (fresh && dict.Count == pairs)
                {
                    RememberDistinctKeys(start, pairs);
                }

                break;
            }

            case PyObject obj:
                obj.DictItems ??= new PyDict();
                for (int i = start; i < _count; i += 2)
                {
                    obj.DictItems[_stack[i]] = _stack[i + 1];
                }

                break;
            case List<object?> list:
                // list.__setitem__ with int keys, as CPython would call it.
                for (int i = start; i < _count; i += 2)
                {
                    if (_stack[i] is not long index)
                    {
                        throw new UnpicklingException($"list indices must be integers or slices, not {PyTypeName.Of(_stack[i])}");
                    }

                    long j = index < 0 ? index + list.Count : index;
                    if (j < 0 || j >= list.Count)
                    {
                        throw new UnpicklingException("list assignment index out of range");
                    }

                    list[(int)j] = _stack[i + 1];
                }

                break;
            case IDictionary<object?, object?> map:
                for (int i = start; i < _count; i += 2)
                {
                    map[_stack[i]] = _stack[i + 1];
                }

                break;
            default:
                throw new UnpicklingException($"'{PyTypeName.Of(target)}' object does not support item assignment");
        }

        Deepen(start - 1, start);
        Truncate(start);
    }

    /// <summary>
    /// Whether the keys from <paramref name="start"/> up are, position by position, the very string
    /// objects of the last batch that filled an empty dict without a duplicate: records that share
    /// their keys through the memo then skip the duplicate search. Equal references to strings
    /// proven pairwise unequal are pairwise unequal, so last-wins semantics cannot be at stake.
    /// </summary>
    private bool SameKeysAsLastDistinct(int start, int pairs)
    {
        if (pairs != _distinctKeyCount)
        {
            return false;
        }

        object?[] stack = _stack;
        object?[] keys = _distinctKeys;
        for (int j = 0; j < pairs; j++)
        {
            if (!ReferenceEquals(stack[start + (2 * j)], keys[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Remembers a batch of pairwise-unequal keys when they are all strings (immutable, ordinal equality).</summary>
    private void RememberDistinctKeys(int start, int pairs)
    {
        _distinctKeyCount = -1;
        if (pairs > DistinctKeyLimit)
        {
            return;
        }

        for (int j = 0; j < pairs; j++)
        {
            if (_stack[start + (2 * j)] is not string key)
            {
                return;
            }

            _distinctKeys[j] = key;
        }

        _distinctKeyCount = pairs;
    }

    /// <summary>load_additems: items from the mark up go into the set just below it.</summary>
    private void DoAddItems(int start)
    {
        if (start > _count || start <= 0)
        {
            throw StackUnderflow();
        }

        if (start == _count)
        {
            return;
        }

        Finalize(start);
        Charge((_count - start) * 8L);
        if (_stack[start - 1] is not PySet set)
        {
            throw new UnpicklingException($"'{PyTypeName.Of(_stack[start - 1])}' object has no attribute 'add'");
        }

        for (int i = start; i < _count; i++)
        {
            set.Add(_stack[i]);
        }

        Deepen(start - 1, start);
        Truncate(start);
    }

    /// <summary>The container at <paramref name="target"/> now holds the values from <paramref name="start"/> up.</summary>
    private void Deepen(int target, int start)
    {
        int depth = MaxDepth(start) + 1;
        if (depth > _depths[target])
        {
            if (depth > _options.MaxDepth)
            {
                throw TooDeep();
            }

            _depths[target] = depth;
        }
    }
}

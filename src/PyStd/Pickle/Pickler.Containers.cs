using System.Collections;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Pickle;

// Containers: save_tuple (with its recursive-tuple POP/POP_MARK dance), save_list/batch_list_exact,
// save_dict/batch_dict_exact, save_set, save_frozenset, and the generic batch_list/batch_dict that
// save_reduce uses for list and dict items. Batches hold 1000 items (BATCHSIZE). The exact-type
// batchers differ from the generic ones at the edges, and CPython's bytes show it: a list of 1001
// items ends "MARK x APPENDS", list items of a reduce end "x APPEND"; a dict or set of exactly 1000
// items ends with an empty "MARK SETITEMS"/"MARK ADDITEMS" batch.
public sealed partial class Pickler
{
    private const int BatchSize = 1000;

    private static readonly PyGlobal s_builtinsSet = new("builtins", "set");
    private static readonly PyGlobal s_builtinsFrozenSet = new("builtins", "frozenset");

    /// <summary>save_tuple. <paramref name="memoKey"/> is the object the tuple is memoised as.</summary>
    private void SaveTuple(PyTuple tuple, object memoKey)
    {
        ReadOnlySpan<object?> items = tuple.AsSpan();
        int n = items.Length;
        if (n == 0)
        {
            if (_bin)
            {
                WriteOp(Opcodes.EmptyTuple);
            }
            else
            {
                WriteOp(Opcodes.Mark, Opcodes.Tuple);
            }

            return;
        }

        Enter();
        int index;
        if (n <= 3 && _proto >= 2)
        {
            for (int i = 0; i < items.Length; i++)
            {
                Save(items[i]);
            }

            if (_memo.TryGetValue(memoKey, out index))
            {
                // The tuple was reached through its own items: drop them and fetch it from the memo.
                for (int i = 0; i < n; i++)
                {
                    WriteOp(Opcodes.Pop);
                }

                WriteGet(index);
                Leave();
                return;
            }

            WriteOp((byte)(Opcodes.Tuple1 + n - 1));
        }
        else
        {
            WriteOp(Opcodes.Mark);
            for (int i = 0; i < items.Length; i++)
            {
                Save(items[i]);
            }

            if (_memo.TryGetValue(memoKey, out index))
            {
                if (_bin)
                {
                    WriteOp(Opcodes.PopMark);
                }
                else
                {
                    for (int i = 0; i <= n; i++)
                    {
                        WriteOp(Opcodes.Pop);
                    }
                }

                WriteGet(index);
                Leave();
                return;
            }

            WriteOp(Opcodes.Tuple);
        }

        MemoPut(memoKey);
        Leave();
    }

    /// <summary>Whether every item is an int, float, bool or None: values never memoised, so saving them leaves the memo alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool OnlyAtoms(ReadOnlySpan<object?> items)
    {
        foreach (object? item in items)
        {
            if (item is not (null or long or double or bool))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// save_tuple for TUPLE1–3 of atoms: nothing can be memoised between the memo check and the PUT
    /// (and such a tuple cannot contain itself), so one probe both checks and enters it.
    /// </summary>
    private void SaveAtomTuple(PyTuple tuple)
    {
        if (!_memo.TryAdd(tuple, _memoCount, out int existing))
        {
            WriteGet(existing);
            return;
        }

        ReadOnlySpan<object?> items = tuple.AsSpan();
        for (int i = 0; i < items.Length; i++)
        {
            Boundary();
            SaveValue(items[i]);
        }

        WriteOp((byte)(Opcodes.Tuple1 + items.Length - 1));
        WritePut(_memoCount++);
    }

    /// <summary>
    /// save_list: EMPTY_LIST (MARK LIST at protocol 0), memo, then the items. <paramref name="memoised"/>:
    /// the list is already in the memo table under the next index, only its PUT is due.
    /// </summary>
    private void SaveList(List<object?> list, bool memoised)
    {
        if (_bin)
        {
            WriteOp(Opcodes.EmptyList);
        }
        else
        {
            WriteOp(Opcodes.Mark, Opcodes.List);
        }

        if (memoised)
        {
            WritePut(_memoCount++);
        }
        else
        {
            MemoPut(list);
        }

        if (list.Count == 0)
        {
            return;
        }

        Enter();
        if (_proto == 0)
        {
            for (int i = 0; i < list.Count; i++)
            {
                Save(list[i]);
                WriteOp(Opcodes.Append);
            }
        }
        else if (list.Count == 1)
        {
            Save(list[0]);
            WriteOp(Opcodes.Append);
        }
        else
        {
            // batch_list_exact: MARK items APPENDS, 1000 at a time, no empty batch at the end.
            int total = 0;
            do
            {
                WriteOp(Opcodes.Mark);
                int batch = 0;
                while (total < list.Count)
                {
                    if (total + 1 < list.Count)
                    {
                        PrefetchNext(list[total + 1]);
                    }

                    Save(list[total]);
                    total++;
                    if (++batch == BatchSize)
                    {
                        break;
                    }
                }

                WriteOp(Opcodes.Appends);
            }
            while (total < list.Count);
        }

        Leave();
    }

    /// <summary>A .NET list or array pickled as a Python list (memoised under the .NET object).</summary>
    private void SaveClrList(IList list)
    {
        if (_bin)
        {
            WriteOp(Opcodes.EmptyList);
        }
        else
        {
            WriteOp(Opcodes.Mark, Opcodes.List);
        }

        MemoPut(list);
        int count = list.Count;
        if (count == 0)
        {
            return;
        }

        Enter();
        if (_proto == 0 || count == 1)
        {
            for (int i = 0; i < count; i++)
            {
                Save(list[i]);
                WriteOp(Opcodes.Append);
            }
        }
        else
        {
            int total = 0;
            do
            {
                WriteOp(Opcodes.Mark);
                int batch = 0;
                while (total < count)
                {
                    Save(list[total]);
                    total++;
                    if (++batch == BatchSize)
                    {
                        break;
                    }
                }

                WriteOp(Opcodes.Appends);
            }
            while (total < count);
        }

        Leave();
    }

    /// <summary>
    /// save_dict: EMPTY_DICT (MARK DICT at protocol 0), memo, then the items. <paramref name="memoised"/>:
    /// the dict is already in the memo table under the next index, only its PUT is due.
    /// </summary>
    private void SaveDict(PyDict dict, bool memoised)
    {
        if (_bin)
        {
            WriteOp(Opcodes.EmptyDict);
        }
        else
        {
            WriteOp(Opcodes.Mark, Opcodes.Dict);
        }

        if (memoised)
        {
            WritePut(_memoCount++);
        }
        else
        {
            MemoPut(dict);
        }

        int count = dict.Count;
        if (count == 0)
        {
            return;
        }

        Enter();
        int slots = dict.SlotCount;
        if (count > 2)
        {
            PrefetchValues(dict, slots);
        }

        if (_proto == 0 || count == 1)
        {
            // batch_dict at protocol 0, or batch_dict_exact's one-item case: key value SETITEM.
            for (int slot = 0; slot < slots; slot++)
            {
                if (dict.TryGetSlot(slot, out object? key, out object? value))
                {
                    Save(key);
                    Save(value);
                    WriteOp(Opcodes.SetItem);
                }
            }
        }
        else
        {
            // batch_dict_exact: MARK k v ... SETITEMS per 1000, and an empty batch after a full one.
            int slot = 0;
            int batch;
            do
            {
                WriteOp(Opcodes.Mark);
                batch = 0;
                while (slot < slots)
                {
                    if (dict.TryGetSlot(slot++, out object? key, out object? value))
                    {
                        Save(key);
                        Save(value);
                        if (++batch == BatchSize)
                        {
                            break;
                        }
                    }
                }

                WriteOp(Opcodes.SetItems);
            }
            while (batch == BatchSize);
        }

        Leave();
    }

    /// <summary>
    /// While one item of a long list is saved, asks for the memo slot the next one will probe (a new
    /// container misses in a large memo), so that the miss overlaps with work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PrefetchNext(object? next)
    {
        if (next is not null && (next.GetType() == typeof(PyDict) || next is PyTuple || next.GetType() == typeof(List<object?>)))
        {
            _memo.Prefetch(next);
        }
    }

    /// <summary>
    /// Asks for the memo slots of the values a dict is about to save (new strings, lists, tuples
    /// miss in a large memo), so the cache misses overlap instead of coming one at a time.
    /// </summary>
    private void PrefetchValues(PyDict dict, int slots)
    {
        for (int slot = 0; slot < slots; slot++)
        {
            if (dict.TryGetSlot(slot, out _, out object? value)
                && (value is string or PyTuple || (value is not null && (value.GetType() == typeof(List<object?>) || value.GetType() == typeof(PyDict)))))
            {
                _memo.Prefetch(value);
            }
        }
    }

    /// <summary>A .NET dictionary pickled as a Python dict (memoised under the .NET object).</summary>
    private void SaveClrDict(IDictionary dict)
    {
        if (_bin)
        {
            WriteOp(Opcodes.EmptyDict);
        }
        else
        {
            WriteOp(Opcodes.Mark, Opcodes.Dict);
        }

        MemoPut(dict);
        int count = dict.Count;
        if (count == 0)
        {
            return;
        }

        Enter();
        IDictionaryEnumerator e = dict.GetEnumerator();
        if (_proto == 0 || count == 1)
        {
            while (e.MoveNext())
            {
                Save(e.Key);
                Save(e.Value);
                WriteOp(Opcodes.SetItem);
            }
        }
        else
        {
            bool more = true;
            int batch;
            do
            {
                WriteOp(Opcodes.Mark);
                batch = 0;
                while (more = e.MoveNext())
                {
                    Save(e.Key);
                    Save(e.Value);
                    if (++batch == BatchSize)
                    {
                        break;
                    }
                }

                WriteOp(Opcodes.SetItems);
            }
            while (batch == BatchSize && more);
        }

        Leave();
    }

    /// <summary>
    /// save_set: EMPTY_SET, memo, MARK items ADDITEMS per 1000 (an empty batch after a full one) from
    /// protocol 4; before it, builtins.set([items]) by REDUCE.
    /// </summary>
    private void SaveSet(IEnumerable items, int count, object memoKey)
    {
        if (_proto < 4)
        {
            SaveSetByReduce(s_builtinsSet, items, memoKey);
            return;
        }

        WriteOp(Opcodes.EmptySet);
        MemoPut(memoKey);
        if (count == 0)
        {
            return;
        }

        Enter();
        IEnumerator e = items.GetEnumerator();
        bool more = true;
        int batch;
        do
        {
            WriteOp(Opcodes.Mark);
            batch = 0;
            while (more = e.MoveNext())
            {
                Save(e.Current);
                if (++batch == BatchSize)
                {
                    break;
                }
            }

            WriteOp(Opcodes.AddItems);
        }
        while (batch == BatchSize && more);

        Leave();
    }

    private void SaveSet(PySet set) => SaveSet(set, set.Count, set);

    /// <summary>save_frozenset: MARK items FROZENSET from protocol 4 (POP_MARK and GET if it met itself); before it, builtins.frozenset([items]).</summary>
    private void SaveFrozenSet(IEnumerable items, object memoKey)
    {
        if (_proto < 4)
        {
            SaveSetByReduce(s_builtinsFrozenSet, items, memoKey);
            return;
        }

        Enter();
        WriteOp(Opcodes.Mark);
        foreach (object? item in items)
        {
            Save(item);
        }

        if (_memo.TryGetValue(memoKey, out int index))
        {
            WriteOp(Opcodes.PopMark);
            WriteGet(index);
            Leave();
            return;
        }

        WriteOp(Opcodes.FrozenSet);
        MemoPut(memoKey);
        Leave();
    }

    private void SaveFrozenSet(PyFrozenSet set) => SaveFrozenSet(set, set);

    private void SaveSetByReduce(PyGlobal type, IEnumerable items, object memoKey)
    {
        var list = new List<object?>();
        foreach (object? item in items)
        {
            list.Add(item);
        }

        Enter();
        Save(type);
        Save(new PyTuple(list));
        WriteOp(Opcodes.Reduce);
        Leave();
        if (_memo.TryGetValue(memoKey, out int index))
        {
            WriteOp(Opcodes.Pop);
            WriteGet(index);
            return;
        }

        MemoPut(memoKey);
    }

    /// <summary>batch_list (the generic one, for a reduce's list items): APPEND one at a time at protocol 0; else batches, a lone last item as APPEND.</summary>
    private void BatchListItems(IEnumerable items)
    {
        IEnumerator e = items.GetEnumerator();
        if (_proto == 0)
        {
            while (e.MoveNext())
            {
                Save(e.Current);
                WriteOp(Opcodes.Append);
            }

            return;
        }

        int n;
        do
        {
            if (!e.MoveNext())
            {
                break;
            }

            object? first = e.Current;
            if (!e.MoveNext())
            {
                Save(first);
                WriteOp(Opcodes.Append);
                break;
            }

            WriteOp(Opcodes.Mark);
            Save(first);
            n = 1;
            bool more = true;
            while (more)
            {
                Save(e.Current);
                n++;
                if (n == BatchSize)
                {
                    break;
                }

                more = e.MoveNext();
            }

            WriteOp(Opcodes.Appends);
        }
        while (n == BatchSize);
    }

    /// <summary>batch_dict (the generic one, for a reduce's dict items): SETITEM one at a time at protocol 0; else batches, a lone last pair as SETITEM.</summary>
    private void BatchDictItems(PyDict items)
    {
        int slots = items.SlotCount;
        int slot = 0;
        object? key;
        object? value;
        if (_proto == 0)
        {
            while (NextPair(items, slots, ref slot, out key, out value))
            {
                Save(key);
                Save(value);
                WriteOp(Opcodes.SetItem);
            }

            return;
        }

        int n;
        do
        {
            if (!NextPair(items, slots, ref slot, out object? firstKey, out object? firstValue))
            {
                break;
            }

            if (!NextPair(items, slots, ref slot, out key, out value))
            {
                Save(firstKey);
                Save(firstValue);
                WriteOp(Opcodes.SetItem);
                break;
            }

            WriteOp(Opcodes.Mark);
            Save(firstKey);
            Save(firstValue);
            n = 1;
            bool more = true;
            while (more)
            {
                Save(key);
                Save(value);
                n++;
                if (n == BatchSize)
                {
                    break;
                }

                more = NextPair(items, slots, ref slot, out key, out value);
            }

            WriteOp(Opcodes.SetItems);
        }
        while (n == BatchSize);
    }

    private static bool NextPair(PyDict dict, int slots, ref int slot, out object? key, out object? value)
    {
        while (slot < slots)
        {
            if (dict.TryGetSlot(slot++, out key, out value))
            {
                return true;
            }
        }

        key = null;
        value = null;
        return false;
    }
}

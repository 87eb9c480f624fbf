using PyStd.Objects;
using static PyStd.Pickle.Converters.ConverterHelpers;

namespace PyStd.Pickle.Converters;

/// <summary>
/// <c>collections.OrderedDict</c> ↔ <see cref="PyOrderedDict"/>. CPython 3 pickles it as
/// <c>OrderedDict()</c> followed by <c>SETITEMS</c>; Python 2 as <c>OrderedDict([[k, v], …])</c>.
/// </summary>
internal sealed class OrderedDictConverter() : PickleConverter("collections", "OrderedDict", typeof(PyOrderedDict))
{
    public override bool ConvertsAtConstruction => true;

    public override object? FromPython(PyObject reduced)
    {
        var dict = new PyOrderedDict();
        if (!IsPlainReduce(reduced) || reduced.Args.Count > 1)
        {
            throw Bad(reduced, "expected at most one argument");
        }

        if (reduced.Args.Count == 1)
        {
            FillPairs(reduced, dict, reduced.Args[0]);
        }

        return dict;
    }

    public override PyObject ToPython(object value, int protocol) =>
        new(Module, Name) { Kind = PyObjectKind.Reduce, DictItems = (PyDict)value };

    internal static void FillPairs(PyObject reduced, PyDict dict, object? source)
    {
        switch (source)
        {
            case PyDict d:
                foreach (var (k, v) in d)
                {
                    dict[k] = v;
                }

                break;
            case IEnumerable<object?> pairs when source is List<object?> or PyTuple:
                foreach (object? pair in pairs)
                {
                    if (pair is not IReadOnlyList<object?> { Count: 2 } kv || pair is not (List<object?> or PyTuple))
                    {
                        throw Bad(reduced, "expected key/value pairs");
                    }

                    dict[kv[0]] = kv[1];
                }

                break;
            default:
                throw Bad(reduced, "expected a mapping or key/value pairs");
        }
    }
}

/// <summary>
/// <c>collections.defaultdict</c> ↔ <see cref="PyDefaultDict"/>: <c>defaultdict(factory)</c> (no
/// argument for a <c>None</c> factory) followed by <c>SETITEMS</c>.
/// </summary>
internal sealed class DefaultDictConverter() : PickleConverter("collections", "defaultdict", typeof(PyDefaultDict))
{
    public override bool ConvertsAtConstruction => true;

    public override object? FromPython(PyObject reduced)
    {
        if (!IsPlainReduce(reduced) || reduced.Args.Count > 2)
        {
            throw Bad(reduced, "expected a factory and an optional mapping");
        }

        var dict = new PyDefaultDict(reduced.Args.Count > 0 ? reduced.Args[0] : null);
        if (reduced.Args.Count == 2)
        {
            OrderedDictConverter.FillPairs(reduced, dict, reduced.Args[1]);
        }

        return dict;
    }

    public override PyObject ToPython(object value, int protocol)
    {
        var dict = (PyDefaultDict)value;
        PyObject shape = dict.DefaultFactory is null ? Reduce(Module, Name) : Reduce(Module, Name, dict.DefaultFactory);
        shape.DictItems = dict;
        return shape;
    }
}

/// <summary>
/// <c>collections.deque</c> ↔ <see cref="PyDeque"/>: CPython 3 pickles <c>deque()</c> or
/// <c>deque((), maxlen)</c> followed by <c>APPENDS</c>; Python 2 <c>deque(items, maxlen)</c>.
/// </summary>
internal sealed class DequeConverter() : PickleConverter("collections", "deque", typeof(PyDeque))
{
    public override bool ConvertsAtConstruction => true;

    public override object? FromPython(PyObject reduced)
    {
        PyTuple a = reduced.Args;
        if (!IsPlainReduce(reduced) || a.Count > 2)
        {
            throw Bad(reduced, "expected items and an optional maxlen");
        }

        int? maxlen = null;
        if (a.Count == 2 && a[1] is not null)
        {
            if (!TryInt(a[1], out int m) || m < 0)
            {
                throw Bad(reduced, "maxlen must be a non-negative integer");
            }

            maxlen = m;
        }

        var deque = new PyDeque(maxlen);
        if (a.Count > 0)
        {
            if (a[0] is not (List<object?> or PyTuple))
            {
                throw Bad(reduced, "expected a list or tuple of items");
            }

            foreach (object? item in (IEnumerable<object?>)a[0]!)
            {
                deque.Add(item);
            }
        }

        return deque;
    }

    public override PyObject ToPython(object value, int protocol)
    {
        var deque = (PyDeque)value;
        PyObject shape = deque.MaxLength is int m ? Reduce(Module, Name, PyTuple.Empty, (long)m) : Reduce(Module, Name);
        shape.ListItems = deque.Items;
        return shape;
    }
}

/// <summary><c>collections.Counter</c> ↔ <see cref="PyCounter"/>: CPython pickles <c>Counter(dict(self))</c>.</summary>
internal sealed class CounterConverter() : PickleConverter("collections", "Counter", typeof(PyCounter))
{
    public override bool ConvertsAtConstruction => true;

    public override object? FromPython(PyObject reduced)
    {
        if (!IsPlainReduce(reduced) || reduced.Args.Count > 1)
        {
            return reduced;
        }

        var counter = new PyCounter();
        if (reduced.Args.Count == 1)
        {
            if (reduced.Args[0] is not PyDict d)
            {
                return reduced;
            }

            foreach (var (k, v) in d)
            {
                counter[k] = v;
            }
        }

        return counter;
    }

    public override PyObject ToPython(object value, int protocol) =>
        Reduce(Module, Name, new PyDict((PyCounter)value));
}

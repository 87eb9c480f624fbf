using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PyStd.Objects;

namespace PyStd.Tests.Pickle;

/// <summary>
/// Builds a value of the model from the JSON recipes of gen_pickler_values.py, exactly as the
/// script's Builder does, so that which objects are one object is the same on both sides (the
/// pickler memoises by identity). See the script's docstring for the language.
/// </summary>
internal sealed class PicklerRecipe
{
    private const string ClassesModule = "pickler_classes";
    private readonly Dictionary<int, object?> _defs = new();
    private readonly Dictionary<int, List<Action<object?>>> _patches = new();

    public static object? Build(JsonElement recipe) => new PicklerRecipe().BuildNode(recipe);

    /// <summary>Python's float(): "nan" is the positive quiet NaN CPython makes (0x7ff8…), not .NET's double.NaN.</summary>
    public static double ParseFloat(string text) => text switch
    {
        "nan" => BitConverter.Int64BitsToDouble(0x7FF8000000000000),
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    private object? BuildNode(JsonElement n)
    {
        if (n.TryGetProperty("ref", out JsonElement r))
        {
            int id = r.GetInt32();
            return _defs.TryGetValue(id, out object? v) ? v : new Pending(id);
        }

        if (n.TryGetProperty("def", out JsonElement d))
        {
            return Node(n.GetProperty("v"), d.GetInt32());
        }

        return Node(n, null);
    }

    private object? Register(int? id, object? value)
    {
        if (id is int i)
        {
            _defs[i] = value;
            if (_patches.Remove(i, out var patches))
            {
                foreach (var patch in patches)
                {
                    patch(value);
                }
            }
        }

        return value;
    }

    private object? Item(JsonElement n, Action<object?> patch)
    {
        object? v = BuildNode(n);
        if (v is Pending p)
        {
            if (!_patches.TryGetValue(p.Id, out var list))
            {
                _patches[p.Id] = list = new List<Action<object?>>();
            }

            list.Add(patch);
            return null;
        }

        return v;
    }

    private object? Concrete(JsonElement n)
    {
        object? v = BuildNode(n);
        return v is Pending ? throw new InvalidOperationException("reference to an unfinished object") : v;
    }

    private object? Node(JsonElement n, int? id)
    {
        if (n.TryGetProperty("lit", out JsonElement lit))
        {
            return Register(id, PyLiteral.Parse(lit.GetString()!));
        }

        if (n.TryGetProperty("float", out JsonElement f))
        {
            return Register(id, ParseFloat(f.GetString()!));
        }

        if (n.TryGetProperty("complex", out JsonElement c))
        {
            return Register(id, new Complex(ParseFloat(c[0].GetString()!), ParseFloat(c[1].GetString()!)));
        }

        if (n.TryGetProperty("bytearray", out JsonElement ba))
        {
            return Register(id, new PyByteArray(Convert.FromHexString(ba.GetString()!)));
        }

        if (n.TryGetProperty("global", out JsonElement g))
        {
            return Register(id, new PyGlobal(g[0].GetString()!, g[1].GetString()!));
        }

        if (TryStdlib(n, out object? stdlib))
        {
            return Register(id, stdlib);
        }

        if (n.TryGetProperty("odict", out JsonElement odict))
        {
            var dict = new PyOrderedDict();
            Register(id, dict);
            FillPairs(dict, odict);
            return dict;
        }

        if (n.TryGetProperty("ddict", out JsonElement ddict))
        {
            JsonElement factory = ddict[0];
            var dict = new PyDefaultDict(factory.ValueKind == JsonValueKind.Null
                ? null
                : new PyGlobal(factory[0].GetString()!, factory[1].GetString()!));
            Register(id, dict);
            FillPairs(dict, ddict[1]);
            return dict;
        }

        if (n.TryGetProperty("counter", out JsonElement counter))
        {
            var dict = new PyCounter();
            Register(id, dict);
            FillPairs(dict, counter);
            return dict;
        }

        if (n.TryGetProperty("deque", out JsonElement deque))
        {
            var d = new PyDeque(deque[0].ValueKind == JsonValueKind.Null ? null : deque[0].GetInt32());
            Register(id, d);
            foreach (JsonElement item in deque[1].EnumerateArray())
            {
                d.Add(Concrete(item));
            }

            return d;
        }

        if (n.TryGetProperty("list", out JsonElement items))
        {
            var list = new List<object?>();
            Register(id, list);
            foreach (JsonElement item in items.EnumerateArray())
            {
                int index = list.Count;
                list.Add(null);
                list[index] = Item(item, v => list[index] = v);
            }

            return list;
        }

        if (n.TryGetProperty("dict", out JsonElement pairs))
        {
            var dict = new PyDict();
            Register(id, dict);
            FillDict(dict, pairs);
            return dict;
        }

        if (n.TryGetProperty("set", out JsonElement members))
        {
            var set = new PySet();
            Register(id, set);
            foreach (JsonElement m in members.EnumerateArray())
            {
                set.Add(Concrete(m));
            }

            return set;
        }

        if (n.TryGetProperty("tuple", out JsonElement tupleItems))
        {
            var values = new List<object?>();
            foreach (JsonElement item in tupleItems.EnumerateArray())
            {
                values.Add(Concrete(item));
            }

            return Register(id, PyTuple.FromEnumerable(values));
        }

        if (n.TryGetProperty("frozenset", out JsonElement frozenMembers))
        {
            var values = new List<object?>();
            foreach (JsonElement m in frozenMembers.EnumerateArray())
            {
                values.Add(Concrete(m));
            }

            return Register(id, new PyFrozenSet(values));
        }

        if (n.TryGetProperty("obj", out JsonElement spec))
        {
            return Obj(spec, id);
        }

        throw new InvalidOperationException($"Unknown recipe node {n}");
    }

    /// <summary>The standard classes PyStd maps to .NET types: datetime family, Decimal, UUID.</summary>
    private static bool TryStdlib(JsonElement n, out object? value)
    {
        if (n.TryGetProperty("datetime", out JsonElement dt))
        {
            var wall = new DateTime(dt[0].GetInt32(), dt[1].GetInt32(), dt[2].GetInt32(), dt[3].GetInt32(), dt[4].GetInt32(), dt[5].GetInt32())
                .AddTicks(dt[6].GetInt64() * 10);
            value = dt[7].ValueKind == JsonValueKind.Null
                ? (object)wall
                : new DateTimeOffset(wall, TimeSpan.FromSeconds(dt[7].GetInt32()));
        }
        else if (n.TryGetProperty("date", out JsonElement date))
        {
            value = new DateOnly(date[0].GetInt32(), date[1].GetInt32(), date[2].GetInt32());
        }
        else if (n.TryGetProperty("time", out JsonElement time))
        {
            value = new TimeOnly(time[0].GetInt32(), time[1].GetInt32(), time[2].GetInt32()).Add(TimeSpan.FromTicks(time[3].GetInt64() * 10));
        }
        else if (n.TryGetProperty("timedelta", out JsonElement td))
        {
            value = TimeSpan.FromTicks(((td[0].GetInt64() * 86_400 + td[1].GetInt64()) * 1_000_000 + td[2].GetInt64()) * 10);
        }
        else if (n.TryGetProperty("decimal", out JsonElement dec))
        {
            value = PyDecimal.Parse(dec.GetString()!);
        }
        else if (n.TryGetProperty("uuid", out JsonElement uuid))
        {
            value = new Guid(Convert.FromHexString(uuid.GetString()!), bigEndian: true);
        }
        else
        {
            value = null;
            return false;
        }

        return true;
    }

    private void FillPairs(PyDict dict, JsonElement pairs)
    {
        foreach (JsonElement pair in pairs.EnumerateArray())
        {
            object? key = Concrete(pair[0]);
            dict[key] = Concrete(pair[1]);
        }
    }

    private void FillDict(PyDict dict, JsonElement pairs)
    {
        foreach (JsonElement pair in pairs.EnumerateArray())
        {
            object? key = Concrete(pair[0]);
            dict[key] = null;
            dict[key] = Item(pair[1], v => dict[key] = v);
        }
    }

    private PyObject Obj(JsonElement spec, int? id)
    {
        string kind = spec.GetProperty("kind").GetString()!;
        string cls = spec.GetProperty("cls").GetString()!;
        if (kind == "plain")
        {
            var plain = new PyObject(ClassesModule, cls) { Kind = PyObjectKind.NewObj };
            Register(id, plain);
            var state = new PyDict();
            FillDict(state, spec.GetProperty("state").GetProperty("dict"));
            plain.State = state;
            plain.HasState = state.Count > 0;
            return plain;
        }

        var args = new List<object?>();
        foreach (JsonElement a in spec.GetProperty("args").EnumerateArray())
        {
            args.Add(Concrete(a));
        }

        var obj = new PyObject(ClassesModule, cls)
        {
            Kind = kind == "red" ? PyObjectKind.Reduce : PyObjectKind.NewObj,
            Args = PyTuple.FromEnumerable(args),
        };
        if (kind == "newex")
        {
            var kwargs = new PyDict();
            foreach (JsonElement pair in spec.GetProperty("kwargs").EnumerateArray())
            {
                kwargs[pair[0].GetString()] = Concrete(pair[1]);
            }

            obj.Kwargs = kwargs;
        }

        Register(id, obj);
        JsonElement stateNode = spec.GetProperty("state");
        if (stateNode.ValueKind != JsonValueKind.Null)
        {
            obj.State = Concrete(stateNode);
            obj.HasState = obj.State is not null;
        }

        if (spec.TryGetProperty("listitems", out JsonElement li) && li.ValueKind != JsonValueKind.Null)
        {
            obj.ListItems = new List<object?>();
            foreach (JsonElement item in li.EnumerateArray())
            {
                obj.ListItems.Add(Concrete(item));
            }
        }

        if (spec.TryGetProperty("dictitems", out JsonElement di) && di.ValueKind != JsonValueKind.Null)
        {
            obj.DictItems = new PyDict();
            foreach (JsonElement pair in di.EnumerateArray())
            {
                object? key = Concrete(pair[0]);
                obj.DictItems[key] = Concrete(pair[1]);
            }
        }

        return obj;
    }

    private sealed class Pending(int id)
    {
        public int Id { get; } = id;
    }
}

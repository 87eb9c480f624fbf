using System.Text;
using PyStd.Objects;

namespace PyStd.Tests.Pickle;

/// <summary>
/// The canonical text of a loaded value — the C# twin of Python/pickle_canon.py: PyRepr, except
/// that set members are sorted (CPython randomises str hashes) and containers are walked here so
/// the sorting applies at every level. <see cref="Fingerprint"/> lists which lists, tuples and
/// dicts are shared.
/// </summary>
internal static class PickleCanon
{
    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, HashSet<object> active)
    {
        switch (value)
        {
            case List<object?> or PyTuple or PyDict or PySetBase or PyDeque or PyObject:
                break;
            default:
                sb.Append(PyRepr.Repr(value));
                return;
        }

        if (!active.Add(value))
        {
            sb.Append(value switch
            {
                List<object?> or PyDeque => "[...]",
                PyTuple => "(...)",
                PyOrderedDict => "...",
                PyDict => "{...}",
                PySet => "set(...)",
                PyFrozenSet => "frozenset(...)",
                PyObject o => Name(o) + "(...)",
                _ => "...",
            });
            return;
        }

        try
        {
            switch (value)
            {
                case List<object?> list:
                    sb.Append('[');
                    Items(sb, list, active);
                    sb.Append(']');
                    break;
                case PyTuple tuple:
                    sb.Append('(');
                    Items(sb, tuple, active);
                    sb.Append(tuple.Count == 1 ? ",)" : ")");
                    break;
                case PyOrderedDict od:
                    if (od.Count == 0)
                    {
                        sb.Append("OrderedDict()");
                        break;
                    }

                    sb.Append("OrderedDict([");
                    bool first = true;
                    foreach (var (k, v) in od)
                    {
                        sb.Append(first ? "(" : ", (");
                        first = false;
                        Write(sb, k, active);
                        sb.Append(", ");
                        Write(sb, v, active);
                        sb.Append(')');
                    }

                    sb.Append("])");
                    break;
                case PyCounter counter:
                    if (counter.Count == 0)
                    {
                        sb.Append("Counter()");
                        break;
                    }

                    sb.Append("Counter(");
                    var ordered = counter.Select((p, i) => (p, i))
                        .OrderByDescending(x => System.Convert.ToDouble(x.p.Value, null)).ThenBy(x => x.i).Select(x => x.p);
                    Dict(sb, ordered, active);
                    sb.Append(')');
                    break;
                case PyDefaultDict dd:
                    sb.Append("defaultdict(");
                    Write(sb, dd.DefaultFactory, active);
                    sb.Append(", ");
                    Dict(sb, dd, active);
                    sb.Append(')');
                    break;
                case PyDict dict:
                    Dict(sb, dict, active);
                    break;
                case PySetBase set:
                    bool frozen = set is PyFrozenSet;
                    var members = set.Select(m => Of(m, active)).ToList();
                    members.Sort(CompareCodePoints);
                    if (members.Count == 0)
                    {
                        sb.Append(frozen ? "frozenset()" : "set()");
                        break;
                    }

                    sb.Append(frozen ? "frozenset({" : "{").AppendJoin(", ", members).Append(frozen ? "})" : "}");
                    break;
                case PyDeque deque:
                    sb.Append("deque([");
                    Items(sb, deque, active);
                    sb.Append(']');
                    sb.Append(deque.MaxLength is int m ? $", maxlen={m})" : ")");
                    break;
                case PyObject obj:
                    Instance(sb, obj, active);
                    break;
            }
        }
        finally
        {
            active.Remove(value);
        }
    }

    private static string Of(object? value, HashSet<object> active)
    {
        var sb = new StringBuilder();
        Write(sb, value, active);
        return sb.ToString();
    }

    private static string Name(PyObject o) => o.Module.Length == 0 ? o.Name : o.Module + "." + o.Name;

    private static void Items(StringBuilder sb, IEnumerable<object?> items, HashSet<object> active)
    {
        bool first = true;
        foreach (object? item in items)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            Write(sb, item, active);
        }
    }

    private static void Dict(StringBuilder sb, IEnumerable<KeyValuePair<object?, object?>> pairs, HashSet<object> active)
    {
        sb.Append('{');
        bool first = true;
        foreach (var (k, v) in pairs)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            Write(sb, k, active);
            sb.Append(": ");
            Write(sb, v, active);
        }

        sb.Append('}');
    }

    private static void Instance(StringBuilder sb, PyObject obj, HashSet<object> active)
    {
        sb.Append(Name(obj)).Append('(');
        bool first = true;
        foreach (object? arg in obj.Args)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            Write(sb, arg, active);
        }

        if (obj.Kwargs is not null)
        {
            foreach (var (k, v) in obj.Kwargs)
            {
                if (!first)
                {
                    sb.Append(", ");
                }

                first = false;
                sb.Append((string)k!).Append('=');
                Write(sb, v, active);
            }
        }

        if (obj.ListItems is { Count: > 0 })
        {
            sb.Append(").extend(");
            Write(sb, obj.ListItems, active);
        }

        if (obj.DictItems is { Count: > 0 })
        {
            sb.Append(").update(");
            Write(sb, obj.DictItems, active);
        }

        if (obj.HasState)
        {
            sb.Append(").__setstate__(");
            Write(sb, obj.State, active);
        }

        sb.Append(')');
    }

    /// <summary>Python's str ordering: by code point (UTF-16 order differs above U+FFFF).</summary>
    public static int CompareCodePoints(string? a, string? b)
    {
        int i = 0, j = 0;
        while (i < a!.Length && j < b!.Length)
        {
            int ca = CodePoint(a, ref i), cb = CodePoint(b, ref j);
            if (ca != cb)
            {
                return ca.CompareTo(cb);
            }
        }

        return (a.Length - i).CompareTo(b!.Length - j);
    }

    private static int CodePoint(string s, ref int i)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            int cp = char.ConvertToUtf32(s[i], s[i + 1]);
            i += 2;
            return cp;
        }

        return s[i++];
    }

    /// <summary>
    /// The bytes of a Python bytes literal's body written in a C# verbatim string —
    /// <c>@"\x80\x02]q\x00."</c> — decoding \xHH, \n, \r, \t, \\ and \' as Python does (C#'s own
    /// \x escape takes up to four digits, which silently corrupts pickle literals).
    /// </summary>
    public static byte[] Bytes(string literal)
    {
        var bytes = new List<byte>(literal.Length);
        for (int i = 0; i < literal.Length; i++)
        {
            char c = literal[i];
            if (c != '\\')
            {
                bytes.Add(checked((byte)c));
                continue;
            }

            char e = literal[++i];
            switch (e)
            {
                case 'x':
                    bytes.Add(System.Convert.ToByte(literal.Substring(i + 1, 2), 16));
                    i += 2;
                    break;
                case 'n':
                    bytes.Add(10);
                    break;
                case 'r':
                    bytes.Add(13);
                    break;
                case 't':
                    bytes.Add(9);
                    break;
                default:
                    bytes.Add(checked((byte)e));
                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>Preorder walk of lists, tuples and plain dicts: #n for a first visit, @n for a repeat.</summary>
    public static string Fingerprint(object? value)
    {
        var ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var parts = new List<string>();
        Walk(value);
        return string.Join(" ", parts);

        void Walk(object? o)
        {
            if (o is not (List<object?> or PyTuple) && o?.GetType() != typeof(PyDict))
            {
                return;
            }

            if (ids.TryGetValue(o!, out int known))
            {
                parts.Add("@" + known);
                return;
            }

            ids[o!] = ids.Count;
            parts.Add("#" + ids[o!]);
            if (o is PyDict d)
            {
                foreach (var (k, v) in d)
                {
                    Walk(k);
                    Walk(v);
                }
            }
            else
            {
                foreach (object? x in (IEnumerable<object?>)o!)
                {
                    Walk(x);
                }
            }
        }
    }
}

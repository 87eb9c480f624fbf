using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>repr()</c> for the value model: the text CPython 3.11 prints, byte for byte.
/// </summary>
/// <remarks>
/// <para>
/// Scalars follow CPython's own routines: <c>float</c> is the shortest round-trip repr
/// (<c>1.0</c>, <c>1e+16</c>, <c>1e-05</c>, <c>-0.0</c>, <c>inf</c>, <c>nan</c>; see
/// <see cref="FormatFloat"/>), <c>complex</c> is <c>(1+2j)</c> / <c>2j</c>, <c>str</c> picks its quote
/// and escapes what <c>str.isprintable()</c> rejects under Unicode 14.0.0 (CPython 3.11's
/// <c>unicodedata</c>), <c>bytes</c> is <c>b'...'</c> and <c>bytearray</c> is <c>bytearray(b'...')</c> (which, as in CPython 3.11, escapes <c>'</c> even inside double quotes).
/// </para>
/// <para>
/// Containers print as CPython does: <c>()</c>, <c>(1,)</c>, <c>[1, 2]</c>, <c>{1: 'a'}</c>,
/// <c>{1, 2}</c>, <c>set()</c>, <c>frozenset({1})</c>, <c>frozenset()</c>. A container met again
/// inside itself prints as <c>[...]</c>, <c>{...}</c>, <c>(...)</c>, <c>set(...)</c> (CPython's
/// <c>Py_ReprEnter</c>). Containers are walked with an explicit stack, so deep values never overflow
/// the .NET stack; nesting deeper than <see cref="MaxDepth"/> raises
/// <see cref="PyRecursionException"/>, as CPython raises <c>RecursionError</c> (its limit is about
/// 1000 levels).
/// </para>
/// <para>
/// Differences from CPython, by necessity: a <see cref="PyObject"/> (an instance of a class the
/// model has no type for) prints as the calls that would rebuild it —
/// <c>collections.OrderedDict().update({'a': 1})</c>, <c>__main__.Point().__setstate__({'x': 1})</c> —
/// because CPython's <c>&lt;__main__.Point object at 0x7f…&gt;</c> holds an address. Integers print
/// every digit, where CPython 3.11 refuses more than 4300 (<c>sys.set_int_max_str_digits</c>).
/// Foreign .NET values: integral types print as <c>int</c>, <see cref="float"/> and
/// <see cref="Half"/> as <c>float</c>, anything else with <see cref="object.ToString"/>.
/// </para>
/// </remarks>
public static partial class PyRepr
{
    /// <summary>
    /// The deepest container nesting <see cref="Repr"/> walks before raising
    /// <see cref="PyRecursionException"/>. CPython gives up near its recursion limit of 1000, so every
    /// value CPython can print, PyStd can print.
    /// </summary>
    public const int MaxDepth = 5000;

    private const string RecursionMessage = "maximum recursion depth exceeded while getting the repr of an object";

    [ThreadStatic]
    private static ReprWriter? t_cachedWriter;

    /// <summary>Returns exactly what CPython's <c>repr()</c> prints for <paramref name="value"/>.</summary>
    /// <param name="value">A model value (see ARCHITECTURE.md's table), or any .NET value.</param>
    /// <returns>The repr, for example <c>[1, 'a', (2.5,), None]</c>.</returns>
    /// <exception cref="PyRecursionException">Containers are nested deeper than <see cref="MaxDepth"/>.</exception>
    public static string Repr(object? value)
    {
        // Common scalars need no builder.
        switch (value)
        {
            case null:
                return "None";
            case bool b:
                return b ? "True" : "False";
            case long l:
                return l.ToString(CultureInfo.InvariantCulture);
            case double d:
                return FormatFloat(d);
        }

        ReprWriter writer = t_cachedWriter ?? new ReprWriter();
        t_cachedWriter = null; // a ToString() called from inside may re-enter Repr
        try
        {
            writer.Write(value);
            return writer.Builder.ToString();
        }
        finally
        {
            // Keep the writer for the next call on this thread unless a huge value bloated it.
            if (writer.Reset())
            {
                t_cachedWriter = writer;
            }
        }
    }

    /// <summary>Appends CPython's <c>repr()</c> of <paramref name="value"/> to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder to append to.</param>
    /// <param name="value">A model value, or any .NET value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="PyRecursionException">Containers are nested deeper than <see cref="MaxDepth"/>.</exception>
    public static void Append(StringBuilder builder, object? value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var writer = new ReprWriter(builder);
        writer.Write(value);
    }

    /// <summary>Appends a value that is not a container; returns false for containers.</summary>
    private static bool TryAppendScalar(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("None");
                return true;
            case bool b:
                sb.Append(b ? "True" : "False");
                return true;
            case long l:
                sb.Append(l);
                return true;
            case double d:
                AppendFloat(sb, d, addDot0: true, alwaysSign: false);
                return true;
            case string s:
                AppendString(sb, s);
                return true;
            case BigInteger bi:
                sb.Append(bi.ToString(CultureInfo.InvariantCulture));
                return true;
            case byte[] bytes:
                AppendBytes(sb, bytes);
                return true;
            case PyByteArray bytearray:
                sb.Append("bytearray(");
                AppendBytes(sb, bytearray.AsSpan(), isByteArray: true);
                sb.Append(')');
                return true;
            case Complex c:
                AppendComplex(sb, c);
                return true;
            case List<object?> or PyTuple or PyDict or PySetBase or PyObject or PyDeque:
                return false;
            case PyDecimal dec:
                sb.Append("Decimal('").Append(dec.ToString()).Append("')");
                return true;
            case DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Guid:
                PyDateTimeFormat.TryAppend(sb, value);
                return true;
            case PyGlobal g:
                // CPython prints classes as <class 'module.Name'>, builtins without the module.
                sb.Append("<class '");
                if (g.Module != "builtins")
                {
                    sb.Append(g.Module).Append('.');
                }

                sb.Append(g.Name).Append("'>");
                return true;
            case int i:
                sb.Append(i);
                return true;
            case short i:
                sb.Append(i);
                return true;
            case sbyte i:
                sb.Append(i);
                return true;
            case byte i:
                sb.Append(i);
                return true;
            case ushort i:
                sb.Append(i);
                return true;
            case uint i:
                sb.Append(i);
                return true;
            case ulong i:
                sb.Append(i);
                return true;
            case nint i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                return true;
            case nuint i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                return true;
            case Int128 i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                return true;
            case UInt128 i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                return true;
            case float f:
                AppendFloat(sb, f, addDot0: true, alwaysSign: false);
                return true;
            case Half h:
                AppendFloat(sb, (double)h, addDot0: true, alwaysSign: false);
                return true;
            default:
                sb.Append(value.ToString());
                return true;
        }
    }

    private enum FrameKind : byte
    {
        List,
        Tuple,
        Dict,
        Set,
        Pieces,
        PairList,
    }

    /// <summary>Counter.most_common(): by count, largest first, ties in insertion order; insertion order when counts are not all numbers.</summary>
    private static List<KeyValuePair<object?, object?>> MostCommon(PyCounter counter)
    {
        var pairs = counter.ToList();
        foreach (var pair in pairs)
        {
            if (pair.Value is not (long or double or BigInteger or bool))
            {
                return pairs;
            }
        }

        var keys = pairs.Select(p => p.Value switch
        {
            long l => (double)l,
            double d => d,
            BigInteger b => (double)b,
            bool f => f ? 1.0 : 0.0,
            _ => 0.0,
        }).ToArray();
        var order = Enumerable.Range(0, pairs.Count).OrderByDescending(i => keys[i]).ToList();
        return order.Select(i => pairs[i]).ToList();
    }

    /// <summary>One open container on the explicit stack.</summary>
    private struct Frame
    {
        public FrameKind Kind;
        public bool PendingValue;
        public int Index;
        public object Container;
        public IEnumerator? Enumerator;
        public string? Close;
        public string[]? Prefixes;
        public object?[]? Items;
    }

    /// <summary>
    /// Walks containers with an explicit stack (never the .NET one) and a reference-identity guard
    /// set of the containers being printed, CPython's <c>Py_ReprEnter</c>/<c>Py_ReprLeave</c>.
    /// </summary>
    private sealed class ReprWriter
    {
        private const int MaxCachedCapacity = 1 << 16;
        private const int MaxCachedFrames = 64;

        private readonly HashSet<object> _active = new(ReferenceEqualityComparer.Instance);
        private Frame[] _frames = new Frame[8];
        private int _depth;

        public ReprWriter()
            : this(new StringBuilder())
        {
        }

        public ReprWriter(StringBuilder builder)
        {
            Builder = builder;
        }

        public StringBuilder Builder { get; }

        /// <summary>Forgets the last value (also after an exception); false when too big to keep cached.</summary>
        public bool Reset()
        {
            _frames.AsSpan(0, Math.Min(_frames.Length, _depth + 1)).Clear();
            _depth = 0;
            _active.Clear();
            Builder.Clear();
            return Builder.Capacity <= MaxCachedCapacity && _frames.Length <= MaxCachedFrames;
        }

        public void Write(object? value)
        {
            StringBuilder sb = Builder;
            if (TryAppendScalar(sb, value))
            {
                return;
            }

            Enter(value!);
            while (_depth > 0)
            {
                ref Frame frame = ref _frames[_depth - 1];
                if (!Next(ref frame, sb, out object? item))
                {
                    sb.Append(frame.Close);
                    _active.Remove(frame.Container);
                    frame = default;
                    _depth--;
                    continue;
                }

                if (!TryAppendScalar(sb, item))
                {
                    Enter(item!);
                }
            }
        }

        /// <summary>Writes the separator before the frame's next item and returns it; false when done.</summary>
        private static bool Next(ref Frame frame, StringBuilder sb, out object? item)
        {
            switch (frame.Kind)
            {
                case FrameKind.List:
                {
                    // Re-read the count every step, as CPython's list_repr does.
                    var list = frame.Container as List<object?> ?? ((PyDeque)frame.Container).Items;
                    if (frame.Index < list.Count)
                    {
                        if (frame.Index > 0)
                        {
                            sb.Append(", ");
                        }

                        item = list[frame.Index++];
                        return true;
                    }

                    break;
                }

                case FrameKind.Tuple:
                {
                    var tuple = (PyTuple)frame.Container;
                    if (frame.Index < tuple.Count)
                    {
                        if (frame.Index > 0)
                        {
                            sb.Append(", ");
                        }

                        item = tuple[frame.Index++];
                        return true;
                    }

                    break;
                }

                case FrameKind.Dict:
                {
                    var e = (IEnumerator<KeyValuePair<object?, object?>>)frame.Enumerator!;
                    if (frame.PendingValue)
                    {
                        sb.Append(": ");
                        frame.PendingValue = false;
                        item = e.Current.Value;
                        return true;
                    }

                    if (e.MoveNext())
                    {
                        if (frame.Index++ > 0)
                        {
                            sb.Append(", ");
                        }

                        frame.PendingValue = true;
                        item = e.Current.Key;
                        return true;
                    }

                    break;
                }

                case FrameKind.PairList:
                {
                    var e = (IEnumerator<KeyValuePair<object?, object?>>)frame.Enumerator!;
                    if (frame.PendingValue)
                    {
                        sb.Append(", ");
                        frame.PendingValue = false;
                        item = e.Current.Value;
                        return true;
                    }

                    if (e.MoveNext())
                    {
                        if (frame.Index++ > 0)
                        {
                            sb.Append("), (");
                        }

                        frame.PendingValue = true;
                        item = e.Current.Key;
                        return true;
                    }

                    break;
                }

                case FrameKind.Set:
                {
                    var e = (IEnumerator<object?>)frame.Enumerator!;
                    if (e.MoveNext())
                    {
                        if (frame.Index++ > 0)
                        {
                            sb.Append(", ");
                        }

                        item = e.Current;
                        return true;
                    }

                    break;
                }

                default:
                {
                    object?[] items = frame.Items!;
                    if (frame.Index < items.Length)
                    {
                        sb.Append(frame.Prefixes![frame.Index]);
                        item = items[frame.Index++];
                        return true;
                    }

                    break;
                }
            }

            (frame.Enumerator as IDisposable)?.Dispose();
            item = null;
            return false;
        }

        private void Enter(object container)
        {
            StringBuilder sb = Builder;
            if (_active.Contains(container))
            {
                sb.Append(container switch
                {
                    List<object?> => "[...]",
                    PyDeque => "[...]",
                    PyOrderedDict => "...",
                    PyDict => "{...}",
                    PyTuple => "(...)",
                    PySet => "set(...)",
                    PyFrozenSet => "frozenset(...)",
                    PyObject o => QualifiedName(o) + "(...)",
                    _ => "...",
                });
                return;
            }

            var frame = new Frame { Container = container };
            switch (container)
            {
                case List<object?> list:
                    if (list.Count == 0)
                    {
                        sb.Append("[]");
                        return;
                    }

                    sb.Append('[');
                    frame.Kind = FrameKind.List;
                    frame.Close = "]";
                    break;

                case PyTuple tuple:
                    if (tuple.Count == 0)
                    {
                        sb.Append("()");
                        return;
                    }

                    sb.Append('(');
                    frame.Kind = FrameKind.Tuple;
                    frame.Close = tuple.Count == 1 ? ",)" : ")";
                    break;

                case PyOrderedDict ordered:
                    // OrderedDict.__repr__ (3.11): OrderedDict([('a', 1)]), OrderedDict() when empty.
                    if (ordered.Count == 0)
                    {
                        sb.Append("OrderedDict()");
                        return;
                    }

                    sb.Append("OrderedDict([(");
                    frame.Kind = FrameKind.PairList;
                    frame.Enumerator = ordered.GetEnumerator();
                    frame.Close = ")])";
                    break;

                case PyDict dict:
                    string prefix = string.Empty, suffix = string.Empty;
                    IEnumerable<KeyValuePair<object?, object?>> pairs = dict;
                    if (dict is PyCounter counter)
                    {
                        // Counter.__repr__: most_common() order, Counter() when empty.
                        if (counter.Count == 0)
                        {
                            sb.Append("Counter()");
                            return;
                        }

                        prefix = "Counter(";
                        suffix = ")";
                        pairs = MostCommon(counter);
                    }
                    else if (dict is PyDefaultDict dd)
                    {
                        sb.Append("defaultdict(");
                        PyRepr.Append(sb, dd.DefaultFactory);
                        sb.Append(", ");
                        suffix = ")";
                    }

                    if (dict.Count == 0)
                    {
                        sb.Append(prefix).Append("{}").Append(suffix);
                        return;
                    }

                    sb.Append(prefix).Append('{');
                    frame.Kind = FrameKind.Dict;
                    frame.Enumerator = pairs.GetEnumerator();
                    frame.Close = "}" + suffix;
                    break;

                case PyDeque deque:
                    sb.Append("deque([");
                    frame.Kind = FrameKind.List;
                    frame.Close = deque.MaxLength is int maxlen ? "], maxlen=" + maxlen.ToString(CultureInfo.InvariantCulture) + ")" : "])";
                    break;

                case PySetBase set:
                    bool frozen = set is PyFrozenSet;
                    if (set.Count == 0)
                    {
                        sb.Append(frozen ? "frozenset()" : "set()");
                        return;
                    }

                    sb.Append(frozen ? "frozenset({" : "{");
                    frame.Kind = FrameKind.Set;
                    frame.Enumerator = set.GetEnumerator();
                    frame.Close = frozen ? "})" : "}";
                    break;

                default:
                    var obj = (PyObject)container;
                    sb.Append(QualifiedName(obj)).Append('(');
                    frame.Kind = FrameKind.Pieces;
                    BuildPieces(obj, out frame.Prefixes, out frame.Items);
                    frame.Close = ")";
                    break;
            }

            if (_depth >= MaxDepth)
            {
                (frame.Enumerator as IDisposable)?.Dispose();
                throw new PyRecursionException(RecursionMessage);
            }

            if (_depth == _frames.Length)
            {
                System.Array.Resize(ref _frames, _frames.Length * 2);
            }

            _frames[_depth++] = frame;
            _active.Add(container);
        }

        private static string QualifiedName(PyObject obj) =>
            obj.Module.Length == 0 ? obj.Name : obj.Module + "." + obj.Name;

        /// <summary>
        /// Lays a <see cref="PyObject"/> out as the calls pickle would make to rebuild it:
        /// <c>module.Name(args, key=value).extend(list).update(dict).__setstate__(state)</c>
        /// (the opening <c>module.Name(</c> is written by the caller, the final <c>)</c> is the close).
        /// </summary>
        private static void BuildPieces(PyObject obj, out string[] prefixes, out object?[] items)
        {
            var p = new List<string>();
            var v = new List<object?>();
            foreach (object? arg in obj.Args)
            {
                p.Add(p.Count == 0 ? string.Empty : ", ");
                v.Add(arg);
            }

            if (obj.Kwargs is not null)
            {
                foreach (KeyValuePair<object?, object?> kw in obj.Kwargs)
                {
                    string name = kw.Key as string ?? Repr(kw.Key);
                    p.Add(p.Count == 0 ? name + "=" : ", " + name + "=");
                    v.Add(kw.Value);
                }
            }

            if (obj.ListItems is not null)
            {
                p.Add(").extend(");
                v.Add(obj.ListItems);
            }

            if (obj.DictItems is not null)
            {
                p.Add(").update(");
                v.Add(obj.DictItems);
            }

            if (obj.HasState)
            {
                p.Add(").__setstate__(");
                v.Add(obj.State);
            }

            prefixes = p.ToArray();
            items = v.ToArray();
        }
    }
}

using System.Globalization;
using System.Numerics;
using System.Text;
using PyStd.Objects;

namespace PyStd.Cli.Commands;

/// <summary>
/// The JSON view of a loaded pickle (<c>pystd pickle show --json</c>). What JSON has, the value
/// becomes, as Python's <c>json.dumps</c> would write it; everything else is an object with one
/// <c>"$tag"</c> key, so the view is unambiguous and easy to query (jq, PowerShell):
/// <list type="table">
/// <item><term><c>None</c>, <c>bool</c>, <c>str</c></term><description><c>null</c>, <c>true</c>/<c>false</c>, a string (a lone surrogate as a <c>\udXXX</c> escape)</description></item>
/// <item><term><c>int</c></term><description>a number with every digit, however big</description></item>
/// <item><term><c>float</c></term><description>a number in Python's repr (<c>1e+16</c>, <c>-0.0</c>); <c>nan</c>, <c>inf</c>, <c>-inf</c> → <c>{"$float": "nan"}</c></description></item>
/// <item><term><c>list</c>, <c>tuple</c>, <c>deque</c></term><description>an array</description></item>
/// <item><term><c>dict</c> (and OrderedDict, defaultdict, Counter)</term><description>an object when every key is a <c>str</c>, else <c>{"$dict": [[key, value], …]}</c></description></item>
/// <item><term><c>set</c>, <c>frozenset</c></term><description><c>{"$set": […]}</c>, <c>{"$frozenset": […]}</c></description></item>
/// <item><term><c>bytes</c>, <c>bytearray</c></term><description><c>{"$bytes": "base64"}</c>, <c>{"$bytearray": "base64"}</c></description></item>
/// <item><term><c>complex</c></term><description><c>{"$complex": [real, imag]}</c></description></item>
/// <item><term><c>datetime</c>, <c>date</c>, <c>time</c></term><description><c>{"$datetime": "2024-01-02T03:04:05.678901"}</c> (Python's <c>isoformat()</c>, with <c>+HH:MM</c> when aware), <c>{"$date": …}</c>, <c>{"$time": …}</c>; ones with a named zone or <c>fold=1</c> fall back to <c>$repr</c></description></item>
/// <item><term><c>timedelta</c></term><description><c>{"$timedelta": [days, seconds, microseconds]}</c>, Python's normalised fields</description></item>
/// <item><term><c>Decimal</c>, <c>UUID</c></term><description><c>{"$decimal": "3.14"}</c> (<c>str()</c>), <c>{"$uuid": "…"}</c></description></item>
/// <item><term>a class or function</term><description><c>{"$global": "module.name"}</c></description></item>
/// <item><term>an instance of another class</term><description><c>{"$object": "module.Class", "args": […]}</c> plus <c>"kwargs"</c>, <c>"state"</c>, <c>"listitems"</c>, <c>"dictitems"</c> when present</description></item>
/// <item><term>a container inside itself</term><description><c>{"$recursion": "[...]"}</c> where <c>repr()</c> prints <c>[...]</c></description></item>
/// <item><term>anything else</term><description><c>{"$repr": "…"}</c></description></item>
/// </list>
/// A value shared by several containers is written at each place. Output is indented by two
/// spaces, as <c>json.dumps(value, indent=2, ensure_ascii=False)</c>.
/// </summary>
internal static class PickleJson
{
    /// <summary>Writes the JSON view of <paramref name="value"/> and a newline.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="value">A value of the Python value model.</param>
    public static void Write(TextWriter output, object? value)
    {
        var sb = new StringBuilder();
        var path = new HashSet<object>(ReferenceEqualityComparer.Instance);
        WriteValue(sb, value, 0, path);
        sb.Append('\n');
        output.Write(sb.ToString());
    }

    private static void WriteValue(StringBuilder sb, object? value, int indent, HashSet<object> path)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case long or int or BigInteger:
                sb.Append(PyRepr.Repr(value));
                return;
            case double d:
                if (double.IsFinite(d))
                {
                    sb.Append(PyRepr.Repr(d));
                }
                else
                {
                    Tagged(sb, "$float", double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf", indent, path);
                }

                return;
            case string s:
                WriteString(sb, s);
                return;
            case byte[] bytes:
                Tagged(sb, "$bytes", Convert.ToBase64String(bytes), indent, path);
                return;
            case PyByteArray byteArray:
                Tagged(sb, "$bytearray", Convert.ToBase64String([.. byteArray]), indent, path);
                return;
            case Complex c:
                Tagged(sb, "$complex", new List<object?> { c.Real, c.Imaginary }, indent, path);
                return;
            case PyDecimal dec:
                Tagged(sb, "$decimal", dec.ToString(), indent, path);
                return;
            case Guid g:
                Tagged(sb, "$uuid", g.ToString(), indent, path);
                return;
            case DateTime dt:
                Tagged(sb, "$datetime", IsoDateTime(dt) + (dt.Kind == DateTimeKind.Utc ? "+00:00" : string.Empty), indent, path);
                return;
            case DateTimeOffset dto:
                Tagged(sb, "$datetime", IsoDateTime(dto.DateTime) + IsoOffset(dto.Offset), indent, path);
                return;
            case DateOnly date:
                Tagged(sb, "$date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), indent, path);
                return;
            case TimeOnly time:
                Tagged(sb, "$time", IsoTime(time.Ticks), indent, path);
                return;
            case TimeSpan span:
            {
                long us = span.Ticks / 10;
                long days = Math.DivRem(us, 86_400_000_000L, out long rest);
                if (rest < 0)
                {
                    rest += 86_400_000_000L;
                    days--;
                }

                Tagged(sb, "$timedelta", new List<object?> { days, rest / 1_000_000, rest % 1_000_000 }, indent, path);
                return;
            }

            case PyGlobal global:
                Tagged(sb, "$global", global.Module + "." + global.Name, indent, path);
                return;
        }

        if (!path.Add(value))
        {
            Tagged(sb, "$recursion", RecursionText(value), indent, path);
            return;
        }

        try
        {
            switch (value)
            {
                case PyDict dict:
                    WriteDict(sb, dict, indent, path);
                    break;
                case PySet set:
                    Tagged(sb, "$set", new List<object?>(set), indent, path);
                    break;
                case PyFrozenSet frozen:
                    Tagged(sb, "$frozenset", new List<object?>(frozen), indent, path);
                    break;
                case PyObject obj:
                    WriteObject(sb, obj, indent, path);
                    break;
                case System.Collections.IEnumerable items when value is List<object?> or PyTuple or PyDeque:
                    WriteArray(sb, items, indent, path);
                    break;
                default:
                    Tagged(sb, "$repr", PyRepr.Repr(value), indent, path);
                    break;
            }
        }
        finally
        {
            path.Remove(value);
        }
    }

    private static string RecursionText(object value) => value switch
    {
        PyDict => "{...}",
        PyTuple => "(...)",
        _ => "[...]",
    };

    private static void WriteDict(StringBuilder sb, PyDict dict, int indent, HashSet<object> path)
    {
        bool allStrings = true;
        foreach (KeyValuePair<object?, object?> pair in dict)
        {
            allStrings &= pair.Key is string;
        }

        if (!allStrings)
        {
            var pairs = new List<object?>(dict.Count);
            foreach (KeyValuePair<object?, object?> pair in dict)
            {
                pairs.Add(new Pair(pair.Key, pair.Value));
            }

            Tagged(sb, "$dict", pairs, indent, path);
            return;
        }

        if (dict.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        sb.Append('{');
        bool first = true;
        foreach (KeyValuePair<object?, object?> pair in dict)
        {
            sb.Append(first ? "\n" : ",\n");
            first = false;
            Indent(sb, indent + 1);
            WriteString(sb, (string)pair.Key!);
            sb.Append(": ");
            WriteValue(sb, pair.Value, indent + 1, path);
        }

        sb.Append('\n');
        Indent(sb, indent);
        sb.Append('}');
    }

    private static void WriteObject(StringBuilder sb, PyObject obj, int indent, HashSet<object> path)
    {
        var members = new List<(string, object?)>
        {
            ("$object", obj.Module + "." + obj.Name),
            ("args", obj.Args),
        };
        if (obj.Kwargs is not null)
        {
            members.Add(("kwargs", obj.Kwargs));
        }

        if (obj.HasState)
        {
            members.Add(("state", obj.State));
        }

        if (obj.ListItems is not null)
        {
            members.Add(("listitems", obj.ListItems));
        }

        if (obj.DictItems is not null)
        {
            members.Add(("dictitems", obj.DictItems));
        }

        WriteMembers(sb, members, indent, path);
    }

    private static void Tagged(StringBuilder sb, string tag, object? value, int indent, HashSet<object> path) =>
        WriteMembers(sb, [(tag, value)], indent, path);

    private static void WriteMembers(StringBuilder sb, List<(string Name, object? Value)> members, int indent, HashSet<object> path)
    {
        sb.Append('{');
        for (int i = 0; i < members.Count; i++)
        {
            sb.Append(i == 0 ? "\n" : ",\n");
            Indent(sb, indent + 1);
            WriteString(sb, members[i].Name);
            sb.Append(": ");
            WriteValue(sb, members[i].Value, indent + 1, path);
        }

        sb.Append('\n');
        Indent(sb, indent);
        sb.Append('}');
    }

    private static void WriteArray(StringBuilder sb, System.Collections.IEnumerable items, int indent, HashSet<object> path)
    {
        bool first = true;
        sb.Append('[');
        foreach (object? item in items)
        {
            sb.Append(first ? "\n" : ",\n");
            first = false;
            Indent(sb, indent + 1);
            if (item is Pair pair)
            {
                WriteArray(sb, new object?[] { pair.Key, pair.Value }, indent + 1, path);
            }
            else
            {
                WriteValue(sb, item, indent + 1, path);
            }
        }

        if (first)
        {
            sb.Append(']');
            return;
        }

        sb.Append('\n');
        Indent(sb, indent);
        sb.Append(']');
    }

    private static void Indent(StringBuilder sb, int level) => sb.Append(' ', level * 2);

    /// <summary>A JSON string: <c>"</c>, <c>\</c> and controls escaped; lone surrogates as <c>\uXXXX</c>; the rest as is.</summary>
    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>Python's <c>datetime.isoformat()</c> without the offset: microseconds only when not zero.</summary>
    private static string IsoDateTime(DateTime dt) =>
        dt.ToString("yyyy-MM-dd'T'", CultureInfo.InvariantCulture) + IsoTime(dt.TimeOfDay.Ticks);

    private static string IsoTime(long ticks)
    {
        var t = new TimeSpan(ticks);
        string text = string.Create(CultureInfo.InvariantCulture, $"{t.Hours:D2}:{t.Minutes:D2}:{t.Seconds:D2}");
        long us = ticks % TimeSpan.TicksPerSecond / 10;
        return us == 0 ? text : text + "." + us.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static string IsoOffset(TimeSpan offset)
    {
        char sign = offset < TimeSpan.Zero ? '-' : '+';
        TimeSpan a = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{a.Hours:D2}:{a.Minutes:D2}");
    }

    /// <summary>A key-value pair of a <c>$dict</c>, written as a two-element array.</summary>
    private sealed record Pair(object? Key, object? Value);
}

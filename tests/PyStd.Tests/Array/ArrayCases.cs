using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using PyStd.Array;
using PyStd.Objects;
using PyStd.Tests.Python;

namespace PyStd.Tests.Array;

/// <summary>
/// Reads the tables the gen_array_*.py scripts print and replays their operations on
/// <see cref="PyArray"/>. Values use the encoding described in gen_array_common.py.
/// </summary>
internal static class ArrayCases
{
    public static readonly IEnumerable<object[]> Typecodes = PyArray.Typecodes.Select(c => new object[] { c.ToString() });

    private static readonly Lazy<JsonElement[]> s_roundTrips = new(() => Load("gen_array_roundtrip.py"));
    private static readonly Lazy<JsonElement[]> s_sequences = new(() => Load("gen_array_ops.py"));
    private static readonly Lazy<JsonElement[]> s_errors = new(() => Load("gen_array_errors.py"));

    /// <summary>One table per python process, shared by every test that reads it.</summary>
    public static JsonElement[] RoundTrips => s_roundTrips.Value;

    public static JsonElement[] Sequences => s_sequences.Value;

    public static JsonElement[] Errors => s_errors.Value;

    private static JsonElement[] Load(string script) =>
        PythonRunner.RunScriptLines(script)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToArray();

    /// <summary>Decodes an encoded Python value into the PyStd value model.</summary>
    public static object? Decode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                return e.EnumerateArray().Select(Decode).ToList();
            case JsonValueKind.Object when e.TryGetProperty("tuple", out JsonElement items):
                return new PyTuple(items.EnumerateArray().Select(Decode).ToArray());
            case JsonValueKind.Object:
                return new PyArray(e.GetProperty("array").GetString()!, Convert.FromHexString(e.GetProperty("hex").GetString()!));
        }

        string text = e.GetString()!;
        string body = text[2..];
        return text[..2] switch
        {
            "n:" => null,
            "b:" => body == "1",
            "i:" => PyInt.Normalize(BigInteger.Parse(body, CultureInfo.InvariantCulture)),
            "f:" => BitConverter.UInt64BitsToDouble(ulong.Parse(body, NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
            "s:" => CodePointsToString(body.Length == 0 ? [] : body.Split(',').Select(int.Parse).ToArray()),
            "y:" => Convert.FromHexString(body),
            _ => throw new FormatException(text),
        };
    }

    public static string CodePointsToString(IEnumerable<int> codePoints)
    {
        var sb = new StringBuilder();
        foreach (int cp in codePoints)
        {
            sb.Append(cp < 0x10000 ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }

    /// <summary>A canonical text for a value, comparable across the two sides (floats by their bits).</summary>
    public static string Canon(object? value) => value switch
    {
        null => "n:",
        bool b => b ? "b:1" : "b:0",
        BigInteger big when big >= long.MinValue && big <= long.MaxValue => "not normalised: " + big,
        long or BigInteger or int => "i:" + Convert.ToString(value, CultureInfo.InvariantCulture),
        double d => "f:" + BitConverter.DoubleToUInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture),
        string s => "s:" + string.Join(",", CodePoints(s)),
        byte[] bytes => "y:" + Convert.ToHexStringLower(bytes),
        PyArray a => $"array({a.Typecode},{Convert.ToHexStringLower(a.ToBytes())})",
        PyTuple t => "(" + string.Join(" ", t.Select(Canon)) + ")",
        IList list => "[" + string.Join(" ", list.Cast<object?>().Select(Canon)) + "]",
        _ => throw new ArgumentException(value.GetType().Name),
    };

    /// <summary>The code points of a .NET string: a surrogate pair is one, a lone surrogate is itself.</summary>
    public static IEnumerable<int> CodePoints(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else
            {
                yield return s[i];
            }
        }
    }

    /// <summary>Python's exception name for one of ours.</summary>
    public static string PythonName(Exception ex) => ex switch
    {
        PyStdException p => p.PythonName,
        OverflowException => "OverflowError",
        _ => ex.GetType().Name,
    };

    /// <summary>
    /// Replays one op record on <paramref name="array"/> and returns the differences from what
    /// CPython did (empty when they agree).
    /// </summary>
    public static IEnumerable<string> Check(PyArray? array, JsonElement record)
    {
        string op = record.GetProperty("op").GetString()!;
        JsonElement[] args = record.GetProperty("args").EnumerateArray().ToArray();
        string where = $"{array?.Typecode.ToString() ?? "-"} {op}({string.Join(", ", args.Select(a => a.GetRawText()))})";
        object? result = null;
        Exception? error = null;
        try
        {
            result = Apply(array, op, args);
        }
        catch (Exception ex) when (ex is PyStdException or OverflowException)
        {
            error = ex;
        }

        if (record.TryGetProperty("err", out JsonElement err))
        {
            string expected = $"{err[0].GetString()}: {err[1].GetString()}";
            string actual = error is null ? "no exception, returned " + Canon(result) : $"{PythonName(error)}: {error.Message}";
            if (expected != actual)
            {
                yield return $"{where}: expected {expected}, got {actual}";
            }
        }
        else if (error is not null)
        {
            yield return $"{where}: expected {Canon(Decode(record.GetProperty("ret")))}, got {PythonName(error)}: {error.Message}";
        }
        else
        {
            string expected = Canon(Decode(record.GetProperty("ret")));
            string actual = Canon(result);
            if (expected != actual)
            {
                yield return $"{where}: expected {expected}, got {actual}";
            }
        }

        if (array is not null)
        {
            string after = record.GetProperty("after").GetString()!;
            string bytes = Convert.ToHexStringLower(array.ToBytes());
            if (after != bytes)
            {
                yield return $"{where}: array afterwards {bytes}, CPython {after}";
            }
        }
    }

    private static object? Apply(PyArray? a, string op, JsonElement[] args)
    {
        object? D(int i) => Decode(args[i]);
        int I(int i) => args[i].GetInt32();
        int? N(int i) => args[i].ValueKind == JsonValueKind.Null ? null : args[i].GetInt32();

        if (op == "new")
        {
            string typecode = args[0].GetString()!;
            return args.Length == 1 ? new PyArray(typecode) : new PyArray(typecode, D(1));
        }

        ArgumentNullException.ThrowIfNull(a);
        switch (op)
        {
            case "append": a.Append(D(0)); return null;
            case "insert": a.Insert(I(0), D(1)); return null;
            case "pop": return args.Length == 0 ? a.Pop() : a.Pop(I(0));
            case "remove": a.Remove(D(0)); return null;
            case "index":
                return args.Length switch
                {
                    1 => a.Index(D(0)),
                    2 => a.Index(D(0), I(1)),
                    _ => a.Index(D(0), I(1), I(2)),
                };
            case "count": return a.CountOf(D(0));
            case "contains": return a.Contains(D(0));
            case "reverse": a.Reverse(); return null;
            case "extend": a.Extend(D(0)); return null;
            case "getslice": return a.Slice(N(0), N(1), N(2));
            case "setslice": a.SetSlice(N(0), N(1), N(2), (PyArray)D(3)!); return null;
            case "delslice": a.DeleteSlice(N(0), N(1), N(2)); return null;
            case "getitem": return a[I(0)];
            case "setitem": a[I(0)] = D(1); return null;
            case "delitem": a.RemoveAt(I(0)); return null;
            case "byteswap": a.Byteswap(); return null;
            case "frombytes": a.FromBytes((byte[])D(0)!); return null;
            case "tobytes": return a.ToBytes();
            case "fromlist": a.FromList((IEnumerable)D(0)!); return null;
            case "tolist": return a.ToList();
            case "fromunicode": a.FromUnicode((string)D(0)!); return null;
            case "tounicode": return a.ToUnicode();
            case "concat": return a + (PyArray)D(0)!;
            case "repeat": return a * I(0);
            case "eq": return a == (PyArray)D(0)!;
            case "repr": return a.Repr();
            case "len": return a.Count;
            default: throw new ArgumentException("unknown op " + op);
        }
    }
}

using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PyStd.Objects;

namespace PyStd.Tests.Struct;

/// <summary>
/// Reads the value encoding of gen_struct_cases.py (JSON, ints as decimal text, floats as IEEE bits,
/// bytes as hex) and compares our values with CPython's exactly: ints by value and by model type
/// (long when it fits, else BigInteger), floats by bits, bytes by content.
/// </summary>
internal static class StructCases
{
    public static object? Decode(JsonElement e)
    {
        string tag = e[0].GetString()!;
        return tag switch
        {
            "i" => PyInt.Normalize(BigInteger.Parse(e[1].GetString()!, CultureInfo.InvariantCulture)),
            "b" => e[1].GetBoolean(),
            "f" => BitConverter.Int64BitsToDouble(Convert.ToInt64(e[1].GetString(), 16)),
            "y" => Convert.FromHexString(e[1].GetString()!),
            "ba" => new PyByteArray(Convert.FromHexString(e[1].GetString()!)),
            "n" => null,
            "s" => e[1].GetString(),
            "l" => e[1].EnumerateArray().Select(Decode).ToList(),
            "t" => PyTuple.FromEnumerable(e[1].EnumerateArray().Select(Decode)),
            "d" => DecodeDict(e[1].GetInt32()),
            "c" => new Complex(
                BitConverter.Int64BitsToDouble(Convert.ToInt64(e[1].GetString(), 16)),
                BitConverter.Int64BitsToDouble(Convert.ToInt64(e[2].GetString(), 16))),
            _ => throw new InvalidOperationException($"unknown tag {tag}"),
        };
    }

    private static PyDict DecodeDict(int count)
    {
        var dict = new PyDict();
        for (long i = 0; i < count; i++)
        {
            dict[i] = i;
        }

        return dict;
    }

    public static object?[] DecodeAll(JsonElement array) => array.EnumerateArray().Select(Decode).ToArray();

    /// <summary>Null when equal, else what differs.</summary>
    public static string? Compare(JsonElement expected, IReadOnlyList<object?> actual)
    {
        if (expected.GetArrayLength() != actual.Count)
        {
            return $"expected {expected.GetArrayLength()} values, got {actual.Count}";
        }

        int i = 0;
        foreach (JsonElement e in expected.EnumerateArray())
        {
            string? problem = CompareOne(e, actual[i]);
            if (problem is not null)
            {
                return $"value {i}: {problem}";
            }

            i++;
        }

        return null;
    }

    private static string? CompareOne(JsonElement e, object? actual)
    {
        string tag = e[0].GetString()!;
        switch (tag)
        {
            case "i":
                object want = PyInt.Normalize(BigInteger.Parse(e[1].GetString()!, CultureInfo.InvariantCulture));
                return want.GetType() == actual?.GetType() && want.Equals(actual) ? null : $"int {want} != {Show(actual)}";
            case "b":
                return actual is bool b && b == e[1].GetBoolean() ? null : $"bool {e[1].GetBoolean()} != {Show(actual)}";
            case "f":
                long bits = Convert.ToInt64(e[1].GetString(), 16);
                return actual is double d && BitConverter.DoubleToInt64Bits(d) == bits
                    ? null
                    : $"float bits {bits:x16} != {Show(actual)}";
            case "y":
                return actual is byte[] y && Convert.ToHexStringLower(y) == e[1].GetString() ? null : $"bytes {e[1].GetString()} != {Show(actual)}";
            default:
                return $"unexpected tag {tag}";
        }
    }

    public static string Show(object? value) => value switch
    {
        null => "null",
        double d => $"double {d:R} bits {BitConverter.DoubleToInt64Bits(d):x16}",
        byte[] b => $"bytes {Convert.ToHexStringLower(b)}",
        _ => $"{value.GetType().Name} {value}",
    };

    /// <summary>The .NET exception type that stands for a CPython exception name.</summary>
    public static Type ExceptionFor(string pythonName) => pythonName switch
    {
        "error" => typeof(StructException),
        "OverflowError" => typeof(OverflowException),
        "TypeError" => typeof(PyTypeException),
        "UnicodeEncodeError" => typeof(ArgumentException),
        _ => throw new InvalidOperationException($"no mapping for {pythonName}"),
    };
}

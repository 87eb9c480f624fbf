using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PyStd.Array;

namespace PyStd.Tests.Array;

/// <summary>
/// Differential round trips against CPython's array for every typecode: random arrays (edge values,
/// NaN payloads, float32 rounding, lone surrogates and non-BMP code points) from
/// gen_array_roundtrip.py, checked item by item, byte by byte and repr by repr.
/// </summary>
public class ArrayRoundTripTests
{
    public static IEnumerable<object[]> Typecodes => ArrayCases.Typecodes;

    private static JsonElement[] CasesFor(string typecode)
    {
        JsonElement[] cases = ArrayCases.RoundTrips.Where(c => c.GetProperty("tc").GetString() == typecode).ToArray();
        Assert.True(cases.Length >= 100, $"only {cases.Length} cases for {typecode}");
        return cases;
    }

    private static void AssertAll(IEnumerable<string> failures)
    {
        string[] list = failures.ToArray();
        Assert.True(list.Length == 0, $"{list.Length} mismatches, e.g.\n" + string.Join("\n", list.Take(10)));
    }

    [Theory]
    [MemberData(nameof(Typecodes))]
    public void Frombytes_gives_the_items_cpython_tolist_gives_and_the_same_bytes_back(string typecode)
    {
        AssertAll(CasesFor(typecode).SelectMany(c =>
        {
            string hex = c.GetProperty("hex").GetString()!;
            var array = new PyArray(typecode, Convert.FromHexString(hex));
            string[] expected = c.GetProperty("items").EnumerateArray().Select(e => e.ToString()).ToArray();
            string[] actual = ItemTexts(array);
            var failures = new List<string>();
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{hex}: items [{string.Join(", ", actual)}], CPython [{string.Join(", ", expected)}]");
            }

            if (Convert.ToHexStringLower(array.ToBytes()) != hex || array.Count * array.Itemsize != hex.Length / 2)
            {
                failures.Add($"{hex}: tobytes {Convert.ToHexStringLower(array.ToBytes())}");
            }

            return failures;
        }));
    }

    [Theory]
    [MemberData(nameof(Typecodes))]
    public void An_array_built_from_values_has_the_bytes_cpython_gives(string typecode)
    {
        AssertAll(CasesFor(typecode).SelectMany(c =>
        {
            var failures = new List<string>();
            if (c.GetProperty("input").ValueKind != JsonValueKind.Null)
            {
                var fromInput = new PyArray(typecode, ArrayCases.Decode(c.GetProperty("input")));
                string expected = c.GetProperty("hex").GetString()!;
                if (Convert.ToHexStringLower(fromInput.ToBytes()) != expected)
                {
                    failures.Add($"array({typecode}, {c.GetProperty("input")}) gave {Convert.ToHexStringLower(fromInput.ToBytes())}, CPython {expected}");
                }
            }

            // array(tc, a.tolist()): the values our tolist gives, back in.
            var array = new PyArray(typecode, Convert.FromHexString(c.GetProperty("hex").GetString()!));
            string listHex = c.GetProperty("list_hex").GetString()!;
            string again = Convert.ToHexStringLower(new PyArray(typecode, array.ToList()).ToBytes());
            if (again != listHex)
            {
                failures.Add($"array({typecode}, tolist()) gave {again}, CPython {listHex}");
            }

            return failures;
        }));
    }

    [Theory]
    [MemberData(nameof(Typecodes))]
    public void Byteswap_gives_the_bytes_cpython_gives(string typecode)
    {
        AssertAll(CasesFor(typecode).SelectMany(c =>
        {
            var array = new PyArray(typecode, Convert.FromHexString(c.GetProperty("hex").GetString()!));
            array.Byteswap();
            string expected = c.GetProperty("swapped").GetString()!;
            string actual = Convert.ToHexStringLower(array.ToBytes());
            return actual == expected ? [] : new[] { $"byteswap gave {actual}, CPython {expected}" };
        }));
    }

    [Theory]
    [MemberData(nameof(Typecodes))]
    public void Repr_is_what_cpython_prints(string typecode)
    {
        AssertAll(CasesFor(typecode).SelectMany(c =>
        {
            var array = new PyArray(typecode, Convert.FromHexString(c.GetProperty("hex").GetString()!));
            string expected = c.GetProperty("repr").GetString()!;
            string actual = array.Repr();
            return actual == expected ? [] : new[] { $"repr {actual}, CPython {expected}" };
        }));
    }

    /// <summary>Items as gen_array_roundtrip.py writes them: ints in decimal, floats as IEEE bits, 'u' as code points.</summary>
    private static string[] ItemTexts(PyArray array)
    {
        if (array.Typecode == 'u')
        {
            // Code points straight from the zero-copy view: a u item may be a lone surrogate.
            return array.AsSpan<int>().ToArray().Select(cp => cp.ToString(CultureInfo.InvariantCulture)).ToArray();
        }

        return array.ToList().Select(item => item switch
        {
            double d => BitConverter.DoubleToUInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            BigInteger b => b.ToString(CultureInfo.InvariantCulture),
            _ => "unexpected " + item?.GetType().Name,
        }).ToArray();
    }
}

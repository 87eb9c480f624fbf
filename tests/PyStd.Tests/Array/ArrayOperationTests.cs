using System.Text.Json;
using PyStd.Array;

namespace PyStd.Tests.Array;

/// <summary>
/// Differential sequences of operations: CPython applies random append/insert/pop/remove/index/
/// count/reverse/extend/slice/… operations (random indices, negative and out of range, and bad
/// values) to an array; we replay them and must return the same values, raise the same exceptions
/// with the same messages, and leave the same bytes after every step. gen_array_errors.py adds
/// targeted error cases: bad typecodes, out-of-range and wrong-type values for every typecode,
/// bad initializers, and 'u' items that are not code points.
/// </summary>
public class ArrayOperationTests
{
    public static IEnumerable<object[]> Typecodes => ArrayCases.Typecodes;

    private static void AssertAll(IEnumerable<string> failures, int minimumCases, int cases)
    {
        string[] list = failures.ToArray();
        Assert.True(list.Length == 0, $"{list.Length} mismatches, e.g.\n" + string.Join("\n", list.Take(15)));
        Assert.True(cases >= minimumCases, $"only {cases} cases");
    }

    [Theory]
    [MemberData(nameof(Typecodes))]
    public void Random_operation_sequences_behave_as_in_cpython(string typecode)
    {
        var failures = new List<string>();
        int ops = 0;
        foreach (JsonElement sequence in ArrayCases.Sequences.Where(s => s.GetProperty("tc").GetString() == typecode))
        {
            var array = new PyArray(typecode, Convert.FromHexString(sequence.GetProperty("hex").GetString()!));
            foreach (JsonElement record in sequence.GetProperty("ops").EnumerateArray())
            {
                ops++;
                List<string> diff = ArrayCases.Check(array, record).ToList();
                failures.AddRange(diff);
                if (diff.Count > 0)
                {
                    break; // the rest of this sequence starts from a different array
                }
            }
        }

        AssertAll(failures, 500, ops);
    }

    [Fact]
    public void Constructor_errors_and_errors_on_empty_arrays_match_cpython()
    {
        JsonElement[] cases = ArrayCases.Errors.Where(c => c.GetProperty("hex").GetString() == "").ToArray();
        var failures = new List<string>();
        foreach (JsonElement c in cases)
        {
            JsonElement record = c.GetProperty("ops")[0];
            PyArray? array = record.GetProperty("op").GetString() == "new"
                ? null
                : new PyArray(c.GetProperty("tc").GetString()!);
            failures.AddRange(ArrayCases.Check(array, record));
        }

        AssertAll(failures, 1000, cases.Length);
    }

    [Theory]
    [MemberData(nameof(Typecodes))]
    public void Method_errors_match_cpython(string typecode)
    {
        JsonElement[] cases = ArrayCases.Errors
            .Where(c => c.GetProperty("tc").GetString() == typecode && c.GetProperty("hex").GetString() != "")
            .ToArray();
        var failures = new List<string>();
        foreach (JsonElement c in cases)
        {
            var array = new PyArray(typecode, Convert.FromHexString(c.GetProperty("hex").GetString()!));
            failures.AddRange(ArrayCases.Check(array, c.GetProperty("ops")[0]));
        }

        AssertAll(failures, 100, cases.Length);
    }
}

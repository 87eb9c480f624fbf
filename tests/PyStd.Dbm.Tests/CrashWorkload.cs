using System.Text;

namespace PyStd.Dbm.Tests;

/// <summary>
/// The deterministic write workload shared by the crash host and the tests: op <c>i</c> sets or deletes
/// one of 150 keys; values vary in size (0–1500 bytes) so <c>dbm.dumb</c> both rewrites in place and
/// appends; some ops form batches. Everything is a function of (seed, op index).
/// </summary>
internal static class CrashWorkload
{
    /// <summary>One write: a null value is a delete.</summary>
    internal readonly record struct Op(byte[] Key, byte[]? Value);

    public static int GroupSize(int seed, int firstOp)
    {
        var r = new System.Random(unchecked((seed * 7919) + firstOp));
        return r.Next(10) == 0 ? r.Next(2, 25) : 1;
    }

    public static Op At(int seed, int i, string prefix = "key")
    {
        var r = new System.Random(unchecked((seed * 104729) + i));
        byte[] key = Encoding.UTF8.GetBytes($"{prefix}{r.Next(150)}");
        if (r.Next(100) < 12)
        {
            return new Op(key, null);
        }

        byte[] value = new byte[r.Next(100) < 70 ? r.Next(0, 200) : r.Next(200, 1500)];
        r.NextBytes(value);
        if (value.Length >= 4)
        {
            BitConverter.TryWriteBytes(value, i);
        }

        return new Op(key, value);
    }

    /// <summary>The state after applying ops [0, count).</summary>
    public static Dictionary<string, byte[]> Model(int seed, int count, string prefix = "key")
    {
        var model = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Apply(model, seed, 0, count, prefix);
        return model;
    }

    public static void Apply(Dictionary<string, byte[]> model, int seed, int from, int to, string prefix = "key")
    {
        for (int i = from; i < to; i++)
        {
            Op o = At(seed, i, prefix);
            string k = Encoding.UTF8.GetString(o.Key);
            if (o.Value is null)
            {
                model.Remove(k);
            }
            else
            {
                model[k] = o.Value;
            }
        }
    }
}

using System.Text;
using PyStd.Tests.Python;

namespace PyStd.Dbm.Tests;

/// <summary>Runs Python/dbm_cases.py and applies its op files to our databases.</summary>
internal static class DbmCases
{
    public static string[] Run(params string[] args) => PythonRunner.RunScriptLines("dbm_cases.py", args);

    /// <summary>Applies an op file ("S keyhex valuehex" / "D keyhex") one write at a time, as the Python side does.</summary>
    public static void Apply(IDbm db, string opsFile)
    {
        foreach (string line in File.ReadLines(opsFile))
        {
            string[] parts = line.Split(' ');
            if (parts.Length < 2)
            {
                continue;
            }

            byte[] key = Convert.FromHexString(parts[1]);
            if (parts[0] == "S")
            {
                db.Set(key, parts.Length > 2 ? Convert.FromHexString(parts[2]) : []);
            }
            else
            {
                db.Remove(key);
            }
        }
    }

    /// <summary>"keyhex valuehex" per key in the database's iteration order, as dbm_cases.py list prints.</summary>
    public static string[] Listing(IDbm db)
    {
        var lines = new List<string>();
        foreach (byte[] key in db.Keys)
        {
            lines.Add($"{Convert.ToHexString(key).ToLowerInvariant()} {Convert.ToHexString(db[key]).ToLowerInvariant()}");
        }

        return [.. lines];
    }

    public static string Hex(string s) => Convert.ToHexString(Encoding.UTF8.GetBytes(s)).ToLowerInvariant();
}

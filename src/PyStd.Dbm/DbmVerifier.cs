namespace PyStd.Dbm;

/// <summary>
/// Structure and content checks of a database without changing it: <c>pystd db verify</c>.
/// </summary>
/// <remarks>
/// <c>dbm.sqlite3</c>: SQLite's <c>PRAGMA integrity_check</c>, the <c>Dict</c> schema, and every row
/// readable with a non-null BLOB key and value. <c>dbm.dumb</c>: every <c>.dir</c> line parses as
/// CPython writes it, every value lies inside <c>.dat</c> at a 512-byte-aligned offset without
/// overlapping another, the crash journal (if any) is intact, and every value reads back.
/// </remarks>
public static class DbmVerifier
{
    /// <summary>Checks the database at <paramref name="path"/>; never throws for a damaged or missing database.</summary>
    /// <param name="path">The database path.</param>
    /// <returns>The findings; <see cref="DbmVerifyResult.IsValid"/> is false on any damage.</returns>
    public static DbmVerifyResult Verify(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? kind = Dbm.WhichDb(path);
        var problems = new List<string>();
        var notes = new List<string>();
        long records = 0;
        switch (kind)
        {
            case null:
                problems.Add($"{path}: db file doesn't exist");
                break;
            case "":
                problems.Add($"{path}: db type could not be determined: {DbmFormat.Diagnose(path)}");
                break;
            case "dbm.sqlite3":
                records = SqliteDbm.Verify(path, problems, notes);
                break;
            case "dbm.dumb":
                records = DumbDbm.Verify(path, problems, notes);
                break;
            default:
                problems.Add($"{path}: db type is {kind}; no backend yet for {kind}, so it cannot be verified");
                break;
        }

        return new DbmVerifyResult(path, kind, records, problems, notes);
    }
}

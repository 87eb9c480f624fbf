namespace PyStd.Dbm;

/// <summary>What <see cref="DbmVerifier.Verify(string)"/> found.</summary>
public sealed class DbmVerifyResult
{
    internal DbmVerifyResult(string path, string? backend, long records, IReadOnlyList<string> problems, IReadOnlyList<string> notes)
    {
        Path = path;
        Backend = backend;
        Records = records;
        Problems = problems;
        Notes = notes;
    }

    /// <summary>The database path checked.</summary>
    public string Path { get; }

    /// <summary><see cref="Dbm.WhichDb"/>'s answer (null: no database; "": unknown type).</summary>
    public string? Backend { get; }

    /// <summary>The number of records that read back correctly.</summary>
    public long Records { get; }

    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Damage found, one precise sentence each (file, offset or key, what is wrong).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Facts that are not damage (e.g. a crash journal that the next writable open folds in).</summary>
    public IReadOnlyList<string> Notes { get; }
}

namespace PyStd.Dbm;

/// <summary>
/// Python's <c>dbm.error</c>: a database that cannot be opened or read (missing with <c>"r"</c>,
/// an unknown or damaged format, a zero-length file), an operation on a closed database, a write to
/// a database opened read-only, or a second writer on a <c>dbm.dumb</c> database. The message names
/// the database path and the problem, using CPython's wording where CPython has one
/// (<c>db file doesn't exist; use 'c' or 'n' flag to create a new db</c>,
/// <c>DBM object has already been closed</c>, <c>The database is opened for reading only</c>).
/// </summary>
public class DbmException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public DbmException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The path and the problem.</param>
    public DbmException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">The path and the problem.</param>
    /// <param name="innerException">The cause.</param>
    public DbmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a database file.</summary>
    /// <param name="path">The database path (as given to <c>Open</c>).</param>
    /// <param name="problem">What is wrong, e.g. CPython's wording.</param>
    /// <param name="innerException">The cause, or null.</param>
    public DbmException(string path, string problem, Exception? innerException)
        : base($"{path}: {problem}", innerException!)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The database path the error is about, when there is one.</summary>
    public string? Path { get; }

    /// <summary>The problem without the path (CPython's wording where it has one).</summary>
    public string? Problem { get; }

    /// <inheritdoc />
    public override string PythonName => "dbm.error";
}

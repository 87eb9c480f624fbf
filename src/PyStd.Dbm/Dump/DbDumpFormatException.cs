namespace PyStd.Dbm.Dump;

/// <summary>
/// Input that is not a valid <c>db_dump</c> file (or <c>db_load -T</c> text), or a dump PyStd cannot
/// load into a dbm database (another access method, duplicate keys, several databases). The message
/// starts with the line number, e.g. <c>line 7: odd number of hex digits</c>. A
/// <see cref="DbmException"/>, so <c>catch (DbmException)</c> also catches it.
/// </summary>
public class DbDumpFormatException : DbmException
{
    /// <summary>Creates an exception with no message.</summary>
    public DbDumpFormatException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The problem.</param>
    public DbDumpFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public DbDumpFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about one line of the input.</summary>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <param name="problem">What is wrong with it.</param>
    public DbDumpFormatException(long lineNumber, string problem)
        : base($"line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line of the input the error is about (0 when it is about no line).</summary>
    public long LineNumber { get; }
}

namespace PyStd.Dbm.Dump;

/// <summary>How <see cref="DbDump.Load"/> reads its input.</summary>
public sealed record DbLoadOptions
{
    /// <summary>The defaults: a <c>db_dump</c> file holding one database.</summary>
    public static DbLoadOptions Default { get; } = new();

    /// <summary>
    /// True for <c>db_load -T</c> plain text instead of a dump: no header, one line per key then one per
    /// value, <c>\\</c> for a backslash and <c>\xx</c> for any byte.
    /// </summary>
    public bool PlainText { get; init; }

    /// <summary>
    /// The sub-database to load from a dump of several (<c>database=NAME</c>, compared as UTF-8); null
    /// loads a dump holding exactly one database.
    /// </summary>
    public string? Database { get; init; }
}

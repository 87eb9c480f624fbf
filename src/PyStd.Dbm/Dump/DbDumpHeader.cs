namespace PyStd.Dbm.Dump;

/// <summary>
/// The header of one database in a <c>db_dump</c> file: the lines from <c>VERSION=3</c> to
/// <c>HEADER=END</c>. <see cref="Version"/>, <see cref="Format"/>, <see cref="Database"/> and
/// <see cref="Type"/> have their own properties; every other line (<c>db_pagesize=4096</c>,
/// <c>h_nelem=12</c>, <c>duplicates=1</c> …) is kept in <see cref="Fields"/> in input order, so a
/// header read and written again is the same text.
/// </summary>
/// <remarks>
/// Berkeley DB's <c>db_dump</c> (5.3) writes <c>VERSION=3</c>, <c>format=</c>, <c>database=</c> (only
/// for a named sub-database), <c>type=</c>, the access method's settings, then <c>HEADER=END</c>; that
/// is the order <see cref="DbDumpWriter.WriteHeader"/> uses.
/// </remarks>
public sealed record DbDumpHeader
{
    private static readonly KeyValuePair<string, string>[] s_defaultFields = [new("db_pagesize", "4096")];

    /// <summary>The dump format version: 3 (what <c>db_dump</c> 3.0 and later write); 2 is read too.</summary>
    public int Version { get; init; } = 3;

    /// <summary>How keys and values are written (<c>format=bytevalue</c> or <c>format=print</c>).</summary>
    public DbDumpFormat Format { get; init; } = DbDumpFormat.ByteValue;

    /// <summary>The access method: <c>hash</c> (the default here) or <c>btree</c>; others are refused when read.</summary>
    public string Type { get; init; } = "hash";

    /// <summary>The sub-database name of a <c>database=</c> line (its bytes), or null for a file's only database.</summary>
    public byte[]? Database { get; init; }

    /// <summary>
    /// The other <c>name=value</c> lines in order. The default is <c>db_pagesize=4096</c>, the line
    /// <c>db_dump</c> prints for a database built with default settings.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = s_defaultFields;

    /// <summary>The line number of the header's first line (0 for a header that was not read).</summary>
    public long LineNumber { get; init; }

    /// <summary>Returns the value of a header line other than the four with their own properties.</summary>
    /// <param name="name">The name before <c>=</c>, e.g. <c>db_pagesize</c>.</param>
    /// <returns>The value after <c>=</c>, or null when the header has no such line.</returns>
    public string? GetField(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (KeyValuePair<string, string> field in Fields)
        {
            if (field.Key == name)
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary>True when a flag line such as <c>duplicates=1</c> is present and not 0.</summary>
    /// <param name="name">The flag's name.</param>
    /// <returns>Whether the flag is set.</returns>
    public bool HasFlag(string name)
    {
        string? value = GetField(name);
        return value is not null && value != "0";
    }
}

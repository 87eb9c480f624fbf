namespace PyStd.Dbm.Dump;

/// <summary>How a <c>db_dump</c> file writes keys and values (the header's <c>format=</c> line).</summary>
public enum DbDumpFormat
{
    /// <summary><c>format=bytevalue</c>: every byte as two lowercase hex digits (<c>db_dump</c>'s default).</summary>
    ByteValue,

    /// <summary>
    /// <c>format=print</c> (<c>db_dump -p</c>): printable ASCII as itself, a backslash as <c>\\</c>, every
    /// other byte as <c>\</c> and two lowercase hex digits.
    /// </summary>
    Print,
}

using System.Text;

namespace PyStd.Dbm.Dump;

/// <summary>
/// Berkeley DB's <c>db_dump</c>/<c>db_load</c> text format for dbm databases: the portable way to back
/// up, inspect, diff and migrate a database between backends and library versions
/// (<c>pystd db dump old | pystd db load new</c>; see docs/dbm-tools.md).
/// </summary>
/// <example>
/// Migrating a <c>dbm.dumb</c> database into a new <c>dbm.sqlite3</c> one:
/// <code>
/// using IDbm source = Dbm.Open("old.db", "r");
/// using var dump = new MemoryStream();
/// DbDump.Dump(source, dump);
/// dump.Position = 0;
/// using IDbm target = Dbm.Open("new.sqlite3", "n", 0x1B6, DbmBackend.Sqlite3);
/// DbDump.Load(dump, target);
/// </code>
/// </example>
/// <remarks>
/// Dumps are what <c>db_dump</c> 5.3 writes for a hash database (<c>VERSION=3</c>, <c>format=bytevalue</c>
/// or <c>print</c>, <c>type=hash</c>, <c>db_pagesize=4096</c>), so Berkeley DB's <c>db_load</c> turns
/// them into a real Berkeley DB file, and <c>db_dump</c>'s output of one loads here. Everything streams:
/// neither side holds more than one record (a <c>type=btree</c> dump also holds the keys, to sort them).
/// </remarks>
public static class DbDump
{
    /// <summary>Writes every record of a database as a dump, in the database's iteration order.</summary>
    /// <param name="database">The database to dump.</param>
    /// <param name="output">Where the dump goes (left open).</param>
    /// <param name="header">
    /// The header to write; null for <c>format=bytevalue</c>, <c>type=hash</c>, <c>db_pagesize=4096</c>.
    /// With <c>Type = "btree"</c> records are written in byte order of their keys, as <c>db_dump</c> prints a btree.
    /// </param>
    /// <param name="progress">Told the number of records written so far, every 1024 records and at the end.</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="DbmException">The database is closed or damaged.</exception>
    public static long Dump(IDbm database, Stream output, DbDumpHeader? header = null, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(output);
        header ??= new DbDumpHeader();
        if (header.Type != "btree")
        {
            return Write(output, database, header, progress);
        }

        List<byte[]> keys = [.. database.Keys];
        keys.Sort(static (x, y) => x.AsSpan().SequenceCompareTo(y));
        return Write(output, Sorted(database, keys), header, progress);
    }

    /// <summary>Writes records as a dump holding one database.</summary>
    /// <param name="output">Where the dump goes (left open).</param>
    /// <param name="records">The key/value pairs, written in the order given.</param>
    /// <param name="header">The header; null for <c>format=bytevalue</c>, <c>type=hash</c>, <c>db_pagesize=4096</c>.</param>
    /// <param name="progress">Told the number of records written so far, every 1024 records and at the end.</param>
    /// <returns>The number of records written.</returns>
    public static long Write(Stream output, IEnumerable<KeyValuePair<byte[], byte[]>> records, DbDumpHeader? header = null, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new DbDumpWriter(output, leaveOpen: true);
        writer.WriteHeader(header ?? new DbDumpHeader());
        long count = 0;
        foreach (KeyValuePair<byte[], byte[]> record in records)
        {
            writer.WriteRecord(record.Key, record.Value);
            if ((++count & 1023) == 0)
            {
                progress?.Report(count);
            }
        }

        writer.WriteEnd();
        writer.Flush();
        progress?.Report(count);
        return count;
    }

    /// <summary>
    /// Reads the records of a dump lazily (or of <c>db_load -T</c> text with <see cref="DbLoadOptions.PlainText"/>).
    /// The dump must hold one database (or name one with <see cref="DbLoadOptions.Database"/>) of
    /// <c>type=hash</c> or <c>btree</c> without duplicate keys.
    /// </summary>
    /// <param name="input">The dump (left open).</param>
    /// <param name="options">What to read; null for the defaults.</param>
    /// <returns>The key/value pairs in input order.</returns>
    /// <exception cref="DbDumpFormatException">Malformed or truncated input, or a dump that is not one key/value database; thrown while enumerating.</exception>
    public static IEnumerable<KeyValuePair<byte[], byte[]>> Read(Stream input, DbLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= DbLoadOptions.Default;
        return options.PlainText ? ReadPlainText(input) : ReadDump(input, options.Database);
    }

    /// <summary>
    /// Loads a dump into a database in one batch (<see cref="IDbm.BeginBatch"/>): either every record is
    /// stored or, when the input turns out to be bad, none. Existing keys are overwritten, as <c>db_load</c> does.
    /// </summary>
    /// <param name="input">The dump or plain text (left open).</param>
    /// <param name="target">The database to store into.</param>
    /// <param name="options">What to read; null for the defaults.</param>
    /// <param name="progress">Told the number of records read so far, every 1024 records and at the end.</param>
    /// <returns>The number of records loaded.</returns>
    /// <exception cref="DbDumpFormatException">Malformed or unsupported input; nothing is stored.</exception>
    /// <exception cref="DbmException">The database is read-only, closed or damaged.</exception>
    public static long Load(Stream input, IDbm target, DbLoadOptions? options = null, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        using IDbmBatch batch = target.BeginBatch();
        long count = 0;
        foreach (KeyValuePair<byte[], byte[]> record in Read(input, options))
        {
            batch.Set(record.Key, record.Value);
            if ((++count & 1023) == 0)
            {
                progress?.Report(count);
            }
        }

        batch.Commit();
        progress?.Report(count);
        return count;
    }

    private static IEnumerable<KeyValuePair<byte[], byte[]>> Sorted(IDbm database, List<byte[]> keys)
    {
        foreach (byte[] key in keys)
        {
            yield return new(key, database[key]);
        }
    }

    private static IEnumerable<KeyValuePair<byte[], byte[]>> ReadDump(Stream input, string? database)
    {
        using var reader = new DbDumpReader(input, leaveOpen: true);
        DbDumpHeader header = reader.ReadHeader()
            ?? throw new DbDumpFormatException(1, "the input is empty: a db_dump file starts with VERSION=3");
        if (database is null)
        {
            CheckLoadable(header);
            while (reader.ReadRecord(out byte[]? key, out byte[]? value))
            {
                yield return new(key, value);
            }

            DbDumpHeader? next = reader.ReadHeader();
            if (next is not null)
            {
                throw new DbDumpFormatException(next.LineNumber,
                    $"a second database ({Name(next)}) follows {Name(header)}: a dbm file holds one, so load them one at a time by name (pystd db load --database NAME)");
            }

            yield break;
        }

        byte[] wanted = Encoding.UTF8.GetBytes(database);
        bool found = false;
        for (DbDumpHeader? current = header; current is not null; current = reader.ReadHeader())
        {
            if (!found && current.Database is not null && current.Database.AsSpan().SequenceEqual(wanted))
            {
                found = true;
                CheckLoadable(current);
                while (reader.ReadRecord(out byte[]? key, out byte[]? value))
                {
                    yield return new(key, value);
                }
            }
            else
            {
                while (reader.ReadRecord(out _, out _))
                {
                }
            }
        }

        if (!found)
        {
            throw new DbDumpFormatException($"the dump has no database named '{database}'");
        }
    }

    private static IEnumerable<KeyValuePair<byte[], byte[]>> ReadPlainText(Stream input)
    {
        // db_load -T: no header and no leading space; a key line, then a value line; \\ and \xx escapes.
        using var lines = new DumpLineReader(input, leaveOpen: true);
        while (lines.TryReadLine(out ReadOnlySpan<byte> line, out _))
        {
            byte[] key = DumpText.DecodePrint(line, lines.LineNumber, 1);
            long keyLine = lines.LineNumber;
            if (!lines.TryReadLine(out line, out _))
            {
                throw new DbDumpFormatException(keyLine, "odd number of key/data pairs: this key line has no value line after it");
            }

            byte[] value = DumpText.DecodePrint(line, lines.LineNumber, 1);
            yield return new(key, value);
        }
    }

    private static void CheckLoadable(DbDumpHeader header)
    {
        if (header.HasFlag("duplicates") || header.HasFlag("dupsort"))
        {
            throw new DbDumpFormatException(header.LineNumber,
                "the database allows duplicate keys (duplicates=1), which a dbm mapping cannot hold");
        }
    }

    private static string Name(DbDumpHeader header)
    {
        if (header.Database is null)
        {
            return "an unnamed database";
        }

        var text = new StringBuilder("database '");
        foreach (byte b in header.Database)
        {
            text.Append(DumpText.IsPrintable(b) ? (char)b : $"\\x{b:x2}");
        }

        return text.Append('\'').ToString();
    }
}

using System.Buffers.Binary;
using System.Globalization;

namespace PyStd.Dbm;

/// <summary>
/// File-type detection: CPython 3.13's <c>whichdb</c> (Lib/dbm/__init__.py) plus the diagnosis behind
/// an unknown type, so errors say what the file is (empty, truncated, Berkeley DB …).
/// </summary>
internal static class DbmFormat
{
    /// <summary>The first 16 bytes of every SQLite 3 database.</summary>
    internal static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    public static string? WhichDb(string filename)
    {
        // ndbm first: a .pag and a .dir file. (CPython's extra probe of a Berkeley-DB-emulated
        // "<name>.db" only runs when its ndbm module is importable; PyStd has no ndbm reader yet,
        // which is CPython's "ndbm is None" path.)
        if (CanOpen(filename + ".pag") && CanOpen(filename + ".dir"))
        {
            return "dbm.ndbm";
        }

        // dumbdbm next: a .dat and a .dir file; a database with no keys has an empty .dir.
        if (Path.Exists(filename + ".dat"))
        {
            string dir = filename + ".dir";
            if (Directory.Exists(dir))
            {
                // os.stat succeeds with a non-zero size, opening it fails: not dumb.
            }
            else if (File.Exists(dir))
            {
                try
                {
                    using var f = new FileStream(dir, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
                    if (f.Length == 0)
                    {
                        return "dbm.dumb";
                    }

                    int first = f.ReadByte();
                    if (first is '\'' or '"')
                    {
                        return "dbm.dumb";
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }

        Span<byte> s16 = stackalloc byte[16];
        int n;
        try
        {
            if (Directory.Exists(filename))
            {
                return null;
            }

            using var f = new FileStream(filename, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            n = f.ReadAtLeast(s16, 16, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (n < 4)
        {
            return "";
        }

        if (n == 16 && s16.SequenceEqual(SqliteHeader))
        {
            return "dbm.sqlite3";
        }

        // struct.unpack("=l", s): native byte order (little-endian on every .NET platform we run on).
        int magic = BitConverter.IsLittleEndian ? BinaryPrimitives.ReadInt32LittleEndian(s16) : BinaryPrimitives.ReadInt32BigEndian(s16);
        if (magic is 0x13579ace or 0x13579acd or 0x13579acf)
        {
            return "dbm.gnu";
        }

        return "";
    }

    /// <summary>Why <see cref="WhichDb"/> said "": one phrase for the error message.</summary>
    public static string Diagnose(string path)
    {
        byte[] head = new byte[64];
        int n;
        long length;
        try
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            length = f.Length;
            n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }

        if (length == 0)
        {
            return "the file is empty (0 bytes); a program that crashed before close() can leave such a file, and it holds no data to recover";
        }

        ReadOnlySpan<byte> h = head.AsSpan(0, n);
        if (h.Length < 16 && SqliteHeader[..h.Length].SequenceEqual(h))
        {
            return $"truncated SQLite file ({length} bytes, shorter than its 16-byte header)";
        }

        if (n < 4)
        {
            return $"the file is only {length} byte{(length == 1 ? "" : "s")} long, too short for any database header";
        }

        if (BerkeleyDbKind(h) is { } bdb)
        {
            return $"this is a Berkeley DB {bdb} file; no backend yet for Berkeley DB (migrate it with Berkeley DB's db_dump and 'pystd db load')";
        }

        return $"unknown file format (first bytes {Convert.ToHexString(h[..Math.Min(h.Length, 8)]).ToLowerInvariant()})";
    }

    /// <summary>Berkeley DB magic numbers: 1.85 hash at offset 0, 2.x+ hash/btree/queue at offset 12, either byte order.</summary>
    internal static string? BerkeleyDbKind(ReadOnlySpan<byte> h)
    {
        static bool Is(ReadOnlySpan<byte> b, int offset, uint magic) =>
            b.Length >= offset + 4 &&
            (BinaryPrimitives.ReadUInt32LittleEndian(b[offset..]) == magic || BinaryPrimitives.ReadUInt32BigEndian(b[offset..]) == magic);

        if (Is(h, 12, 0x061561))
        {
            return "hash";
        }

        if (Is(h, 12, 0x053162))
        {
            return "btree";
        }

        if (Is(h, 12, 0x042253))
        {
            return "queue";
        }

        if (Is(h, 0, 0x061561))
        {
            return "1.85 hash";
        }

        return Is(h, 0, 0x053162) ? "1.85 btree" : null;
    }

    /// <summary>
    /// Refuses to create a new database where a <c>dbm.dumb</c> data file or backup exists without its
    /// <c>.dir</c> index: CPython's <c>whichdb</c> says "no database" there, and creating one would
    /// bury the old values.
    /// </summary>
    public static void RefuseOrphanedDumbFiles(string path)
    {
        string dir = path + ".dir";
        if (File.Exists(dir))
        {
            return;
        }

        var dat = new FileInfo(path + ".dat");
        bool bak = File.Exists(path + ".bak");
        if ((dat.Exists && dat.Length > 0) || bak)
        {
            throw new DbmException(
                path,
                string.Create(CultureInfo.InvariantCulture, $"found dbm.dumb data ({(dat.Exists ? dat.Length : 0)} bytes in {path}.dat{(bak ? $", index backup {path}.bak" : "")}) but no index {path}.dir; refusing to create a new database over it (restore {path}.bak to {path}.dir to recover, or remove the files)"),
                null);
        }
    }

    private static bool CanOpen(string file)
    {
        try
        {
            if (Directory.Exists(file))
            {
                return false;
            }

            using var f = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

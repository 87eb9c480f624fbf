using System.Globalization;
using PyStd.Objects;

namespace PyStd.Dbm;

internal sealed partial class DumbDbm
{
    /// <summary>The <c>dbm.dumb</c> half of <see cref="DbmVerifier"/>: reads the files without changing them.</summary>
    internal static long Verify(string path, List<string> problems, List<string> notes)
    {
        string datPath = path + ".dat";
        string dirPath = path + ".dir";
        long datLength;
        byte[] dir;
        try
        {
            datLength = new FileInfo(datPath).Length;
            dir = File.ReadAllBytes(dirPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{path}: {e.Message}");
            return 0;
        }

        List<DumbDirFile.Line> lines;
        try
        {
            lines = DumbDirFile.Parse(path, dirPath, dir);
        }
        catch (DbmException e)
        {
            problems.Add(e.Message);
            return 0;
        }

        var seen = new HashSet<byte[]>(ByteKeyComparer.Instance);
        var live = new Dictionary<byte[], DumbDirFile.Line>(ByteKeyComparer.Instance);
        foreach (DumbDirFile.Line line in lines)
        {
            if (!seen.Add(line.Key))
            {
                notes.Add($"{path}: index {dirPath} lists key {PyRepr.Repr(line.Key)} twice (the later entry wins)");
            }

            live[line.Key] = line;
        }

        // A journal left by a killed writer: its writes count, and are checked against the journal itself.
        string journalPath = JournalPath(path);
        if (File.Exists(journalPath))
        {
            try
            {
                byte[] data = File.ReadAllBytes(journalPath);
                DumbJournal.Contents j = DumbJournal.Parse(path, journalPath, data);
                uint crc = Crc32.Compute(dir);
                if (j.BaseDirLength >= 0 && !(j.Rebase is { } r && r.Length == dir.Length && r.Crc == crc))
                {
                    if (j.BaseDirLength != dir.Length || j.BaseDirCrc != crc)
                    {
                        problems.Add($"{path}: crash journal {journalPath} does not belong to the current index {dirPath} (the database was changed by another program after a PyStd writer was killed)");
                    }
                    else if (j.Operations.Count > 0)
                    {
                        notes.Add($"{path}: crash journal {journalPath} holds {j.Operations.Count} acknowledged write(s) not yet in {dirPath}; the next writable open applies them (CPython must not open the database before that)");
                        foreach (DumbJournal.Record rec in j.Operations)
                        {
                            if (rec.Op == DumbJournal.OpDelete)
                            {
                                live.Remove(rec.Key);
                            }
                            else
                            {
                                live.Remove(rec.Key);
                                if (rec.Pos < 0 || rec.Pos % BlockSize != 0)
                                {
                                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: crash journal {journalPath} places key {PyRepr.Repr(rec.Key)} at offset {rec.Pos}, not a multiple of {BlockSize}"));
                                }
                            }
                        }
                    }
                }

                if (j.TornBytes > 0 || j.UncommittedRecords > 0)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: crash journal {journalPath} ends with an interrupted write ({j.TornBytes} torn byte(s), {j.UncommittedRecords} record(s) of an uncommitted batch); it was never acknowledged and is discarded"));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbmException)
            {
                problems.Add(e is DbmException ? e.Message : $"{path}: {e.Message}");
            }
        }

        // Structure: aligned offsets, inside .dat, no two values sharing bytes.
        var ranges = new List<DumbDirFile.Line>();
        foreach (DumbDirFile.Line line in live.Values)
        {
            string key = PyRepr.Repr(line.Key);
            if (line.Pos < 0 || line.Size < 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: index {dirPath}: key {key} has position {line.Pos} and size {line.Size}"));
                continue;
            }

            if (line.Pos % BlockSize != 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: index {dirPath}: key {key} starts at offset {line.Pos}, not a multiple of {BlockSize}"));
            }

            if (line.Pos + line.Size > datLength)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: data file {datPath} is truncated: key {key} needs bytes {line.Pos}..{line.Pos + line.Size} but the file has {datLength}"));
            }

            if (line.Size > 0)
            {
                ranges.Add(line);
            }
        }

        ranges.Sort((a, b) => a.Pos.CompareTo(b.Pos));
        for (int i = 1; i < ranges.Count; i++)
        {
            if (ranges[i - 1].Pos + ranges[i - 1].Size > ranges[i].Pos)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: values of keys {PyRepr.Repr(ranges[i - 1].Key)} and {PyRepr.Repr(ranges[i].Key)} overlap in {datPath} (offsets {ranges[i - 1].Pos} and {ranges[i].Pos})"));
            }
        }

        if (problems.Count > 0)
        {
            return 0;
        }

        // Content: every value reads back through the reader.
        long records = 0;
        try
        {
            using DumbDbm db = Open(path, DbmOpenMode.Read, Dbm.DefaultMode);
            foreach (KeyValuePair<byte[], byte[]> item in db)
            {
                records++;
            }
        }
        catch (DbmException e)
        {
            problems.Add(e.Message);
        }

        return records;
    }
}

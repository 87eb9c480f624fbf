using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace PyStd.Dbm;

/// <summary>
/// CPython's <c>dbm.dumb</c> (Lib/dbm/dumb.py), read and write, file-compatible both ways: values in
/// <c>&lt;name&gt;.dat</c> at 512-byte-aligned offsets (placed exactly as CPython's <c>_addval</c>/<c>_setval</c>
/// place them), the index in <c>&lt;name&gt;.dir</c> as <c>repr((key, (pos, siz)))</c> lines, the previous
/// index in <c>&lt;name&gt;.bak</c>.
/// </summary>
/// <remarks>
/// Unlike CPython, a crash never loses an acknowledged write: each write appends a CRC-checked redo
/// record to <c>&lt;name&gt;.journal</c> before it touches <c>.dat</c>, and the <c>.dir</c> index is
/// replaced atomically (temp file, fsync, rename) on <see cref="Sync"/>/<see cref="DbmBase.Close"/>, when
/// the journal grows large, and when a writer opens after a crash. A writer holds an exclusive
/// <c>flock</c> on <c>.dat</c> (readers a shared one), so a second writer fails with a clear
/// <see cref="DbmException"/> instead of corrupting the index. docs/dbm.md has the whole design.
/// </remarks>
internal sealed partial class DumbDbm : DbmBase
{
    /// <summary>CPython's <c>_BLOCKSIZE</c>.</summary>
    internal const int BlockSize = 512;

    private const long MinCompactionBytes = 16L << 20;

    private readonly string _datPath;
    private readonly string _dirPath;
    private readonly string _bakPath;
    private readonly string _journalPath;
    private readonly int _fileMode;
    private readonly DumbIndex _index = new();
    private FileStream? _dat;
    private SafeFileHandle? _datHandle;
    private FileStream? _journal;
    private long _journalLength;
    private long _datLength;
    private long _dirLength;
    private uint _dirCrc;
    private bool _journalHasRecords;
    private DumbBatch? _batch;

    private DumbDbm(string path, bool readOnly, int fileMode)
        : base(path, readOnly)
    {
        _datPath = path + ".dat";
        _dirPath = path + ".dir";
        _bakPath = path + ".bak";
        _journalPath = JournalPath(path);
        _fileMode = fileMode;
    }

    public override string Backend => "dbm.dumb";

    public override int Count
    {
        get
        {
            CheckOpen();
            return _index.Count;
        }
    }

    internal static string JournalPath(string path) => path + ".journal";

    public static DumbDbm Open(string path, DbmOpenMode mode, int fileMode)
    {
        var db = new DumbDbm(path, mode == DbmOpenMode.Read, fileMode);
        try
        {
            db.OpenFiles(mode);
            return db;
        }
        catch
        {
            db.ReleaseHandles();
            throw;
        }
    }

    private void OpenFiles(DbmOpenMode mode)
    {
        var options = new FileStreamOptions
        {
            Mode = mode is DbmOpenMode.Read or DbmOpenMode.Write ? FileMode.Open : FileMode.OpenOrCreate,
            Access = IsReadOnly ? FileAccess.Read : FileAccess.ReadWrite,

            // FileShare.None takes flock(LOCK_EX) on Unix, any other share flock(LOCK_SH): one writer or many readers.
            Share = IsReadOnly ? FileShare.Read : FileShare.None,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows() && options.Mode != FileMode.Open)
        {
            options.UnixCreateMode = (UnixFileMode)(_fileMode & 0xFFF);
        }

        try
        {
            _dat = new FileStream(_datPath, options);
        }
        catch (FileNotFoundException e)
        {
            throw new DbmException(Path, $"data file {_datPath} doesn't exist", e);
        }
        catch (IOException e) when (IsLockConflict(e))
        {
            throw new DbmException(Path, IsReadOnly
                ? "the database is locked: another process has it open for writing (dbm.dumb allows one writer or several readers at a time)"
                : "the database is locked: another process has it open (dbm.dumb allows one writer at a time, and no readers while it writes)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DbmException(Path, e.Message, e);
        }

        _datHandle = _dat.SafeFileHandle;
        if (mode == DbmOpenMode.New)
        {
            // CPython deletes the three files; truncating .dat keeps our lock on it.
            _dat.SetLength(0);
            DeleteIfExists(_dirPath);
            DeleteIfExists(_bakPath);
            DeleteIfExists(_journalPath);
        }

        _datLength = RandomAccess.GetLength(_datHandle);
        byte[] dirBytes;
        bool dirExists = File.Exists(_dirPath);
        if (dirExists)
        {
            dirBytes = ReadAll(_dirPath);
            foreach (DumbDirFile.Line line in DumbDirFile.Parse(Path, _dirPath, dirBytes))
            {
                _index.Set(line.Key, line.Pos, checked((int)Math.Min(line.Size, int.MaxValue)));
                if (line.Pos < 0 || line.Size < 0 || line.Size > int.MaxValue)
                {
                    throw new DbmException(Path, $"corrupt index {_dirPath}: key {Objects.PyRepr.Repr(line.Key)} has position {line.Pos} and size {line.Size}", null);
                }
            }
        }
        else if (mode is DbmOpenMode.Read or DbmOpenMode.Write)
        {
            throw new DbmException(Path, $"index file {_dirPath} doesn't exist", null);
        }
        else
        {
            dirBytes = [];
        }

        _dirLength = dirBytes.Length;
        _dirCrc = Crc32.Compute(dirBytes);
        bool recovered = Recover();
        CheckEntriesInsideData();
        if (!IsReadOnly && (!dirExists || recovered))
        {
            Compact();
        }
    }

    /// <summary>Applies a crash journal; true if it held anything (the caller then compacts).</summary>
    private bool Recover()
    {
        if (!File.Exists(_journalPath))
        {
            return false;
        }

        byte[] data = ReadAll(_journalPath);
        DumbJournal.Contents journal = DumbJournal.Parse(Path, _journalPath, data);
        if (journal.BaseDirLength < 0)
        {
            return true;
        }

        if (journal.Rebase is { } rebase && rebase.Length == _dirLength && rebase.Crc == _dirCrc)
        {
            // A compaction finished installing the index but was killed before deleting the journal.
            return true;
        }

        if (journal.BaseDirLength != _dirLength || journal.BaseDirCrc != _dirCrc)
        {
            throw new DbmException(Path, $"crash journal {_journalPath} does not belong to the current index {_dirPath} (the database was changed by another program after a PyStd writer was killed); it was not applied, because replaying it could overwrite newer data: open the database in PyStd before other programs after a crash, or move the journal away to use the index as it is", null);
        }

        foreach (DumbJournal.Record r in journal.Operations)
        {
            if (r.Op == DumbJournal.OpDelete)
            {
                _index.Remove(r.Key);
                continue;
            }

            if (IsReadOnly)
            {
                _index.Set(r.Key, r.ValueOffset, r.ValueLength, inJournal: true);
            }
            else
            {
                // Redo: the data write may not have happened before the kill. Idempotent.
                RandomAccess.Write(_datHandle!, data.AsSpan((int)r.ValueOffset, r.ValueLength), r.Pos);
                _index.Set(r.Key, r.Pos, r.ValueLength);
            }
        }

        if (IsReadOnly)
        {
            _journal = new FileStream(_journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        }
        else
        {
            _datLength = RandomAccess.GetLength(_datHandle!);
        }

        return true;
    }

    private void CheckEntriesInsideData()
    {
        int bad = 0;
        string? first = null;
        foreach (DumbEntry e in _index.RawEntries)
        {
            if (e.Key is not null && !e.InJournal && e.Pos + e.Size > _datLength)
            {
                bad++;
                first ??= string.Create(CultureInfo.InvariantCulture, $"key {Objects.PyRepr.Repr(e.Key)} at offset {e.Pos} with size {e.Size}");
            }
        }

        if (bad > 0)
        {
            throw new DbmException(Path, string.Create(CultureInfo.InvariantCulture,
                $"data file {_datPath} is truncated: it has {_datLength} bytes but {bad} value{(bad == 1 ? "" : "s")} of the index lie{(bad == 1 ? "s" : "")} beyond its end (first: {first})"), null);
        }
    }

    public override bool TryGetValue(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out byte[] value)
    {
        CheckOpen();
        if (!_index.TryGet(key, out DumbEntry e))
        {
            value = null;
            return false;
        }

        value = ReadValue(e);
        return true;
    }

    private byte[] ReadValue(in DumbEntry e)
    {
        if (e.Size == 0)
        {
            return [];
        }

        byte[] value = GC.AllocateUninitializedArray<byte>(e.Size);
        SafeFileHandle handle = e.InJournal ? _journal!.SafeFileHandle : _datHandle!;
        int read = 0;
        while (read < value.Length)
        {
            int n = RandomAccess.Read(handle, value.AsSpan(read), e.Pos + read);
            if (n <= 0)
            {
                throw new DbmException(Path, string.Create(CultureInfo.InvariantCulture,
                    $"data file {(e.InJournal ? _journalPath : _datPath)} is truncated: the value of key {Objects.PyRepr.Repr(e.Key)} at offset {e.Pos} with size {e.Size} ends past its end"), null);
            }

            read += n;
        }

        return value;
    }

    public override bool ContainsKey(ReadOnlySpan<byte> key)
    {
        CheckOpen();
        return _index.Contains(key);
    }

    public override void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        CheckWritable();
        long pos = PlacementOf(key, value.Length, _datLength, out bool append);
        int recordSize = DumbJournal.RecordSize(key.Length, value.Length);
        long padding = append ? pos - _datLength : 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(recordSize, (int)padding + value.Length));
        try
        {
            // 1. The redo record: once it is written, the write survives a kill.
            DumbJournal.WriteRecord(buffer, DumbJournal.OpSet, 0, pos, key, value);
            AppendJournal(buffer.AsSpan(0, recordSize));

            // 2. The data, where CPython would put it (appends padded with NULs to a block boundary).
            if (append)
            {
                buffer.AsSpan(0, (int)padding).Clear();
                value.CopyTo(buffer.AsSpan((int)padding));
                RandomAccess.Write(_datHandle!, buffer.AsSpan(0, (int)padding + value.Length), _datLength);
            }
            else
            {
                RandomAccess.Write(_datHandle!, value, pos);
            }
        }
        catch (IOException e)
        {
            throw new DbmException(Path, e.Message, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _datLength = Math.Max(_datLength, pos + value.Length);
        _index.Set(key, pos, value.Length);
        MaybeCompact();
    }

    /// <summary>
    /// CPython's placement: a new key is appended at the next 512-byte boundary; an existing key is
    /// rewritten in place when the new value needs no more blocks than the old one, else appended
    /// (the old blocks are lost, as in CPython).
    /// </summary>
    private long PlacementOf(ReadOnlySpan<byte> key, int length, long end, out bool append)
    {
        if (_index.TryGet(key, out DumbEntry e))
        {
            long oldBlocks = ((long)e.Size + BlockSize - 1) / BlockSize;
            long newBlocks = ((long)length + BlockSize - 1) / BlockSize;
            if (newBlocks <= oldBlocks)
            {
                append = false;
                return e.Pos;
            }
        }

        append = true;
        return (end + BlockSize - 1) / BlockSize * BlockSize;
    }

    public override bool Remove(ReadOnlySpan<byte> key)
    {
        CheckWritable();
        if (!_index.Contains(key))
        {
            return false;
        }

        int recordSize = DumbJournal.RecordSize(key.Length, 0);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(recordSize);
        try
        {
            DumbJournal.WriteRecord(buffer, DumbJournal.OpDelete, 0, 0, key, default);
            AppendJournal(buffer.AsSpan(0, recordSize));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _index.Remove(key);
        MaybeCompact();
        return true;
    }

    public override void Sync()
    {
        CheckOpen();
        if (IsReadOnly)
        {
            return;
        }

        if (_journalHasRecords)
        {
            Compact();
        }
        else
        {
            _dat!.Flush(flushToDisk: true);
        }
    }

    public override IDbmBatch BeginBatch()
    {
        CheckWritable();
        if (_batch is not null)
        {
            throw new InvalidOperationException("A batch is already open on this database; commit or dispose it first.");
        }

        _batch = new DumbBatch(this);
        return _batch;
    }

    internal void EndBatch() => _batch = null;

    internal bool ContainsForBatch(ReadOnlySpan<byte> key) => _index.Contains(key);

    /// <summary>Commits a batch: one journal write (records + commit marker), then the data writes.</summary>
    internal void CommitBatch(List<(byte[] Key, byte[]? Value)> ops)
    {
        CheckWritable();
        _batch = null;
        if (ops.Count == 0)
        {
            return;
        }

        // Plan every placement against the index as it evolves, exactly as one-by-one writes would.
        var journal = new ArrayBufferWriter<byte>(ops.Count * 64);
        long appendStart = _datLength;
        long end = _datLength;
        using var tail = new MemoryStream();
        var inPlace = new List<(long Pos, byte[] Data, int Offset, int Length)>();
        var placed = new List<(byte[] Key, long Pos, int Size, bool Delete)>(ops.Count);
        var shadow = new Dictionary<byte[], (long Pos, int Size)?>(ByteKeyComparer.Instance);
        foreach ((byte[] key, byte[]? value) in ops)
        {
            if (value is null)
            {
                bool exists = shadow.TryGetValue(key, out var s) ? s is not null : _index.Contains(key);
                if (!exists)
                {
                    continue;
                }

                shadow[key] = null;
                int size = DumbJournal.RecordSize(key.Length, 0);
                DumbJournal.WriteRecord(journal.GetSpan(size), DumbJournal.OpDelete, DumbJournal.FlagBatch, 0, key, default);
                journal.Advance(size);
                placed.Add((key, 0, 0, true));
                continue;
            }

            long pos;
            bool append;
            if (shadow.TryGetValue(key, out var cur))
            {
                pos = cur is { } c && (value.Length + BlockSize - 1) / BlockSize <= (c.Size + BlockSize - 1) / BlockSize
                    ? c.Pos
                    : (end + BlockSize - 1) / BlockSize * BlockSize;
                append = cur is null || pos != cur.Value.Pos;
            }
            else
            {
                pos = PlacementOf(key, value.Length, end, out append);
            }

            shadow[key] = (pos, value.Length);
            int rs = DumbJournal.RecordSize(key.Length, value.Length);
            DumbJournal.WriteRecord(journal.GetSpan(rs), DumbJournal.OpSet, DumbJournal.FlagBatch, pos, key, value);
            journal.Advance(rs);
            placed.Add((key, pos, value.Length, false));

            // Data: bytes at or after the old end go into one contiguous buffer (zero-filled gaps are
            // CPython's padding); bytes before it are in-place rewrites.
            long split = Math.Max(pos, appendStart);
            int before = (int)Math.Min(value.Length, Math.Max(0, appendStart - pos));
            if (before > 0)
            {
                inPlace.Add((pos, value, 0, before));
            }

            if (before < value.Length)
            {
                tail.Position = split - appendStart;
                tail.Write(value, before, value.Length - before);
            }
            else if (append && pos > end)
            {
                // An empty value appended after padding: CPython still writes the padding.
                tail.SetLength(Math.Max(tail.Length, pos - appendStart));
            }

            end = Math.Max(end, pos + value.Length);
            if (append && pos > appendStart)
            {
                tail.SetLength(Math.Max(tail.Length, pos - appendStart));
            }
        }

        int commitSize = DumbJournal.RecordSize(0, 0);
        DumbJournal.WriteRecord(journal.GetSpan(commitSize), DumbJournal.OpCommit, 0, 0, default, default);
        journal.Advance(commitSize);
        try
        {
            AppendJournal(journal.WrittenSpan);
            foreach ((long pos, byte[] data, int offset, int length) in inPlace)
            {
                RandomAccess.Write(_datHandle!, data.AsSpan(offset, length), pos);
            }

            if (tail.Length > 0)
            {
                RandomAccess.Write(_datHandle!, tail.GetBuffer().AsSpan(0, (int)tail.Length), appendStart);
            }
        }
        catch (IOException e)
        {
            throw new DbmException(Path, e.Message, e);
        }

        foreach ((byte[] key, long pos, int size, bool delete) in placed)
        {
            if (delete)
            {
                _index.Remove(key);
            }
            else
            {
                _index.Set(key, pos, size);
            }
        }

        _datLength = Math.Max(_datLength, appendStart + tail.Length);
        _datLength = Math.Max(_datLength, end);
        MaybeCompact();
    }

    protected override List<byte[]> KeysSnapshot()
    {
        CheckOpen();
        return _index.KeysSnapshot();
    }

    public override IEnumerator<KeyValuePair<byte[], byte[]>> GetEnumerator()
    {
        CheckOpen();
        var items = new List<KeyValuePair<byte[], byte[]>>(_index.Count);
        foreach (DumbEntry e in _index.RawEntries)
        {
            if (e.Key is not null)
            {
                items.Add(new(e.Key, ReadValue(e)));
            }
        }

        return items.GetEnumerator();
    }

    protected override void CloseCore()
    {
        try
        {
            _batch = null;
            if (!IsReadOnly && _journalHasRecords)
            {
                Compact();
            }
        }
        finally
        {
            ReleaseHandles();
        }
    }

    private void ReleaseHandles()
    {
        _journal?.Dispose();
        _journal = null;
        _dat?.Dispose();
        _dat = null;
        _datHandle = null;
    }

    private void AppendJournal(ReadOnlySpan<byte> bytes)
    {
        if (_journal is null)
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 0 };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = (UnixFileMode)(_fileMode & 0xFFF);
            }

            _journal = new FileStream(_journalPath, options);
            Span<byte> header = stackalloc byte[DumbJournal.HeaderSize];
            DumbJournal.WriteHeader(header, _dirLength, _dirCrc);
            RandomAccess.Write(_journal.SafeFileHandle, header, 0);
            _journalLength = DumbJournal.HeaderSize;
        }

        RandomAccess.Write(_journal.SafeFileHandle, bytes, _journalLength);
        _journalLength += bytes.Length;
        _journalHasRecords = true;
    }

    private void MaybeCompact()
    {
        if (_batch is null && _journalLength > Math.Max(MinCompactionBytes, 4 * _dirLength))
        {
            Compact();
        }
    }

    /// <summary>
    /// Installs the index as CPython's <c>.dir</c>: data fsync'd, new index written to a temp file and
    /// fsync'd, a rebase record in the journal, the old index copied to <c>.bak</c>, the temp file renamed
    /// over <c>.dir</c> (atomic), and only then the journal deleted. A kill at any point leaves either the
    /// old index plus a journal that replays onto it, or the new index (and a journal that says so).
    /// </summary>
    private void Compact()
    {
        try
        {
            _dat!.Flush(flushToDisk: true);
            byte[] dir = DumbDirFile.Format(_index);
            uint crc = Crc32.Compute(dir);
            string tmp = _dirPath + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = File.Exists(_dirPath) ? File.GetUnixFileMode(_dirPath) : (UnixFileMode)(_fileMode & 0xFFF);
            }

            using (var f = new FileStream(tmp, options))
            {
                f.Write(dir);
                f.Flush(flushToDisk: true);
            }

            if (_journal is not null)
            {
                int size = DumbJournal.RecordSize(0, 0);
                Span<byte> rebase = stackalloc byte[size];
                DumbJournal.WriteRecord(rebase, DumbJournal.OpRebase, 0, dir.Length, default, default, unchecked((int)crc));
                RandomAccess.Write(_journal.SafeFileHandle, rebase, _journalLength);
                _journal.Flush(flushToDisk: true);
            }

            if (File.Exists(_dirPath))
            {
                File.Copy(_dirPath, _bakPath, overwrite: true);
            }

            File.Move(tmp, _dirPath, overwrite: true);
            _journal?.Dispose();
            _journal = null;
            DeleteIfExists(_journalPath);
            _journalLength = 0;
            _journalHasRecords = false;
            _dirLength = dir.Length;
            _dirCrc = crc;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DbmException(Path, $"writing the index {_dirPath} failed: {e.Message}", e);
        }
    }

    private static void DeleteIfExists(string file)
    {
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    private byte[] ReadAll(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DbmException(Path, e.Message, e);
        }
    }

    private static bool IsLockConflict(IOException e) =>
        e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        && ((e.HResult & 0xFFFF) is 11 or 32 or 33
            || e.Message.Contains("being used by another process", StringComparison.Ordinal));
}

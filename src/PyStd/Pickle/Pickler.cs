using System.Buffers;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <summary>
/// CPython's <c>pickle.Pickler</c> (the C one, <c>Modules/_pickle.c</c>): writes values of the Python
/// value model — and .NET values the <see cref="PickleRegistry"/> or <see cref="PickleClassAttribute"/>
/// maps — as pickles byte-identical to what CPython 3.11 writes for the same Python value, at every
/// protocol from 0 to 5: the same opcodes, the same memo (shared references and cycles are written
/// once and fetched with <c>GET</c>), the same 64 KiB frames at protocol 4 and up.
/// </summary>
/// <remarks>
/// <para>
/// A pickler writes to a <see cref="Stream"/> or an <see cref="IBufferWriter{T}"/>; each
/// <see cref="Dump"/> writes one complete pickle. As in CPython the memo lives as long as the
/// pickler: a value dumped twice is written once, then referenced — <see cref="ClearMemo"/> forgets.
/// For one-shot use <see cref="Pickle.Dumps"/> and <see cref="Pickle.Dump(object?, Stream, int, PicklerOptions?)"/>.
/// </para>
/// <para>
/// Identity is what CPython memoises, so it is what this pickler memoises: two references to one
/// <see cref="List{T}"/> are one list in Python, two equal lists are two. Strings and <c>byte[]</c>
/// are memoised by reference too (equal strings that are different .NET objects are written twice,
/// as two equal <c>str</c> objects are in CPython), except the empty string, one-character strings
/// below U+0100 and <c>bytes</c> of length 0 and 1, which CPython keeps as singletons and which are
/// therefore memoised by value. Ints, floats, bools and <c>None</c> are never memoised. Class
/// references (<see cref="PyGlobal"/>) are memoised by name, as a class is one object in Python.
/// </para>
/// <para>
/// A pickler is not thread-safe. It rents its buffer from <see cref="ArrayPool{T}.Shared"/>;
/// <see cref="Dispose"/> returns it.
/// </para>
/// </remarks>
public sealed partial class Pickler : IDisposable
{
    private readonly Stream? _stream;
    private readonly IBufferWriter<byte>? _bufferWriter;
    private readonly int _proto;
    private readonly bool _bin;
    private readonly bool _fixImports;
    private readonly PicklerOptions _options;
    private readonly PickleRegistry _registry;
    private readonly Func<object?, object?>? _persistentId;
    private readonly Func<PickleBuffer, bool>? _bufferCallback;
    private readonly PickleExtensionRegistry? _extensions;
    private readonly int _maxDepth;
    private readonly int _quietDepth; // nesting up to here needs no checks
    private int _depth;
    private bool _disposed;

    /// <summary>Creates a pickler that writes to a stream (CPython: <c>pickle.Pickler(file, protocol)</c>).</summary>
    /// <param name="stream">A writable stream; each <see cref="Dump"/> writes one pickle to it.</param>
    /// <param name="protocol">0 to <see cref="Pickle.HighestProtocol"/>; negative means the highest. Default <see cref="Pickle.DefaultProtocol"/>.</param>
    /// <param name="options">Options, or null for <see cref="PicklerOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException">The stream is not writable, or a buffer callback is given below protocol 5.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="protocol"/> is above 5 (<c>pickle protocol must be &lt;= 5</c>).</exception>
    public Pickler(Stream stream, int protocol = Pickle.DefaultProtocol, PicklerOptions? options = null)
        : this(protocol, options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        _stream = stream;
        _flushThreshold = FrameSizeTarget;
    }

    /// <summary>Creates a pickler that writes to a buffer writer.</summary>
    /// <param name="writer">The destination; each <see cref="Dump"/> appends one pickle.</param>
    /// <param name="protocol">0 to <see cref="Pickle.HighestProtocol"/>; negative means the highest. Default <see cref="Pickle.DefaultProtocol"/>.</param>
    /// <param name="options">Options, or null for <see cref="PicklerOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException">A buffer callback is given below protocol 5.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="protocol"/> is above 5.</exception>
    public Pickler(IBufferWriter<byte> writer, int protocol = Pickle.DefaultProtocol, PicklerOptions? options = null)
        : this(protocol, options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _bufferWriter = writer;
        _flushThreshold = FrameSizeTarget;
    }

    /// <summary>A pickler with no destination: <see cref="DumpToArray"/> returns the pickle.</summary>
    internal Pickler(int protocol, PicklerOptions? options)
    {
        if (protocol < 0)
        {
            protocol = Pickle.HighestProtocol;
        }
        else if (protocol > Pickle.HighestProtocol)
        {
            throw new ArgumentOutOfRangeException(nameof(protocol), protocol, $"pickle protocol must be <= {Pickle.HighestProtocol}");
        }

        options ??= PicklerOptions.Default;
        if (options.BufferCallback is not null && protocol < 5)
        {
            throw new ArgumentException("buffer_callback needs protocol >= 5", nameof(options));
        }

        _proto = protocol;
        _bin = protocol > 0;
        _fixImports = options.FixImports && protocol < 3;
        _options = options;
        _registry = options.Registry ?? PickleRegistry.Default;
        _persistentId = options.PersistentId;
        _bufferCallback = options.BufferCallback;
        _extensions = options.Extensions is { Count: > 0 } ext ? ext : null;
        _maxDepth = options.MaxDepth;
        _quietDepth = Math.Min(options.MaxDepth, 200);
        _buf = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>The protocol this pickler writes, 0–5.</summary>
    public int Protocol => _proto;

    /// <summary>The options this pickler was created with.</summary>
    public PicklerOptions Options => _options;

    /// <summary>
    /// Writes one complete pickle of <paramref name="value"/> (CPython: <c>Pickler.dump(obj)</c>).
    /// Values already pickled by this pickler since the last <see cref="ClearMemo"/> are written as
    /// memo references.
    /// </summary>
    /// <param name="value">A value of the Python value model, or a .NET value the options can map.</param>
    /// <exception cref="PicklingException">A value cannot be pickled (e.g. <c>can't pickle 'Foo' object</c>).</exception>
    /// <exception cref="PyRecursionException">The value is nested deeper than <see cref="PicklerOptions.MaxDepth"/>.</exception>
    /// <exception cref="ObjectDisposedException">The pickler was disposed.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public void Dump(object? value)
    {
        DumpCore(value);
        FlushToSink();
    }

    /// <summary>Forgets every value pickled so far (CPython: <c>Pickler.clear_memo()</c>).</summary>
    public void ClearMemo() => ClearMemoCore();

    /// <summary>Returns the pooled buffer; the pickler cannot be used afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        byte[] buf = _buf;
        _buf = System.Array.Empty<byte>();
        PooledBytes.Return(buf);

        ReleaseMemo();
    }

    /// <summary>Pickles into the internal buffer and returns a copy of it (the <see cref="Pickle.Dumps"/> path).</summary>
    internal byte[] DumpToArray(object? value)
    {
        DumpCore(value);
        byte[] result = PooledBytes.ToArray(_buf.AsSpan(0, _pos));
        _pos = 0;
        return result;
    }

    // CPython's dump(): PROTO, then framing from protocol 4, the value, STOP, the last frame.
    private void DumpCore(object? value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _pos = 0;
        _frameStart = -1;
        _boundary = _flushThreshold;
        _depth = 0;
        try
        {
            if (_proto >= 2)
            {
                int p = Reserve(2);
                _buf[p] = Opcodes.Proto;
                _buf[p + 1] = (byte)_proto;
                _pos = p + 2;
                if (_proto >= 4)
                {
                    _framing = true;
                    StartFrame();
                }
            }

            Save(value);
            WriteOp(Opcodes.Stop);
            CommitFrame();
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new PyRecursionException("maximum recursion depth exceeded while pickling an object", e);
        }
        finally
        {
            _framing = false;
            _frameStart = -1;
        }
    }

    /// <summary>
    /// CPython's <c>save()</c>: the opcode boundary (where a full frame is committed), the
    /// persistent-ID hook, then dispatch on the type — atoms first (never memoised), then the memo,
    /// then each memoised type.
    /// </summary>
    private void Save(object? obj)
    {
        Boundary();
        if (_persistentId is not null && SavePersistent(obj))
        {
            return;
        }

        SaveValue(obj);
    }

    private void SaveValue(object? obj)
    {
        if (obj is null)
        {
            WriteOp(Opcodes.None);
            return;
        }

        // Each test is one method-table compare: `is` on sealed types, GetType() == typeof(...) written
        // out in place (the JIT only folds that pattern, not a Type kept in a local).
        if (obj is string s)
        {
            SaveString(s);
        }
        else if (obj is long l)
        {
            SaveInt64(l);
        }
        else if (obj.GetType() == typeof(PyDict))
        {
            // Memo check and memo entry in one probe: nothing is memoised between EMPTY_DICT and its PUT.
            if (_memo.TryAdd(obj, _memoCount, out int existing))
            {
                SaveDict(Unsafe.As<PyDict>(obj), memoised: true);
            }
            else
            {
                WriteGet(existing);
            }
        }
        else if (obj is double d)
        {
            SaveDouble(d);
        }
        else if (obj is bool b)
        {
            SaveBool(b);
        }
        else if (obj.GetType() == typeof(List<object?>))
        {
            if (_memo.TryAdd(obj, _memoCount, out int existing))
            {
                SaveList(Unsafe.As<List<object?>>(obj), memoised: true);
            }
            else
            {
                WriteGet(existing);
            }
        }
        else if (obj is PyTuple tuple && tuple.Count is > 0 and <= 3 && _proto >= 2 && _persistentId is null && OnlyAtoms(tuple.AsSpan()))
        {
            SaveAtomTuple(tuple);
        }
        else if (_memo.TryGetValue(obj, out int index))
        {
            WriteGet(index);
        }
        else if (obj is PyTuple other)
        {
            SaveTuple(other, obj);
        }
        else if (obj.GetType() == typeof(byte[]))
        {
            SaveBytes(Unsafe.As<byte[]>(obj));
        }
        else
        {
            SaveOther(obj, obj.GetType());
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SaveOther(object obj, Type type)
    {
        switch (obj)
        {
            case PyObject po:
                SavePyObject(po, po);
                return;
            case PyGlobal g:
                SaveGlobal(g.Module, g.Name);
                return;
            case PySet set:
                SaveSet(set);
                return;
            case PyFrozenSet frozen:
                SaveFrozenSet(frozen);
                return;
            case PyByteArray bytearray:
                SaveByteArray(bytearray);
                return;
            case PickleBuffer buffer:
                SavePickleBuffer(buffer);
                return;
            case System.Numerics.Complex c:
                SaveComplex(c, obj);
                return;
            case FreshBytes fresh:
                SaveBytes(fresh.Bytes, fresh: true);
                return;
        }

        if (TrySaveNumber(obj))
        {
            return;
        }

        SaveMapped(obj, type);
    }

    /// <summary>Enters one level of nesting: the depth limit, and a stack check well before the stack runs out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enter()
    {
        if (++_depth > _quietDepth)
        {
            EnterDeep();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EnterDeep()
    {
        if (_depth > _maxDepth)
        {
            throw new PyRecursionException("maximum recursion depth exceeded while pickling an object");
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Leave() => _depth--;
}

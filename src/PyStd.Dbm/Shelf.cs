using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using PyStd.Objects;
using PyStd.Pickle;

namespace PyStd.Dbm;

/// <summary>
/// Python's <c>shelve</c>: a persistent dictionary of <c>str</c> keys to any value, stored in a dbm
/// database with each value pickled (Lib/shelve.py). Shelves written by CPython's <c>shelve</c> open
/// here and ours open in CPython, for the <c>dbm.dumb</c> and <c>dbm.sqlite3</c> formats.
/// </summary>
/// <remarks>
/// <para>Keys are stored as UTF-8 (<c>keyencoding="utf-8"</c>), values as pickles of protocol
/// <see cref="PyStd.Pickle.Pickle.DefaultProtocol"/> unless another is given (CPython 3.10+'s shelve
/// uses <c>pickle.DEFAULT_PROTOCOL</c>). Values are the PyStd value model (<c>PyDict</c>, <c>List&lt;object?&gt;</c>,
/// <c>long</c> …); <see cref="Get{T}(string)"/> maps a value onto a <see cref="PickleClassAttribute"/> type.</para>
/// <code>
/// using var shelf = Shelf.Open("settings");          // flag "c", as shelve.open
/// shelf["user"] = new PyDict { ["name"] = "Ann" };
/// var user = (PyDict)shelf["user"]!;
/// </code>
/// <para><b>writeback</b>: as CPython, with <c>writeback: true</c> every value read is cached and the
/// whole cache is pickled back on <see cref="Sync"/> and <see cref="Close"/>, so mutating a value in place
/// (<c>((List&lt;object?&gt;)shelf["xs"]!).Add(1)</c>) is saved; without it only assignments are saved.</para>
/// <para>Unpickling never runs code (PyStd's unpickler builds data, not objects of arbitrary classes), so
/// unlike CPython's shelve, opening an untrusted shelf is not a code-execution risk.</para>
/// </remarks>
public sealed class Shelf : IDisposable, IEnumerable<KeyValuePair<string, object?>>
{
    private static readonly ConcurrentDictionary<Type, UnpicklerOptions> s_typedOptions = new();

    private readonly int _protocol;
    private readonly bool _writeback;
    private readonly PicklerOptions? _picklerOptions;
    private readonly UnpicklerOptions? _unpicklerOptions;
    private readonly Dictionary<string, object?> _cache = new(StringComparer.Ordinal);
    private IDbm? _dict;
    private bool _writingBack;

    private Shelf(IDbm dict, int protocol, bool writeback, ShelfOptions options)
    {
        _dict = dict;
        _protocol = protocol;
        _writeback = writeback;
        _picklerOptions = options.Pickler;
        _unpicklerOptions = options.Unpickler;
    }

    /// <summary>Opens (or creates) a shelf, as CPython's <c>shelve.open(filename, flag, protocol, writeback)</c>.</summary>
    /// <param name="path">The database path.</param>
    /// <param name="flag"><c>"c"</c> (default), <c>"r"</c>, <c>"w"</c> or <c>"n"</c>, as <see cref="Dbm.Open(string, string, int)"/>.</param>
    /// <param name="protocol">The pickle protocol for stored values; null means <c>pickle.DEFAULT_PROTOCOL</c> (4).</param>
    /// <param name="writeback">Cache values read and write them all back on <see cref="Sync"/>/<see cref="Close"/>.</param>
    /// <param name="options">Backend for new shelves, file mode and pickle options.</param>
    /// <returns>The open shelf.</returns>
    /// <exception cref="DbmException">The database can't be opened (see <see cref="Dbm.Open(string, string, int, DbmBackend)"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The protocol is not 0–5.</exception>
    public static Shelf Open(string path, string flag = "c", int? protocol = null, bool writeback = false, ShelfOptions? options = null)
    {
        options ??= ShelfOptions.Default;
        int p = CheckProtocol(protocol);
        IDbm db = Dbm.Open(path, flag, options.Mode, options.Backend);
        return new Shelf(db, p, writeback, options);
    }

    /// <summary>A shelf over an already open database (CPython's <c>shelve.Shelf(dict)</c>); closing the shelf closes it.</summary>
    /// <param name="database">The database.</param>
    /// <param name="protocol">The pickle protocol; null means 4.</param>
    /// <param name="writeback">Cache values read and write them back on sync/close.</param>
    /// <param name="options">Pickle options (backend and mode are ignored).</param>
    /// <returns>The shelf.</returns>
    public static Shelf FromDbm(IDbm database, int? protocol = null, bool writeback = false, ShelfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new Shelf(database, CheckProtocol(protocol), writeback, options ?? ShelfOptions.Default);
    }

    /// <summary>The underlying database.</summary>
    /// <exception cref="PyValueException">The shelf is closed.</exception>
    public IDbm Database => Dict;

    /// <summary>The pickle protocol values are written with.</summary>
    public int Protocol => _protocol;

    /// <summary>Whether values read are cached and written back on sync/close.</summary>
    public bool Writeback => _writeback;

    /// <summary>The value stored under <paramref name="key"/> (unpickled); setting pickles and stores it at once.</summary>
    /// <param name="key">The key (stored as UTF-8).</param>
    /// <exception cref="KeyNotFoundException">Getting a missing key; the message is the key's repr.</exception>
    /// <exception cref="UnpicklingException">The stored value is not a valid pickle.</exception>
    /// <exception cref="PyValueException">The shelf is closed (CPython: <c>invalid operation on closed shelf</c>).</exception>
    public object? this[string key]
    {
        get => TryGetValue(key, out object? value) ? value : throw new KeyNotFoundException(PyRepr.Repr(key));
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            IDbm dict = Dict;
            if (_writeback)
            {
                _cache[key] = value;
            }

            dict.Set(Encoding.UTF8.GetBytes(key), Pickle.Pickle.Dumps(value, _protocol, _picklerOptions));
        }
    }

    /// <summary>The number of entries.</summary>
    public int Count => Dict.Count;

    /// <summary>The keys, decoded from UTF-8.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            var keys = new List<string>();
            foreach (byte[] k in Dict.Keys)
            {
                keys.Add(DecodeKey(k));
            }

            return keys;
        }
    }

    /// <summary>Reads a value and maps it onto <typeparamref name="T"/>: a model type (<c>PyDict</c>, <c>long</c> …)
    /// is returned as is; a <see cref="PickleClassAttribute"/> type is built from the pickled instance.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="key">The key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The key is missing.</exception>
    /// <exception cref="InvalidCastException">The value is not a <typeparamref name="T"/>.</exception>
    public T Get<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        IDbm dict = Dict;
        if (_cache.TryGetValue(key, out object? cached) && cached is T hit)
        {
            return hit;
        }

        if (!dict.TryGetValue(Encoding.UTF8.GetBytes(key), out byte[]? data))
        {
            throw new KeyNotFoundException(PyRepr.Repr(key));
        }

        UnpicklerOptions options = TypedOptions(typeof(T));
        object? value = Pickle.Pickle.Loads(data, options);
        if (_writeback)
        {
            _cache[key] = value;
        }

        return value switch
        {
            T t => t,
            null when default(T) is null => default!,
            _ => throw new InvalidCastException($"shelf value {PyRepr.Repr(key)} is {PyTypeName.Of(value)}, not {typeof(T).Name}"),
        };
    }

    /// <summary>Looks a key up without throwing when it is missing (Python's <c>shelf.get</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The unpickled value, when found.</param>
    /// <returns>True if the key exists.</returns>
    public bool TryGetValue(string key, out object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        IDbm dict = Dict;
        if (_cache.TryGetValue(key, out value))
        {
            return true;
        }

        if (!dict.TryGetValue(Encoding.UTF8.GetBytes(key), out byte[]? data))
        {
            value = null;
            return false;
        }

        value = Pickle.Pickle.Loads(data, _unpicklerOptions);
        if (_writeback)
        {
            _cache[key] = value;
        }

        return true;
    }

    /// <summary>Python's <c>key in shelf</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True if the key exists.</returns>
    public bool ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Dict.ContainsKey(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Deletes a key (and its cached value).</summary>
    /// <param name="key">The key.</param>
    /// <returns>False if the key was absent.</returns>
    public bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool removed = Dict.Remove(Encoding.UTF8.GetBytes(key));
        _cache.Remove(key);
        return removed;
    }

    /// <summary>Writes every cached value back (writeback mode), empties the cache and syncs the database.</summary>
    public void Sync()
    {
        IDbm dict = Dict;
        if (_writeback && _cache.Count > 0 && !_writingBack)
        {
            _writingBack = true;
            try
            {
                using IDbmBatch batch = dict.BeginBatch();
                foreach (KeyValuePair<string, object?> entry in _cache)
                {
                    batch.Set(Encoding.UTF8.GetBytes(entry.Key), Pickle.Pickle.Dumps(entry.Value, _protocol, _picklerOptions));
                }

                batch.Commit();
                _cache.Clear();
            }
            finally
            {
                _writingBack = false;
            }
        }

        dict.Sync();
    }

    /// <summary>Syncs (writing the cache back) and closes the database; later operations throw. Closing twice is allowed.</summary>
    public void Close()
    {
        if (_dict is null)
        {
            return;
        }

        try
        {
            if (!_dict.IsReadOnly)
            {
                Sync();
            }
        }
        finally
        {
            _dict.Close();
            _dict = null;
            _cache.Clear();
        }
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    /// <summary>Every entry, unpickled (a snapshot of the keys, values read one by one).</summary>
    /// <returns>The entries.</returns>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (string key in Keys)
        {
            if (TryGetValue(key, out object? value))
            {
                yield return new(key, value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IDbm Dict => _dict ?? throw new PyValueException("invalid operation on closed shelf");

    private static int CheckProtocol(int? protocol)
    {
        int p = protocol ?? Pickle.Pickle.DefaultProtocol;
        if (p is < 0 or > Pickle.Pickle.HighestProtocol)
        {
            throw new ArgumentOutOfRangeException(nameof(protocol), p, $"pickle protocol must be <= {Pickle.Pickle.HighestProtocol}");
        }

        return p;
    }

    private static string DecodeKey(byte[] key)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(key);
        }
        catch (DecoderFallbackException e)
        {
            throw new DbmException($"shelf key {PyRepr.Repr(key)} is not valid UTF-8", e);
        }
    }

    private UnpicklerOptions TypedOptions(Type type)
    {
        if (type.GetCustomAttributes(typeof(PickleClassAttribute), false).Length == 0)
        {
            return _unpicklerOptions ?? UnpicklerOptions.Default;
        }

        if (_unpicklerOptions is not null && _unpicklerOptions.Registry.TryGetByType(type, out _))
        {
            return _unpicklerOptions;
        }

        return s_typedOptions.GetOrAdd(type, static t =>
        {
            PickleRegistry registry = PickleRegistry.CreateDefault();
            registry.Register(AttributePickleConverter.For(t));
            return UnpicklerOptions.Default with { Registry = registry };
        });
    }
}

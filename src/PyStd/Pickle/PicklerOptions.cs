namespace PyStd.Pickle;

/// <summary>
/// How <see cref="Pickler"/> and <see cref="Pickle.Dumps"/> write: the knobs of CPython's
/// <c>pickle.Pickler(file, protocol, fix_imports=True, buffer_callback=None)</c> and its
/// <c>persistent_id</c> hook, plus the .NET type mapping. Immutable; start from <see cref="Default"/>
/// and change what you need with <c>with</c>.
/// </summary>
/// <example>
/// <code>
/// var buffers = new List&lt;PickleBuffer&gt;();
/// var options = PicklerOptions.Default with { BufferCallback = b =&gt; { buffers.Add(b); return false; } };
/// byte[] data = Pickle.Dumps(value, protocol: 5, options);
/// </code>
/// </example>
public sealed record PicklerOptions
{
    /// <summary>The defaults: <c>fix_imports</c> on, <see cref="PickleRegistry.Default"/>, snake_case names, no hooks.</summary>
    public static PicklerOptions Default { get; } = new();

    /// <summary>
    /// CPython's <c>fix_imports</c> (default true): at protocols 0–2, globals are written under their
    /// Python 2 names (<c>builtins.set</c> → <c>__builtin__ set</c>, <c>copyreg</c> → <c>copy_reg</c>)
    /// from <c>_compat_pickle</c>'s reverse tables, so that Python 2 can read the pickle. Ignored at 3 and up.
    /// </summary>
    public bool FixImports { get; init; } = true;

    /// <summary>
    /// The converters for .NET types that stand for Python classes (<see cref="DateTime"/> →
    /// <c>datetime.datetime</c>, <see cref="Guid"/> → <c>uuid.UUID</c> …). Default <see cref="PickleRegistry.Default"/>.
    /// </summary>
    public PickleRegistry? Registry { get; init; }

    /// <summary>
    /// CPython's <c>persistent_id(obj)</c>: called for every value before it is pickled (including
    /// <c>None</c> and ints, and the class references and argument tuples the pickler itself builds).
    /// Return null to pickle the value normally, or an ID — any picklable value — to write
    /// <c>BINPERSID</c> (<c>PERSID</c> with the ID's <c>str()</c>, which must be ASCII, at protocol 0) instead.
    /// </summary>
    public Func<object?, object?>? PersistentId { get; init; }

    /// <summary>
    /// CPython's <c>buffer_callback</c> (protocol 5 only): called with each <see cref="PickleBuffer"/>
    /// met. Return false to send the buffer out of band (the pickle holds <c>NEXT_BUFFER</c>, and the
    /// caller passes the buffers to the unpickler in the same order); true to write it in band.
    /// </summary>
    public Func<PickleBuffer, bool>? BufferCallback { get; init; }

    /// <summary>
    /// How member names of <see cref="PickleClassAttribute"/> types become Python attribute names.
    /// Default <see cref="PickleNamingPolicy.SnakeCase"/>. (A converter registered explicitly in
    /// <see cref="Registry"/> keeps its own policy.)
    /// </summary>
    public PickleNamingPolicy NamingPolicy { get; init; } = PickleNamingPolicy.SnakeCase;

    /// <summary>
    /// copyreg's extension registry: globals registered there are written as <c>EXT1</c>/<c>EXT2</c>/<c>EXT4</c>
    /// codes at protocol 2 and up, as CPython does for <c>copyreg.add_extension</c>. Null (default): none.
    /// </summary>
    public PickleExtensionRegistry? Extensions { get; init; }

    /// <summary>
    /// The deepest nesting of containers and objects the pickler follows before it throws
    /// <see cref="PyRecursionException"/> (CPython's <c>RecursionError</c>). Default 5000.
    /// </summary>
    public int MaxDepth { get; init; } = 5000;
}

using PyStd.Objects;

namespace PyStd.Pickle;

/// <summary>
/// How an <see cref="Unpickler"/> reads: CPython's <c>Unpickler</c> arguments (<c>encoding</c>,
/// <c>fix_imports</c>, <c>buffers</c>, <c>persistent_load</c>) plus what makes loading safe on
/// untrusted input — the registry/allowlist of globals and limits on nesting, memo and allocation.
/// Immutable; start from <see cref="Default"/> and change with <c>with { … }</c>.
/// </summary>
public sealed record UnpicklerOptions
{
    /// <summary>CPython's defaults (<c>encoding="ASCII"</c>, <c>fix_imports=True</c>), <see cref="PickleRegistry.Default"/>, unknown classes kept as data, and the limits below.</summary>
    public static UnpicklerOptions Default { get; } = new();

    /// <summary>
    /// How Python 2 <c>str</c> (<c>STRING</c>, <c>BINSTRING</c>, <c>SHORT_BINSTRING</c>) decodes:
    /// <c>"ASCII"</c> (the default; other bytes fail, as in CPython), <c>"latin1"</c> (every byte to the
    /// same code point — what NumPy arrays and <c>datetime</c> pickles from Python 2 need), <c>"bytes"</c>
    /// (keep them as <c>byte[]</c>), or any codec name .NET knows (<see cref="System.Text.Encoding.GetEncoding(string)"/>,
    /// strict errors). Python 2 <c>unicode</c> is always text.
    /// </summary>
    public string Encoding { get; init; } = "ASCII";

    /// <summary>Map Python 2 module and class names to Python 3 ones in protocol 0–2 pickles (<c>__builtin__</c> → <c>builtins</c> …), as CPython's <c>fix_imports</c>.</summary>
    public bool FixImports { get; init; } = true;

    /// <summary>The classes that load as .NET types, and the allowlist and denylist of globals.</summary>
    public PickleRegistry Registry { get; init; } = PickleRegistry.Default;

    /// <summary>What to do with a global the registry does not allow. Denied globals are refused either way.</summary>
    public UnknownGlobals UnknownGlobals { get; init; } = UnknownGlobals.AsPyObject;

    /// <summary>The deepest nesting of open containers and marks (the stack is explicit, so deep input fails cleanly). Default 1000.</summary>
    public int MaxDepth { get; init; } = 1000;

    /// <summary>The most memo entries one pickle may create. Default 10,000,000.</summary>
    public int MaxMemoEntries { get; init; } = 10_000_000;

    /// <summary>
    /// The most bytes the declared lengths and collection sizes of one pickle may add up to (strings,
    /// bytes, frames, buffers, container items at 8 bytes each). Declared lengths are also checked
    /// against what is left of the input before anything is allocated. Default 1 GiB.
    /// </summary>
    public long MaxAllocationBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Resolves a persistent id (<c>PERSID</c>/<c>BINPERSID</c>) to an object, as CPython's
    /// <c>persistent_load</c>; the id is a string for <c>PERSID</c> and any value for <c>BINPERSID</c>.
    /// Null: such pickles fail with CPython's message.
    /// </summary>
    public Func<object?, object?>? PersistentLoad { get; init; }

    /// <summary>
    /// The out-of-band buffers for <c>NEXT_BUFFER</c> (protocol 5), in order, as CPython's <c>buffers</c>.
    /// A buffer loads as <see cref="PyByteArray"/> (a copy), or as <c>byte[]</c> after <c>READONLY_BUFFER</c>.
    /// Null: such pickles fail with CPython's message.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>>? Buffers { get; init; }

    /// <summary>copyreg's extension codes for <c>EXT1</c>/<c>EXT2</c>/<c>EXT4</c>; null for none (as CPython ships).</summary>
    public PickleExtensionRegistry? Extensions { get; init; }
}

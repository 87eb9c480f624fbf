using System.Collections.Frozen;

namespace PyStd.Pickle;

/// <summary>
/// CPython's <c>Lib/_compat_pickle.py</c>: the Python 2 ↔ 3 module and name mappings that pickle's
/// <c>fix_imports</c> applies at protocols 0–2. The tables are CPython's, copied as data into
/// <c>CompatPickle.g.cs</c> by <c>tools/gen_compat_pickle.py</c>.
/// </summary>
internal static partial class CompatPickle
{
    /// <summary>Python 2 module → Python 3 module (<c>IMPORT_MAPPING</c>), e.g. <c>__builtin__</c> → <c>builtins</c>.</summary>
    public static FrozenDictionary<string, string> ImportMapping { get; } = ImportMappingData().ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Python 3 module → Python 2 module (<c>REVERSE_IMPORT_MAPPING</c>).</summary>
    public static FrozenDictionary<string, string> ReverseImportMapping { get; } = ReverseImportMappingData().ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Python 2 (module, name) → Python 3 (module, name) (<c>NAME_MAPPING</c>), e.g. <c>__builtin__.xrange</c> → <c>builtins.range</c>.</summary>
    public static FrozenDictionary<(string Module, string Name), (string Module, string Name)> NameMapping { get; } =
        NameMappingData().ToFrozenDictionary(p => p.From, p => p.To);

    /// <summary>Python 3 (module, name) → Python 2 (module, name) (<c>REVERSE_NAME_MAPPING</c>).</summary>
    public static FrozenDictionary<(string Module, string Name), (string Module, string Name)> ReverseNameMapping { get; } =
        ReverseNameMappingData().ToFrozenDictionary(p => p.From, p => p.To);

    /// <summary>
    /// The name a Python 3 unpickler looks up for a global read from a protocol 0–2 pickle with
    /// <c>fix_imports</c> (CPython's <c>Unpickler.find_class</c>): the name mapping first, else the module mapping.
    /// </summary>
    /// <param name="module">The module as written in the pickle.</param>
    /// <param name="name">The name as written in the pickle.</param>
    /// <returns>The Python 3 module and name.</returns>
    public static (string Module, string Name) MapForLoad(string module, string name)
    {
        if (NameMapping.TryGetValue((module, name), out var mapped))
        {
            return mapped;
        }

        return ImportMapping.TryGetValue(module, out string? m) ? (m, name) : (module, name);
    }

    /// <summary>
    /// The name a Python 3 pickler writes for a global at protocols 0–2 with <c>fix_imports</c>
    /// (CPython's <c>save_global</c>): the reverse name mapping first, else the reverse module mapping.
    /// </summary>
    /// <param name="module">The Python 3 module.</param>
    /// <param name="name">The Python 3 name.</param>
    /// <returns>The Python 2 module and name to write.</returns>
    public static (string Module, string Name) MapForDump(string module, string name)
    {
        if (ReverseNameMapping.TryGetValue((module, name), out var mapped))
        {
            return mapped;
        }

        return ReverseImportMapping.TryGetValue(module, out string? m) ? (m, name) : (module, name);
    }
}

using System.Diagnostics.CodeAnalysis;
using PyStd.Pickle.Converters;

namespace PyStd.Pickle;

/// <summary>
/// The one table that maps Python classes to .NET types for pickling in both directions
/// (<see cref="PickleConverter"/>s), plus the allowlist and denylist of globals the
/// <see cref="Unpickler"/> may meet. <see cref="Default"/> knows the standard classes in
/// ARCHITECTURE.md's table; see <c>docs/pickle.md</c> for the mapping.
/// </summary>
/// <remarks>
/// <para>
/// <b>Allowed</b> globals are those with a converter, those the unpickler models itself
/// (<c>builtins.set</c>, <c>builtins.frozenset</c>, <c>builtins.bytearray</c>, <c>builtins.complex</c>,
/// <c>builtins.range</c>, <c>builtins.slice</c>, <c>copyreg._reconstructor</c>, <c>_codecs.encode</c>,
/// the builtin types and exceptions …) and any added with <see cref="Allow"/>. With
/// <see cref="UnknownGlobals.Reject"/> the unpickler refuses every other global.
/// </para>
/// <para>
/// <b>Denied</b> globals (<see cref="Deny"/>) are refused in every mode, even though loading never
/// calls anything: a pickle naming <c>os.system</c>, <c>subprocess.Popen</c> or <c>builtins.eval</c> is
/// an attack or a mistake, and saying so beats returning an inert description of it. The default
/// denylist covers process creation, code evaluation, imports and file-system writes.
/// </para>
/// <para>
/// <see cref="Default"/> is read-only; <see cref="CreateDefault"/> returns a writable copy. Register
/// before sharing a registry between threads; lookups are safe from any thread.
/// </para>
/// </remarks>
public sealed class PickleRegistry
{
    private static readonly Lazy<PickleRegistry> s_default = new(() =>
    {
        var registry = CreateDefault();
        registry._readOnly = true;
        return registry;
    });

    private readonly Dictionary<(string Module, string Name), PickleConverter> _byName = new();
    private readonly Dictionary<Type, PickleConverter> _byType = new();
    private readonly HashSet<(string Module, string Name)> _allowed = new();
    private readonly HashSet<(string Module, string Name)> _denied = new();
    private readonly object _lock = new();
    private bool _readOnly;

    /// <summary>Creates an empty registry: no converters, nothing allowed or denied.</summary>
    public PickleRegistry()
    {
    }

    /// <summary>The read-only registry of the standard classes, the unpickler's builtins, and the default denylist.</summary>
    public static PickleRegistry Default => s_default.Value;

    /// <summary>Whether the registry refuses changes (true for <see cref="Default"/>).</summary>
    public bool IsReadOnly => _readOnly;

    /// <summary>The registered converters.</summary>
    public IReadOnlyCollection<PickleConverter> Converters
    {
        get
        {
            lock (_lock)
            {
                return _byName.Values.Concat(_byType.Values).Distinct().ToArray();
            }
        }
    }

    /// <summary>A new, writable registry holding everything <see cref="Default"/> holds.</summary>
    /// <returns>The registry.</returns>
    public static PickleRegistry CreateDefault()
    {
        var registry = new PickleRegistry();
        StandardConverters.AddTo(registry);
        foreach (var (module, name) in StandardConverters.AllowedGlobals)
        {
            registry.Allow(module, name);
        }

        foreach (var (module, name) in StandardConverters.DeniedGlobals)
        {
            registry.Deny(module, name);
        }

        return registry;
    }

    /// <summary>
    /// Adds a converter, replacing any converter registered for the same Python class and any for
    /// the same .NET type. Its class becomes allowed.
    /// </summary>
    /// <param name="converter">The converter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="converter"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The registry is read-only.</exception>
    public void Register(PickleConverter converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        lock (_lock)
        {
            ThrowIfReadOnly();
            _byName[(converter.Module, converter.Name)] = converter;
            _byType[converter.ClrType] = converter;
        }
    }

    /// <summary>Allows a global: <paramref name="name"/> <c>*</c> allows the whole module, a name ending in <c>*</c> a prefix.</summary>
    /// <param name="module">The module, as Python 3 names it (after <c>fix_imports</c>).</param>
    /// <param name="name">The qualified name, <c>*</c>, or a prefix ending in <c>*</c>.</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="InvalidOperationException">The registry is read-only.</exception>
    public void Allow(string module, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_lock)
        {
            ThrowIfReadOnly();
            _allowed.Add((module, name));
        }
    }

    /// <summary>
    /// Denies a global in every mode: the unpickler throws <see cref="UnpicklingException"/> when a
    /// pickle names it. <paramref name="name"/> <c>*</c> denies the whole module, a name ending in <c>*</c> a prefix.
    /// </summary>
    /// <param name="module">The module, as written in a pickle or as Python 3 names it (both are checked).</param>
    /// <param name="name">The qualified name, <c>*</c>, or a prefix ending in <c>*</c>.</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="InvalidOperationException">The registry is read-only.</exception>
    public void Deny(string module, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_lock)
        {
            ThrowIfReadOnly();
            _denied.Add((module, name));
        }
    }

    /// <summary>Removes a global from the denylist (exactly as it was added).</summary>
    /// <param name="module">The module.</param>
    /// <param name="name">The name or pattern given to <see cref="Deny"/>.</param>
    /// <returns>Whether it was there.</returns>
    /// <exception cref="InvalidOperationException">The registry is read-only.</exception>
    public bool Undeny(string module, string name)
    {
        lock (_lock)
        {
            ThrowIfReadOnly();
            return _denied.Remove((module, name));
        }
    }

    /// <summary>Finds the converter for a Python class.</summary>
    /// <param name="module">The class's module, e.g. <c>datetime</c>.</param>
    /// <param name="name">The class's qualified name, e.g. <c>date</c>.</param>
    /// <param name="converter">The converter when found.</param>
    /// <returns>Whether one is registered.</returns>
    public bool TryGetByName(string module, string name, [NotNullWhen(true)] out PickleConverter? converter)
    {
        lock (_lock)
        {
            return _byName.TryGetValue((module, name), out converter);
        }
    }

    /// <summary>Finds the converter for a .NET type, or else for its nearest base type that has one.</summary>
    /// <param name="type">The type of a value being pickled.</param>
    /// <param name="converter">The converter when found.</param>
    /// <returns>Whether one is registered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    public bool TryGetByType(Type type, [NotNullWhen(true)] out PickleConverter? converter)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_lock)
        {
            if (_byType.Count == 0)
            {
                converter = null;
                return false;
            }

            for (Type? t = type; t is not null; t = t.BaseType)
            {
                if (_byType.TryGetValue(t, out converter))
                {
                    return true;
                }
            }
        }

        converter = null;
        return false;
    }

    /// <summary>Whether a global is allowed: registered or allowed, and not denied.</summary>
    /// <param name="module">The module, as Python 3 names it.</param>
    /// <param name="name">The qualified name.</param>
    /// <returns>True when the unpickler may use it under <see cref="UnknownGlobals.Reject"/>.</returns>
    public bool IsAllowed(string module, string name)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            return !Matches(_denied, module, name)
                && (_byName.ContainsKey((module, name)) || Matches(_allowed, module, name));
        }
    }

    /// <summary>Whether a global is on the denylist.</summary>
    /// <param name="module">The module.</param>
    /// <param name="name">The qualified name.</param>
    /// <returns>True when the unpickler refuses it in every mode.</returns>
    public bool IsDenied(string module, string name)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            return Matches(_denied, module, name);
        }
    }

    private static bool Matches(HashSet<(string Module, string Name)> set, string module, string name)
    {
        if (set.Count == 0)
        {
            return false;
        }

        if (set.Contains((module, name)) || set.Contains((module, "*")))
        {
            return true;
        }

        foreach (var (m, pattern) in set)
        {
            if (pattern == "*")
            {
                // A whole module also covers its submodules (importlib → importlib.util).
                if (module.Length > m.Length && module[m.Length] == '.' && module.StartsWith(m, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (pattern[^1] == '*' && m == module
                && name.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void ThrowIfReadOnly()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("PickleRegistry.Default is read-only; change a copy from PickleRegistry.CreateDefault().");
        }
    }
}

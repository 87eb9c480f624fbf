using System.Diagnostics.CodeAnalysis;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <summary>
/// copyreg's extension registry (<c>copyreg.add_extension</c>): small integer codes that stand for
/// globals, written as <c>EXT1</c>/<c>EXT2</c>/<c>EXT4</c> instead of the module and name. Both
/// sides of a pickle must agree on the codes; CPython ships none registered. Give one to
/// <see cref="UnpicklerOptions.Extensions"/> (and to the pickler) to use them.
/// </summary>
public sealed class PickleExtensionRegistry
{
    private readonly Dictionary<int, PyGlobal> _byCode = new();
    private readonly Dictionary<(string Module, string Name), int> _byName = new();
    private readonly object _lock = new();

    /// <summary>Creates an empty registry.</summary>
    public PickleExtensionRegistry()
    {
    }

    /// <summary>The number of registered codes.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byCode.Count;
            }
        }
    }

    /// <summary>Registers a code for a global, as <c>copyreg.add_extension(module, name, code)</c>.</summary>
    /// <param name="module">The module, e.g. <c>collections</c>.</param>
    /// <param name="name">The qualified name, e.g. <c>OrderedDict</c>.</param>
    /// <param name="code">1 to 2**31 − 1.</param>
    /// <exception cref="ArgumentException">A name is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is out of range (<c>code out of range</c>).</exception>
    /// <exception cref="InvalidOperationException">The name or the code is already registered differently (copyreg's messages).</exception>
    public void Add(string module, string name, int code)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (code <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "code out of range");
        }

        lock (_lock)
        {
            bool haveName = _byName.TryGetValue((module, name), out int oldCode);
            bool haveCode = _byCode.TryGetValue(code, out PyGlobal? oldGlobal);
            if (haveName && oldCode == code && haveCode && oldGlobal == new PyGlobal(module, name))
            {
                return; // redundant registration, as copyreg allows
            }

            if (haveName)
            {
                throw new InvalidOperationException($"key ('{module}', '{name}') is already registered with code {oldCode}");
            }

            if (haveCode)
            {
                throw new InvalidOperationException($"code {code} is already in use for key ('{oldGlobal!.Module}', '{oldGlobal.Name}')");
            }

            _byName[(module, name)] = code;
            _byCode[code] = new PyGlobal(module, name);
        }
    }

    /// <summary>Unregisters a code, as <c>copyreg.remove_extension</c>.</summary>
    /// <param name="module">The module.</param>
    /// <param name="name">The qualified name.</param>
    /// <param name="code">The code it was registered with.</param>
    /// <returns>False when that registration does not exist.</returns>
    public bool Remove(string module, string name, int code)
    {
        lock (_lock)
        {
            if (!_byName.TryGetValue((module, name), out int c) || c != code)
            {
                return false;
            }

            _byName.Remove((module, name));
            _byCode.Remove(code);
            return true;
        }
    }

    /// <summary>The global a code stands for (what the unpickler does for <c>EXT1</c>/<c>EXT2</c>/<c>EXT4</c>).</summary>
    /// <param name="code">The code.</param>
    /// <param name="global">The module and name when registered.</param>
    /// <returns>Whether the code is registered.</returns>
    public bool TryGetGlobal(int code, [NotNullWhen(true)] out PyGlobal? global)
    {
        lock (_lock)
        {
            return _byCode.TryGetValue(code, out global);
        }
    }

    /// <summary>The code of a global (what the pickler writes instead of its name).</summary>
    /// <param name="module">The module.</param>
    /// <param name="name">The qualified name.</param>
    /// <param name="code">The code when registered.</param>
    /// <returns>Whether the global has a code.</returns>
    public bool TryGetCode(string module, string name, out int code)
    {
        lock (_lock)
        {
            return _byName.TryGetValue((module, name), out code);
        }
    }
}

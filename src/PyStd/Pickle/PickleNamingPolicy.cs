using System.Text.Json;

namespace PyStd.Pickle;

/// <summary>
/// How .NET member names become Python attribute names in a typed pickle (see
/// <see cref="PickleClassAttribute"/>): <see cref="SnakeCase"/> (<c>CustomerName</c> →
/// <c>customer_name</c>, the default), <see cref="AsIs"/>, or any function via <see cref="Create"/>.
/// </summary>
public abstract class PickleNamingPolicy
{
    /// <summary>Creates a policy.</summary>
    protected PickleNamingPolicy()
    {
    }

    /// <summary>
    /// Python's PEP 8 attribute style, lower snake case: <c>CustomerName</c> → <c>customer_name</c>,
    /// <c>HTTPServer</c> → <c>http_server</c>, <c>Id</c> → <c>id</c> (the rules of
    /// <see cref="JsonNamingPolicy.SnakeCaseLower"/>).
    /// </summary>
    public static PickleNamingPolicy SnakeCase { get; } = new FuncPolicy(JsonNamingPolicy.SnakeCaseLower.ConvertName);

    /// <summary>The .NET member name unchanged.</summary>
    public static PickleNamingPolicy AsIs { get; } = new FuncPolicy(static name => name);

    /// <summary>A policy from a function.</summary>
    /// <param name="convert">Maps a .NET member name to the Python attribute name; must be deterministic.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="convert"/> is null.</exception>
    public static PickleNamingPolicy Create(Func<string, string> convert)
    {
        ArgumentNullException.ThrowIfNull(convert);
        return new FuncPolicy(convert);
    }

    /// <summary>The Python attribute name for a .NET member name.</summary>
    /// <param name="name">The member name, e.g. <c>CustomerName</c>.</param>
    /// <returns>The attribute name, e.g. <c>customer_name</c>.</returns>
    public abstract string ConvertName(string name);

    private sealed class FuncPolicy(Func<string, string> convert) : PickleNamingPolicy
    {
        public override string ConvertName(string name) => convert(name);
    }
}

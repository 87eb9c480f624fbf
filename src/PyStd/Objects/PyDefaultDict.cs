namespace PyStd.Objects;

/// <summary>
/// Python's <c>collections.defaultdict</c>: a <see cref="PyDict"/> with a <see cref="DefaultFactory"/>,
/// pickled by name — a <see cref="PyGlobal"/> such as <c>builtins.list</c>, or null for none. Nothing
/// calls the factory: missing keys are not filled in. Its repr is
/// <c>defaultdict(&lt;class 'list'&gt;, {'a': []})</c>.
/// </summary>
public sealed class PyDefaultDict : PyDict
{
    /// <summary>Creates an empty defaultdict.</summary>
    /// <param name="defaultFactory">The factory (usually a <see cref="PyGlobal"/>), or null.</param>
    public PyDefaultDict(object? defaultFactory = null)
    {
        DefaultFactory = defaultFactory;
    }

    /// <summary>The <c>default_factory</c>, or null for <c>None</c>.</summary>
    public object? DefaultFactory { get; set; }
}

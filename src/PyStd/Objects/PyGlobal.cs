namespace PyStd.Objects;

/// <summary>
/// A reference to a module-level Python object — a class or function — by name, as pickle's
/// <c>GLOBAL</c>/<c>STACK_GLOBAL</c> opcodes carry it (e.g. <c>builtins.list</c> as a
/// <c>defaultdict</c>'s default factory). It is a name only: nothing is imported or run.
/// </summary>
/// <param name="Module">The module, e.g. <c>collections</c>.</param>
/// <param name="Name">The qualified name within the module, e.g. <c>OrderedDict</c>.</param>
public sealed record PyGlobal(string Module, string Name)
{
    /// <summary>A repr in the spirit of CPython's: <c>&lt;class 'collections.OrderedDict'&gt;</c>, builtins unqualified.</summary>
    /// <returns>The repr.</returns>
    public override string ToString() => PyRepr.Repr(this);
}

using PyStd.Objects;

namespace PyStd.Marshal;

/// <summary>
/// Python's <c>slice</c> objects, which marshal writes from version 5 on (CPython 3.14, type code
/// <c>':'</c>; slices appear as constants in 3.14 code objects). The value model keeps a slice as
/// pickle does: a <see cref="PyObject"/> <c>builtins.slice</c> built by <see cref="PyObjectKind.Reduce"/>
/// from <c>(start, stop, step)</c>, so a slice read by marshal pickles as CPython pickles it.
/// </summary>
public static class MarshalSlice
{
    /// <summary>Creates <c>slice(start, stop, step)</c>.</summary>
    /// <param name="start">The start (null for <c>None</c>).</param>
    /// <param name="stop">The stop.</param>
    /// <param name="step">The step.</param>
    /// <returns>The slice.</returns>
    public static PyObject Create(object? start, object? stop, object? step) =>
        new("builtins", "slice") { Kind = PyObjectKind.Reduce, Args = new PyTuple(start, stop, step) };

    /// <summary>Whether a value is a slice as <see cref="Create"/> makes it (and marshal can write it).</summary>
    /// <param name="value">A model value.</param>
    /// <returns>True for a <c>builtins.slice</c> with exactly start, stop and step and nothing else.</returns>
    public static bool IsSlice(object? value) =>
        value is PyObject { Module: "builtins", Name: "slice", Kind: PyObjectKind.Reduce, Callable: null, Kwargs: null, HasState: false, ListItems: null, DictItems: null } o
        && o.Args.Count == 3;
}

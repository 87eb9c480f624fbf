namespace PyStd.Objects;

/// <summary>
/// An instance of a Python class the model has no .NET type for, kept as the pieces pickle's
/// <c>__reduce_ex__</c> protocol describes: the class (<see cref="Module"/>, <see cref="Name"/>),
/// constructor arguments, state, and list/dict items. It round-trips unchanged and never runs code.
/// </summary>
public sealed class PyObject : IEquatable<PyObject>
{
    /// <summary>Creates an instance description.</summary>
    /// <param name="module">The class's module, e.g. <c>collections</c>.</param>
    /// <param name="name">The class's qualified name, e.g. <c>OrderedDict</c>.</param>
    public PyObject(string module, string name)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        Module = module;
        Name = name;
    }

    /// <summary>The module that defines the class.</summary>
    public string Module { get; }

    /// <summary>The class's qualified name.</summary>
    public string Name { get; }

    /// <summary>How the instance is built from <see cref="Module"/>.<see cref="Name"/>.</summary>
    public PyObjectKind Kind { get; set; }

    /// <summary>Positional constructor arguments (<c>cls(*args)</c> or <c>cls.__new__(cls, *args)</c>).</summary>
    public PyTuple Args { get; set; } = PyTuple.Empty;

    /// <summary>
    /// The callable (for <see cref="PyObjectKind.Reduce"/>) or class (for <see cref="PyObjectKind.NewObj"/>
    /// and <see cref="PyObjectKind.Inst"/>) exactly as the pickle wrote it, when that is not simply the
    /// global <see cref="Module"/>.<see cref="Name"/> — such as CPython's
    /// <c>builtins.getattr(zoneinfo.ZoneInfo, '_unpickle')</c> for a class method, or
    /// <c>builtins.getattr(mod.Outer, 'Inner')</c> for a nested class below protocol 4 — kept as the
    /// <see cref="PyObject"/> that describes it so that it re-pickles to the same bytes. Then
    /// <see cref="Module"/>/<see cref="Name"/> give its dotted name (<c>zoneinfo</c>,
    /// <c>ZoneInfo._unpickle</c>). Null normally.
    /// </summary>
    public object? Callable { get; set; }

    /// <summary>Keyword constructor arguments (<c>NEWOBJ_EX</c>), or null.</summary>
    public PyDict? Kwargs { get; set; }

    /// <summary>The state given to <c>__setstate__</c> (or merged into <c>__dict__</c>), or null.</summary>
    public object? State { get; set; }

    /// <summary>Whether <see cref="State"/> was set (a state of <c>None</c> differs from no state).</summary>
    public bool HasState { get; set; }

    /// <summary>Items appended after construction (<c>APPENDS</c>), or null.</summary>
    public List<object?>? ListItems { get; set; }

    /// <summary>Items set after construction (<c>SETITEMS</c>), or null.</summary>
    public PyDict? DictItems { get; set; }

    /// <summary>Structural equality of every piece.</summary>
    /// <param name="other">Another instance description.</param>
    /// <returns>Whether all pieces are equal.</returns>
    public bool Equals(PyObject? other) =>
        other is not null
        && Module == other.Module
        && Name == other.Name
        && Kind == other.Kind
        && PyEquality.AreEqual(Callable, other.Callable)
        && PyEquality.AreEqual(Args, other.Args)
        && PyEquality.AreEqual(Kwargs, other.Kwargs)
        && HasState == other.HasState
        && PyEquality.AreEqual(State, other.State)
        && PyEquality.AreEqual(ListItems, other.ListItems)
        && PyEquality.AreEqual(DictItems, other.DictItems);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PyObject o && Equals(o);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Module, Name);

    /// <summary>A readable description such as <c>collections.OrderedDict(...)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => PyRepr.Repr(this);
}

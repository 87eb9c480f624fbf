namespace PyStd.Pickle;

/// <summary>What the <see cref="Unpickler"/> does with a global that the registry neither converts nor allows.</summary>
public enum UnknownGlobals
{
    /// <summary>
    /// Keep it as data: the global is a <see cref="Objects.PyGlobal"/> (a name), and an instance built
    /// from it a <see cref="Objects.PyObject"/>. Nothing is imported, called or instantiated. The default.
    /// </summary>
    AsPyObject = 0,

    /// <summary>Throw <see cref="UnpicklingException"/> naming <c>module.name</c> (<c>global 'x.y' is forbidden</c>).</summary>
    Reject = 1,
}

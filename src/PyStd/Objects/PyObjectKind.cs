namespace PyStd.Objects;

/// <summary>How a <see cref="PyObject"/> is rebuilt from its class (pickle's construction opcodes).</summary>
public enum PyObjectKind
{
    /// <summary><c>cls.__new__(cls, *args, **kwargs)</c>: pickle's <c>NEWOBJ</c>/<c>NEWOBJ_EX</c> (protocol 2+).</summary>
    NewObj = 0,

    /// <summary><c>callable(*args)</c>: pickle's <c>REDUCE</c>; the callable is <see cref="PyObject.Module"/>.<see cref="PyObject.Name"/>.</summary>
    Reduce = 1,

    /// <summary>Old-style construction by <c>INST</c>/<c>OBJ</c> (protocols 0 and 1, Python 2 classes).</summary>
    Inst = 2,
}

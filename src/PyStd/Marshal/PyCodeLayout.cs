namespace PyStd.Marshal;

/// <summary>
/// The layouts CPython's marshal has used for code objects (<c>TYPE_CODE</c>), chosen by the
/// <c>.pyc</c> magic number (<see cref="Pyc.LayoutOf(int)"/>). Every other type code is the same in
/// every version.
/// </summary>
public enum PyCodeLayout
{
    /// <summary>
    /// CPython 3.8–3.9: argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags (32-bit
    /// each), code, consts, names, varnames, freevars, cellvars, filename, name, firstlineno (32-bit),
    /// lnotab.
    /// </summary>
    Python38 = 38,

    /// <summary>CPython 3.10: as <see cref="Python38"/> with the PEP 626 linetable in place of lnotab.</summary>
    Python310 = 310,

    /// <summary>
    /// CPython 3.11 and later (3.11–3.14): argcount, posonlyargcount, kwonlyargcount, stacksize, flags,
    /// code, consts, names, localsplusnames, localspluskinds, filename, name, qualname, firstlineno,
    /// linetable, exceptiontable.
    /// </summary>
    Python311 = 311,
}

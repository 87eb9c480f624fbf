using System.Globalization;
using System.Text;

using PyStd.Objects;

namespace PyStd.Marshal;

/// <summary>
/// A code object as marshal stores it (<c>Python/marshal.c</c>, <c>TYPE_CODE</c>): the counts, flags,
/// bytecode and tables, with no interpretation of the bytecode. <see cref="Layout"/> says which
/// CPython layout it was read in (and is written in): 3.11 and later use <see cref="LocalsPlusNames"/>,
/// <see cref="LocalsPlusKinds"/>, <see cref="QualName"/> and <see cref="ExceptionTable"/>; 3.8–3.10
/// use <see cref="NLocals"/>, <see cref="VarNames"/>, <see cref="FreeVars"/> and <see cref="CellVars"/>
/// instead. Equality is by reference; <see cref="ToString"/> is a stable repr without addresses.
/// </summary>
public sealed class PyCode
{
    /// <summary>The marshal layout of this code object (default: 3.11 and later).</summary>
    public PyCodeLayout Layout { get; set; } = PyCodeLayout.Python311;

    /// <summary><c>co_argcount</c>: positional parameters (including positional-only).</summary>
    public int ArgCount { get; set; }

    /// <summary><c>co_posonlyargcount</c>: positional-only parameters.</summary>
    public int PosOnlyArgCount { get; set; }

    /// <summary><c>co_kwonlyargcount</c>: keyword-only parameters.</summary>
    public int KwOnlyArgCount { get; set; }

    /// <summary><c>co_nlocals</c> (stored by the 3.8–3.10 layouts only).</summary>
    public int NLocals { get; set; }

    /// <summary><c>co_stacksize</c>: the evaluation stack size.</summary>
    public int StackSize { get; set; }

    /// <summary><c>co_flags</c>.</summary>
    public int Flags { get; set; }

    /// <summary><c>co_code</c>: the bytecode (as stored, without the inline caches' runtime values).</summary>
    public byte[] Code { get; set; } = [];

    /// <summary><c>co_consts</c>.</summary>
    public PyTuple Consts { get; set; } = PyTuple.Empty;

    /// <summary><c>co_names</c>: global and attribute names (strings).</summary>
    public PyTuple Names { get; set; } = PyTuple.Empty;

    /// <summary><c>co_varnames</c>: argument and local names (3.8–3.10 layouts).</summary>
    public PyTuple VarNames { get; set; } = PyTuple.Empty;

    /// <summary><c>co_freevars</c>: free variable names (3.8–3.10 layouts).</summary>
    public PyTuple FreeVars { get; set; } = PyTuple.Empty;

    /// <summary><c>co_cellvars</c>: cell variable names (3.8–3.10 layouts).</summary>
    public PyTuple CellVars { get; set; } = PyTuple.Empty;

    /// <summary><c>co_localsplusnames</c>: local, cell and free variable names (3.11+ layout).</summary>
    public PyTuple LocalsPlusNames { get; set; } = PyTuple.Empty;

    /// <summary><c>co_localspluskinds</c>: one kind byte per entry of <see cref="LocalsPlusNames"/> (3.11+ layout).</summary>
    public byte[] LocalsPlusKinds { get; set; } = [];

    /// <summary><c>co_filename</c>.</summary>
    public string FileName { get; set; } = "";

    /// <summary><c>co_name</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>co_qualname</c> (3.11+ layout; the older layouts do not store it, so it is <see cref="Name"/> there).</summary>
    public string QualName { get; set; } = "";

    /// <summary><c>co_firstlineno</c>.</summary>
    public int FirstLineNo { get; set; }

    /// <summary>
    /// The line-number table: <c>co_linetable</c> (PEP 657 locations in 3.11+, PEP 626 line table in
    /// 3.10) or, in the 3.8–3.9 layout, <c>co_lnotab</c>.
    /// </summary>
    public byte[] LineTable { get; set; } = [];

    /// <summary><c>co_exceptiontable</c> (3.11+ layout).</summary>
    public byte[] ExceptionTable { get; set; } = [];

    /// <summary>A stable repr: <c>&lt;code object NAME, file "FILE", line N&gt;</c> (CPython's, without the address).</summary>
    /// <returns>The repr.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder("<code object ");
        sb.Append(Name).Append(", file \"").Append(FileName).Append("\", line ")
            .Append(FirstLineNo.ToString(CultureInfo.InvariantCulture)).Append('>');
        return sb.ToString();
    }
}

using System.Globalization;
using System.Text;

using PyStd.Objects;

namespace PyStd.Marshal;

/// <summary>
/// A code object as marshal stores it in the CPython 3.11–3.13 layout (<c>Python/marshal.c</c>,
/// <c>TYPE_CODE</c>): the counts, flags, bytecode and the tables, with no interpretation of the
/// bytecode. Equality is by reference; <see cref="ToString"/> is a stable repr without addresses.
/// </summary>
public sealed class PyCode
{
    /// <summary><c>co_argcount</c>: positional parameters (including positional-only).</summary>
    public int ArgCount { get; set; }

    /// <summary><c>co_posonlyargcount</c>: positional-only parameters.</summary>
    public int PosOnlyArgCount { get; set; }

    /// <summary><c>co_kwonlyargcount</c>: keyword-only parameters.</summary>
    public int KwOnlyArgCount { get; set; }

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

    /// <summary><c>co_localsplusnames</c>: local, cell and free variable names.</summary>
    public PyTuple LocalsPlusNames { get; set; } = PyTuple.Empty;

    /// <summary><c>co_localspluskinds</c>: one kind byte per entry of <see cref="LocalsPlusNames"/>.</summary>
    public byte[] LocalsPlusKinds { get; set; } = [];

    /// <summary><c>co_filename</c>.</summary>
    public string FileName { get; set; } = "";

    /// <summary><c>co_name</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>co_qualname</c>.</summary>
    public string QualName { get; set; } = "";

    /// <summary><c>co_firstlineno</c>.</summary>
    public int FirstLineNo { get; set; }

    /// <summary><c>co_linetable</c>: the location table (PEP 626/657 format).</summary>
    public byte[] LineTable { get; set; } = [];

    /// <summary><c>co_exceptiontable</c>.</summary>
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

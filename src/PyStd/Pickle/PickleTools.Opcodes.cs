using A = PyStd.Pickle.PickleTools.ArgKind;
using S = PyStd.Pickle.PickleTools.StackKind;

namespace PyStd.Pickle;

/// <content>
/// pickletools' opcode table (<c>Lib/pickletools.py</c>, <c>opcodes</c>): each opcode's name, byte,
/// argument descriptor, stack effect as pickletools models it, protocol, and the first line of its
/// doc (the <c>annotate</c> text).
/// </content>
public static partial class PickleTools
{
    /// <summary>pickletools' argument descriptors (<c>ArgumentDescriptor</c> instances), by name.</summary>
    internal enum ArgKind : byte
    {
        /// <summary>No argument.</summary>
        None,
        /// <summary><c>decimalnl_short</c>.</summary>
        DecimalnlShort,
        /// <summary><c>int4</c>.</summary>
        Int4,
        /// <summary><c>uint1</c>.</summary>
        Uint1,
        /// <summary><c>uint2</c>.</summary>
        Uint2,
        /// <summary><c>decimalnl_long</c>.</summary>
        DecimalnlLong,
        /// <summary><c>long1</c>.</summary>
        Long1,
        /// <summary><c>long4</c>.</summary>
        Long4,
        /// <summary><c>stringnl</c>.</summary>
        Stringnl,
        /// <summary><c>string4</c>.</summary>
        String4,
        /// <summary><c>string1</c>.</summary>
        String1,
        /// <summary><c>bytes4</c>.</summary>
        Bytes4,
        /// <summary><c>bytes1</c>.</summary>
        Bytes1,
        /// <summary><c>bytes8</c>.</summary>
        Bytes8,
        /// <summary><c>bytearray8</c>.</summary>
        Bytearray8,
        /// <summary><c>unicodestringnl</c>.</summary>
        Unicodestringnl,
        /// <summary><c>unicodestring1</c>.</summary>
        Unicodestring1,
        /// <summary><c>unicodestring4</c>.</summary>
        Unicodestring4,
        /// <summary><c>unicodestring8</c>.</summary>
        Unicodestring8,
        /// <summary><c>floatnl</c>.</summary>
        Floatnl,
        /// <summary><c>float8</c>.</summary>
        Float8,
        /// <summary><c>uint4</c>.</summary>
        Uint4,
        /// <summary><c>stringnl_noescape_pair</c>.</summary>
        StringnlNoescapePair,
        /// <summary><c>uint8</c>.</summary>
        Uint8,
        /// <summary><c>stringnl_noescape</c>.</summary>
        StringnlNoescape,
    }

    /// <summary>pickletools' stack object descriptors (<c>StackObject</c>); the names are their reprs.</summary>
    internal enum StackKind : byte
    {
        /// <summary><c>int</c>.</summary>
        Int,
        /// <summary><c>int_or_bool</c>.</summary>
        IntOrBool,
        /// <summary><c>bool</c>.</summary>
        Bool,
        /// <summary><c>float</c>.</summary>
        Float,
        /// <summary><c>bytes_or_str</c>.</summary>
        BytesOrStr,
        /// <summary><c>bytes</c>.</summary>
        Bytes,
        /// <summary><c>bytearray</c>.</summary>
        ByteArray,
        /// <summary><c>str</c>.</summary>
        Str,
        /// <summary><c>None</c>.</summary>
        None,
        /// <summary><c>tuple</c>.</summary>
        Tuple,
        /// <summary><c>list</c>.</summary>
        List,
        /// <summary><c>dict</c>.</summary>
        Dict,
        /// <summary><c>set</c>.</summary>
        Set,
        /// <summary><c>frozenset</c>.</summary>
        FrozenSet,
        /// <summary><c>buffer</c>.</summary>
        Buffer,
        /// <summary><c>any</c>.</summary>
        Any,
        /// <summary><c>mark</c>.</summary>
        Mark,
        /// <summary><c>stackslice</c>.</summary>
        StackSlice,
    }

    private static readonly string[] s_stackNames =
    [
        "int",
        "int_or_bool",
        "bool",
        "float",
        "bytes_or_str",
        "bytes",
        "bytearray",
        "str",
        "None",
        "tuple",
        "list",
        "dict",
        "set",
        "frozenset",
        "buffer",
        "any",
        "mark",
        "stackslice",
    ];

    /// <summary>The opcode for each byte, null for bytes that are not opcodes.</summary>
    private static readonly OpInfo?[] s_opcodes = BuildTable();

    private static OpInfo?[] BuildTable()
    {
        OpInfo[] all =
        [
            new("INT", 0x49, A.DecimalnlShort, [], [S.IntOrBool], 0, "Push an integer or bool."),
            new("BININT", 0x4a, A.Int4, [], [S.Int], 1, "Push a four-byte signed integer."),
            new("BININT1", 0x4b, A.Uint1, [], [S.Int], 1, "Push a one-byte unsigned integer."),
            new("BININT2", 0x4d, A.Uint2, [], [S.Int], 1, "Push a two-byte unsigned integer."),
            new("LONG", 0x4c, A.DecimalnlLong, [], [S.Int], 0, "Push a long integer."),
            new("LONG1", 0x8a, A.Long1, [], [S.Int], 2, "Long integer using one-byte length."),
            new("LONG4", 0x8b, A.Long4, [], [S.Int], 2, "Long integer using found-byte length."),
            new("STRING", 0x53, A.Stringnl, [], [S.BytesOrStr], 0, "Push a Python string object."),
            new("BINSTRING", 0x54, A.String4, [], [S.BytesOrStr], 1, "Push a Python string object."),
            new("SHORT_BINSTRING", 0x55, A.String1, [], [S.BytesOrStr], 1, "Push a Python string object."),
            new("BINBYTES", 0x42, A.Bytes4, [], [S.Bytes], 3, "Push a Python bytes object."),
            new("SHORT_BINBYTES", 0x43, A.Bytes1, [], [S.Bytes], 3, "Push a Python bytes object."),
            new("BINBYTES8", 0x8e, A.Bytes8, [], [S.Bytes], 4, "Push a Python bytes object."),
            new("BYTEARRAY8", 0x96, A.Bytearray8, [], [S.ByteArray], 5, "Push a Python bytearray object."),
            new("NEXT_BUFFER", 0x97, A.None, [], [S.Buffer], 5, "Push an out-of-band buffer object."),
            new("READONLY_BUFFER", 0x98, A.None, [S.Buffer], [S.Buffer], 5, "Make an out-of-band buffer object read-only."),
            new("NONE", 0x4e, A.None, [], [S.None], 0, "Push None on the stack."),
            new("NEWTRUE", 0x88, A.None, [], [S.Bool], 2, "Push True onto the stack."),
            new("NEWFALSE", 0x89, A.None, [], [S.Bool], 2, "Push False onto the stack."),
            new("UNICODE", 0x56, A.Unicodestringnl, [], [S.Str], 0, "Push a Python Unicode string object."),
            new("SHORT_BINUNICODE", 0x8c, A.Unicodestring1, [], [S.Str], 4, "Push a Python Unicode string object."),
            new("BINUNICODE", 0x58, A.Unicodestring4, [], [S.Str], 1, "Push a Python Unicode string object."),
            new("BINUNICODE8", 0x8d, A.Unicodestring8, [], [S.Str], 4, "Push a Python Unicode string object."),
            new("FLOAT", 0x46, A.Floatnl, [], [S.Float], 0, "Newline-terminated decimal float literal."),
            new("BINFLOAT", 0x47, A.Float8, [], [S.Float], 1, "Float stored in binary form, with 8 bytes of data."),
            new("EMPTY_LIST", 0x5d, A.None, [], [S.List], 1, "Push an empty list."),
            new("APPEND", 0x61, A.None, [S.List, S.Any], [S.List], 0, "Append an object to a list."),
            new("APPENDS", 0x65, A.None, [S.List, S.Mark, S.StackSlice], [S.List], 1, "Extend a list by a slice of stack objects."),
            new("LIST", 0x6c, A.None, [S.Mark, S.StackSlice], [S.List], 0, "Build a list out of the topmost stack slice, after markobject."),
            new("EMPTY_TUPLE", 0x29, A.None, [], [S.Tuple], 1, "Push an empty tuple."),
            new("TUPLE", 0x74, A.None, [S.Mark, S.StackSlice], [S.Tuple], 0, "Build a tuple out of the topmost stack slice, after markobject."),
            new("TUPLE1", 0x85, A.None, [S.Any], [S.Tuple], 2, "Build a one-tuple out of the topmost item on the stack."),
            new("TUPLE2", 0x86, A.None, [S.Any, S.Any], [S.Tuple], 2, "Build a two-tuple out of the top two items on the stack."),
            new("TUPLE3", 0x87, A.None, [S.Any, S.Any, S.Any], [S.Tuple], 2, "Build a three-tuple out of the top three items on the stack."),
            new("EMPTY_DICT", 0x7d, A.None, [], [S.Dict], 1, "Push an empty dict."),
            new("DICT", 0x64, A.None, [S.Mark, S.StackSlice], [S.Dict], 0, "Build a dict out of the topmost stack slice, after markobject."),
            new("SETITEM", 0x73, A.None, [S.Dict, S.Any, S.Any], [S.Dict], 0, "Add a key+value pair to an existing dict."),
            new("SETITEMS", 0x75, A.None, [S.Dict, S.Mark, S.StackSlice], [S.Dict], 1, "Add an arbitrary number of key+value pairs to an existing dict."),
            new("EMPTY_SET", 0x8f, A.None, [], [S.Set], 4, "Push an empty set."),
            new("ADDITEMS", 0x90, A.None, [S.Set, S.Mark, S.StackSlice], [S.Set], 4, "Add an arbitrary number of items to an existing set."),
            new("FROZENSET", 0x91, A.None, [S.Mark, S.StackSlice], [S.FrozenSet], 4, "Build a frozenset out of the topmost slice, after markobject."),
            new("POP", 0x30, A.None, [S.Any], [], 0, "Discard the top stack item, shrinking the stack by one item."),
            new("DUP", 0x32, A.None, [S.Any], [S.Any, S.Any], 0, "Push the top stack item onto the stack again, duplicating it."),
            new("MARK", 0x28, A.None, [], [S.Mark], 0, "Push markobject onto the stack."),
            new("POP_MARK", 0x31, A.None, [S.Mark, S.StackSlice], [], 1, "Pop all the stack objects at and above the topmost markobject."),
            new("GET", 0x67, A.DecimalnlShort, [], [S.Any], 0, "Read an object from the memo and push it on the stack."),
            new("BINGET", 0x68, A.Uint1, [], [S.Any], 1, "Read an object from the memo and push it on the stack."),
            new("LONG_BINGET", 0x6a, A.Uint4, [], [S.Any], 1, "Read an object from the memo and push it on the stack."),
            new("PUT", 0x70, A.DecimalnlShort, [], [], 0, "Store the stack top into the memo.  The stack is not popped."),
            new("BINPUT", 0x71, A.Uint1, [], [], 1, "Store the stack top into the memo.  The stack is not popped."),
            new("LONG_BINPUT", 0x72, A.Uint4, [], [], 1, "Store the stack top into the memo.  The stack is not popped."),
            new("MEMOIZE", 0x94, A.None, [S.Any], [S.Any], 4, "Store the stack top into the memo.  The stack is not popped."),
            new("EXT1", 0x82, A.Uint1, [], [S.Any], 2, "Extension code."),
            new("EXT2", 0x83, A.Uint2, [], [S.Any], 2, "Extension code."),
            new("EXT4", 0x84, A.Int4, [], [S.Any], 2, "Extension code."),
            new("GLOBAL", 0x63, A.StringnlNoescapePair, [], [S.Any], 0, "Push a global object (module.attr) on the stack."),
            new("STACK_GLOBAL", 0x93, A.None, [S.Str, S.Str], [S.Any], 4, "Push a global object (module.attr) on the stack."),
            new("REDUCE", 0x52, A.None, [S.Any, S.Any], [S.Any], 0, "Push an object built from a callable and an argument tuple."),
            new("BUILD", 0x62, A.None, [S.Any, S.Any], [S.Any], 0, "Finish building an object, via __setstate__ or dict update."),
            new("INST", 0x69, A.StringnlNoescapePair, [S.Mark, S.StackSlice], [S.Any], 0, "Build a class instance."),
            new("OBJ", 0x6f, A.None, [S.Mark, S.Any, S.StackSlice], [S.Any], 1, "Build a class instance."),
            new("NEWOBJ", 0x81, A.None, [S.Any, S.Any], [S.Any], 2, "Build an object instance."),
            new("NEWOBJ_EX", 0x92, A.None, [S.Any, S.Any, S.Any], [S.Any], 4, "Build an object instance."),
            new("PROTO", 0x80, A.Uint1, [], [], 2, "Protocol version indicator."),
            new("STOP", 0x2e, A.None, [S.Any], [], 0, "Stop the unpickling machine."),
            new("FRAME", 0x95, A.Uint8, [], [], 4, "Indicate the beginning of a new frame."),
            new("PERSID", 0x50, A.StringnlNoescape, [], [S.Any], 0, "Push an object identified by a persistent ID."),
            new("BINPERSID", 0x51, A.None, [S.Any], [S.Any], 1, "Push an object identified by a persistent ID."),
        ];
        var table = new OpInfo?[256];
        foreach (OpInfo op in all)
        {
            table[op.Code] = op;
        }

        return table;
    }

    /// <summary>One row of pickletools' opcode table.</summary>
    internal sealed class OpInfo
    {
        public OpInfo(string name, byte code, ArgKind arg, StackKind[] before, StackKind[] after, int proto, string doc)
        {
            Name = name;
            Code = code;
            Arg = arg;
            Before = before;
            After = after;
            Proto = proto;
            Doc = doc;
            // "%-4s" of repr(opcode.code)[1:-1]: printable ASCII as itself, the rest as \xNN.
            CodeColumn = (code is >= 0x20 and < 0x7F ? ((char)code).ToString() : "\\x" + code.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)).PadRight(4);
            MarkIndex = System.Array.IndexOf(before, StackKind.Mark);
            PushesMark = System.Array.IndexOf(after, StackKind.Mark) >= 0;
        }

        public string Name { get; }

        public byte Code { get; }

        public ArgKind Arg { get; }

        public StackKind[] Before { get; }

        public StackKind[] After { get; }

        public int Proto { get; }

        public string Doc { get; }

        /// <summary>The opcode column of a dis line, padded to 4.</summary>
        public string CodeColumn { get; }

        /// <summary>Index of the markobject in <see cref="Before"/>, or -1.</summary>
        public int MarkIndex { get; }

        /// <summary>Whether <see cref="After"/> holds the markobject (MARK only).</summary>
        public bool PushesMark { get; }
    }
}

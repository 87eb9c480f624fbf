using PyStd.Objects;

namespace PyStd.Marshal;

// TYPE_CODE in each PyCodeLayout, field for field as Python/marshal.c of that version writes it.
public static partial class Marshal
{
    private sealed partial class Reader
    {
        private PyCode ReadCode(bool flag)
        {
            int index = Reserve(flag);
            PyCode code = layout == PyCodeLayout.Python311 ? ReadCode311() : ReadCode38(layout);
            return (PyCode)Insert(index, code)!;
        }

        private PyCode ReadCode311()
        {
            var code = new PyCode
            {
                ArgCount = ReadInt32(),
                PosOnlyArgCount = ReadInt32(),
                KwOnlyArgCount = ReadInt32(),
                StackSize = ReadInt32(),
                Flags = ReadInt32(),
            };
            code.Code = Field<byte[]>();
            code.Consts = Field<PyTuple>();
            code.Names = Field<PyTuple>();
            code.LocalsPlusNames = Field<PyTuple>();
            code.LocalsPlusKinds = Field<byte[]>();
            code.FileName = Field<string>();
            code.Name = Field<string>();
            code.QualName = Field<string>();
            code.FirstLineNo = ReadInt32();
            code.LineTable = Field<byte[]>();
            code.ExceptionTable = Field<byte[]>();

            // _PyCode_Validate.
            if (code.ArgCount < code.PosOnlyArgCount || code.PosOnlyArgCount < 0 || code.KwOnlyArgCount < 0
                || code.LocalsPlusNames.Count != code.LocalsPlusKinds.Length || code.Code.Length % 2 != 0)
            {
                throw Error("bad argument to internal function", "SystemError");
            }

            CheckNames(code.Names, code.LocalsPlusNames);
            return code;
        }

        private PyCode ReadCode38(PyCodeLayout codeLayout)
        {
            var code = new PyCode
            {
                Layout = codeLayout,
                ArgCount = ReadInt32(),
                PosOnlyArgCount = ReadInt32(),
                KwOnlyArgCount = ReadInt32(),
                NLocals = ReadInt32(),
                StackSize = ReadInt32(),
                Flags = ReadInt32(),
            };
            code.Code = Field<byte[]>();
            code.Consts = Field<PyTuple>();
            code.Names = Field<PyTuple>();
            code.VarNames = Field<PyTuple>();
            code.FreeVars = Field<PyTuple>();
            code.CellVars = Field<PyTuple>();
            code.FileName = Field<string>();
            code.Name = Field<string>();
            code.QualName = code.Name;
            code.FirstLineNo = ReadInt32();
            code.LineTable = Field<byte[]>();

            // PyCode_NewWithPosOnlyArgs's argument checks (3.8–3.10).
            if (code.ArgCount < code.PosOnlyArgCount || code.PosOnlyArgCount < 0 || code.KwOnlyArgCount < 0
                || code.NLocals < 0 || code.StackSize < 0 || code.Flags < 0)
            {
                throw Error("bad argument to internal function", "SystemError");
            }

            CheckNames(code.Names, code.VarNames, code.FreeVars, code.CellVars);
            return code;
        }

        /// <summary>CPython's <c>intern_strings</c>: every name tuple holds only strings.</summary>
        private void CheckNames(params ReadOnlySpan<PyTuple> tuples)
        {
            foreach (PyTuple tuple in tuples)
            {
                foreach (object? item in tuple.AsSpan())
                {
                    if (item is not string)
                    {
                        throw Error("non-string found in code slot", "SystemError");
                    }
                }
            }
        }
    }

    private sealed partial class Writer
    {
        private void WriteCode(PyCode code, int flag)
        {
            Byte('c' | flag);
            Int32(code.ArgCount);
            Int32(code.PosOnlyArgCount);
            Int32(code.KwOnlyArgCount);
            if (code.Layout == PyCodeLayout.Python311)
            {
                Int32(code.StackSize);
                Int32(code.Flags);
                WriteObject(code.Code);
                WriteObject(code.Consts);
                WriteObject(code.Names);
                WriteObject(code.LocalsPlusNames);
                WriteObject(code.LocalsPlusKinds);
                WriteObject(code.FileName);
                WriteObject(code.Name);
                WriteObject(code.QualName);
                Int32(code.FirstLineNo);
                WriteObject(code.LineTable);
                WriteObject(code.ExceptionTable);
                return;
            }

            Int32(code.NLocals);
            Int32(code.StackSize);
            Int32(code.Flags);
            WriteObject(code.Code);
            WriteObject(code.Consts);
            WriteObject(code.Names);
            WriteObject(code.VarNames);
            WriteObject(code.FreeVars);
            WriteObject(code.CellVars);
            WriteObject(code.FileName);
            WriteObject(code.Name);
            Int32(code.FirstLineNo);
            WriteObject(code.LineTable);
        }
    }
}

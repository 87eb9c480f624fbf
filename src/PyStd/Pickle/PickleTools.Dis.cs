using System.Globalization;
using System.Numerics;
using System.Text;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <content>
/// <c>pickletools.dis</c>: the crude emulation of the unpickler's stack and memo that finds where
/// each <c>MARK</c> ends (for the indentation), and the sanity checks, in the order pickletools makes
/// them so the same problem is reported at the same line.
/// </content>
public static partial class PickleTools
{
    private static void Disassemble(ReadOnlySpan<byte> pickle, TextWriter output, int indentLevel, int annotate)
    {
        var stack = new List<StackKind>();
        var memo = new Dictionary<BigInteger, StackKind>();
        var markStack = new List<int>();
        int maxProto = -1;
        string indentChunk = new(' ', Math.Max(0, indentLevel));
        int annoCol = annotate;
        var line = new StringBuilder(80);
        var reader = new OpReader(pickle, materialize: true);
        while (true)
        {
            int pos = reader.Position;
            OpInfo op = reader.Next(out object? arg);

            // print("%5d:" % pos, end=' ')
            output.Write(pos.ToString(CultureInfo.InvariantCulture).PadLeft(5));
            output.Write(": ");

            line.Clear();
            line.Append(op.CodeColumn).Append(' ');
            for (int i = 0; i < markStack.Count; i++)
            {
                line.Append(indentChunk);
            }

            line.Append(op.Name);
            maxProto = Math.Max(maxProto, op.Proto);
            StackKind[] after = op.After;
            int numToPop = op.Before.Length;

            // See whether a MARK should be popped.
            string? markMsg = null;
            string? errorMsg = null;
            if (op.MarkIndex >= 0 || (op.Code == Opcodes.Pop && stack.Count > 0 && stack[^1] == StackKind.Mark))
            {
                if (markStack.Count > 0)
                {
                    int markPos = markStack[^1];
                    markStack.RemoveAt(markStack.Count - 1);
                    markMsg = $"(MARK at {markPos.ToString(CultureInfo.InvariantCulture)})";

                    // Pop everything at and after the topmost markobject.
                    while (true)
                    {
                        if (stack.Count == 0)
                        {
                            throw new PyIndexException("list index out of range");
                        }

                        if (stack[^1] == StackKind.Mark)
                        {
                            break;
                        }

                        stack.RemoveAt(stack.Count - 1);
                    }

                    stack.RemoveAt(stack.Count - 1);
                    numToPop = Math.Max(op.MarkIndex, 0);
                }
                else
                {
                    errorMsg = markMsg = "no MARK exists on stack";
                }
            }

            // Check for correct memo usage.
            switch (op.Code)
            {
                case Opcodes.Put or Opcodes.BinPut or Opcodes.LongBinPut or Opcodes.Memoize:
                {
                    BigInteger memoIdx;
                    if (op.Code == Opcodes.Memoize)
                    {
                        memoIdx = memo.Count;
                        markMsg = $"(as {memo.Count.ToString(CultureInfo.InvariantCulture)})";
                    }
                    else
                    {
                        memoIdx = MemoKey(arg);
                    }

                    if (memo.ContainsKey(memoIdx))
                    {
                        errorMsg = $"memo key {PyRepr.Repr(arg)} already defined";
                    }
                    else if (stack.Count == 0)
                    {
                        errorMsg = "stack is empty -- can't store into memo";
                    }
                    else if (stack[^1] == StackKind.Mark)
                    {
                        errorMsg = "can't store markobject in the memo";
                    }
                    else
                    {
                        memo[memoIdx] = stack[^1];
                    }

                    break;
                }

                case Opcodes.Get or Opcodes.BinGet or Opcodes.LongBinGet:
                    if (memo.TryGetValue(MemoKey(arg), out StackKind stored))
                    {
                        after = [stored]; // for better stack emulation
                    }
                    else
                    {
                        errorMsg = $"memo key {PyRepr.Repr(arg)} has never been stored into";
                    }

                    break;
            }

            if (arg is not null || markMsg is not null)
            {
                // make a mild effort to align arguments
                AppendBlanks(line, 10 - op.Name.Length);
                if (arg is not null)
                {
                    line.Append(' ').Append(ArgRepr(arg));
                }

                if (markMsg is not null)
                {
                    line.Append(' ').Append(markMsg);
                }
            }

            if (annotate != 0)
            {
                int length = CodePointLength(line);
                AppendBlanks(line, annoCol - length);
                annoCol = Math.Max(length, annoCol); // len(line) after padding
                if (annoCol > 50)
                {
                    annoCol = annotate;
                }

                line.Append(' ').Append(op.Doc);
            }

            line.Append('\n');
            output.Write(line);

            if (errorMsg is not null)
            {
                // pickletools complains only after printing the offending opcode.
                throw new PyValueException(errorMsg);
            }

            // Emulate the stack effects.
            if (stack.Count < numToPop)
            {
                throw new PyValueException($"tries to pop {numToPop} items from stack with only {stack.Count} items");
            }

            stack.RemoveRange(stack.Count - numToPop, numToPop);
            if (op.PushesMark)
            {
                markStack.Add(pos);
            }

            stack.AddRange(after);
            if (op.Code == Opcodes.Stop)
            {
                break;
            }
        }

        output.Write($"highest protocol among opcodes = {maxProto.ToString(CultureInfo.InvariantCulture)}\n");
        if (stack.Count > 0)
        {
            var names = new StringBuilder("stack not empty after STOP: [");
            for (int i = 0; i < stack.Count; i++)
            {
                names.Append(i == 0 ? string.Empty : ", ").Append(s_stackNames[(int)stack[i]]);
            }

            throw new PyValueException(names.Append(']').ToString());
        }
    }

    /// <summary>A memo key as Python compares it: <c>True == 1</c>.</summary>
    private static BigInteger MemoKey(object? arg) => arg switch
    {
        long l => l,
        bool b => b ? BigInteger.One : BigInteger.Zero,
        BigInteger big => big,
        _ => throw new InvalidOperationException("A memo opcode without an integer argument."),
    };

    /// <summary><c>repr(arg)</c>, with CPython 3.11's refusal to print an int of more than 4300 digits.</summary>
    private static string ArgRepr(object arg)
    {
        switch (arg)
        {
            case SplitSurrogateString split:
                return split.Repr();
            case BigInteger big:
            {
                // Over 14,300 bits an int surely has more than 4300 digits; don't format it to find out.
                const string Message = "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
                if (BigInteger.Abs(big).GetBitLength() > 14_300)
                {
                    throw new PyValueException(Message);
                }

                string text = big.ToString(CultureInfo.InvariantCulture);
                if (text.Length - (big.Sign < 0 ? 1 : 0) > MaxStrDigits)
                {
                    throw new PyValueException(Message);
                }

                return text;
            }

            default:
                return PyRepr.Repr(arg);
        }
    }

    /// <summary>Python's <c>len(line)</c>: code points, a surrogate pair counting once.</summary>
    private static int CodePointLength(StringBuilder sb)
    {
        int length = sb.Length;
        for (int i = 0; i + 1 < sb.Length; i++)
        {
            if (char.IsHighSurrogate(sb[i]) && char.IsLowSurrogate(sb[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }
}

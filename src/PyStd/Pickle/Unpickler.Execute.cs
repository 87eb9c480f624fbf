using System.Buffers.Binary;
using System.Numerics;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <content>The opcode loop (CPython's <c>load()</c> in <c>Modules/_pickle.c</c>).</content>
public sealed partial class Unpickler
{
    private static readonly object s_true = true;
    private static readonly object s_false = false;
    private static readonly object[] s_smallInts = CreateSmallInts();

    /// <summary>Slots in the cache of recently boxed ints (a power of two).</summary>
    private const int IntBoxCacheSize = 256;

    private readonly object?[] _intBoxes = new object?[IntBoxCacheSize];

    private static object[] CreateSmallInts()
    {
        var ints = new object[1024 + 5];
        for (int i = 0; i < ints.Length; i++)
        {
            ints[i] = (long)(i - 5);
        }

        return ints;
    }

    /// <summary>A boxed int, shared for the small ones.</summary>
    private static object BoxSmallInt(long value) =>
        (ulong)(value + 5) < (ulong)s_smallInts.Length ? s_smallInts[value + 5] : value;

    /// <summary>A boxed int, shared for the small ones and for recently boxed values.</summary>
    private object BoxInt(long value)
    {
        if ((ulong)(value + 5) < (ulong)s_smallInts.Length)
        {
            return s_smallInts[value + 5];
        }

        // Boxed ints are immutable, so a recent box of the same value is shared: records that repeat
        // a number (an id, then a tuple holding it) then cost one box instead of several.
        ref object? slot = ref _intBoxes[(int)value & (IntBoxCacheSize - 1)];
        if (slot is long cached && cached == value)
        {
            return slot;
        }

        object box = value;
        slot = box;
        return box;
    }

    private object? Execute(ref PickleInput input, ref long opcodeOffset)
    {
        while (true)
        {
            opcodeOffset = input.Offset;
            if (!input.TryReadByte(out byte op))
            {
                throw new UnpicklingException("Ran out of input");
            }

            switch (op)
            {
                // ---- protocol 2+ framing and control ----
                case Opcodes.Proto:
                {
                    byte p = input.ReadByte();
                    if (p > Pickle.HighestProtocol)
                    {
                        throw new UnpicklingException($"unsupported pickle protocol: {p}");
                    }

                    _proto = p;
                    break;
                }

                case Opcodes.Frame:
                {
                    ulong length = BinaryPrimitives.ReadUInt64LittleEndian(input.Read(8));
                    if (length > long.MaxValue)
                    {
                        throw new UnpicklingException($"FRAME length exceeds system's maximum of {long.MaxValue} bytes");
                    }

                    input.Prefetch((long)length);
                    break;
                }

                case Opcodes.Stop:
                {
                    object? value = Pop();
                    return value;
                }

                case Opcodes.Mark:
                    PushMark();
                    break;

                case Opcodes.Pop:
                    // load_pop: a mark at the top of the stack is popped instead of a value.
                    if (_markCount > 0 && _marks[_markCount - 1] == _count)
                    {
                        PopMark();
                    }
                    else
                    {
                        Pop();
                    }

                    break;

                case Opcodes.PopMark:
                {
                    int mark = PopMark();
                    Finalize(mark);
                    Truncate(mark);
                    break;
                }

                case Opcodes.Dup:
                {
                    object? top = Top();
                    Push(top, _depths[_count - 1]);
                    break;
                }

                // ---- scalars ----
                case Opcodes.None:
                    Push(null);
                    break;
                case Opcodes.NewTrue:
                    Push(s_true);
                    break;
                case Opcodes.NewFalse:
                    Push(s_false);
                    break;
                case Opcodes.BinInt1:
                    Push(s_smallInts[input.ReadByte() + 5]);
                    break;
                case Opcodes.BinInt2:
                    Push(BoxInt(BinaryPrimitives.ReadUInt16LittleEndian(input.Read(2))));
                    break;
                case Opcodes.BinInt:
                    Push(BoxInt(BinaryPrimitives.ReadInt32LittleEndian(input.Read(4))));
                    break;
                case Opcodes.Long1:
                    Push(ReadLong(ref input, input.ReadByte()));
                    break;
                case Opcodes.Long4:
                {
                    int n = BinaryPrimitives.ReadInt32LittleEndian(input.Read(4));
                    if (n < 0)
                    {
                        throw new UnpicklingException("LONG pickle has negative byte count");
                    }

                    Push(ReadLong(ref input, n));
                    break;
                }

                case Opcodes.BinFloat:
                    Push(BinaryPrimitives.ReadDoubleBigEndian(input.Read(8)));
                    break;
                case Opcodes.Int:
                    Push(ParseIntLine(input.ReadLine()));
                    break;
                case Opcodes.Long:
                    Push(ParseLongLine(input.ReadLine()));
                    break;
                case Opcodes.Float:
                    Push(ParseFloatLine(input.ReadLine()));
                    break;

                // ---- text and bytes ----
                case Opcodes.ShortBinUnicode:
                    Push(DecodeUtf8(ReadCounted(ref input, input.ReadByte())));
                    break;
                case Opcodes.BinUnicode:
                    Push(DecodeUtf8(ReadCounted(ref input, BinaryPrimitives.ReadUInt32LittleEndian(input.Read(4)))));
                    break;
                case Opcodes.BinUnicode8:
                    Push(DecodeUtf8(ReadCounted(ref input, ReadSize8(ref input, "BINUNICODE8"))));
                    break;
                case Opcodes.Unicode:
                    Push(ParseUnicodeLine(input.ReadLine()));
                    break;
                case Opcodes.ShortBinBytes:
                    Push(ReadCounted(ref input, input.ReadByte()).ToArray());
                    break;
                case Opcodes.BinBytes:
                    Push(ReadCounted(ref input, BinaryPrimitives.ReadUInt32LittleEndian(input.Read(4))).ToArray());
                    break;
                case Opcodes.BinBytes8:
                    Push(ReadCounted(ref input, ReadSize8(ref input, "BINBYTES8")).ToArray());
                    break;
                case Opcodes.ByteArray8:
                    Push(new PyByteArray(ReadCounted(ref input, ReadSize8(ref input, "BYTEARRAY8"))));
                    break;
                case Opcodes.ShortBinString:
                    Push(_py2.Decode(ReadCounted(ref input, input.ReadByte())));
                    break;
                case Opcodes.BinString:
                {
                    int n = BinaryPrimitives.ReadInt32LittleEndian(input.Read(4));
                    if (n < 0)
                    {
                        throw new UnpicklingException("BINSTRING pickle has negative byte count");
                    }

                    Push(_py2.Decode(ReadCounted(ref input, n)));
                    break;
                }

                case Opcodes.String:
                    Push(ParseStringLine(input.ReadLine()));
                    break;

                // ---- containers ----
                case Opcodes.EmptyTuple:
                    Push(PyTuple.Empty, 1);
                    break;
                case Opcodes.Tuple1:
                case Opcodes.Tuple2:
                case Opcodes.Tuple3:
                {
                    int n = op - Opcodes.Tuple1 + 1;
                    if (_count < n)
                    {
                        throw StackUnderflow();
                    }

                    PyTuple t = PopTuple(_count - n, out int depth);
                    Push(t, depth);
                    break;
                }

                case Opcodes.Tuple:
                {
                    PyTuple t = PopTuple(PopMark(), out int depth);
                    Push(t, depth);
                    break;
                }

                case Opcodes.EmptyList:
                    Push(new List<object?>(), 1);
                    break;
                case Opcodes.List:
                {
                    List<object?> list = PopList(PopMark(), out int depth);
                    Push(list, depth);
                    break;
                }

                case Opcodes.EmptyDict:
                    Push(new PyDict(), 1);
                    break;
                case Opcodes.Dict:
                    LoadDict();
                    break;
                case Opcodes.EmptySet:
                    Push(new PySet(), 1);
                    break;
                case Opcodes.FrozenSet:
                {
                    int mark = PopMark();
                    List<object?> items = PopList(mark, out int depth);
                    Push(new PyFrozenSet(items), depth);
                    break;
                }

                case Opcodes.Append:
                    DoAppend(_count - 1);
                    break;
                case Opcodes.Appends:
                    DoAppend(PopMark());
                    break;
                case Opcodes.SetItem:
                    DoSetItems(_count - 2);
                    break;
                case Opcodes.SetItems:
                    DoSetItems(PopMark());
                    break;
                case Opcodes.AddItems:
                    DoAddItems(PopMark());
                    break;

                // ---- memo ----
                case Opcodes.BinPut:
                    Put(input.ReadByte());
                    break;
                case Opcodes.LongBinPut:
                    Put(BinaryPrimitives.ReadUInt32LittleEndian(input.Read(4)));
                    break;
                case Opcodes.Put:
                    LoadPut(input.ReadLine());
                    break;
                case Opcodes.Memoize:
                    Memoize();
                    break;
                case Opcodes.BinGet:
                    MemoGet(input.ReadByte());
                    break;
                case Opcodes.LongBinGet:
                    MemoGet(BinaryPrimitives.ReadUInt32LittleEndian(input.Read(4)));
                    break;
                case Opcodes.Get:
                    MemoGet(ParseMemoIndex(input.ReadLine(), "GET"));
                    break;

                // ---- classes and instances ----
                case Opcodes.Global:
                {
                    string module = DecodeName(input.ReadLine());
                    string name = DecodeName(input.ReadLine());
                    Push(FindClass(module, name));
                    break;
                }

                case Opcodes.StackGlobal:
                {
                    object? name = Pop();
                    object? module = Pop();
                    if (module is not string m || name is not string n)
                    {
                        throw new UnpicklingException("STACK_GLOBAL requires str");
                    }

                    Push(FindClass(m, n));
                    break;
                }

                case Opcodes.Ext1:
                    LoadExtension(input.ReadByte());
                    break;
                case Opcodes.Ext2:
                    LoadExtension(BinaryPrimitives.ReadUInt16LittleEndian(input.Read(2)));
                    break;
                case Opcodes.Ext4:
                    LoadExtension(BinaryPrimitives.ReadInt32LittleEndian(input.Read(4)));
                    break;
                case Opcodes.Reduce:
                    LoadReduce();
                    break;
                case Opcodes.NewObj:
                    LoadNewObj(useKwargs: false);
                    break;
                case Opcodes.NewObjEx:
                    LoadNewObj(useKwargs: true);
                    break;
                case Opcodes.Obj:
                    LoadObj();
                    break;
                case Opcodes.Inst:
                    LoadInst(ref input);
                    break;
                case Opcodes.Build:
                    LoadBuild();
                    break;
                case Opcodes.PersId:
                    LoadPersId(ref input);
                    break;
                case Opcodes.BinPersId:
                    LoadBinPersId();
                    break;
                case Opcodes.NextBuffer:
                    LoadNextBuffer();
                    break;
                case Opcodes.ReadOnlyBuffer:
                    LoadReadOnlyBuffer();
                    break;

                default:
                    throw InvalidLoadKey(op);
            }
        }
    }

    private static UnpicklingException InvalidLoadKey(byte op) =>
        new(op is >= 0x20 and <= 0x7E && op != (byte)'\'' && op != (byte)'\\'
            ? $"invalid load key, '{(char)op}'."
            : $"invalid load key, '\\x{op:x2}'.");

    /// <summary>Reads a declared-length payload, charging it to the allocation budget first.</summary>
    private ReadOnlySpan<byte> ReadCounted(ref PickleInput input, long length)
    {
        if (length > input.KnownRemaining)
        {
            throw Truncated();
        }

        Charge(length);
        return input.Read(length);
    }

    private static long ReadSize8(ref PickleInput input, string opcode)
    {
        ulong size = BinaryPrimitives.ReadUInt64LittleEndian(input.Read(8));
        if (size > long.MaxValue)
        {
            throw new UnpicklingException($"{opcode} exceeds system's maximum size of {long.MaxValue} bytes");
        }

        return (long)size;
    }

    /// <summary>LONG1/LONG4: little-endian two's complement.</summary>
    private object ReadLong(ref PickleInput input, int count)
    {
        if (count == 0)
        {
            return s_smallInts[5];
        }

        ReadOnlySpan<byte> bytes = ReadCounted(ref input, count);
        if (count <= 8)
        {
            long v = 0;
            for (int i = count - 1; i >= 0; i--)
            {
                v = (v << 8) | bytes[i];
            }

            int shift = 64 - (count * 8);
            return BoxInt(shift == 0 ? v : (v << shift) >> shift);
        }

        return PyInt.Normalize(new BigInteger(bytes, isUnsigned: false, isBigEndian: false));
    }

    private void Put(long index)
    {
        if (_count <= _fence)
        {
            throw StackUnderflow();
        }

        MemoPut(index, _stack[_count - 1], _depths[_count - 1]);
    }

    private void LoadPut(ReadOnlySpan<byte> line)
    {
        if (line.Length < 2)
        {
            throw Truncated();
        }

        if (_count <= _fence)
        {
            throw StackUnderflow();
        }

        long index = ParseMemoIndex(line, "PUT");
        if (index < 0)
        {
            throw new UnpicklingException("negative PUT argument");
        }

        Put(index);
    }
}

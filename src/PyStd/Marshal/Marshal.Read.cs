using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

using PyStd.Objects;

namespace PyStd.Marshal;

/// <summary>
/// Python's <c>marshal</c> module: <see cref="Loads(ReadOnlySpan{byte})"/>/<see cref="Load"/> read
/// every type code of versions 0–4 (code objects in the CPython 3.11–3.13 layout), and
/// <see cref="Dumps"/> writes them. Values map to the PyStd model: <c>None</c> → null, ints →
/// <see cref="long"/>/<see cref="BigInteger"/>, floats → <see cref="double"/>, complex →
/// <see cref="Complex"/>, bytes → <c>byte[]</c>, str → <see cref="string"/>, tuple →
/// <see cref="PyTuple"/>, list → <c>List&lt;object?&gt;</c>, dict → <see cref="PyDict"/>, set →
/// <see cref="PySet"/>, frozenset → <see cref="PyFrozenSet"/>, code → <see cref="PyCode"/>,
/// <c>StopIteration</c>/<c>Ellipsis</c> → <see cref="PyStopIteration"/>/<see cref="PyEllipsis"/>.
/// </summary>
public static partial class Marshal
{
    /// <summary>CPython's <c>MAX_MARSHAL_STACK_DEPTH</c>.</summary>
    public const int MaxDepth = 2000;

    /// <summary>The current marshal format version (CPython 3.11's <c>marshal.version</c>).</summary>
    public const int Version = 4;

    /// <summary>Reads one value from marshal data, as <c>marshal.loads</c> (trailing bytes are ignored).</summary>
    /// <param name="data">The marshal data.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MarshalException">The data is not valid marshal data.</exception>
    public static object? Loads(ReadOnlySpan<byte> data) => Loads(data.ToArray(), out _);

    /// <summary>Reads one value from marshal data, as <c>marshal.loads</c> (trailing bytes are ignored).</summary>
    /// <param name="data">The marshal data.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MarshalException">The data is not valid marshal data.</exception>
    public static object? Loads(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Loads(data, out _);
    }

    /// <summary>
    /// Reads one value from a stream, as <c>marshal.load</c>. The rest of the stream is read into
    /// memory; on a seekable stream the position is left just after the value.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MarshalException">The data is not valid marshal data.</exception>
    public static object? Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long start = stream.CanSeek ? stream.Position : 0;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        object? value = Loads(ms.ToArray(), out int consumed);
        if (stream.CanSeek)
        {
            stream.Position = start + consumed;
        }

        return value;
    }

    private static object? Loads(byte[] data, out int consumed)
    {
        var reader = new Reader(data);
        object? value;
        try
        {
            value = reader.ReadObject();
        }
        catch (MarshalException)
        {
            throw;
        }
        catch (PyTypeException e)
        {
            throw new MarshalException(e.Message, "TypeError") { Position = reader.Pos };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new MarshalException(e.Message, e) { Position = reader.Pos };
        }

        if (Reader.IsNull(value))
        {
            throw new MarshalException("NULL object in marshal data for object", "TypeError");
        }

        consumed = reader.Pos;
        return value;
    }

    private sealed class Reader(byte[] data)
    {
        private static readonly object NullMarker = new();
        private static readonly object Reserved = new();
        private readonly List<object?> _refs = [];
        private readonly HashSet<object> _building = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<object> _cyclic = new(ReferenceEqualityComparer.Instance);
        private int _depth;

        public int Pos { get; private set; }

        public static bool IsNull(object? value) => ReferenceEquals(value, NullMarker);

        private MarshalException Error(string message, string name = "ValueError") =>
            new(message, name) { Position = Pos };

        private int ReadByteOrEof() => Pos < data.Length ? data[Pos++] : -1;

        private ReadOnlySpan<byte> ReadBytes(long n)
        {
            if (n > data.Length - Pos)
            {
                throw Error("marshal data too short", "EOFError");
            }

            var span = new ReadOnlySpan<byte>(data, Pos, (int)n);
            Pos += (int)n;
            return span;
        }

        private int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

        private short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(2));

        private int ReadSize(string what)
        {
            int n = ReadInt32();
            if (n < 0)
            {
                throw Error($"bad marshal data ({what} size out of range)");
            }

            return n;
        }

        private object? Ref(bool flag, object? value)
        {
            if (flag)
            {
                _refs.Add(value);
            }

            return value;
        }

        private int Reserve(bool flag)
        {
            if (!flag)
            {
                return -1;
            }

            _refs.Add(Reserved);
            return _refs.Count - 1;
        }

        private object? Insert(int index, object? value)
        {
            if (index >= 0)
            {
                _refs[index] = value;
            }

            return value;
        }

        private object? Item(string what)
        {
            object? item = ReadObject();
            if (IsNull(item))
            {
                throw Error($"NULL object in marshal data for {what}", "TypeError");
            }

            return item;
        }

        public object? ReadObject()
        {
            int code = ReadByteOrEof();
            if (code < 0)
            {
                throw Error("EOF read where object expected", "EOFError");
            }

            _depth++;
            if (_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw Error("recursion limit exceeded");
            }

            try
            {
                return ReadBody(code);
            }
            finally
            {
                _depth--;
            }
        }

        private object? ReadBody(int code)
        {
            bool flag = (code & 0x80) != 0;
            switch ((char)(code & 0x7F))
            {
                case '0':
                    return NullMarker;
                case 'N':
                    return null;
                case 'S':
                    return PyStopIteration.Instance;
                case '.':
                    return PyEllipsis.Instance;
                case 'F':
                    return false;
                case 'T':
                    return true;
                case 'i':
                    return Ref(flag, (long)ReadInt32());
                case 'I':
                    return Ref(flag, BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8)));
                case 'l':
                    return Ref(flag, ReadLong());
                case 'f':
                    return Ref(flag, ReadFloatText());
                case 'g':
                    return Ref(flag, BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8)));
                case 'x':
                {
                    double re = ReadFloatText();
                    double im = ReadFloatText();
                    return Ref(flag, new Complex(re, im));
                }

                case 'y':
                {
                    double re = BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));
                    double im = BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));
                    return Ref(flag, new Complex(re, im));
                }

                case 's':
                {
                    int n = ReadSize("bytes object");
                    return Ref(flag, ReadBytes(n).ToArray());
                }

                case 't':
                case 'u':
                {
                    int n = ReadSize("string");
                    return Ref(flag, DecodeUtf8SurrogatePass(ReadBytes(n)));
                }

                case 'a':
                case 'A':
                {
                    int n = ReadSize("string");
                    return Ref(flag, Encoding.Latin1.GetString(ReadBytes(n)));
                }

                case 'z':
                case 'Z':
                {
                    int n = ReadByteOrEof();
                    if (n < 0)
                    {
                        throw Error("EOF read where object expected", "EOFError");
                    }

                    return Ref(flag, Encoding.Latin1.GetString(ReadBytes(n)));
                }

                case '(':
                    return ReadTuple(flag, ReadSize("tuple"));
                case ')':
                {
                    int n = ReadByteOrEof();
                    if (n < 0)
                    {
                        throw Error("EOF read where not expected", "EOFError");
                    }

                    return ReadTuple(flag, n);
                }

                case '[':
                {
                    int n = ReadSize("list");
                    var list = new List<object?>(Math.Min(n, 1 << 16));
                    Ref(flag, list);
                    for (int i = 0; i < n; i++)
                    {
                        list.Add(Item("list"));
                    }

                    return list;
                }

                case '{':
                {
                    var dict = new PyDict();
                    Ref(flag, dict);
                    while (true)
                    {
                        object? key = ReadObject();
                        if (IsNull(key))
                        {
                            break;
                        }

                        object? value = ReadObject();
                        if (IsNull(value))
                        {
                            break;
                        }

                        dict[Hashable(key)] = value;
                    }

                    return dict;
                }

                case '<':
                {
                    int n = ReadSize("set");
                    var set = new PySet();
                    Ref(flag, set);
                    for (int i = 0; i < n; i++)
                    {
                        set.Add(Hashable(Item("set")));
                    }

                    return set;
                }

                case '>':
                {
                    int n = ReadSize("set");
                    if (n == 0)
                    {
                        return Ref(flag, PyFrozenSet.Empty);
                    }

                    int index = Reserve(flag);
                    var items = new List<object?>(Math.Min(n, 1 << 16));
                    for (int i = 0; i < n; i++)
                    {
                        items.Add(Hashable(Item("set")));
                    }

                    return Insert(index, new PyFrozenSet(items));
                }

                case 'c':
                    return ReadCode(flag);
                case 'r':
                {
                    int n = ReadInt32();
                    if (n < 0 || n >= _refs.Count || ReferenceEquals(_refs[n], Reserved))
                    {
                        throw Error("bad marshal data (invalid reference)");
                    }

                    object? target = _refs[n];
                    if (target is PyTuple && _building.Contains(target))
                    {
                        _cyclic.Add(target);
                    }

                    return target;
                }

                default:
                    throw Error("bad marshal data (unknown type code)");
            }
        }

        private PyTuple ReadTuple(bool flag, int n)
        {
            if (n == 0)
            {
                return (PyTuple)Ref(flag, PyTuple.Empty)!;
            }

            var items = new object?[n <= 1 << 16 ? n : 0];
            var grow = n <= 1 << 16 ? null : new List<object?>(1 << 16);
            PyTuple? tuple = grow is null ? PyTuple.FromOwnedArray(items) : null;
            int index = grow is null ? -1 : Reserve(flag);
            if (tuple is not null)
            {
                Ref(flag, tuple);
                _building.Add(tuple);
            }

            for (int i = 0; i < n; i++)
            {
                object? item = Item("tuple");
                if (grow is null)
                {
                    items[i] = item;
                }
                else
                {
                    grow.Add(item);
                }
            }

            if (tuple is not null)
            {
                _building.Remove(tuple);
            }

            return tuple ?? (PyTuple)Insert(index, PyTuple.FromOwnedArray(grow!.ToArray()))!;
        }

        /// <summary>Refuses a key whose hash would never end: a tuple that (through tuples) contains itself.</summary>
        private object? Hashable(object? key)
        {
            if (_cyclic.Count == 0 || key is not PyTuple)
            {
                return key;
            }

            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<PyTuple>();
            stack.Push((PyTuple)key);
            while (stack.Count > 0)
            {
                PyTuple t = stack.Pop();
                if (_cyclic.Contains(t))
                {
                    throw Error("maximum recursion depth exceeded while calling a Python object", "RecursionError");
                }

                if (!seen.Add(t))
                {
                    continue;
                }

                foreach (object? item in t.AsSpan())
                {
                    if (item is PyTuple inner)
                    {
                        stack.Push(inner);
                    }
                }
            }

            return key;
        }

        private object ReadLong()
        {
            int n = ReadInt32();
            if (n == 0)
            {
                return 0L;
            }

            if (n == int.MinValue)
            {
                throw Error("bad marshal data (long size out of range)");
            }

            int count = Math.Abs(n);
            if (count > data.Length)
            {
                ReadBytes((long)count * 2);
            }

            BigInteger value;
            var digits = new int[count];
            for (int i = 0; i < count; i++)
            {
                short d = ReadInt16();
                if (d < 0)
                {
                    throw Error("bad marshal data (digit out of range in long)");
                }

                digits[i] = d;
            }

            // CPython groups the 15-bit digits in pairs; only the last one may not be zero.
            if (digits[count - 1] == 0)
            {
                throw Error("bad marshal data (unnormalized long data)");
            }

            // Pack the 15-bit digits into little-endian bytes (linear, unlike shifting a BigInteger).
            var bytes = new byte[((long)count * 15 / 8) + 2];
            int acc = 0;
            int bits = 0;
            int at = 0;
            foreach (int d in digits)
            {
                acc |= d << bits;
                bits += 15;
                while (bits >= 8)
                {
                    bytes[at++] = (byte)acc;
                    acc >>= 8;
                    bits -= 8;
                }
            }

            if (bits > 0)
            {
                bytes[at] = (byte)acc;
            }

            value = new BigInteger(bytes, isUnsigned: true);

            return PyInt.Normalize(n < 0 ? -value : value);
        }

        private double ReadFloatText()
        {
            int n = ReadByteOrEof();
            if (n < 0)
            {
                throw Error("EOF read where object expected", "EOFError");
            }

            string text = Encoding.Latin1.GetString(ReadBytes(n));
            if (!TryParseFloat(text, out double d))
            {
                throw Error($"could not convert string to float: '{text}'");
            }

            return d;
        }

        private PyCode ReadCode(bool flag)
        {
            int index = Reserve(flag);
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
            if (code.ArgCount < code.PosOnlyArgCount || code.PosOnlyArgCount < 0 || code.KwOnlyArgCount < 0
                || code.LocalsPlusNames.Count != code.LocalsPlusKinds.Length || code.Code.Length % 2 != 0)
            {
                throw Error("bad argument to internal function", "SystemError");
            }

            return (PyCode)Insert(index, code)!;
        }

        private T Field<T>()
            where T : class
        {
            object? value = ReadObject();
            if (IsNull(value))
            {
                throw Error("NULL object in marshal data for object", "TypeError");
            }

            return value as T ?? throw Error("bad argument to internal function", "SystemError");
        }

        private string DecodeUtf8SurrogatePass(ReadOnlySpan<byte> bytes)
        {
            var sb = new StringBuilder(bytes.Length);
            int i = 0;
            while (i < bytes.Length)
            {
                byte b = bytes[i];
                if (b < 0x80)
                {
                    sb.Append((char)b);
                    i++;
                    continue;
                }

                int need;
                int cp;
                int min;
                if (b >= 0xC2 && b <= 0xDF)
                {
                    need = 1;
                    cp = b & 0x1F;
                    min = 0x80;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    need = 2;
                    cp = b & 0x0F;
                    min = 0x800;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    need = 3;
                    cp = b & 0x07;
                    min = 0x10000;
                }
                else
                {
                    throw Error($"'utf-8' codec can't decode byte 0x{b:x2} in position {i}: invalid start byte", "UnicodeDecodeError");
                }

                if (i + need >= bytes.Length)
                {
                    throw Error($"'utf-8' codec can't decode byte 0x{b:x2} in position {i}: unexpected end of data", "UnicodeDecodeError");
                }

                for (int k = 1; k <= need; k++)
                {
                    byte c = bytes[i + k];
                    if ((c & 0xC0) != 0x80)
                    {
                        throw Error($"'utf-8' codec can't decode byte 0x{b:x2} in position {i}: invalid continuation byte", "UnicodeDecodeError");
                    }

                    cp = (cp << 6) | (c & 0x3F);
                }

                if (cp < min || cp > 0x10FFFF)
                {
                    throw Error($"'utf-8' codec can't decode byte 0x{b:x2} in position {i}: invalid continuation byte", "UnicodeDecodeError");
                }

                if (cp >= 0x10000)
                {
                    sb.Append(char.ConvertFromUtf32(cp));
                }
                else
                {
                    sb.Append((char)cp);
                }

                i += need + 1;
            }

            return sb.ToString();
        }
    }

    private static bool TryParseFloat(string text, out double value)
    {
        string t = text.ToLowerInvariant();
        string body = t.Length > 0 && (t[0] == '+' || t[0] == '-') ? t[1..] : t;
        bool negative = t.StartsWith('-');
        if (body is "inf" or "infinity")
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (body == "nan")
        {
            value = double.NaN;
            return true;
        }

        value = 0;
        int i = 0;
        int digits = 0;
        while (i < body.Length && char.IsAsciiDigit(body[i]))
        {
            i++;
            digits++;
        }

        if (i < body.Length && body[i] == '.')
        {
            i++;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < body.Length && body[i] == 'e')
        {
            i++;
            if (i < body.Length && (body[i] == '+' || body[i] == '-'))
            {
                i++;
            }

            int expDigits = 0;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        if (i != body.Length)
        {
            return false;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}

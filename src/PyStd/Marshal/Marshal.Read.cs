using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

using PyStd.Objects;

namespace PyStd.Marshal;

/// <summary>
/// Python's <c>marshal</c> module: <see cref="Loads(ReadOnlySpan{byte})"/>/<see cref="Load(Stream)"/> read
/// every type code of versions 0–5 (code objects in the layout of CPython 3.8–3.9, 3.10 or 3.11 and
/// later, see <see cref="PyCodeLayout"/>), and <see cref="Dumps"/> writes them. Values map to the
/// PyStd model: <c>None</c> → null, ints → <see cref="long"/>/<see cref="BigInteger"/>, floats →
/// <see cref="double"/>, complex → <see cref="Complex"/>, bytes → <c>byte[]</c>, str →
/// <see cref="string"/>, tuple → <see cref="PyTuple"/>, list → <c>List&lt;object?&gt;</c>, dict →
/// <see cref="PyDict"/>, set → <see cref="PySet"/>, frozenset → <see cref="PyFrozenSet"/>, code →
/// <see cref="PyCode"/>, slice → a <see cref="PyObject"/> <c>builtins.slice</c> (<see cref="MarshalSlice"/>),
/// <c>StopIteration</c>/<c>Ellipsis</c> → <see cref="PyStopIteration"/>/<see cref="PyEllipsis"/>.
/// </summary>
public static partial class Marshal
{
    /// <summary>CPython's <c>MAX_MARSHAL_STACK_DEPTH</c>.</summary>
    public const int MaxDepth = 2000;

    /// <summary>The current marshal format version (CPython 3.11–3.13's <c>marshal.version</c>), the default for <see cref="Dumps"/>.</summary>
    public const int Version = 4;

    /// <summary>The newest format version PyStd reads and writes: 5 (CPython 3.14, which adds slices).</summary>
    public const int MaxVersion = 5;

    /// <summary>Reads one value from marshal data, as <c>marshal.loads</c> (trailing bytes are ignored).</summary>
    /// <param name="data">The marshal data.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MarshalException">The data is not valid marshal data.</exception>
    public static object? Loads(ReadOnlySpan<byte> data) => Loads(data.ToArray(), PyCodeLayout.Python311, out _);

    /// <summary>Reads one value from marshal data, as <c>marshal.loads</c> (trailing bytes are ignored).</summary>
    /// <param name="data">The marshal data.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MarshalException">The data is not valid marshal data.</exception>
    public static object? Loads(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Loads(data, PyCodeLayout.Python311, out _);
    }

    /// <summary>
    /// Reads one value from marshal data written by a given CPython version's marshal: code objects
    /// are read in <paramref name="codeLayout"/> (everything else is the same in every version).
    /// </summary>
    /// <param name="data">The marshal data.</param>
    /// <param name="codeLayout">The code-object layout, e.g. <see cref="PyCodeLayout.Python38"/> for data CPython 3.8 wrote.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MarshalException">The data is not valid marshal data.</exception>
    public static object? Loads(byte[] data, PyCodeLayout codeLayout)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Loads(data, codeLayout, out _);
    }

    /// <summary>
    /// Reads one value from a stream, as <c>marshal.load</c>. The rest of the stream is read into
    /// memory; on a seekable stream the position is left just after the value.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MarshalException">The data is not valid marshal data.</exception>
    public static object? Load(Stream stream) => Load(stream, PyCodeLayout.Python311);

    /// <summary>Reads one value from a stream with code objects in a given layout (see <see cref="Load(Stream)"/>).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="codeLayout">The code-object layout.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MarshalException">The data is not valid marshal data.</exception>
    public static object? Load(Stream stream, PyCodeLayout codeLayout)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long start = stream.CanSeek ? stream.Position : 0;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        object? value = Loads(ms.ToArray(), codeLayout, out int consumed);
        if (stream.CanSeek)
        {
            stream.Position = start + consumed;
        }

        return value;
    }

    private static object? Loads(byte[] data, PyCodeLayout codeLayout, out int consumed)
    {
        if (!Enum.IsDefined(codeLayout))
        {
            throw new ArgumentOutOfRangeException(nameof(codeLayout), codeLayout, "Not a code-object layout.");
        }

        var reader = new Reader(data, codeLayout);
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

    /// <summary>
    /// The reader: one forward pass over the bytes. References (<c>FLAG_REF</c>/<c>'r'</c>) go to a
    /// plain array; small ints and booleans are cached boxes; interned strings (<c>'t'</c>,
    /// <c>'A'</c>, <c>'Z'</c>) are interned per load, as CPython does; dicts are presized to the size
    /// of the previous dict, because real data repeats record shapes.
    /// </summary>
    private sealed partial class Reader(byte[] data, PyCodeLayout layout)
    {
        private static readonly object NullMarker = new();
        private static readonly object Reserved = new();
        private static readonly object[] SmallInts = CreateSmallInts();
        private static readonly object True = true;
        private static readonly object False = false;
        private readonly byte[] _data = data;
        private object?[] _refs = [];
        private int _refCount;
        private HashSet<object>? _building;
        private HashSet<object>? _cyclic;
        private object?[]? _recentInts;
        private string?[]? _interned;
        private int _dictHint;
        private int _depth;
        private int _pos;

        public int Pos => _pos;

        public static bool IsNull(object? value) => ReferenceEquals(value, NullMarker);

        private static object[] CreateSmallInts()
        {
            var boxes = new object[262];
            for (int i = 0; i < boxes.Length; i++)
            {
                boxes[i] = (long)(i - 5);
            }

            return boxes;
        }

        private MarshalException Error(string message, string name = "ValueError") =>
            new(message, name) { Position = _pos };

        [MethodImpl(MethodImplOptions.NoInlining)]
        private MarshalException TooShort() => Error("marshal data too short", "EOFError");

        private int ReadByteOrEof() => _pos < _data.Length ? _data[_pos++] : -1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ReadOnlySpan<byte> ReadBytes(int n)
        {
            if ((uint)n > (uint)(_data.Length - _pos))
            {
                throw TooShort();
            }

            var span = new ReadOnlySpan<byte>(_data, _pos, n);
            _pos += n;
            return span;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int ReadInt32()
        {
            if (_data.Length - _pos < 4)
            {
                throw TooShort();
            }

            int v = BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(_pos));
            _pos += 4;
            return v;
        }

        private short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(2));

        private double ReadDouble()
        {
            if (_data.Length - _pos < 8)
            {
                throw TooShort();
            }

            double v = BinaryPrimitives.ReadDoubleLittleEndian(_data.AsSpan(_pos));
            _pos += 8;
            return v;
        }

        private int ReadSize(string what)
        {
            int n = ReadInt32();
            if (n < 0)
            {
                throw Error($"bad marshal data ({what} size out of range)");
            }

            return n;
        }

        /// <summary>A count of items that each take at least one byte: never more than the bytes left.</summary>
        private int Capacity(int n) => Math.Min(n, _data.Length - _pos);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private object? Ref(bool flag, object? value)
        {
            if (flag)
            {
                AddRef(value);
            }

            return value;
        }

        private void AddRef(object? value)
        {
            if (_refCount == _refs.Length)
            {
                System.Array.Resize(ref _refs, Math.Max(16, _refs.Length * 2));
            }

            _refs[_refCount++] = value;
        }

        private int Reserve(bool flag)
        {
            if (!flag)
            {
                return -1;
            }

            AddRef(Reserved);
            return _refCount - 1;
        }

        private object? Insert(int index, object? value)
        {
            if (index >= 0)
            {
                _refs[index] = value;
            }

            return value;
        }

        /// <summary>
        /// Reads a plain <c>'r'</c> reference in place when the next object is one that ReadObject would
        /// return as is (the keys and shared strings of record data), without the dispatch.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool TryReadRef(out object? value)
        {
            int pos = _pos;
            byte[] data = _data;
            if (data.Length - pos >= 5 && data[pos] == (byte)'r' && _depth < MaxDepth)
            {
                int n = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(pos + 1, 4));
                if ((uint)n < (uint)_refCount)
                {
                    object? target = _refs[n];
                    if (!ReferenceEquals(target, Reserved) && (target is not PyTuple || _building is not { Count: > 0 }))
                    {
                        _pos = pos + 5;
                        value = target;
                        return true;
                    }
                }
            }

            value = null;
            return false;
        }

        private object? Item(string what)
        {
            if (TryReadRef(out object? shared))
            {
                return shared;
            }

            object? item = ReadObject();
            if (IsNull(item))
            {
                throw Error($"NULL object in marshal data for {what}", "TypeError");
            }

            return item;
        }

        public object? ReadObject()
        {
            if (_pos >= _data.Length)
            {
                throw Error("EOF read where object expected", "EOFError");
            }

            int code = _data[_pos++];
            if (++_depth > MaxDepth || ((_depth & 31) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
            {
                throw Error("recursion limit exceeded");
            }

            object? value = ReadBody(code);
            _depth--;
            return value;
        }

        private object BoxInt(int v)
        {
            if ((uint)(v + 5) < (uint)SmallInts.Length)
            {
                return SmallInts[v + 5];
            }

            // Records repeat ints (an id, then the same number in a tuple): reuse a recent box.
            _recentInts ??= new object?[256];
            ref object? slot = ref _recentInts[v & 255];
            if (slot is long cached && cached == v)
            {
                return slot;
            }

            object box = (long)v;
            slot = box;
            return box;
        }

        private object? ReadBody(int code)
        {
            bool flag = (code & 0x80) != 0;
            switch ((char)(code & 0x7F))
            {
                case 'z':
                {
                    if (_pos >= _data.Length)
                    {
                        throw Error("EOF read where not expected", "EOFError");
                    }

                    int n = _data[_pos++];
                    return Ref(flag, Latin1(ReadBytes(n)));
                }

                case 'i':
                    return Ref(flag, BoxInt(ReadInt32()));
                case 'g':
                    return Ref(flag, ReadDouble());
                case 'r':
                    return ReadRef();
                case ')':
                {
                    int n = ReadByteOrEof();
                    if (n < 0)
                    {
                        throw Error("EOF read where not expected", "EOFError");
                    }

                    return ReadTuple(flag, n);
                }

                case '{':
                    return ReadDict(flag);
                case '[':
                    return ReadList(flag);
                case 'N':
                    return null;
                case 'F':
                    return False;
                case 'T':
                    return True;
                case '0':
                    return NullMarker;
                case 'S':
                    return PyStopIteration.Instance;
                case '.':
                    return PyEllipsis.Instance;
                case 'I':
                    return Ref(flag, BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8)));
                case 'l':
                    return Ref(flag, ReadLong());
                case 'f':
                    return Ref(flag, ReadFloatText());
                case 'x':
                {
                    double re = ReadFloatText();
                    double im = ReadFloatText();
                    return Ref(flag, new Complex(re, im));
                }

                case 'y':
                {
                    double re = ReadDouble();
                    double im = ReadDouble();
                    return Ref(flag, new Complex(re, im));
                }

                case 's':
                {
                    int n = ReadSize("bytes object");
                    return Ref(flag, ReadBytes(n).ToArray());
                }

                case 'u':
                {
                    int n = ReadSize("string");
                    return Ref(flag, DecodeUtf8(ReadBytes(n)));
                }

                case 't':
                {
                    int n = ReadSize("string");
                    ReadOnlySpan<byte> bytes = ReadBytes(n);
                    return Ref(flag, Ascii.IsValid(bytes) ? Intern(bytes) : DecodeUtf8(bytes));
                }

                case 'a':
                    return Ref(flag, Latin1(ReadBytes(ReadSize("string"))));
                case 'A':
                    return Ref(flag, Intern(ReadBytes(ReadSize("string"))));
                case 'Z':
                {
                    int n = ReadByteOrEof();
                    if (n < 0)
                    {
                        throw Error("EOF read where not expected", "EOFError");
                    }

                    return Ref(flag, Intern(ReadBytes(n)));
                }

                case '(':
                    return ReadTuple(flag, ReadSize("tuple"));
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
                    var items = new object?[Capacity(n)];
                    for (int i = 0; i < n; i++)
                    {
                        items[i] = Hashable(Item("set"));
                    }

                    return Insert(index, new PyFrozenSet(items));
                }

                case 'c':
                    return ReadCode(flag);
                case ':':
                    return ReadSlice(flag);
                default:
                    throw Error("bad marshal data (unknown type code)");
            }
        }

        private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

        /// <summary>An interned string (ASCII bytes): one instance per distinct value in a load.</summary>
        private string Intern(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > 64)
            {
                return Latin1(bytes);
            }

            uint h = (uint)bytes.Length;
            foreach (byte b in bytes)
            {
                h = (h ^ b) * 16777619u;
            }

            _interned ??= new string?[1024];
            ref string? slot = ref _interned[h & 1023];
            if (slot is not null && slot.Length == bytes.Length && Ascii.Equals(bytes, slot))
            {
                return slot;
            }

            string s = Latin1(bytes);
            slot = s;
            return s;
        }

        private object? ReadRef()
        {
            int n = ReadInt32();
            if ((uint)n >= (uint)_refCount || ReferenceEquals(_refs[n], Reserved))
            {
                throw Error("bad marshal data (invalid reference)");
            }

            object? target = _refs[n];
            if (_building is { Count: > 0 } && target is PyTuple && _building.Contains(target))
            {
                (_cyclic ??= new HashSet<object>(ReferenceEqualityComparer.Instance)).Add(target);
            }

            return target;
        }

        private List<object?> ReadList(bool flag)
        {
            int n = ReadSize("list");
            var list = new List<object?>(Capacity(n));
            Ref(flag, list);
            for (int i = 0; i < n; i++)
            {
                list.Add(Item("list"));
            }

            return list;
        }

        private PyDict ReadDict(bool flag)
        {
            var dict = new PyDict();
            if (_dictHint > 0)
            {
                dict.EnsureCapacity(_dictHint);
            }

            Ref(flag, dict);
            while (true)
            {
                if (!TryReadRef(out object? key))
                {
                    key = ReadObject();
                    if (IsNull(key))
                    {
                        break;
                    }
                }

                if (!TryReadRef(out object? value))
                {
                    value = ReadObject();
                }

                if (IsNull(value))
                {
                    break;
                }

                dict[Hashable(key)] = value;
            }

            _dictHint = Math.Min(dict.Count, 64);
            return dict;
        }

        private PyTuple ReadTuple(bool flag, int n)
        {
            if (n == 0)
            {
                return (PyTuple)Ref(flag, PyTuple.Empty)!;
            }

            if (n > _data.Length - _pos)
            {
                // Every item takes at least one byte, so this reads until CPython's error for the data.
                Ref(flag, PyTuple.Empty);
                while (true)
                {
                    Item("tuple");
                }
            }

            if (!flag && n <= 2)
            {
                // Nothing can refer to an unflagged tuple while it is built: small ones are kept inline.
                object? first = Item("tuple");
                return n == 1 ? PyTuple.Create(first) : PyTuple.Create(first, Item("tuple"));
            }

            var items = new object?[n];
            PyTuple tuple = PyTuple.FromOwnedArray(items);
            if (flag)
            {
                AddRef(tuple);
                (_building ??= new HashSet<object>(ReferenceEqualityComparer.Instance)).Add(tuple);
            }

            for (int i = 0; i < n; i++)
            {
                items[i] = Item("tuple");
            }

            if (flag)
            {
                _building!.Remove(tuple);
            }

            return tuple;
        }

        private object? ReadSlice(bool flag)
        {
            int index = Reserve(flag);
            object? start = ReadObject();
            if (IsNull(start))
            {
                return NullMarker;
            }

            object? stop = ReadObject();
            if (IsNull(stop))
            {
                return NullMarker;
            }

            object? step = ReadObject();
            if (IsNull(step))
            {
                return NullMarker;
            }

            return Insert(index, MarshalSlice.Create(start, stop, step));
        }

        /// <summary>Refuses a key whose hash would never end: a tuple that (through tuples) contains itself.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private object? Hashable(object? key) => _cyclic is not null && key is PyTuple tuple ? CheckCyclicKey(tuple, _cyclic) : key;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private PyTuple CheckCyclicKey(PyTuple key, HashSet<object> cyclic)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<PyTuple>();
            stack.Push(key);
            while (stack.Count > 0)
            {
                PyTuple t = stack.Pop();
                if (cyclic.Contains(t))
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
                return SmallInts[5];
            }

            if (n == int.MinValue)
            {
                throw Error("bad marshal data (long size out of range)");
            }

            int count = Math.Abs(n);

            // Each digit takes two bytes: the array never outgrows the data (a short read throws first).
            var digits = new int[Math.Min(count, ((_data.Length - _pos) / 2) + 1)];
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

            if (count <= 4)
            {
                long small = 0;
                for (int i = count - 1; i >= 0; i--)
                {
                    small = (small << 15) | (long)digits[i];
                }

                return n < 0 ? -small : small;
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

            var value = new BigInteger(bytes, isUnsigned: true);
            return PyInt.Normalize(n < 0 ? -value : value);
        }

        private double ReadFloatText()
        {
            int n = ReadByteOrEof();
            if (n < 0)
            {
                throw Error("EOF read where not expected", "EOFError");
            }

            string text = Encoding.Latin1.GetString(ReadBytes(n));
            if (!TryParseFloat(text, out double d))
            {
                throw Error($"could not convert string to float: '{text}'");
            }

            return d;
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

        private string DecodeUtf8(ReadOnlySpan<byte> bytes) =>
            Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : DecodeUtf8SurrogatePass(bytes);

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

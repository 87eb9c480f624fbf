using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using PyStd.Objects;

namespace PyStd.Marshal;

public static partial class Marshal
{
    /// <summary>
    /// Writes a value as marshal data, as <c>marshal.dumps(value, version)</c>. For versions 0–2
    /// the bytes equal CPython's. For versions 3–5 CPython marks an object with <c>FLAG_REF</c>
    /// when its reference count is above one; PyStd has no reference counts, so it marks the
    /// containers the graph reaches more than once (and the top-level one), <c>bytes</c> and long
    /// strings by identity and short strings by content, and writes a reference (<c>'r'</c>) when it
    /// meets them again. The bytes then differ from CPython's while python3 loads them equal, shared
    /// objects and cycles through lists, dicts and sets stay shared, and the output is deterministic.
    /// </summary>
    /// <param name="value">A model value: null, bool, integers, <see cref="BigInteger"/>, double,
    /// <see cref="Complex"/>, string, <c>byte[]</c>, <see cref="PyByteArray"/> (written as bytes),
    /// <see cref="PyTuple"/>, <c>List&lt;object?&gt;</c>, <see cref="PyDict"/>, <see cref="PySet"/>,
    /// <see cref="PyFrozenSet"/>, <see cref="PyCode"/>, <see cref="PyStopIteration"/>, <see cref="PyEllipsis"/>,
    /// and from version 5 slices (a <see cref="PyObject"/> <c>builtins.slice</c>, see <see cref="MarshalSlice"/>).</param>
    /// <param name="version">The format version, 0 to 5.</param>
    /// <returns>The marshal data.</returns>
    /// <exception cref="MarshalException">A value cannot be marshalled (<c>unmarshallable object</c>)
    /// or is nested more than <see cref="MaxDepth"/> deep.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not 0 to 5.</exception>
    public static byte[] Dumps(object? value, int version = Version)
    {
        using Writer writer = Write(value, version);
        return writer.ToArray();
    }

    /// <summary>Writes a value to a stream, as <c>marshal.dump(value, file, version)</c>.</summary>
    /// <param name="value">The value (see <see cref="Dumps"/>).</param>
    /// <param name="stream">The stream.</param>
    /// <param name="version">The format version, 0 to 5.</param>
    /// <exception cref="MarshalException">A value cannot be marshalled.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not 0 to 5.</exception>
    public static void Dump(object? value, Stream stream, int version = Version)
    {
        ArgumentNullException.ThrowIfNull(stream);

        // Written whole once complete (as CPython: nothing reaches the file if a value fails),
        // straight from the writer's buffer: no copy into a result array.
        using Writer writer = Write(value, version);
        stream.Write(writer.Written);
    }

    /// <summary>
    /// Writes a value into a buffer writer; the bytes are those of <see cref="Dumps"/>. With a writer
    /// reused across calls (an <see cref="ArrayBufferWriter{T}"/> after <c>ResetWrittenCount</c>) a large
    /// value costs no new array per call, as <see cref="Dumps"/> does.
    /// </summary>
    /// <param name="value">The value (see <see cref="Dumps"/>).</param>
    /// <param name="output">The destination; nothing is written to it if a value fails.</param>
    /// <param name="version">The format version, 0 to 5.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="MarshalException">A value cannot be marshalled.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not 0 to 5.</exception>
    public static void Dump(object? value, IBufferWriter<byte> output, int version = Version)
    {
        ArgumentNullException.ThrowIfNull(output);
        using Writer writer = Write(value, version);
        ReadOnlySpan<byte> written = writer.Written;
        written.CopyTo(output.GetSpan(written.Length));
        output.Advance(written.Length);
    }

    /// <summary>Checks the version and writes <paramref name="value"/>; the caller disposes the writer.</summary>
    private static Writer Write(object? value, int version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, MaxVersion);
        var writer = new Writer(version);
        try
        {
            writer.WriteGraph(value);
            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The writer: a pooled growable buffer written through spans. From version 3 on, containers are
    /// logged by a first pass and flagged only if met twice (see Marshal.WriteRefs.cs), bytes and
    /// long strings go through an identity table (<see cref="IdentityTable"/>) and short strings through
    /// a small content-keyed cache (<see cref="StringRefCache"/>).
    /// </summary>
    private sealed partial class Writer(int version) : IDisposable
    {
        private const int FlagRef = 0x80;

        private readonly bool _refs = version >= 3;
        private byte[] _buf = ArrayPool<byte>.Shared.Rent(256);
        private int _len;
        private int _depth;
        private int _nextRef;
        private Sharing _sharing;
        private IdentityTable _table;
        private IdentityTable _shared;
        private VisitLog _log;
        private StringRefCache _strings;

        /// <summary>The bytes written so far.</summary>
        public ReadOnlySpan<byte> Written => _buf.AsSpan(0, _len);

        public byte[] ToArray() => PooledBytes.ToArray(Written);

        public void Dispose()
        {
            PooledBytes.Return(_buf);
            _buf = [];
            _table.Release();
            _shared.Release();
            _log.Dispose();
            _strings.Dispose();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Grow(int need)
        {
            long size = Math.Max((long)_buf.Length * 2, (long)_len + need);
            if (size > System.Array.MaxLength)
            {
                size = Math.Max(System.Array.MaxLength, _len + need);
                if (size > System.Array.MaxLength)
                {
                    throw new MarshalException("unmarshallable object");
                }
            }

            _buf = PooledBytes.Grow(_buf, _len, (int)size);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Span<byte> Reserve(int n)
        {
            if (_buf.Length - _len < n)
            {
                Grow(n);
            }

            Span<byte> span = _buf.AsSpan(_len, n);
            _len += n;
            return span;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Byte(int b)
        {
            if (_len >= _buf.Length)
            {
                Grow(1);
            }

            _buf[_len++] = (byte)b;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void CodeAndInt32(int code, int v)
        {
            Span<byte> b = Reserve(5);
            b[0] = (byte)code;
            BinaryPrimitives.WriteInt32LittleEndian(b[1..], v);
        }

        private void Int32(int v) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), v);

        private void Double(double v) => BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), v);

        private void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

        private static int Size(long n) =>
            n > int.MaxValue ? throw new MarshalException("unmarshallable object") : (int)n;

        /// <summary>
        /// From version 3: the FLAG_REF bit for an object met the first time, or -1 after writing a
        /// reference to it (it was met before).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Track(object value)
        {
            if (!_refs)
            {
                return 0;
            }

            if (!_table.TryAdd(value, _nextRef, out int at))
            {
                CodeAndInt32('r', at);
                return -1;
            }

            _nextRef++;
            return FlagRef;
        }

        public void WriteObject(object? value)
        {
            if (++_depth > MaxDepth)
            {
                ThrowTooDeep();
            }

            // The common leaves first, each a single type test.
            if (value is string s)
            {
                WriteString(s);
            }
            else if (value is long l)
            {
                WriteInt(l);
            }
            else if (value is double d)
            {
                WriteFloat(d);
            }
            else if (value is null)
            {
                Byte('N');
            }
            else if (value is bool b)
            {
                Byte(b ? 'T' : 'F');
            }
            else
            {
                WriteOther(value);
            }

            _depth--;
        }

        private void WriteInt(long l)
        {
            if (l == (int)l)
            {
                CodeAndInt32('i', (int)l);
                return;
            }

            // 15-bit digits, least significant first (CPython's PyLong_MARSHAL_SHIFT).
            ulong abs = l < 0 ? (ulong)(-(l + 1)) + 1 : (ulong)l;
            Span<short> digits = stackalloc short[5];
            int n = 0;
            while (abs != 0)
            {
                digits[n++] = (short)(abs & 0x7FFF);
                abs >>= 15;
            }

            Span<byte> b = Reserve(5 + (2 * n));
            b[0] = (byte)'l';
            BinaryPrimitives.WriteInt32LittleEndian(b[1..], l < 0 ? -n : n);
            for (int i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(b[(5 + (2 * i))..], digits[i]);
            }
        }

        private void WriteFloat(double d)
        {
            if (version > 1)
            {
                Span<byte> b = Reserve(9);
                b[0] = (byte)'g';
                BinaryPrimitives.WriteDoubleLittleEndian(b[1..], d);
            }
            else
            {
                Byte('f');
                FloatText(d);
            }
        }

        private void WriteString(string s)
        {
            int flag = 0;
            if (_refs)
            {
                flag = s.Length <= StringRefCache.MaxLength ? TrackShortString(s) : Track(s);
                if (flag < 0)
                {
                    return;
                }
            }

            if (version >= 4 && WriteAscii(s, flag))
            {
                return;
            }

            // 'u': UTF-8 with lone surrogates passed through (CPython's "surrogatepass").
            long max = 5 + (3L * s.Length);
            if (_buf.Length - _len < max)
            {
                Grow((int)Math.Min(max, System.Array.MaxLength));
            }

            int start = _len;
            Span<byte> dest = _buf.AsSpan(start + 5);
            if (Utf8.FromUtf16(s, dest, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                written = EncodeUtf8SurrogatePass(s, dest);
            }

            _buf[start] = (byte)('u' | flag);
            BinaryPrimitives.WriteInt32LittleEndian(_buf.AsSpan(start + 1), written);
            _len = start + 5 + written;
        }

        /// <summary>
        /// Writes <paramref name="s"/> as <c>'z'</c> (short) or <c>'a'</c> if it is ASCII, converting and
        /// checking in one pass; false (nothing written) if it is not.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool WriteAscii(string s, int flag)
        {
            int header = s.Length < 256 ? 2 : 5;
            Span<byte> b = Reserve(header + s.Length);
            if (Ascii.FromUtf16(s, b[header..], out _) != OperationStatus.Done)
            {
                _len -= header + s.Length;
                return false;
            }

            if (header == 2)
            {
                b[0] = (byte)('z' | flag);
                b[1] = (byte)s.Length;
            }
            else
            {
                b[0] = (byte)('a' | flag);
                BinaryPrimitives.WriteInt32LittleEndian(b[1..], s.Length);
            }

            return true;
        }

        private int TrackShortString(string s)
        {
            int at = _strings.GetOrAdd(s, _nextRef);
            if (at >= 0)
            {
                CodeAndInt32('r', at);
                return -1;
            }

            _nextRef++;
            return FlagRef;
        }

        private void WriteOther(object value)
        {
            // Containers first, by exact type (one compare each); everything else after.
            Type type = value.GetType();
            if (type == typeof(PyDict) || type == typeof(List<object?>) || type == typeof(PyTuple) || type == typeof(byte[]))
            {
                WriteContainer(value, type);
                return;
            }

            switch (value)
            {
                case PyStopIteration:
                    Byte('S');
                    return;
                case PyEllipsis:
                    Byte('.');
                    return;
                case BigInteger big:
                    WriteBig(big);
                    return;
                case double or float or Half:
                    WriteFloat(value switch { float f => f, Half h => (double)h, _ => (double)value });
                    return;
                case Complex c:
                    WriteComplex(c);
                    return;
                case PyDict:
                    throw new MarshalException("unmarshallable object"); // dict subclasses (OrderedDict, Counter …), as CPython
                case List<object?> or PyByteArray or PySetBase or PyCode:
                    WriteContainer(value, type);
                    return;
            }

            if (PyInt.TryGetBigInteger(value, out BigInteger integral))
            {
                WriteBig(integral);
                return;
            }

            if (!MarshalSlice.IsSlice(value) || version < 5)
            {
                throw new MarshalException("unmarshallable object");
            }

            WriteContainer(value, type);
        }

        private void WriteContainer(object value, Type type)
        {
            if ((_depth & 31) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                ThrowTooDeep();
            }

            // A tuple of scalars is not tracked: its identity cannot be observed and writing it again
            // costs no more than its size, while tuples holding containers are (shared subgraphs and
            // cycles stay references, so the output never grows exponentially).
            int flag = type == typeof(PyTuple) && IsLeafTuple((PyTuple)value) ? 0
                : type == typeof(byte[]) || type == typeof(PyByteArray) ? Track(value)
                : TrackContainer(value);
            if (flag < 0)
            {
                return;
            }

            switch (value)
            {
                case PyDict d:
                    WriteDict(d, flag);
                    return;
                case List<object?> list:
                    WriteList(list, flag);
                    return;
                case PyTuple t:
                    WriteTuple(t, flag);
                    return;
                case byte[] bytes:
                    CodeAndInt32('s' | flag, bytes.Length);
                    Bytes(bytes);
                    return;
                case PyByteArray ba:
                    CodeAndInt32('s' | flag, ba.Count);
                    Bytes(ba.AsSpan());
                    return;
                case PySetBase set:
                    WriteSet(set, flag);
                    return;
                case PyCode code:
                    WriteCode(code, flag);
                    return;
                default:
                    Byte(':' | flag);
                    foreach (object? part in ((PyObject)value).Args.AsSpan())
                    {
                        WriteObject(part);
                    }

                    return;
            }
        }

        private static bool IsLeafTuple(PyTuple tuple)
        {
            foreach (object? item in tuple.AsSpan())
            {
                if (item is not (null or string or long or double or bool or BigInteger or Complex or byte[]))
                {
                    return false;
                }
            }

            return true;
        }

        private void WriteDict(PyDict dict, int flag)
        {
            if (_depth >= MaxDepth)
            {
                ThrowTooDeep(); // the closing NULL counts as one more level, as in CPython
            }

            Byte('{' | flag);
            int slots = dict.SlotCount;
            if (_sharing == Sharing.All)
            {
                PrefetchValues(dict, slots);
            }

            for (int i = 0; i < slots; i++)
            {
                if (dict.TryGetSlot(i, out object? key, out object? item))
                {
                    WriteObject(key);
                    WriteObject(item);
                }
            }

            Byte('0');
        }

        private void WriteList(List<object?> list, int flag)
        {
            CodeAndInt32('[' | flag, list.Count);
            Span<object?> items = CollectionsMarshal.AsSpan(list);
            for (int i = 0; i < items.Length; i++)
            {
                if (_sharing == Sharing.All && i + 1 < items.Length)
                {
                    PrefetchSlot(items[i + 1]);
                }

                WriteObject(items[i]);
            }
        }

        /// <summary>
        /// While one item of a list is written, asks for the table slot the next one will probe (a
        /// new container misses in a large table), so that the cache miss overlaps with work.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void PrefetchSlot(object? next)
        {
            if (next is not null && (next.GetType() == typeof(PyDict) || next.GetType() == typeof(List<object?>)))
            {
                _table.Prefetch(next);
            }
        }

        /// <summary>Asks for the table slots of the containers a dict is about to write, so their misses overlap.</summary>
        private void PrefetchValues(PyDict dict, int slots)
        {
            for (int i = 0; i < slots; i++)
            {
                if (dict.TryGetSlot(i, out _, out object? value))
                {
                    PrefetchSlot(value);
                }
            }
        }

        private void WriteTuple(PyTuple t, int flag)
        {
            if (version >= 4 && t.Count < 256)
            {
                Span<byte> b = Reserve(2);
                b[0] = (byte)(')' | flag);
                b[1] = (byte)t.Count;
            }
            else
            {
                CodeAndInt32('(' | flag, t.Count);
            }

            foreach (object? item in t.AsSpan())
            {
                WriteObject(item);
            }
        }

        private void WriteSet(PySetBase set, int flag)
        {
            CodeAndInt32((set is PyFrozenSet ? '>' : '<') | flag, set.Count);

            // bpo-37596: CPython writes set items in the order of sorted(set, key=marshal.dumps).
            var items = new (byte[] Key, object? Item)[set.Count];
            int n = 0;
            foreach (object? item in set)
            {
                items[n++] = (Dumps(item, version), item);
            }

            System.Array.Sort(items, 0, n, Comparer<(byte[] Key, object? Item)>.Create((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key)));
            for (int i = 0; i < n; i++)
            {
                WriteObject(items[i].Item);
            }
        }

        private void WriteComplex(Complex c)
        {
            if (version > 1)
            {
                Byte('y');
                Double(c.Real);
                Double(c.Imaginary);
            }
            else
            {
                Byte('x');
                FloatText(c.Real);
                FloatText(c.Imaginary);
            }
        }

        private void WriteBig(BigInteger value)
        {
            if (value >= int.MinValue && value <= int.MaxValue)
            {
                CodeAndInt32('i', (int)value);
                return;
            }

            if (value >= long.MinValue && value <= long.MaxValue)
            {
                WriteInt((long)value);
                return;
            }

            byte[] bytes = BigInteger.Abs(value).ToByteArray(isUnsigned: true);
            short[] digits = new short[(bytes.Length * 8 / 15) + 2];
            int n = 0;
            int acc = 0;
            int bits = 0;
            foreach (byte octet in bytes)
            {
                acc |= octet << bits;
                bits += 8;
                if (bits >= 15)
                {
                    digits[n++] = (short)(acc & 0x7FFF);
                    acc >>= 15;
                    bits -= 15;
                }
            }

            if (acc != 0)
            {
                digits[n++] = (short)acc;
            }

            while (n > 0 && digits[n - 1] == 0)
            {
                n--;
            }

            Span<byte> b = Reserve(5 + (2 * n));
            b[0] = (byte)'l';
            BinaryPrimitives.WriteInt32LittleEndian(b[1..], value.Sign < 0 ? -n : n);
            for (int i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(b[(5 + (2 * i))..], digits[i]);
            }
        }

        private void FloatText(double d)
        {
            string text = FormatG17(d);
            Span<byte> b = Reserve(1 + text.Length);
            b[0] = (byte)text.Length;
            Encoding.ASCII.GetBytes(text, b[1..]);
        }
    }

    /// <summary>C's <c>"%.17g"</c> with CPython's <c>inf</c>/<c>nan</c> spellings.</summary>
    private static string FormatG17(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        string e = d.ToString("E16", CultureInfo.InvariantCulture);
        int ePos = e.IndexOf('E', StringComparison.Ordinal);
        int exp = int.Parse(e.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        bool negative = e[0] == '-';
        string mantissaDigits = e[(negative ? 1 : 0)..ePos].Replace(".", "", StringComparison.Ordinal);
        string sign = negative ? "-" : "";
        if (d == 0)
        {
            exp = 0;
        }

        if (exp < -4 || exp >= 17)
        {
            string frac = mantissaDigits[1..].TrimEnd('0');
            string m = frac.Length > 0 ? mantissaDigits[0] + "." + frac : mantissaDigits[..1];
            string es = Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
            return sign + m + "e" + (exp < 0 ? "-" : "+") + es;
        }

        string digitsAll;
        int pointAt;
        if (exp >= 0)
        {
            digitsAll = mantissaDigits;
            pointAt = exp + 1;
        }
        else
        {
            digitsAll = new string('0', -exp) + mantissaDigits;
            pointAt = 1;
        }

        string intPart = digitsAll[..pointAt];
        string fracPart = digitsAll[pointAt..].TrimEnd('0');
        return sign + intPart + (fracPart.Length > 0 ? "." + fracPart : "");
    }

    /// <summary>UTF-8 with lone surrogates encoded as three bytes each (Python's <c>surrogatepass</c>).</summary>
    /// <returns>The number of bytes written (<paramref name="dest"/> holds at least 3 per char).</returns>
    private static int EncodeUtf8SurrogatePass(string s, Span<byte> dest)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }

            if (cp < 0x80)
            {
                dest[n++] = (byte)cp;
            }
            else if (cp < 0x800)
            {
                dest[n++] = (byte)(0xC0 | (cp >> 6));
                dest[n++] = (byte)(0x80 | (cp & 0x3F));
            }
            else if (cp < 0x10000)
            {
                dest[n++] = (byte)(0xE0 | (cp >> 12));
                dest[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                dest[n++] = (byte)(0x80 | (cp & 0x3F));
            }
            else
            {
                dest[n++] = (byte)(0xF0 | (cp >> 18));
                dest[n++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                dest[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                dest[n++] = (byte)(0x80 | (cp & 0x3F));
            }
        }

        return n;
    }
}

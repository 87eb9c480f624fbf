using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;
using PyStd.Objects;

namespace PyStd.Marshal;

public static partial class Marshal
{
    /// <summary>
    /// Writes a value as marshal data, as <c>marshal.dumps(value, version)</c>. For versions 0–2
    /// the bytes equal CPython's. For versions 3–4 CPython marks an object with <c>FLAG_REF</c>
    /// when its reference count is above one and marks interned strings; PyStd marks exactly the
    /// objects that occur more than once in the graph (by reference) and never writes interned
    /// codes, so the bytes can differ while python3 loads them equal (shared objects and cycles
    /// through lists, dicts and sets stay shared).
    /// </summary>
    /// <param name="value">A model value: null, bool, integers, <see cref="BigInteger"/>, double,
    /// <see cref="Complex"/>, string, <c>byte[]</c>, <see cref="PyByteArray"/> (written as bytes),
    /// <see cref="PyTuple"/>, <c>List&lt;object?&gt;</c>, <see cref="PyDict"/>, <see cref="PySet"/>,
    /// <see cref="PyFrozenSet"/>, <see cref="PyCode"/>, <see cref="PyStopIteration"/>, <see cref="PyEllipsis"/>.</param>
    /// <param name="version">The format version, 0 to 4.</param>
    /// <returns>The marshal data.</returns>
    /// <exception cref="MarshalException">A value cannot be marshalled (<c>unmarshallable object</c>)
    /// or is nested more than <see cref="MaxDepth"/> deep.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not 0 to 4.</exception>
    public static byte[] Dumps(object? value, int version = Version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, Version);
        var writer = new Writer(version);
        if (version >= 3)
        {
            writer.CountShared(value);
        }

        writer.WriteObject(value);
        return writer.ToArray();
    }

    /// <summary>Writes a value to a stream, as <c>marshal.dump(value, file, version)</c>.</summary>
    /// <param name="value">The value (see <see cref="Dumps"/>).</param>
    /// <param name="stream">The stream.</param>
    /// <param name="version">The format version, 0 to 4.</param>
    /// <exception cref="MarshalException">A value cannot be marshalled.</exception>
    public static void Dump(object? value, Stream stream, int version = Version)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Dumps(value, version));
    }

    private sealed class Writer(int version)
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _out = new();
        private Dictionary<object, int>? _seen;
        private Dictionary<object, int>? _index;
        private int _depth;

        public byte[] ToArray() => _out.WrittenSpan.ToArray();

        private static bool IsSimple(object? value) =>
            value is null or bool or PyStopIteration or PyEllipsis;

        // Boxed numbers are never shared in a way worth a reference slot (CPython's own choice
        // depends on refcounts); skipping them keeps this pass to containers, strings and bytes.
        private static bool IsUncounted(object? value) =>
            value is null or bool or long or double or PyStopIteration or PyEllipsis;

        public void CountShared(object? root)
        {
            _seen = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<object>();
            if (!IsUncounted(root))
            {
                stack.Push(root!);
            }

            while (stack.Count > 0)
            {
                object o = stack.Pop();
                ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_seen, o, out bool existed);
                count++;
                if (existed)
                {
                    continue;
                }

                if (o is PyDict dict)
                {
                    foreach (var (key, item) in dict)
                    {
                        PushCounted(stack, key);
                        PushCounted(stack, item);
                    }

                    continue;
                }

                if (o is PyTuple tuple)
                {
                    foreach (object? item in tuple.AsSpan())
                    {
                        PushCounted(stack, item);
                    }

                    continue;
                }

                if (o is List<object?> list)
                {
                    foreach (object? item in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list))
                    {
                        PushCounted(stack, item);
                    }

                    continue;
                }

                IEnumerable<object?>? children = o switch
                {
                    PySetBase s => s,
                    PyCode c => [c.Code, c.Consts, c.Names, c.LocalsPlusNames, c.LocalsPlusKinds, c.FileName, c.Name, c.QualName, c.LineTable, c.ExceptionTable],
                    _ => null,
                };
                if (children is null)
                {
                    continue;
                }

                foreach (object? child in children)
                {
                    PushCounted(stack, child);
                }
            }

            _index = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        }

        private static void PushCounted(Stack<object> stack, object? value)
        {
            if (!IsUncounted(value))
            {
                stack.Push(value!);
            }
        }

        private void Byte(int b)
        {
            _out.GetSpan(1)[0] = (byte)b;
            _out.Advance(1);
        }

        private void Int32(int v)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(b, v);
            _out.Write(b);
        }

        private void Double(double v)
        {
            Span<byte> b = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(b, v);
            _out.Write(b);
        }

        private void Size(long n)
        {
            if (n > int.MaxValue)
            {
                throw new MarshalException("unmarshallable object");
            }

            Int32((int)n);
        }

        private void PString(ReadOnlySpan<byte> bytes)
        {
            Size(bytes.Length);
            _out.Write(bytes);
        }

        public void WriteObject(object? value)
        {
            _depth++;
            if (_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw new MarshalException("object too deeply nested to marshal");
            }

            try
            {
                WriteBody(value);
            }
            finally
            {
                _depth--;
            }
        }

        private void WriteBody(object? value)
        {
            switch (value)
            {
                case null:
                    Byte('N');
                    return;
                case bool b:
                    Byte(b ? 'T' : 'F');
                    return;
                case PyStopIteration:
                    Byte('S');
                    return;
                case PyEllipsis:
                    Byte('.');
                    return;
            }

            int flag = 0;
            if (_index is not null && _seen!.TryGetValue(value, out int count) && count > 1)
            {
                if (_index.TryGetValue(value, out int at))
                {
                    Byte('r');
                    Int32(at);
                    return;
                }

                _index[value] = _index.Count;
                flag = 0x80;
            }

            if (PyInt.TryGetBigInteger(value, out BigInteger big) && value is not double and not float)
            {
                if (big >= int.MinValue && big <= int.MaxValue)
                {
                    Byte('i' | flag);
                    Int32((int)big);
                }
                else
                {
                    Byte('l' | flag);
                    WriteLong(big);
                }

                return;
            }

            switch (value)
            {
                case double or float or Half:
                {
                    double d = value switch { float f => f, Half h => (double)h, _ => (double)value };
                    if (version > 1)
                    {
                        Byte('g' | flag);
                        Double(d);
                    }
                    else
                    {
                        Byte('f' | flag);
                        FloatText(d);
                    }

                    return;
                }

                case Complex c:
                    if (version > 1)
                    {
                        Byte('y' | flag);
                        Double(c.Real);
                        Double(c.Imaginary);
                    }
                    else
                    {
                        Byte('x' | flag);
                        FloatText(c.Real);
                        FloatText(c.Imaginary);
                    }

                    return;
                case string s:
                    WriteString(s, flag);
                    return;
                case byte[] bytes:
                    Byte('s' | flag);
                    PString(bytes);
                    return;
                case PyByteArray ba:
                    Byte('s' | flag);
                    PString(ba.AsSpan());
                    return;
                case PyTuple t:
                    if (version >= 4 && t.Count < 256)
                    {
                        Byte(')' | flag);
                        Byte(t.Count);
                    }
                    else
                    {
                        Byte('(' | flag);
                        Size(t.Count);
                    }

                    foreach (object? item in t.AsSpan())
                    {
                        WriteObject(item);
                    }

                    return;
                case List<object?> list:
                    Byte('[' | flag);
                    Size(list.Count);
                    for (int i = 0; i < list.Count; i++)
                    {
                        WriteObject(list[i]);
                    }

                    return;
                case PyDict dict when dict.GetType() == typeof(PyDict):
                    Byte('{' | flag);
                    foreach (KeyValuePair<object?, object?> pair in dict)
                    {
                        WriteObject(pair.Key);
                        WriteObject(pair.Value);
                    }

                    Byte('0');
                    return;
                case PySetBase set:
                {
                    Byte((set is PyFrozenSet ? '>' : '<') | flag);
                    Size(set.Count);

                    // bpo-37596: CPython writes set items in the order of sorted(set, key=marshal.dumps).
                    var items = new List<(byte[] Key, object? Item)>(set.Count);
                    foreach (object? item in set)
                    {
                        var single = new Writer(version);
                        single.WriteObject(item);
                        items.Add((single.ToArray(), item));
                    }

                    items.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
                    foreach ((_, object? item) in items)
                    {
                        WriteObject(item);
                    }

                    return;
                }

                case PyCode code:
                    Byte('c' | flag);
                    Int32(code.ArgCount);
                    Int32(code.PosOnlyArgCount);
                    Int32(code.KwOnlyArgCount);
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
                default:
                    throw new MarshalException("unmarshallable object");
            }
        }

        private void WriteString(string s, int flag)
        {
            bool ascii = true;
            foreach (char ch in s)
            {
                if (ch >= 0x80)
                {
                    ascii = false;
                    break;
                }
            }

            if (version >= 4 && ascii)
            {
                if (s.Length < 256)
                {
                    Byte('z' | flag);
                    Byte(s.Length);
                }
                else
                {
                    Byte('a' | flag);
                    Size(s.Length);
                }

                _out.Write(Encoding.Latin1.GetBytes(s));
                return;
            }

            Byte('u' | flag);
            PString(EncodeUtf8SurrogatePass(s));
        }

        private void WriteLong(BigInteger value)
        {
            byte[] bytes = BigInteger.Abs(value).ToByteArray(isUnsigned: true);
            var digits = new List<short>((bytes.Length * 8 / 15) + 1);
            int acc = 0;
            int bits = 0;
            foreach (byte octet in bytes)
            {
                acc |= octet << bits;
                bits += 8;
                if (bits >= 15)
                {
                    digits.Add((short)(acc & 0x7FFF));
                    acc >>= 15;
                    bits -= 15;
                }
            }

            if (acc != 0)
            {
                digits.Add((short)acc);
            }

            while (digits.Count > 0 && digits[^1] == 0)
            {
                digits.RemoveAt(digits.Count - 1);
            }

            Int32(value.Sign < 0 ? -digits.Count : digits.Count);
            Span<byte> b = stackalloc byte[2];
            foreach (short d in digits)
            {
                BinaryPrimitives.WriteInt16LittleEndian(b, d);
                _out.Write(b);
            }
        }

        private void FloatText(double d)
        {
            byte[] text = Encoding.ASCII.GetBytes(FormatG17(d));
            Byte(text.Length);
            _out.Write(text);
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

    private static byte[] EncodeUtf8SurrogatePass(string s)
    {
        var bytes = new List<byte>(s.Length);
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
                bytes.Add((byte)cp);
            }
            else if (cp < 0x800)
            {
                bytes.Add((byte)(0xC0 | (cp >> 6)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
            }
            else if (cp < 0x10000)
            {
                bytes.Add((byte)(0xE0 | (cp >> 12)));
                bytes.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xF0 | (cp >> 18)));
                bytes.Add((byte)(0x80 | ((cp >> 12) & 0x3F)));
                bytes.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
            }
        }

        return [.. bytes];
    }
}

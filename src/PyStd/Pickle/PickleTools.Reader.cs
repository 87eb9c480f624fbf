using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <content>
/// pickletools' <c>genops</c>: reads one opcode and its argument at a time with the
/// <c>read_*</c> functions of <c>Lib/pickletools.py</c> and their <c>ValueError</c> texts.
/// </content>
public static partial class PickleTools
{
    /// <summary>A forward-only reader of opcodes over the pickle, as <c>_genops</c> over a <c>BytesIO</c>.</summary>
    private ref struct OpReader
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly bool _materialize;
        private int _pos;

        /// <param name="data">The pickle.</param>
        /// <param name="materialize">False to validate text and bytes arguments without building them (Optimize).</param>
        public OpReader(ReadOnlySpan<byte> data, bool materialize)
        {
            _data = data;
            _materialize = materialize;
            _pos = 0;
        }

        /// <summary>The offset of the next opcode (BytesIO.tell()).</summary>
        public readonly int Position => _pos;

        /// <summary>Reads the next opcode and its argument (null when it has none).</summary>
        public OpInfo Next(out object? arg)
        {
            if (_pos >= _data.Length)
            {
                throw new PyValueException("pickle exhausted before seeing STOP");
            }

            byte code = _data[_pos];
            OpInfo op = s_opcodes[code]
                ?? throw new PyValueException($"at position {_pos}, opcode {BytesRepr(_data.Slice(_pos, 1))} unknown");
            _pos++;
            arg = op.Arg == ArgKind.None ? null : ReadArg(op.Arg);
            return op;
        }

        /// <summary>f.read(n): up to n bytes, fewer at the end.</summary>
        private ReadOnlySpan<byte> Read(long n)
        {
            int take = (int)Math.Min(n, _data.Length - _pos);
            ReadOnlySpan<byte> result = _data.Slice(_pos, take);
            _pos += take;
            return result;
        }

        private ReadOnlySpan<byte> ReadExact(int n, string name)
        {
            ReadOnlySpan<byte> data = Read(n);
            if (data.Length != n)
            {
                throw new PyValueException($"not enough data in stream to read {name}");
            }

            return data;
        }

        /// <summary>f.readline(): through the next newline, or to the end.</summary>
        private ReadOnlySpan<byte> ReadLine(string name)
        {
            ReadOnlySpan<byte> rest = _data[_pos..];
            int nl = rest.IndexOf((byte)'\n');
            if (nl < 0)
            {
                _pos = _data.Length;
                throw new PyValueException($"no newline found when trying to read {name}");
            }

            _pos += nl + 1;
            return rest[..nl];
        }

        private ReadOnlySpan<byte> ReadCounted(long n, string name)
        {
            ReadOnlySpan<byte> data = Read(n);
            if (data.Length != n)
            {
                throw new PyValueException($"expected {n} bytes in a {name}, but only {data.Length} remain");
            }

            return data;
        }

        private long ReadSize8(string name)
        {
            ulong n = BinaryPrimitives.ReadUInt64LittleEndian(ReadExact(8, "uint8"));
            if (n > long.MaxValue)
            {
                throw new PyValueException($"{name} byte count > sys.maxsize: {n}");
            }

            return (long)n;
        }

        private object? ReadArg(ArgKind kind)
        {
            switch (kind)
            {
                case ArgKind.Uint1:
                    return (long)ReadExact(1, "uint1")[0];
                case ArgKind.Uint2:
                    return (long)BinaryPrimitives.ReadUInt16LittleEndian(ReadExact(2, "uint2"));
                case ArgKind.Int4:
                    return (long)BinaryPrimitives.ReadInt32LittleEndian(ReadExact(4, "int4"));
                case ArgKind.Uint4:
                    return (long)BinaryPrimitives.ReadUInt32LittleEndian(ReadExact(4, "uint4"));
                case ArgKind.Uint8:
                {
                    ulong v = BinaryPrimitives.ReadUInt64LittleEndian(ReadExact(8, "uint8"));
                    return v <= long.MaxValue ? (long)v : new BigInteger(v);
                }

                case ArgKind.DecimalnlShort:
                    return ParseDecimalShort(ReadLine("stringnl"));
                case ArgKind.DecimalnlLong:
                    return ParseDecimalLong(ReadLine("stringnl"));
                case ArgKind.Floatnl:
                    return PythonFloat(ReadLine("stringnl"));
                case ArgKind.Float8:
                    return BinaryPrimitives.ReadDoubleBigEndian(ReadExact(8, "float8"));
                case ArgKind.Stringnl:
                    return ReadStringNl(stripQuotes: true);
                case ArgKind.StringnlNoescape:
                    return ReadStringNl(stripQuotes: false);
                case ArgKind.StringnlNoescapePair:
                {
                    string module = ReadStringNl(stripQuotes: false);
                    string name = ReadStringNl(stripQuotes: false);
                    return module + " " + name;
                }

                case ArgKind.String1:
                    return Latin1(ReadCounted(ReadExact(1, "uint1")[0], "string1"));
                case ArgKind.String4:
                {
                    int n = BinaryPrimitives.ReadInt32LittleEndian(ReadExact(4, "int4"));
                    if (n < 0)
                    {
                        throw new PyValueException($"string4 byte count < 0: {n}");
                    }

                    return Latin1(ReadCounted(n, "string4"));
                }

                case ArgKind.Bytes1:
                    return Bytes(ReadCounted(ReadExact(1, "uint1")[0], "bytes1"));
                case ArgKind.Bytes4:
                    return Bytes(ReadCounted(BinaryPrimitives.ReadUInt32LittleEndian(ReadExact(4, "uint4")), "bytes4"));
                case ArgKind.Bytes8:
                    return Bytes(ReadCounted(ReadSize8("bytes8"), "bytes8"));
                case ArgKind.Bytearray8:
                {
                    ReadOnlySpan<byte> data = ReadCounted(ReadSize8("bytearray8"), "bytearray8");
                    return _materialize ? new PyByteArray(data) : null;
                }

                case ArgKind.Unicodestringnl:
                {
                    ReadOnlySpan<byte> line = ReadLine("unicodestringnl");
                    return RawUnicodeEscapeDecode(line);
                }

                case ArgKind.Unicodestring1:
                    return Utf8SurrogatePassDecode(ReadCounted(ReadExact(1, "uint1")[0], "unicodestring1"), _materialize);
                case ArgKind.Unicodestring4:
                    return Utf8SurrogatePassDecode(ReadCounted(BinaryPrimitives.ReadUInt32LittleEndian(ReadExact(4, "uint4")), "unicodestring4"), _materialize);
                case ArgKind.Unicodestring8:
                    return Utf8SurrogatePassDecode(ReadCounted(ReadSize8("unicodestring8"), "unicodestring8"), _materialize);
                case ArgKind.Long1:
                {
                    int n = ReadExact(1, "uint1")[0];
                    ReadOnlySpan<byte> data = Read(n);
                    if (data.Length != n)
                    {
                        throw new PyValueException("not enough data in stream to read long1");
                    }

                    return DecodeLong(data);
                }

                case ArgKind.Long4:
                {
                    int n = BinaryPrimitives.ReadInt32LittleEndian(ReadExact(4, "int4"));
                    if (n < 0)
                    {
                        throw new PyValueException($"long4 byte count < 0: {n}");
                    }

                    ReadOnlySpan<byte> data = Read(n);
                    if (data.Length != n)
                    {
                        throw new PyValueException("not enough data in stream to read long4");
                    }

                    return DecodeLong(data);
                }

                default:
                    throw new InvalidOperationException($"Unhandled argument kind {kind}.");
            }
        }

        private readonly string Latin1(ReadOnlySpan<byte> data) => _materialize ? Encoding.Latin1.GetString(data) : string.Empty;

        private readonly byte[]? Bytes(ReadOnlySpan<byte> data) => _materialize ? data.ToArray() : null;

        /// <summary>read_stringnl: the line, optionally without its matching quotes, escape-decoded, ASCII.</summary>
        private string ReadStringNl(bool stripQuotes)
        {
            ReadOnlySpan<byte> data = ReadLine("stringnl");
            if (stripQuotes)
            {
                if (data.Length > 0 && (data[0] == (byte)'"' || data[0] == (byte)'\''))
                {
                    byte q = data[0];
                    if (data[^1] != q)
                    {
                        throw new PyValueException(
                            $"strinq quote {BytesRepr([q])} not found at both ends of {BytesRepr(data)}");
                    }

                    // data[1:-1]: a lone quote character leaves nothing.
                    data = data.Length >= 2 ? data[1..^1] : [];
                }
                else
                {
                    throw new PyValueException($"no string quotes around {BytesRepr(data)}");
                }
            }

            return EscapeDecodeAscii(data);
        }

        /// <summary>pickle.decode_long: little-endian two's complement, empty = 0.</summary>
        private static object DecodeLong(ReadOnlySpan<byte> data)
        {
            if (data.Length <= 8)
            {
                long v = 0;
                for (int i = data.Length - 1; i >= 0; i--)
                {
                    v = (v << 8) | data[i];
                }

                if (data.Length is > 0 and < 8 && (data[^1] & 0x80) != 0)
                {
                    v -= 1L << (8 * data.Length); // sign-extend
                }

                return v;
            }

            return PyInt.Normalize(new BigInteger(data, isUnsigned: false, isBigEndian: false));
        }
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using PyStd.Objects;

namespace PyStd.Pickle;

// Atoms and byte strings: save_none, save_bool, save_long, save_float, save_unicode (with
// write_unicode_binary and raw_unicode_escape), save_bytes, save_bytearray and save_picklebuffer
// of Modules/_pickle.c.
public sealed partial class Pickler
{
    private const string Latin1 = "latin1"; // _Py_ID(latin1): one interned object, so memoised once

    private static readonly PyGlobal s_codecsEncode = new("_codecs", "encode");
    private static readonly PyGlobal s_builtinsBytes = new("builtins", "bytes");
    private static readonly PyGlobal s_builtinsByteArray = new("builtins", "bytearray");
    private static readonly PyGlobal s_builtinsComplex = new("builtins", "complex");

    private void SaveBool(bool value)
    {
        if (_proto >= 2)
        {
            WriteOp(value ? Opcodes.NewTrue : Opcodes.NewFalse);
        }
        else
        {
            // Before protocol 2, bools are INT 01 / INT 00 (which old unpicklers read as ints).
            WriteTextLine(Opcodes.Int, value ? "01" : "00");
        }
    }

    /// <summary>save_long for an int that fits 64 bits: BININT1/BININT2/BININT or INT within 32 bits, else LONG1 or LONG text.</summary>
    private void SaveInt64(long value)
    {
        if (value is >= int.MinValue and <= int.MaxValue)
        {
            if (!_bin)
            {
                Span<char> digits = stackalloc char[12];
                value.TryFormat(digits, out int n, provider: CultureInfo.InvariantCulture);
                WriteTextLine(Opcodes.Int, digits[..n]);
            }
            else if ((ulong)value <= 0xff)
            {
                WriteOp(Opcodes.BinInt1, (byte)value);
            }
            else if ((ulong)value <= 0xffff)
            {
                int p = Reserve(3);
                _buf[p] = Opcodes.BinInt2;
                BinaryPrimitives.WriteUInt16LittleEndian(_buf.AsSpan(p + 1), (ushort)value);
                _pos = p + 3;
            }
            else
            {
                int p = Reserve(5);
                _buf[p] = Opcodes.BinInt;
                BinaryPrimitives.WriteInt32LittleEndian(_buf.AsSpan(p + 1), (int)value);
                _pos = p + 5;
            }

            return;
        }

        if (_proto >= 2)
        {
            // LONG1 with the shortest little-endian two's complement.
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            int n = 8;
            while (n > 1 && ((bytes[n - 1] == 0 && bytes[n - 2] < 0x80) || (bytes[n - 1] == 0xff && bytes[n - 2] >= 0x80)))
            {
                n--;
            }

            int p = Reserve(2 + n);
            _buf[p] = Opcodes.Long1;
            _buf[p + 1] = (byte)n;
            bytes[..n].CopyTo(_buf.AsSpan(p + 2));
            _pos = p + 2 + n;
        }
        else
        {
            WriteLongText(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void SaveBigInteger(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            SaveInt64((long)value);
            return;
        }

        if (_proto < 2)
        {
            WriteLongText(value.ToString(CultureInfo.InvariantCulture));
            return;
        }

        int n = value.GetByteCount();
        if (n > int.MaxValue - 5)
        {
            throw new OverflowException("int too large to pickle");
        }

        int header = n < 256 ? 2 : 5;
        int p = Reserve(header + n);
        if (n < 256)
        {
            _buf[p] = Opcodes.Long1;
            _buf[p + 1] = (byte)n;
        }
        else
        {
            _buf[p] = Opcodes.Long4;
            BinaryPrimitives.WriteInt32LittleEndian(_buf.AsSpan(p + 1), n);
        }

        value.TryWriteBytes(_buf.AsSpan(p + header, n), out _);
        _pos = p + header + n;
    }

    // Before protocol 2 a long int is its repr with Python 2's 'L' suffix: L123456789012L\n.
    private void WriteLongText(string digits)
    {
        int p = Reserve(digits.Length + 3);
        _buf[p++] = Opcodes.Long;
        for (int i = 0; i < digits.Length; i++)
        {
            _buf[p++] = (byte)digits[i];
        }

        _buf[p++] = (byte)'L';
        _buf[p++] = (byte)'\n';
        _pos = p;
    }

    private void SaveDouble(double value)
    {
        if (_bin)
        {
            // PyFloat_Pack8, big-endian, bits as they are (a NaN keeps its sign and payload).
            int p = Reserve(9);
            _buf[p] = Opcodes.BinFloat;
            BinaryPrimitives.WriteDoubleBigEndian(_buf.AsSpan(p + 1), value);
            _pos = p + 9;
        }
        else
        {
            WriteTextLine(Opcodes.Float, PyRepr.FormatFloat(value));
        }
    }

    /// <summary>The other .NET numbers Python sees as int or float; false for anything else.</summary>
    private bool TrySaveNumber(object obj)
    {
        switch (obj)
        {
            case int i: SaveInt64(i); return true;
            case BigInteger b: SaveBigInteger(b); return true;
            case short s: SaveInt64(s); return true;
            case byte b8: SaveInt64(b8); return true;
            case sbyte sb: SaveInt64(sb); return true;
            case ushort us: SaveInt64(us); return true;
            case uint ui: SaveInt64(ui); return true;
            case ulong ul: SaveBigInteger(ul); return true;
            case nint ni: SaveInt64(ni); return true;
            case nuint nu: SaveBigInteger(nu); return true;
            case Int128 i128: SaveBigInteger(i128); return true;
            case UInt128 u128: SaveBigInteger(u128); return true;
            case float f: SaveDouble(f); return true;
            case Half h: SaveDouble((double)h); return true;
            case char c: SaveString(c.ToString()); return true;
            case Enum e: SaveBigInteger(EnumValue(e)); return true;
            default: return false;
        }
    }

    private static BigInteger EnumValue(Enum e) =>
        Type.GetTypeCode(Enum.GetUnderlyingType(e.GetType())) is TypeCode.UInt64 or TypeCode.UInt32 or TypeCode.UInt16 or TypeCode.Byte
            ? new BigInteger(Convert.ToUInt64(e, CultureInfo.InvariantCulture))
            : new BigInteger(Convert.ToInt64(e, CultureInfo.InvariantCulture));

    /// <summary>save_unicode after the memo check: the string's opcode and bytes, then its memo entry.</summary>
    private void SaveString(string s)
    {
        int slot = SmallStringSlot(s);
        if (slot >= 0)
        {
            int[] small = _smallStrings ??= new int[257];
            if (small[slot] != 0)
            {
                WriteGet(small[slot] - 1);
                return;
            }

            WriteStringData(s);
            small[slot] = _memoCount + 1;
            WritePut(_memoCount++);
            return;
        }

        if (!_memo.TryAdd(s, _memoCount, out int index))
        {
            WriteGet(index);
            return;
        }

        WriteStringData(s);
        WritePut(_memoCount++);
    }

    private void WriteStringData(string s)
    {
        if (!_bin)
        {
            WriteRawUnicodeEscape(s);
            return;
        }

        int length = s.Length;
        if (_proto >= 4 && length <= 85)
        {
            // At most 255 UTF-8 bytes: SHORT_BINUNICODE, encoded in place.
            int p = Reserve(2 + (length * 3));
            int n = EncodeUtf8(s, _buf.AsSpan(p + 2));
            _buf[p] = Opcodes.ShortBinUnicode;
            _buf[p + 1] = (byte)n;
            _pos = p + 2 + n;
            return;
        }

        if (_proto < 4 && length * 3 < FrameSizeTarget)
        {
            int p = Reserve(5 + (length * 3));
            int n = EncodeUtf8(s, _buf.AsSpan(p + 5));
            _buf[p] = Opcodes.BinUnicode;
            BinaryPrimitives.WriteInt32LittleEndian(_buf.AsSpan(p + 1), n);
            _pos = p + 5 + n;
            return;
        }

        // A lone surrogate is 3 bytes under 'surrogatepass' and as U+FFFD alike, so the count is exact.
        long size = Encoding.UTF8.GetByteCount(s);
        Span<byte> header = stackalloc byte[9];
        int headerLength = BinaryHeader(size, Opcodes.ShortBinUnicode, Opcodes.BinUnicode, Opcodes.BinUnicode8, "a string", header);
        if (size < FrameSizeTarget)
        {
            int p = Reserve(headerLength + (int)size);
            header[..headerLength].CopyTo(_buf.AsSpan(p));
            EncodeUtf8(s, _buf.AsSpan(p + headerLength));
            _pos = p + headerLength + (int)size;
            return;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent((int)size);
        try
        {
            int n = EncodeUtf8(s, rented);
            WriteHeaderAndPayload(header[..headerLength], rented.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The header of a length-prefixed opcode: the 1-byte-length form (protocol 4 and up for str,
    /// 3 and up for bytes), the 4-byte one, or the 8-byte one (protocol 4 and up).
    /// </summary>
    private int BinaryHeader(long size, byte shortOp, byte op4, byte op8, string what, Span<byte> header)
    {
        if (size <= 0xff && (_proto >= 4 || shortOp != Opcodes.ShortBinUnicode))
        {
            header[0] = shortOp;
            header[1] = (byte)size;
            return 2;
        }

        if (size <= 0xffffffffL)
        {
            header[0] = op4;
            BinaryPrimitives.WriteUInt32LittleEndian(header[1..], (uint)size);
            return 5;
        }

        if (_proto >= 4)
        {
            header[0] = op8;
            BinaryPrimitives.WriteUInt64LittleEndian(header[1..], (ulong)size);
            return 9;
        }

        throw new OverflowException($"serializing {what} larger than 4 GiB requires pickle protocol 4 or higher");
    }

    /// <summary>UTF-8 with CPython's 'surrogatepass' fallback: a lone surrogate becomes its 3-byte form.</summary>
    private static int EncodeUtf8(ReadOnlySpan<char> source, Span<byte> destination)
    {
        int i = 0;
        if (source.Length <= 32)
        {
            for (; i < source.Length; i++)
            {
                char c = source[i];
                if (c >= 0x80)
                {
                    break;
                }

                destination[i] = (byte)c;
            }

            if (i == source.Length)
            {
                return i;
            }
        }

        int total = i;
        source = source[i..];
        destination = destination[i..];
        while (true)
        {
            OperationStatus status = Utf8.FromUtf16(source, destination, out int read, out int written, replaceInvalidSequences: false);
            total += written;
            if (status == OperationStatus.Done)
            {
                return total;
            }

            char c = source[read];
            destination[written] = (byte)(0xE0 | (c >> 12));
            destination[written + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
            destination[written + 2] = (byte)(0x80 | (c & 0x3F));
            total += 3;
            source = source[(read + 1)..];
            destination = destination[(written + 3)..];
        }
    }

    /// <summary>
    /// Protocol 0's UNICODE: _pickle.c's raw_unicode_escape — code points below 256 as Latin-1 bytes,
    /// except backslash, NUL, CR, LF and ^Z as \u00XX; other BMP code points as \uXXXX; the rest as
    /// \UXXXXXXXX (lower-case hex).
    /// </summary>
    private void WriteRawUnicodeEscape(string s)
    {
        int p = Reserve(2 + (s.Length * 6));
        byte[] buf = _buf;
        buf[p++] = Opcodes.Unicode;
        for (int i = 0; i < s.Length; i++)
        {
            int c = s[i];
            if (char.IsHighSurrogate((char)c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int cp = char.ConvertToUtf32((char)c, s[++i]);
                buf[p++] = (byte)'\\';
                buf[p++] = (byte)'U';
                for (int shift = 28; shift >= 0; shift -= 4)
                {
                    buf[p++] = (byte)"0123456789abcdef"[(cp >> shift) & 0xf];
                }
            }
            else if (c >= 256 || c == '\\' || c == 0 || c == '\n' || c == '\r' || c == 0x1a)
            {
                buf[p++] = (byte)'\\';
                buf[p++] = (byte)'u';
                for (int shift = 12; shift >= 0; shift -= 4)
                {
                    buf[p++] = (byte)"0123456789abcdef"[(c >> shift) & 0xf];
                }
            }
            else
            {
                buf[p++] = (byte)c;
            }
        }

        buf[p++] = (byte)'\n';
        _pos = p;
    }

    /// <summary>
    /// save_bytes after the identity check: the value memo of b"" and one-byte bytes (CPython's
    /// singletons, unless <paramref name="fresh"/>), then the opcode or the old-protocol reduce.
    /// </summary>
    private void SaveBytes(byte[] bytes, bool fresh = false)
    {
        int slot = fresh ? -1 : bytes.Length == 0 ? 0 : bytes.Length == 1 ? bytes[0] + 1 : -1;
        if (slot >= 0 && _smallBytes is { } small && small[slot] != 0)
        {
            WriteGet(small[slot] - 1);
            return;
        }

        if (_proto >= 3)
        {
            WriteBytesData(bytes);
        }
        else
        {
            // No bytes opcode before protocol 3: bytes() for b"", else _codecs.encode(latin-1 str, 'latin1'),
            // which Python 2 reads as a str and Python 3 as bytes.
            if (bytes.Length == 0)
            {
                Save(s_builtinsBytes);
                SaveEmptyTuple();
            }
            else
            {
                Save(s_codecsEncode);
                Save(new PyTuple(Encoding.Latin1.GetString(bytes), Latin1));
            }

            WriteOp(Opcodes.Reduce);
            if (slot < 0 && _memo.TryGetValue(bytes, out int index))
            {
                WriteOp(Opcodes.Pop);
                WriteGet(index);
                return;
            }
        }

        if (slot >= 0)
        {
            (_smallBytes ??= new int[257])[slot] = _memoCount + 1;
            WritePut(_memoCount++);
        }
        else
        {
            MemoPut(bytes);
        }
    }

    /// <summary>A bytes object CPython builds anew, so not one of its singletons even when short.</summary>
    private sealed class FreshBytes(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;
    }

    private void WriteBytesData(ReadOnlySpan<byte> bytes)
    {
        Span<byte> header = stackalloc byte[9];
        int n = BinaryHeader(bytes.Length, Opcodes.ShortBinBytes, Opcodes.BinBytes, Opcodes.BinBytes8, "a bytes object", header);
        WriteHeaderAndPayload(header[..n], bytes);
    }

    private void WriteByteArrayData(ReadOnlySpan<byte> bytes)
    {
        Span<byte> header = stackalloc byte[9];
        header[0] = Opcodes.ByteArray8;
        BinaryPrimitives.WriteUInt64LittleEndian(header[1..], (ulong)bytes.Length);
        WriteHeaderAndPayload(header, bytes);
    }

    private void SaveEmptyTuple()
    {
        Boundary();
        if (_persistentId is not null && SavePersistent(PyTuple.Empty))
        {
            return;
        }

        if (_bin)
        {
            WriteOp(Opcodes.EmptyTuple);
        }
        else
        {
            WriteOp(Opcodes.Mark, Opcodes.Tuple);
        }
    }

    /// <summary>save_bytearray: BYTEARRAY8 at protocol 5, else bytearray() or bytearray(bytes) by REDUCE.</summary>
    private void SaveByteArray(PyByteArray bytearray)
    {
        if (_proto >= 5)
        {
            WriteByteArrayData(bytearray.AsSpan());
        }
        else
        {
            Save(s_builtinsByteArray);
            if (bytearray.Count == 0)
            {
                SaveEmptyTuple();
            }
            else
            {
                // PyBytes_FromObject(bytearray) makes a new bytes object even of length 1 (not the singleton).
                Save(new PyTuple(new FreshBytes(bytearray.ToArray())));
            }

            WriteOp(Opcodes.Reduce);
            if (_memo.TryGetValue(bytearray, out int index))
            {
                WriteOp(Opcodes.Pop);
                WriteGet(index);
                return;
            }
        }

        MemoPut(bytearray);
    }

    /// <summary>save_picklebuffer: in band as bytes or bytearray (memoised), or out of band as NEXT_BUFFER (not memoised).</summary>
    private void SavePickleBuffer(PickleBuffer buffer)
    {
        if (_proto < 5)
        {
            throw new PicklingException("PickleBuffer can only pickled with protocol >= 5");
        }

        bool inBand = _bufferCallback is null || _bufferCallback(buffer);
        if (!inBand)
        {
            if (buffer.IsReadOnly)
            {
                WriteOp(Opcodes.NextBuffer, Opcodes.ReadOnlyBuffer);
            }
            else
            {
                WriteOp(Opcodes.NextBuffer);
            }

            return;
        }

        if (buffer.IsReadOnly)
        {
            WriteBytesData(buffer.Memory.Span);
        }
        else
        {
            WriteByteArrayData(buffer.Memory.Span);
        }

        MemoPut(buffer);
    }

    /// <summary>complex pickles through copyreg's reducer at every protocol: builtins.complex(real, imag).</summary>
    private void SaveComplex(Complex value, object boxed)
    {
        Save(s_builtinsComplex);
        Save(new PyTuple(value.Real, value.Imaginary));
        WriteOp(Opcodes.Reduce);
        if (_memo.TryGetValue(boxed, out int index))
        {
            WriteOp(Opcodes.Pop);
            WriteGet(index);
            return;
        }

        MemoPut(boxed);
    }

    /// <summary>The opcode boundary at the start of every save(): commits a full frame, flushes to the sink.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Boundary()
    {
        if (_pos >= _boundary)
        {
            OpcodeBoundary();
        }
    }
}

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Pickle;

// The memo: memo_put/memo_get of Modules/_pickle.c. Indexes are handed out in the order objects
// are memoised, so they match CPython's exactly whatever the table looks like inside. Most objects
// are keyed by identity; the values CPython keeps as singletons ("", one Latin-1 character,
// b"" and one byte) and class references are keyed by value.
public sealed partial class Pickler
{
    private IdentityTable _memo;
    private int _memoCount;
    private int[]? _smallStrings; // "" at 0, chr(c) at c + 1; memo index + 1
    private int[]? _smallBytes;   // b"" at 0, bytes([b]) at b + 1; memo index + 1
    private Dictionary<(string Module, string Name), int>? _globals;
    private Dictionary<string, string>? _moduleNames;

    private void ClearMemoCore()
    {
        _memo.Clear();
        _memoCount = 0;
        if (_smallStrings is not null)
        {
            System.Array.Clear(_smallStrings);
        }

        if (_smallBytes is not null)
        {
            System.Array.Clear(_smallBytes);
        }

        _globals?.Clear();
        _moduleNames?.Clear();
    }

    private void ReleaseMemo()
    {
        _memo.Release();
        _globals = null;
        _moduleNames = null;
    }

    /// <summary>Memoises <paramref name="key"/> by identity under the next index and writes the PUT.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MemoPut(object key)
    {
        int index = _memoCount++;
        _memo.Add(key, index);
        WritePut(index);
    }

    /// <summary>memo_put's opcode: MEMOIZE from protocol 4, else PUT (text), BINPUT or LONG_BINPUT.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WritePut(int index)
    {
        if (_proto >= 4)
        {
            WriteOp(Opcodes.Memoize);
        }
        else if (_bin && index < 256)
        {
            WriteOp(Opcodes.BinPut, (byte)index);
        }
        else
        {
            WriteMemoIndex(Opcodes.Put, Opcodes.LongBinPut, index);
        }
    }

    /// <summary>memo_get: GET (text), BINGET or LONG_BINGET.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteGet(int index)
    {
        if (_bin && index < 256)
        {
            WriteOp(Opcodes.BinGet, (byte)index);
        }
        else
        {
            WriteMemoIndex(Opcodes.Get, Opcodes.LongBinGet, index);
        }
    }

    private void WriteMemoIndex(byte textOp, byte longOp, int index)
    {
        if (!_bin)
        {
            Span<char> digits = stackalloc char[11];
            index.TryFormat(digits, out int n, provider: System.Globalization.CultureInfo.InvariantCulture);
            WriteTextLine(textOp, digits[..n]);
            return;
        }

        int p = Reserve(5);
        _buf[p] = longOp;
        BinaryPrimitives.WriteInt32LittleEndian(_buf.AsSpan(p + 1), index);
        _pos = p + 5;
    }

    /// <summary>The memo slot of a CPython singleton string ("" or one character below U+0100), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SmallStringSlot(string s) =>
        s.Length == 0 ? 0 : s.Length == 1 && s[0] < 256 ? s[0] + 1 : -1;
}

namespace PyStd.Struct;

/// <summary>What a format code reads and writes.</summary>
internal enum CodeKind : byte
{
    /// <summary><c>x</c>: a zero byte, no value.</summary>
    Pad,

    /// <summary><c>c</c>: a <c>bytes</c> of length 1.</summary>
    Char,

    /// <summary><c>?</c>: any value's truth, read back as <c>bool</c>.</summary>
    Bool,

    /// <summary><c>b h i l q n</c>: a signed integer.</summary>
    SignedInt,

    /// <summary><c>B H I L Q N P</c>: an unsigned integer.</summary>
    UnsignedInt,

    /// <summary><c>e</c>: IEEE 754 half precision.</summary>
    Half,

    /// <summary><c>f</c>: IEEE 754 single precision.</summary>
    Float,

    /// <summary><c>d</c>: IEEE 754 double precision.</summary>
    Double,

    /// <summary><c>s</c>: bytes, padded with zeros or truncated.</summary>
    String,

    /// <summary><c>p</c>: a Pascal string, a length byte then bytes.</summary>
    Pascal,
}

/// <summary>
/// The generic fast path's view of a field: category in the high nibble, size in bytes in the
/// low nibble. A CLR type and a field match when their kinds are equal.
/// </summary>
internal static class FastKind
{
    public const byte None = 0;
    public const byte Signed = 0x10;
    public const byte Unsigned = 0x20;
    public const byte Boolean = 0x30;
    public const byte Floating = 0x40;
}

/// <summary>
/// One entry of CPython's format tables (<c>native_table</c>, <c>lilendian_table</c>,
/// <c>bigendian_table</c> in Modules/_struct.c): size, alignment, and how packing an int checks
/// its range. CPython 3.11 checks ints in two steps, each with its own message: the conversion to
/// a C <c>long</c>/<c>unsigned long</c> (<c>argument out of range</c>, or
/// <c>int too large to convert</c> for the big-endian <c>q</c>/<c>Q</c> and <c>P</c>), then
/// the code's own range (<c>short format requires …</c>). On little-endian hosts CPython swaps
/// the native pack functions into the <c>&lt;</c>/<c>=</c> table wherever the sizes agree, which
/// is why <c>&lt;h</c> reports <c>short format requires …</c> but <c>&gt;h</c> reports
/// <c>'h' format requires …</c>.
/// </summary>
internal sealed class FormatCode
{
    private FormatCode(char code, int size, int alignment, CodeKind kind)
    {
        Code = code;
        Size = size;
        Alignment = alignment;
        Kind = kind;
        FastKind = kind switch
        {
            CodeKind.SignedInt => (byte)(PyStd.Struct.FastKind.Signed | size),
            CodeKind.UnsignedInt or CodeKind.Char => (byte)(PyStd.Struct.FastKind.Unsigned | size),
            CodeKind.Bool => (byte)(PyStd.Struct.FastKind.Boolean | size),
            CodeKind.Half or CodeKind.Float or CodeKind.Double => (byte)(PyStd.Struct.FastKind.Floating | size),
            _ => PyStd.Struct.FastKind.None,
        };
    }

    /// <summary>The format character.</summary>
    public char Code { get; }

    /// <summary>Bytes per item (1 for <c>s</c>, <c>p</c>, <c>x</c>).</summary>
    public int Size { get; }

    /// <summary>Native alignment; 0 in the standard-size tables.</summary>
    public int Alignment { get; }

    /// <summary>What the code reads and writes.</summary>
    public CodeKind Kind { get; }

    /// <summary>See <see cref="PyStd.Struct.FastKind"/>.</summary>
    public byte FastKind { get; }

    /// <summary>For ints: the range of the C conversion (first check).</summary>
    public Int128 ConvertMin { get; private init; }

    /// <summary>For ints: the upper end of the first check.</summary>
    public Int128 ConvertMax { get; private init; }

    /// <summary>For ints: the message when the first check fails.</summary>
    public string ConvertMessage { get; private init; } = "";

    /// <summary>For ints: the code's own range (second check), equal to the first when there is none.</summary>
    public Int128 RangeMin { get; private init; }

    /// <summary>For ints: the upper end of the second check.</summary>
    public Int128 RangeMax { get; private init; }

    /// <summary>For ints: the message when the second check fails.</summary>
    public string RangeMessage { get; private init; } = "";

    /// <summary>For ints: the smallest <see cref="long"/> value that packs.</summary>
    public long LongMin { get; private init; }

    /// <summary>For ints: the largest <see cref="long"/> value that packs.</summary>
    public long LongMax { get; private init; }

    /// <summary>For <c>f</c>: native mode casts without CPython's overflow check (C's <c>(float)x</c>).</summary>
    public bool UncheckedFloat { get; private init; }

    private const string OutOfRange = "argument out of range";
    private const string TooLarge = "int too large to convert";

    private static readonly (Int128 Min, Int128 Max, string Message) s_long = (long.MinValue, long.MaxValue, OutOfRange);
    private static readonly (Int128 Min, Int128 Max, string Message) s_ulong = (0, ulong.MaxValue, OutOfRange);
    private static readonly (Int128 Min, Int128 Max, string Message) s_bigLongLong = (long.MinValue, long.MaxValue, TooLarge);
    private static readonly (Int128 Min, Int128 Max, string Message) s_bigULongLong = (0, ulong.MaxValue, TooLarge);
    private static readonly (Int128 Min, Int128 Max, string Message) s_pointer = (long.MinValue, ulong.MaxValue, TooLarge);

    private static FormatCode Simple(char code, int size, int alignment, CodeKind kind) => new(code, size, alignment, kind);

    private static FormatCode Float(char code, int size, int alignment, CodeKind kind, bool uncheckedFloat) =>
        new(code, size, alignment, kind) { UncheckedFloat = uncheckedFloat };

    private static FormatCode Int(char code, int size, int alignment, bool signed,
        (Int128 Min, Int128 Max, string Message) convert, Int128? min = null, Int128? max = null, string? message = null)
    {
        Int128 rangeMin = min ?? convert.Min;
        Int128 rangeMax = max ?? convert.Max;
        return new FormatCode(code, size, alignment, signed ? CodeKind.SignedInt : CodeKind.UnsignedInt)
        {
            ConvertMin = convert.Min,
            ConvertMax = convert.Max,
            ConvertMessage = convert.Message,
            RangeMin = rangeMin,
            RangeMax = rangeMax,
            RangeMessage = message ?? convert.Message,
            LongMin = (long)Int128.Max(Int128.Max(rangeMin, convert.Min), long.MinValue),
            LongMax = (long)Int128.Min(Int128.Min(rangeMax, convert.Max), long.MaxValue),
        };
    }

    private const string ByteMessage = "byte format requires -128 <= number <= 127";
    private const string UByteMessage = "ubyte format requires 0 <= number <= 255";
    private const string ShortMessage = "short format requires -32768 <= number <= 32767";
    private const string UShortMessage = "ushort format requires 0 <= number <= 65535";

    private static string SignedMessage(char code, long max) => $"'{code}' format requires {-max - 1} <= number <= {max}";

    private static string UnsignedMessage(char code, ulong max) => $"'{code}' format requires 0 <= number <= {max}";

    /// <summary>CPython's <c>native_table</c> for linux-x64 (<c>@</c> or no prefix).</summary>
    public static FormatCode?[] Native { get; } = Build(
        Simple('x', 1, 0, CodeKind.Pad),
        Int('b', 1, 0, true, s_long, sbyte.MinValue, sbyte.MaxValue, ByteMessage),
        Int('B', 1, 0, false, s_long, byte.MinValue, byte.MaxValue, UByteMessage),
        Simple('c', 1, 0, CodeKind.Char),
        Simple('s', 1, 0, CodeKind.String),
        Simple('p', 1, 0, CodeKind.Pascal),
        Int('h', 2, 2, true, s_long, short.MinValue, short.MaxValue, ShortMessage),
        Int('H', 2, 2, false, s_long, ushort.MinValue, ushort.MaxValue, UShortMessage),
        Int('i', 4, 4, true, s_long, int.MinValue, int.MaxValue, SignedMessage('i', int.MaxValue)),
        Int('I', 4, 4, false, s_ulong, uint.MinValue, uint.MaxValue, UnsignedMessage('I', uint.MaxValue)),
        Int('l', 8, 8, true, s_long),
        Int('L', 8, 8, false, s_ulong),
        Int('n', 8, 8, true, s_long),
        Int('N', 8, 8, false, s_ulong),
        Int('q', 8, 8, true, s_long),
        Int('Q', 8, 8, false, s_ulong),
        Simple('?', 1, 1, CodeKind.Bool),
        Float('e', 2, 2, CodeKind.Half, false),
        Float('f', 4, 4, CodeKind.Float, true),
        Float('d', 8, 8, CodeKind.Double, false),
        Int('P', 8, 8, false, s_pointer));

    /// <summary>CPython's <c>lilendian_table</c> (<c>&lt;</c> and, on a little-endian host, <c>=</c>).</summary>
    public static FormatCode?[] Little { get; } = Build(
        Simple('x', 1, 0, CodeKind.Pad),
        Int('b', 1, 0, true, s_long, sbyte.MinValue, sbyte.MaxValue, ByteMessage),
        Int('B', 1, 0, false, s_long, byte.MinValue, byte.MaxValue, UByteMessage),
        Simple('c', 1, 0, CodeKind.Char),
        Simple('s', 1, 0, CodeKind.String),
        Simple('p', 1, 0, CodeKind.Pascal),
        Int('h', 2, 0, true, s_long, short.MinValue, short.MaxValue, ShortMessage),
        Int('H', 2, 0, false, s_long, ushort.MinValue, ushort.MaxValue, UShortMessage),
        Int('i', 4, 0, true, s_long, int.MinValue, int.MaxValue, SignedMessage('i', int.MaxValue)),
        Int('I', 4, 0, false, s_ulong, uint.MinValue, uint.MaxValue, UnsignedMessage('I', uint.MaxValue)),
        Int('l', 4, 0, true, s_long, int.MinValue, int.MaxValue, SignedMessage('l', int.MaxValue)),
        Int('L', 4, 0, false, s_ulong, uint.MinValue, uint.MaxValue, UnsignedMessage('L', uint.MaxValue)),
        Int('q', 8, 0, true, s_long),
        Int('Q', 8, 0, false, s_ulong),
        Simple('?', 1, 0, CodeKind.Bool),
        Float('e', 2, 0, CodeKind.Half, false),
        Float('f', 4, 0, CodeKind.Float, false),
        Float('d', 8, 0, CodeKind.Double, false));

    /// <summary>CPython's <c>bigendian_table</c> (<c>&gt;</c> and <c>!</c>).</summary>
    public static FormatCode?[] Big { get; } = Build(
        Simple('x', 1, 0, CodeKind.Pad),
        Int('b', 1, 0, true, s_long, sbyte.MinValue, sbyte.MaxValue, ByteMessage),
        Int('B', 1, 0, false, s_long, byte.MinValue, byte.MaxValue, UByteMessage),
        Simple('c', 1, 0, CodeKind.Char),
        Simple('s', 1, 0, CodeKind.String),
        Simple('p', 1, 0, CodeKind.Pascal),
        Int('h', 2, 0, true, s_long, short.MinValue, short.MaxValue, SignedMessage('h', short.MaxValue)),
        Int('H', 2, 0, false, s_ulong, ushort.MinValue, ushort.MaxValue, UnsignedMessage('H', ushort.MaxValue)),
        Int('i', 4, 0, true, s_long, int.MinValue, int.MaxValue, SignedMessage('i', int.MaxValue)),
        Int('I', 4, 0, false, s_ulong, uint.MinValue, uint.MaxValue, UnsignedMessage('I', uint.MaxValue)),
        Int('l', 4, 0, true, s_long, int.MinValue, int.MaxValue, SignedMessage('l', int.MaxValue)),
        Int('L', 4, 0, false, s_ulong, uint.MinValue, uint.MaxValue, UnsignedMessage('L', uint.MaxValue)),
        Int('q', 8, 0, true, s_bigLongLong),
        Int('Q', 8, 0, false, s_bigULongLong),
        Simple('?', 1, 0, CodeKind.Bool),
        Float('e', 2, 0, CodeKind.Half, false),
        Float('f', 4, 0, CodeKind.Float, false),
        Float('d', 8, 0, CodeKind.Double, false));

    private static FormatCode?[] Build(params FormatCode[] codes)
    {
        var table = new FormatCode?[128];
        foreach (FormatCode code in codes)
        {
            table[code.Code] = code;
        }

        return table;
    }
}

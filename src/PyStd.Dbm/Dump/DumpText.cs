namespace PyStd.Dbm.Dump;

/// <summary>
/// The two encodings of a key or value on a dump line, both ways. They follow Berkeley DB 5.3's
/// <c>db_dump</c> (<c>__db_prdbt</c>) and <c>db_load</c> (<c>dbt_rdump</c>, <c>dbt_rprint</c>).
/// </summary>
internal static class DumpText
{
    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>Printable in the C locale (<c>isprint</c>): space to tilde.</summary>
    public static bool IsPrintable(byte b) => b is >= 0x20 and <= 0x7e;

    /// <summary>Writes two lowercase hex digits per byte; returns the bytes written.</summary>
    public static int EncodeHex(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ReadOnlySpan<byte> digits = HexDigits;
        int j = 0;
        foreach (byte b in data)
        {
            destination[j] = digits[b >> 4];
            destination[j + 1] = digits[b & 0xF];
            j += 2;
        }

        return j;
    }

    /// <summary>The print-format length of <paramref name="b"/>: 1, 2 (<c>\\</c>) or 3 (<c>\xx</c>).</summary>
    public static int PrintLength(byte b) => b == (byte)'\\' ? 2 : IsPrintable(b) ? 1 : 3;

    /// <summary>Writes one byte in print format; returns the bytes written.</summary>
    public static int EncodePrint(byte b, Span<byte> destination)
    {
        if (b == (byte)'\\')
        {
            destination[0] = (byte)'\\';
            destination[1] = (byte)'\\';
            return 2;
        }

        if (IsPrintable(b))
        {
            destination[0] = b;
            return 1;
        }

        destination[0] = (byte)'\\';
        destination[1] = HexDigits[b >> 4];
        destination[2] = HexDigits[b & 0xF];
        return 3;
    }

    /// <summary>Decodes hex pairs (either case).</summary>
    public static byte[] DecodeHex(ReadOnlySpan<byte> text, long lineNumber, int column)
    {
        if ((text.Length & 1) != 0)
        {
            throw new DbDumpFormatException(lineNumber, "odd number of hex digits");
        }

        byte[] result = GC.AllocateUninitializedArray<byte>(text.Length / 2);
        for (int i = 0; i < result.Length; i++)
        {
            int hi = HexValue(text[2 * i]);
            int lo = HexValue(text[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                int bad = hi < 0 ? 2 * i : (2 * i) + 1;
                throw new DbDumpFormatException(lineNumber, $"invalid hex digit {Describe(text[bad])} at column {column + bad}");
            }

            result[i] = (byte)((hi << 4) | lo);
        }

        return result;
    }

    /// <summary>Decodes print format (and <c>db_load -T</c> text): <c>\\</c>, <c>\xx</c>, every other byte as itself.</summary>
    public static byte[] DecodePrint(ReadOnlySpan<byte> text, long lineNumber, int column)
    {
        int escape = text.IndexOf((byte)'\\');
        if (escape < 0)
        {
            return text.ToArray();
        }

        byte[] buffer = GC.AllocateUninitializedArray<byte>(text.Length);
        int j = 0;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (b != (byte)'\\')
            {
                buffer[j++] = b;
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == (byte)'\\')
            {
                buffer[j++] = (byte)'\\';
                i++;
                continue;
            }

            if (i + 2 >= text.Length)
            {
                throw new DbDumpFormatException(lineNumber, $"incomplete escape at column {column + i}: a backslash needs two hex digits or a second backslash");
            }

            int hi = HexValue(text[i + 1]);
            int lo = HexValue(text[i + 2]);
            if ((hi | lo) < 0)
            {
                throw new DbDumpFormatException(lineNumber,
                    $"invalid escape at column {column + i}: a backslash needs two hex digits or a second backslash, not {Describe(hi < 0 ? text[i + 1] : text[i + 2])}");
            }

            buffer[j++] = (byte)((hi << 4) | lo);
            i += 2;
        }

        return buffer.AsSpan(0, j).ToArray();
    }

    /// <summary>A byte for an error message: <c>'x'</c> or <c>byte 0x0d</c>.</summary>
    public static string Describe(byte b) =>
        IsPrintable(b) && b != (byte)'\'' ? $"'{(char)b}'" : $"byte 0x{b:x2}";

    /// <summary>A line for an error message: at most 40 characters, non-printables escaped.</summary>
    public static string Quote(ReadOnlySpan<byte> line)
    {
        var text = new System.Text.StringBuilder();
        foreach (byte b in line[..Math.Min(line.Length, 40)])
        {
            text.Append(IsPrintable(b) ? (char)b : $"\\x{b:x2}");
        }

        return line.Length > 40 ? $"'{text}...'" : $"'{text}'";
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}

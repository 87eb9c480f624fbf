namespace PyStd.Struct;

/// <summary>A run of one code: <c>4h</c> is one run of repeat 4; <c>10s</c> one run of repeat 1 and item size 10.</summary>
/// <param name="Code">The table entry.</param>
/// <param name="Offset">Byte offset of the first item.</param>
/// <param name="Repeat">How many values the run reads or writes.</param>
/// <param name="ItemSize">Bytes per value (the count for <c>s</c> and <c>p</c>).</param>
internal readonly record struct FieldRun(FormatCode Code, int Offset, int Repeat, int ItemSize);

/// <summary>One value of a struct with at most eight, for the generic fast path.</summary>
/// <param name="Offset">Byte offset.</param>
/// <param name="Kind">See <see cref="FastKind"/>.</param>
/// <param name="Code">The format character, for error messages.</param>
internal readonly record struct FastField(int Offset, byte Kind, char Code);

/// <summary>A compiled format: what <see cref="Struct"/> keeps.</summary>
/// <param name="Runs">The runs, in order.</param>
/// <param name="Size">Total size in bytes.</param>
/// <param name="Count">Number of values.</param>
/// <param name="BigEndian">Byte order of multi-byte fields.</param>
internal sealed record StructLayout(FieldRun[] Runs, int Size, int Count, bool BigEndian);

/// <summary>
/// Compiles a format string exactly as CPython's <c>prepare_s</c> (Modules/_struct.c): the
/// byte-order prefix only as the very first character, whitespace skipped between codes but not
/// between a count and its code, native alignment applied before every code (even with count 0),
/// and the same overflow checks on counts and sizes.
/// </summary>
internal static class FormatParser
{
    private const string TooLong = "total struct size too long";

    public static StructLayout Parse(string format)
    {
        CheckAscii(format);
        if (format.Contains('\0', StringComparison.Ordinal))
        {
            StructThrow.Error("embedded null character");
        }

        int pos = 0;
        FormatCode?[] table = FormatCode.Native;
        bool bigEndian = !BitConverter.IsLittleEndian;
        if (format.Length > 0)
        {
            switch (format[0])
            {
                case '<':
                case '=':
                    // '=' is host order with standard sizes: the little-endian table on linux-x64.
                    table = FormatCode.Little;
                    bigEndian = false;
                    pos = 1;
                    break;
                case '>':
                case '!':
                    table = FormatCode.Big;
                    bigEndian = true;
                    pos = 1;
                    break;
                case '@':
                    pos = 1;
                    break;
            }
        }

        var runs = new List<(FormatCode Code, long Offset, long Repeat, long ItemSize)>();
        long size = 0;
        long count = 0;
        while (pos < format.Length)
        {
            char c = format[pos++];
            if (IsSpace(c))
            {
                continue;
            }

            long num;
            if (c is >= '0' and <= '9')
            {
                num = c - '0';
                while (true)
                {
                    c = pos < format.Length ? format[pos++] : '\0';
                    if (c is < '0' or > '9')
                    {
                        break;
                    }

                    if (num >= long.MaxValue / 10 && (num > long.MaxValue / 10 || c - '0' > long.MaxValue % 10))
                    {
                        StructThrow.Error(TooLong);
                    }

                    num = (num * 10) + (c - '0');
                }

                if (c == '\0')
                {
                    StructThrow.Error("repeat count given without format specifier");
                }
            }
            else
            {
                num = 1;
            }

            FormatCode? code = c < 128 ? table[c] : null;
            if (code is null)
            {
                StructThrow.Error("bad char in struct format");
            }

            size = Align(size, code);
            if (num > (long.MaxValue - size) / code.Size)
            {
                StructThrow.Error(TooLong);
            }

            switch (code.Kind)
            {
                case CodeKind.String:
                case CodeKind.Pascal:
                    runs.Add((code, size, 1, num));
                    count++;
                    break;
                case CodeKind.Pad:
                    break;
                default:
                    if (num > 0)
                    {
                        runs.Add((code, size, num, code.Size));
                        count += num;
                    }

                    break;
            }

            size += num * code.Size;
        }

        // A .NET buffer holds at most Array.MaxLength bytes, so a larger struct could never be packed
        // or unpacked; PyStd says so when compiling (CPython compiles it and fails allocating).
        if (size > System.Array.MaxLength || count > System.Array.MaxLength)
        {
            StructThrow.Error(TooLong);
        }

        var result = new FieldRun[runs.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var (code, offset, repeat, itemSize) = runs[i];
            result[i] = new FieldRun(code, (int)offset, (int)repeat, (int)itemSize);
        }

        return new StructLayout(result, (int)size, (int)count, bigEndian);
    }

    private static long Align(long size, FormatCode code)
    {
        if (code.Alignment > 0 && size > 0)
        {
            long extra = (code.Alignment - 1) - ((size - 1) % code.Alignment);
            if (extra > long.MaxValue - size)
            {
                StructThrow.Error(TooLong);
            }

            size += extra;
        }

        return size;
    }

    /// <summary>C's <c>Py_ISSPACE</c>: space, \t, \n, \v, \f, \r.</summary>
    private static bool IsSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');

    /// <summary>CPython encodes a <c>str</c> format as ASCII first; the error is its <c>UnicodeEncodeError</c>.</summary>
    private static void CheckAscii(string format)
    {
        int first = -1;
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] >= 128)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return;
        }

        // Positions count code points, as Python's str does.
        int start = CodePointIndex(format, first);
        int end = first;
        var run = new List<int>();
        while (end < format.Length && format[end] >= 128)
        {
            int cp = char.IsHighSurrogate(format[end]) && end + 1 < format.Length && char.IsLowSurrogate(format[end + 1])
                ? char.ConvertToUtf32(format[end], format[end + 1])
                : format[end];
            run.Add(cp);
            end += cp > 0xFFFF ? 2 : 1;
        }

        string message = run.Count == 1
            ? $"'ascii' codec can't encode character '{Escape(run[0])}' in position {start}: ordinal not in range(128)"
            : $"'ascii' codec can't encode characters in position {start}-{start + run.Count - 1}: ordinal not in range(128)";
        throw new ArgumentException(message, nameof(format));
    }

    private static int CodePointIndex(string s, int charIndex)
    {
        int index = 0;
        for (int i = 0; i < charIndex; i++)
        {
            if (!(char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1])))
            {
                index++;
            }
        }

        return index;
    }

    private static string Escape(int cp) => cp switch
    {
        < 0x100 => $"\\x{cp:x2}",
        < 0x10000 => $"\\u{cp:x4}",
        _ => $"\\U{cp:x8}",
    };
}

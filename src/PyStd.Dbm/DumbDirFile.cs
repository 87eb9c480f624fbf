using System.Buffers;
using System.Globalization;
using System.Text;
using PyStd.Objects;

namespace PyStd.Dbm;

/// <summary>
/// The <c>.dir</c> index of CPython's <c>dbm.dumb</c> (Lib/dbm/dumb.py): one line per key,
/// <c>"%r, %r\n" % (key.decode('Latin-1'), (pos, siz))</c>, read back with <c>ast.literal_eval</c>.
/// The file is Latin-1 text, so every key byte is one character.
/// </summary>
internal static class DumbDirFile
{
    /// <summary>One parsed line.</summary>
    internal readonly record struct Line(byte[] Key, long Pos, long Size);

    /// <summary>Parses the whole file; a bad line is a <see cref="DbmException"/> naming the line.</summary>
    public static List<Line> Parse(string path, string dirPath, ReadOnlySpan<byte> content)
    {
        var lines = new List<Line>();
        int lineNo = 0;
        while (!content.IsEmpty)
        {
            lineNo++;
            int nl = content.IndexOfAny((byte)'\n', (byte)'\r');
            ReadOnlySpan<byte> line = nl < 0 ? content : content[..nl];
            int skip = nl < 0 ? content.Length : nl + (content[nl] == '\r' && nl + 1 < content.Length && content[nl + 1] == '\n' ? 2 : 1);
            content = content[skip..];
            if (!TryParseFast(line, out Line parsed) && !TryParseLiteral(line, out parsed, out string? why))
            {
                string shown = Encoding.Latin1.GetString(line[..Math.Min(line.Length, 80)]);
                throw new DbmException(path, string.Create(CultureInfo.InvariantCulture,
                    $"corrupt index {dirPath} line {lineNo}: {why ?? "not a (key, (pos, siz)) entry"}: {PyRepr.Repr(shown)}{(nl < 0 ? " (the last line has no newline: the file was truncated)" : "")}"), null);
            }

            lines.Add(parsed);
        }

        return lines;
    }

    /// <summary>Writes the index as CPython does, Latin-1.</summary>
    public static byte[] Format(DumbIndex index)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, index.Count * 40));
        Span<byte> num = stackalloc byte[24];
        foreach (DumbEntry e in index.Entries())
        {
            WriteKeyRepr(buffer, e.Key!);
            WriteAscii(buffer, ", ("u8);
            e.Pos.TryFormat(num, out int n, default, CultureInfo.InvariantCulture);
            WriteAscii(buffer, num[..n]);
            WriteAscii(buffer, ", "u8);
            e.Size.TryFormat(num, out n, default, CultureInfo.InvariantCulture);
            WriteAscii(buffer, num[..n]);
            WriteAscii(buffer, ")\n"u8);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAscii(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> s) => buffer.Write(s);

    /// <summary><c>repr(key.decode('Latin-1'))</c> encoded Latin-1.</summary>
    private static void WriteKeyRepr(ArrayBufferWriter<byte> buffer, byte[] key)
    {
        bool simple = true;
        foreach (byte b in key)
        {
            if (b is < 0x20 or >= 0x7F or (byte)'\'' or (byte)'\\')
            {
                simple = false;
                break;
            }
        }

        if (simple)
        {
            Span<byte> dst = buffer.GetSpan(key.Length + 2);
            dst[0] = (byte)'\'';
            key.CopyTo(dst[1..]);
            dst[key.Length + 1] = (byte)'\'';
            buffer.Advance(key.Length + 2);
            return;
        }

        string repr = PyRepr.Repr(Encoding.Latin1.GetString(key));
        buffer.Write(Encoding.Latin1.GetBytes(repr));
    }

    /// <summary>The exact shape CPython writes: <c>'key', (123, 45)</c>.</summary>
    private static bool TryParseFast(ReadOnlySpan<byte> line, out Line parsed)
    {
        parsed = default;
        line = line.TrimEnd(" \t\f\v"u8);
        if (line.Length < 2 || line[0] is not ((byte)'\'' or (byte)'"'))
        {
            return false;
        }

        byte quote = line[0];
        int end = line[1..].IndexOf(quote);
        if (end < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> body = line.Slice(1, end);
        if (body.Contains((byte)'\\'))
        {
            return false;
        }

        ReadOnlySpan<byte> rest = line[(end + 2)..];
        if (!rest.StartsWith(", ("u8) || rest[^1] != ')')
        {
            return false;
        }

        rest = rest[3..^1];
        int comma = rest.IndexOf(", "u8);
        if (comma <= 0
            || !long.TryParse(rest[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out long pos)
            || !long.TryParse(rest[(comma + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out long size))
        {
            return false;
        }

        parsed = new Line(body.ToArray(), pos, size);
        return true;
    }

    /// <summary>Anything else <c>ast.literal_eval</c> accepts (escapes, other spacing).</summary>
    private static bool TryParseLiteral(ReadOnlySpan<byte> line, out Line parsed, out string? why)
    {
        parsed = default;
        why = null;
        object? value;
        try
        {
            value = PyLiteral.Parse(Encoding.Latin1.GetString(line).TrimEnd());
        }
        catch (LiteralSyntaxException e)
        {
            why = e.Message;
            return false;
        }

        if (value is PyTuple { Count: 2 } t && t[0] is string key && t[1] is PyTuple { Count: 2 } ps
            && ps[0] is long pos && ps[1] is long size)
        {
            foreach (char c in key)
            {
                if (c > 0xFF)
                {
                    why = "the key has a character outside Latin-1";
                    return false;
                }
            }

            parsed = new Line(Encoding.Latin1.GetBytes(key), pos, size);
            return true;
        }

        return false;
    }
}

using System.Text;

namespace PyStd.Pickle;

/// <summary>
/// How Python 2 <c>str</c> values (<c>STRING</c>, <c>BINSTRING</c>, <c>SHORT_BINSTRING</c>) decode —
/// CPython's <c>encoding</c>/<c>errors="strict"</c> unpickler arguments, resolved once per unpickler.
/// </summary>
internal sealed class Py2Strings
{
    private static readonly Py2Strings s_ascii = new(Mode.Ascii, null, "ascii");
    private static readonly Py2Strings s_latin1 = new(Mode.Latin1, null, "latin-1");
    private static readonly Py2Strings s_bytes = new(Mode.Bytes, null, "bytes");

    private readonly Mode _mode;
    private readonly Encoding? _encoding;
    private readonly string _codecName;

    private Py2Strings(Mode mode, Encoding? encoding, string codecName)
    {
        _mode = mode;
        _encoding = encoding;
        _codecName = codecName;
    }

    private enum Mode
    {
        Ascii,
        Latin1,
        Bytes,
        Codec,
    }

    /// <summary>Resolves an encoding name as Python's codec registry would (common aliases, <c>cp</c>NNNN, .NET names).</summary>
    /// <exception cref="ArgumentException">No codec has that name.</exception>
    public static Py2Strings For(string? name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        switch (key)
        {
            case "ascii" or "us-ascii" or "646" or "us":
                return s_ascii;
            case "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" or "8859" or "cp819" or "l1" or "latin" or "iso-ir-100":
                return s_latin1;
            case "bytes":
                return s_bytes;
            case "utf8" or "utf-8" or "u8" or "utf" or "cp65001":
                return new Py2Strings(Mode.Codec, new UTF8Encoding(false, throwOnInvalidBytes: true), "utf-8");
        }

        Encoding? encoding = TryGetEncoding(key);
        if (encoding is null)
        {
            throw new ArgumentException($"unknown encoding: {name}", nameof(name));
        }

        return new Py2Strings(Mode.Codec, encoding, key);
    }

    private static Encoding? TryGetEncoding(string key)
    {
        var exceptions = DecoderFallback.ExceptionFallback;
        try
        {
            if (key.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(key.AsSpan(2), out int page))
            {
                return CodePagesEncodingProvider.Instance.GetEncoding(page, EncoderFallback.ExceptionFallback, exceptions)
                    ?? Encoding.GetEncoding(page, EncoderFallback.ExceptionFallback, exceptions);
            }

            return CodePagesEncodingProvider.Instance.GetEncoding(key, EncoderFallback.ExceptionFallback, exceptions)
                ?? Encoding.GetEncoding(key, EncoderFallback.ExceptionFallback, exceptions);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Decodes a Python 2 str: a string, or <c>byte[]</c> with <c>encoding="bytes"</c>.</summary>
    /// <exception cref="UnpicklingException">The bytes are invalid in the codec (CPython's UnicodeDecodeError).</exception>
    public object Decode(ReadOnlySpan<byte> bytes)
    {
        switch (_mode)
        {
            case Mode.Ascii:
                if (!Ascii.IsValid(bytes))
                {
                    int i = 0;
                    while (bytes[i] < 0x80)
                    {
                        i++;
                    }

                    throw new UnpicklingException($"'ascii' codec can't decode byte 0x{bytes[i]:x2} in position {i}: ordinal not in range(128)");
                }

                return Encoding.ASCII.GetString(bytes);
            case Mode.Latin1:
                return Encoding.Latin1.GetString(bytes);
            case Mode.Bytes:
                return bytes.ToArray();
            default:
                try
                {
                    string text = _encoding!.GetString(bytes);
                    if (_encoding.CodePage is (>= 1250 and <= 1258) or 874 && _encoding.IsSingleByte)
                    {
                        // .NET maps the bytes a Windows code page leaves undefined to the C1 controls;
                        // Python's charmap codecs refuse them ("character maps to <undefined>").
                        int bad = text.AsSpan().IndexOfAnyInRange('\u0080', '\u009f');
                        if (bad >= 0)
                        {
                            throw new UnpicklingException(
                                $"'charmap' codec can't decode byte 0x{bytes[bad]:x2} in position {bad}: character maps to <undefined>");
                        }
                    }

                    return text;
                }
                catch (DecoderFallbackException e)
                {
                    int index = Math.Max(0, e.Index);
                    byte b = index < bytes.Length ? bytes[index] : (byte)0;
                    throw new UnpicklingException($"'{_codecName}' codec can't decode byte 0x{b:x2} in position {index}", e);
                }
        }
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace PyStd.Subprocess;

/// <summary>
/// Text mode's codec: an encoding with one of Python's error handlers, and the universal-newline
/// translation CPython applies to communicated output (<c>Popen._translate_newlines</c>:
/// <c>\r\n</c> then <c>\r</c> become <c>\n</c>). Decoding errors under <c>strict</c> throw
/// <see cref="DecoderFallbackException"/> (Python's <c>UnicodeDecodeError</c>).
/// </summary>
internal sealed class TextCodec
{
    private readonly Encoding _decoder;
    private readonly Encoding _encoder;
    private readonly bool _surrogateEscapeEncode;
    private readonly bool _escapeAsSurrogates;
    private readonly bool _escapeBytes;

    private TextCodec(Encoding encoding, string errors)
    {
        DecoderFallback decoderFallback = errors switch
        {
            "strict" or "surrogateescape" or "backslashreplace" => DecoderFallback.ExceptionFallback,
            "replace" => new DecoderReplacementFallback("\uFFFD"),
            "ignore" => new DecoderReplacementFallback(string.Empty),
            _ => throw new ArgumentException($"unknown error handler name '{errors}'", nameof(errors)),
        };
        EncoderFallback encoderFallback = errors switch
        {
            "replace" => new EncoderReplacementFallback("?"),
            "ignore" => new EncoderReplacementFallback(string.Empty),
            _ => EncoderFallback.ExceptionFallback,
        };
        _surrogateEscapeEncode = errors == "surrogateescape";
        _escapeBytes = errors is "surrogateescape" or "backslashreplace";
        _escapeAsSurrogates = errors == "surrogateescape";
        _decoder = (Encoding)encoding.Clone();
        _decoder.DecoderFallback = decoderFallback;
        _decoder.EncoderFallback = encoderFallback;
        _encoder = _decoder;
    }

    /// <summary>The codec for an options record (UTF-8 and <c>strict</c> unless set).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The codec.</returns>
    public static TextCodec For(PopenOptions options) =>
        new(options.Encoding ?? new UTF8Encoding(false), options.Errors ?? "strict");

    /// <summary>Decodes output and translates newlines.</summary>
    /// <param name="data">The bytes, or <see langword="null"/>.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? Decode(byte[]? data)
    {
        if (data is null)
        {
            return null;
        }

        string text = !_escapeBytes ? _decoder.GetString(data)
            : _decoder.CodePage == 65001 ? DecodeUtf8Escaping(data)
            : DecodeEscaping(data);
        return text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
    }

    /// <summary>Encodes input (no newline translation: on POSIX <c>os.linesep</c> is <c>\n</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The bytes.</returns>
    public byte[] Encode(string text)
    {
        if (!_surrogateEscapeEncode)
        {
            return _encoder.GetBytes(text);
        }

        // surrogateescape: U+DC80..U+DCFF stand for the bytes 0x80..0xFF that failed to decode.
        using var output = new MemoryStream(text.Length);
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            bool escaped = i < text.Length && text[i] is >= '\uDC80' and <= '\uDCFF';
            if (i == text.Length || escaped)
            {
                output.Write(_encoder.GetBytes(text, start, i - start));
                if (escaped)
                {
                    output.WriteByte((byte)(text[i] - 0xDC00));
                }

                start = i + 1;
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// UTF-8 under <c>surrogateescape</c>/<c>backslashreplace</c>: valid runs decode in bulk, and each byte
    /// of an invalid sequence (its maximal subpart, as CPython reports it) is escaped on its own. .NET's
    /// decoder fallbacks cannot produce lone surrogates, hence this loop.
    /// </summary>
    private string DecodeUtf8Escaping(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder(data.Length);
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Min(data.Length, 1 << 16) + 1);
        try
        {
            while (!data.IsEmpty)
            {
                OperationStatus status = Utf8.ToUtf16(data, chars, out int read, out int written, replaceInvalidSequences: false);
                sb.Append(chars, 0, written);
                data = data[read..];
                if (status == OperationStatus.InvalidData)
                {
                    _ = Rune.DecodeFromUtf8(data, out _, out int bad);
                    AppendEscaped(sb, data[..bad]);
                    data = data[bad..];
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        return sb.ToString();
    }

    /// <summary>Any other encoding under the escaping handlers: one byte at a time through a strict decoder (slow, and rare).</summary>
    private string DecodeEscaping(byte[] data)
    {
        var sb = new StringBuilder(data.Length);
        Decoder decoder = _decoder.GetDecoder();
        var chars = new char[_decoder.GetMaxCharCount(1) + 8];
        for (int i = 0; i < data.Length; i++)
        {
            try
            {
                int n = decoder.GetChars(data, i, 1, chars, 0, flush: i == data.Length - 1);
                sb.Append(chars, 0, n);
            }
            catch (DecoderFallbackException e)
            {
                AppendEscaped(sb, e.BytesUnknown ?? [data[i]]);
                decoder.Reset();
            }
        }

        return sb.ToString();
    }

    private void AppendEscaped(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (_escapeAsSurrogates)
            {
                sb.Append((char)(0xDC00 + b));
            }
            else
            {
                sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
        }
    }
}

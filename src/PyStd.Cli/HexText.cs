namespace PyStd.Cli;

/// <summary>Hex arguments on the command line, read as Python's <c>bytes.fromhex</c> reads them.</summary>
internal static class HexText
{
    /// <summary>
    /// Python's <c>bytes.fromhex(text)</c>: pairs of hex digits, with ASCII whitespace allowed between
    /// pairs (CPython's <c>_PyBytes_FromHex</c>, Objects/bytesobject.c).
    /// </summary>
    /// <param name="text">The hex text.</param>
    /// <param name="bytes">The bytes, when the text is valid.</param>
    /// <param name="badPosition">The position Python reports for the first non-hex character, else -1.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryFromHex(string text, out byte[] bytes, out int badPosition)
    {
        var result = new List<byte>(text.Length / 2);
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] is ' ' or '\t' or '\n' or '\r' or '\v' or '\f')
            {
                i++;
                continue;
            }

            int high = HexValue(text[i]);
            int low = i + 1 < text.Length ? HexValue(text[i + 1]) : -1;
            if (high < 0 || low < 0)
            {
                bytes = [];
                badPosition = high < 0 ? i : i + 1;
                return false;
            }

            result.Add((byte)((high << 4) | low));
            i += 2;
        }

        bytes = result.ToArray();
        badPosition = -1;
        return true;
    }

    /// <summary>
    /// Python's <c>bytes.fromhex(text)</c>, raising what it raises: <see cref="PyValueException"/>
    /// naming the position of the first non-hex character.
    /// </summary>
    /// <param name="text">The hex text.</param>
    /// <returns>The bytes.</returns>
    public static byte[] FromHex(string text) =>
        TryFromHex(text, out byte[] bytes, out int bad)
            ? bytes
            : throw new PyValueException($"non-hexadecimal number found in fromhex() arg at position {bad}");

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}

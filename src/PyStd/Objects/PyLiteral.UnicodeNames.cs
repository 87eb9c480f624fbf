using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace PyStd.Objects;

/// <content>Unicode character names for <c>\N{...}</c>, following CPython 3.11's <c>Modules/unicodedata.c</c> (<c>_getcode</c>).</content>
public static partial class PyLiteral
{
    /// <summary>
    /// The name table generated from CPython 3.11's own <c>unicodedata</c> (Unicode 14.0.0) by
    /// <c>tools/gen_unicode_names.py</c> into the embedded resource
    /// <c>Objects/Resources/UnicodeNames.zlib</c> (about 210 KB), loaded on first use. Lookup is
    /// CPython's: case-insensitive for table names and aliases, while the algorithmic names
    /// <c>HANGUL SYLLABLE …</c> and <c>CJK UNIFIED IDEOGRAPH-XXXX</c> must be upper case.
    /// Named sequences are not accepted, as in CPython.
    /// </summary>
    private static class UnicodeNames
    {
        private const string ResourceName = "PyStd.Objects.UnicodeNames.zlib";
        private const string HangulPrefix = "HANGUL SYLLABLE ";
        private const string IdeographPrefix = "CJK UNIFIED IDEOGRAPH-";
        private const int SBase = 0xAC00;
        private const int VCount = 21;
        private const int TCount = 28;

        // Jamo short names in CPython's hangul_syllables order (initial, medial, final).
        private static readonly string[] s_initials =
            ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];

        private static readonly string[] s_medials =
            ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];

        private static readonly string[] s_finals =
            ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

        private static readonly Lazy<Table?> s_table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Whether the embedded table could be read.</summary>
        public static bool Available => s_table.Value is not null;

        /// <summary>The code point a <c>\N{name}</c> escape stands for.</summary>
        public static bool TryLookup(ReadOnlySpan<char> name, out int codePoint)
        {
            codePoint = 0;
            if (name.StartsWith(HangulPrefix, StringComparison.Ordinal))
            {
                return TryHangul(name[HangulPrefix.Length..], out codePoint);
            }

            if (name.StartsWith(IdeographPrefix, StringComparison.Ordinal))
            {
                ReadOnlySpan<char> hex = name[IdeographPrefix.Length..];
                if (hex.Length is not (4 or 5))
                {
                    return false;
                }

                foreach (char c in hex)
                {
                    if (!char.IsAsciiHexDigitUpper(c))
                    {
                        return false;
                    }
                }

                codePoint = int.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                return s_table.Value?.IsIdeograph(codePoint) ?? false;
            }

            Table? table = s_table.Value;
            if (table is null || name.Length > table.LongestName)
            {
                return false;
            }

            Span<char> upper = stackalloc char[name.Length];
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c >= 0x80)
                {
                    return false;
                }

                upper[i] = char.ToUpperInvariant(c);
            }

            return table.Names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(upper, out codePoint);
        }

        /// <summary>
        /// Whether an identifier with non-ASCII letters is <c>set</c> after NFKC normalisation
        /// (<c>ｓｅｔ</c>, <c>ſet</c>, <c>𝐬𝐞𝐭</c>) and a valid identifier, as CPython decides it.
        /// </summary>
        public static bool NormalizesToSet(string name)
        {
            Table? table = s_table.Value;
            if (table is null)
            {
                return false;
            }

            var normalized = new StringBuilder(3);
            for (int i = 0; i < name.Length; i += char.IsSurrogatePair(name, i) ? 2 : 1)
            {
                int cp = char.ConvertToUtf32(name, i);
                if (cp < 0x80)
                {
                    normalized.Append((char)cp);
                }
                else if (table.SetPieces.TryGetValue(cp, out var piece) && (i > 0 || piece.CanStart))
                {
                    normalized.Append(piece.Text);
                }
                else
                {
                    return false;
                }

                if (normalized.Length > 3)
                {
                    return false;
                }
            }

            return normalized.Equals("set");
        }

        /// <summary>CPython's <c>find_syllable</c>: the longest jamo name in each position, in turn.</summary>
        private static bool TryHangul(ReadOnlySpan<char> rest, out int codePoint)
        {
            int l = FindSyllable(ref rest, s_initials);
            int v = FindSyllable(ref rest, s_medials);
            int t = FindSyllable(ref rest, s_finals);
            codePoint = SBase + (((l * VCount) + v) * TCount) + t;
            return l >= 0 && v >= 0 && t >= 0 && rest.IsEmpty;
        }

        private static int FindSyllable(ref ReadOnlySpan<char> rest, string[] jamo)
        {
            int best = -1;
            int bestLength = -1;
            for (int i = 0; i < jamo.Length; i++)
            {
                if (jamo[i].Length > bestLength && rest.StartsWith(jamo[i], StringComparison.Ordinal))
                {
                    best = i;
                    bestLength = jamo[i].Length;
                }
            }

            rest = rest[Math.Max(bestLength, 0)..];
            return best;
        }

        private static Table? Load()
        {
            try
            {
                using Stream? resource = typeof(PyLiteral).Assembly.GetManifestResourceStream(ResourceName);
                if (resource is null)
                {
                    return null;
                }

                using var inflate = new ZLibStream(resource, CompressionMode.Decompress);
                using var reader = new StreamReader(inflate, Encoding.ASCII);
                var table = new Table();
                string? line = reader.ReadLine();
                if (line is null || !line.StartsWith("PYSTD-UNICODE-NAMES ", StringComparison.Ordinal))
                {
                    return null;
                }

                while ((line = reader.ReadLine()) is not null)
                {
                    string[] parts = line.Split(' ', 2);
                    switch (parts[0])
                    {
                        case "R":
                            string[] range = parts[1].Split(' ');
                            table.Ideographs.Add((Hex(range[0]), Hex(range[1])));
                            break;
                        case "K":
                            string[] piece = parts[1].Split(' ');
                            table.SetPieces[Hex(piece[0])] = (piece[1] == "S", piece[2]);
                            break;
                        default:
                            table.Names[parts[1]] = Hex(parts[0]);
                            table.LongestName = Math.Max(table.LongestName, parts[1].Length);
                            break;
                    }
                }

                return table;
            }
            catch (IOException)
            {
                return null;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        private static int Hex(string s) => int.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        private sealed class Table
        {
            public Dictionary<string, int> Names { get; } = new(40_000, StringComparer.Ordinal);

            public List<(int First, int Last)> Ideographs { get; } = [];

            public Dictionary<int, (bool CanStart, string Text)> SetPieces { get; } = [];

            public int LongestName { get; set; }

            public bool IsIdeograph(int codePoint)
            {
                foreach (var (first, last) in Ideographs)
                {
                    if (codePoint >= first && codePoint <= last)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}

using System.Globalization;
using System.Text;
using PyStd.Objects;

namespace PyStd.Array;

// repr: CPython's array_repr — array('i'), array('i', [1, 2]), array('u', 'abc').
public sealed partial class PyArray
{
    /// <summary>
    /// Python's <c>repr(a)</c>, exactly as CPython prints it: <c>array('i')</c>,
    /// <c>array('i', [1, 2])</c>, <c>array('d', [1.0, 2.5, nan])</c>, <c>array('u', 'abc')</c>.
    /// </summary>
    /// <returns>The repr.</returns>
    /// <exception cref="PyValueException">A <c>u</c> item is not a code point (<c>character U+110000 is not in range [U+0000; U+10ffff]</c>), as in CPython.</exception>
    public string Repr()
    {
        if (_count == 0)
        {
            return $"array('{Typecode}')";
        }

        var sb = new StringBuilder(16 + (_count * 4));
        sb.Append("array('").Append(Typecode).Append("', ");
        if (_descr.Kind == ItemKind.Unicode)
        {
            AppendUnicodeRepr(sb, AsSpanUnchecked<int>());
        }
        else
        {
            sb.Append('[');
            for (int i = 0; i < _count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                if (_descr.Kind == ItemKind.Float)
                {
                    sb.Append(PyRepr.FormatFloat(ReadFloat(i)));
                }
                else
                {
                    sb.Append(ReadInteger(i).ToString(CultureInfo.InvariantCulture));
                }
            }

            sb.Append(']');
        }

        return sb.Append(')').ToString();
    }

    /// <summary>The same as <see cref="Repr"/>; for a <c>u</c> array holding a value that is not a code point (where <see cref="Repr"/> throws) a description instead.</summary>
    /// <returns>The repr.</returns>
    public override string ToString()
    {
        try
        {
            return Repr();
        }
        catch (PyValueException)
        {
            return $"array('u', <{_count} items, not all code points>)";
        }
    }

    /// <summary>
    /// The repr of the str <c>tounicode()</c> would give in CPython. A .NET string would merge a lone
    /// high surrogate followed by a lone low surrogate into one code point, so such pairs are split
    /// into runs whose reprs are joined under the quote the whole text would choose.
    /// </summary>
    private static void AppendUnicodeRepr(StringBuilder sb, ReadOnlySpan<int> codePoints)
    {
        string text = CodePointsToString(codePoints); // validates every item
        int split = FindSurrogatePair(codePoints, 0);
        if (split < 0)
        {
            sb.Append(PyRepr.Repr(text));
            return;
        }

        // unicode_repr's choice: ' unless the text holds ' and no ".
        char quote = codePoints.Contains('\'') && !codePoints.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        int start = 0;
        while (start < codePoints.Length)
        {
            int end = split < 0 ? codePoints.Length : split;
            string run = PyRepr.Repr(CodePointsToString(codePoints[start..end]));
            string inner = run[1..^1];
            if (run[0] != quote && quote == '\'')
            {
                // The run chose " because it holds ' and no "; under ' each ' needs its backslash.
                inner = inner.Replace("'", "\\'", StringComparison.Ordinal);
            }

            sb.Append(inner);
            start = end;
            split = FindSurrogatePair(codePoints, start);
        }

        sb.Append(quote);
    }

    /// <summary>The index just after a high surrogate that is followed by a low surrogate, or -1.</summary>
    private static int FindSurrogatePair(ReadOnlySpan<int> codePoints, int start)
    {
        for (int i = start; i + 1 < codePoints.Length; i++)
        {
            if (codePoints[i] is >= 0xD800 and <= 0xDBFF && codePoints[i + 1] is >= 0xDC00 and <= 0xDFFF)
            {
                return i + 1;
            }
        }

        return -1;
    }
}

using System.Globalization;
using System.Numerics;
using System.Text;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>decimal.Decimal</c>, exactly: a sign, a coefficient of any number of decimal digits
/// and an exponent, or one of the special values <c>Infinity</c>, <c>NaN</c> and <c>sNaN</c> (with
/// their diagnostic payload). Trailing zeros and the sign of zero are kept (<c>1.50</c> is not
/// <c>1.5</c> in form, though equal in value), so every value pickle carries round-trips —
/// <see cref="decimal"/> cannot hold most of them (NaN, infinities, <c>1E+100</c>, 29+ digits).
/// </summary>
/// <remarks>
/// <see cref="ToString"/> is Python's <c>str()</c> (the "to-scientific-string" of the General Decimal
/// Arithmetic specification, which <c>decimal</c> implements); <see cref="PyRepr.Repr"/> prints
/// <c>Decimal('1.50')</c>. Equality is by value, as in Python: <c>1.0 == 1.00</c>, <c>0 == -0</c>,
/// and a NaN equals nothing.
/// </remarks>
public sealed class PyDecimal : IEquatable<PyDecimal>
{
    private PyDecimal(bool negative, PyDecimalForm form, string digits, long exponent)
    {
        IsNegative = negative;
        Form = form;
        Digits = digits;
        Exponent = exponent;
    }

    /// <summary>Converts a <see cref="decimal"/> exactly, keeping its scale (<c>1.50m</c> → <c>Decimal('1.50')</c>).</summary>
    /// <param name="value">The value.</param>
    public PyDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var coefficient = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        IsNegative = bits[3] < 0;
        Form = PyDecimalForm.Finite;
        Digits = coefficient.ToString(CultureInfo.InvariantCulture);
        Exponent = -((bits[3] >> 16) & 0xFF);
    }

    /// <summary>Whether the sign is negative (also for <c>-0</c>, <c>-Infinity</c> and <c>-NaN</c>).</summary>
    public bool IsNegative { get; }

    /// <summary>Finite, infinite, quiet NaN or signalling NaN.</summary>
    public PyDecimalForm Form { get; }

    /// <summary>The coefficient's digits without leading zeros (<c>"0"</c> for zero); a NaN's payload (empty for none); empty for infinity.</summary>
    public string Digits { get; }

    /// <summary>The power of ten the coefficient is scaled by (finite values only; 0 otherwise).</summary>
    public long Exponent { get; }

    /// <summary>Whether the value is a finite number.</summary>
    public bool IsFinite => Form == PyDecimalForm.Finite;

    /// <summary>Creates a finite value: (−1)^sign × coefficient × 10^exponent.</summary>
    /// <param name="negative">The sign.</param>
    /// <param name="coefficient">A non-negative coefficient.</param>
    /// <param name="exponent">The exponent.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="coefficient"/> is negative.</exception>
    public static PyDecimal FromParts(bool negative, BigInteger coefficient, long exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(coefficient);
        return new PyDecimal(negative, PyDecimalForm.Finite, coefficient.ToString(CultureInfo.InvariantCulture), exponent);
    }

    /// <summary>Creates a special value.</summary>
    /// <param name="form">Infinity, NaN or signalling NaN.</param>
    /// <param name="negative">The sign.</param>
    /// <param name="payload">A NaN's diagnostic digits (ignored for infinity).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException"><paramref name="form"/> is finite, or the payload is not digits.</exception>
    public static PyDecimal Special(PyDecimalForm form, bool negative = false, string payload = "")
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (form == PyDecimalForm.Finite || !Enum.IsDefined(form))
        {
            throw new ArgumentException("Special values are Infinity, NaN and SignalingNaN.", nameof(form));
        }

        foreach (char c in payload)
        {
            if (c is < '0' or > '9')
            {
                throw new ArgumentException($"A NaN payload is decimal digits, not '{payload}'.", nameof(payload));
            }
        }

        return new PyDecimal(negative, form, form == PyDecimalForm.Infinity ? string.Empty : payload.TrimStart('0'), 0);
    }

    /// <summary>Parses Python's decimal string syntax, as <c>Decimal(text)</c> (ASCII digits, <c>_</c> separators, surrounding whitespace).</summary>
    /// <param name="text">For example <c>-1.50</c>, <c>1E+3</c>, <c>Infinity</c>, <c>sNaN12</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is not a decimal (Python's <c>InvalidOperation: [&lt;class 'decimal.ConversionSyntax'&gt;]</c>).</exception>
    public static PyDecimal Parse(string text) =>
        TryParse(text, out PyDecimal? value) ? value : throw new FormatException($"Invalid decimal literal: '{text}'.");

    /// <summary>Parses Python's decimal string syntax; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value when valid.</param>
    /// <returns>Whether the text is a decimal.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PyDecimal? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        ReadOnlySpan<char> s = text.AsSpan().Trim();
        bool negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = new PyDecimal(negative, PyDecimalForm.Infinity, string.Empty, 0);
            return true;
        }

        PyDecimalForm nanForm = s.StartsWith("nan", StringComparison.OrdinalIgnoreCase) ? PyDecimalForm.NaN
            : s.StartsWith("snan", StringComparison.OrdinalIgnoreCase) ? PyDecimalForm.SignalingNaN
            : PyDecimalForm.Finite;
        if (nanForm != PyDecimalForm.Finite)
        {
            ReadOnlySpan<char> payload = s[(nanForm == PyDecimalForm.NaN ? 3 : 4)..];
            if (!TryDigits(payload, out string? digits))
            {
                return false;
            }

            value = new PyDecimal(negative, nanForm, digits.TrimStart('0'), 0);
            return true;
        }

        int e = s.IndexOfAny('e', 'E');
        ReadOnlySpan<char> mantissa = e < 0 ? s : s[..e];
        long exponent = 0;
        if (e >= 0)
        {
            ReadOnlySpan<char> exp = s[(e + 1)..];
            bool expNegative = false;
            if (exp.Length > 0 && (exp[0] == '+' || exp[0] == '-'))
            {
                expNegative = exp[0] == '-';
                exp = exp[1..];
            }

            if (!TryDigits(exp, out string? expDigits) || expDigits.Length == 0)
            {
                return false;
            }

            if (!long.TryParse(expDigits, NumberStyles.None, CultureInfo.InvariantCulture, out exponent) || exponent > long.MaxValue / 4)
            {
                return false;
            }

            exponent = expNegative ? -exponent : exponent;
        }

        int dot = mantissa.IndexOf('.');
        ReadOnlySpan<char> intPart = dot < 0 ? mantissa : mantissa[..dot];
        ReadOnlySpan<char> fracPart = dot < 0 ? default : mantissa[(dot + 1)..];
        if (!TryDigits(intPart, out string? intDigits) || !TryDigits(fracPart, out string? fracDigits)
            || intDigits.Length + fracDigits.Length == 0
            || (intPart.Length > 0 && intPart[^1] == '_') || (fracPart.Length > 0 && fracPart[0] == '_'))
        {
            return false;
        }

        string all = (intDigits + fracDigits).TrimStart('0');
        value = new PyDecimal(negative, PyDecimalForm.Finite, all.Length == 0 ? "0" : all, checked(exponent - fracDigits.Length));
        return true;
    }

    /// <summary>Digits with single underscores between them (Python's rule), underscores removed.</summary>
    private static bool TryDigits(ReadOnlySpan<char> s, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? digits)
    {
        digits = null;
        if (s.Length > 0 && (s[0] == '_' || s[^1] == '_'))
        {
            return false;
        }

        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '_')
            {
                if (s[i - 1] == '_')
                {
                    return false;
                }

                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            sb.Append(c);
        }

        digits = sb.ToString();
        return true;
    }

    /// <summary>The value as a <see cref="decimal"/> when that is exact (trailing zeros may be dropped to fit the scale).</summary>
    /// <param name="value">The value.</param>
    /// <returns>False for special values and values <see cref="decimal"/> cannot hold exactly.</returns>
    public bool TryToDecimal(out decimal value)
    {
        value = default;
        if (!IsFinite)
        {
            return false;
        }

        BigInteger coefficient = BigInteger.Parse(Digits, CultureInfo.InvariantCulture);
        long exponent = Exponent;
        if (exponent > 0)
        {
            if (exponent > 29)
            {
                return coefficient.IsZero && Assign(BigInteger.Zero, 0, out value);
            }

            coefficient *= BigInteger.Pow(10, (int)exponent);
            exponent = 0;
        }

        while (exponent < -28 && !coefficient.IsZero && (coefficient % 10).IsZero)
        {
            coefficient /= 10;
            exponent++;
        }

        if (coefficient.IsZero && exponent < -28)
        {
            exponent = -28;
        }

        return exponent >= -28 && Assign(coefficient, (byte)-exponent, out value);

        bool Assign(BigInteger c, byte scale, out decimal result)
        {
            result = default;
            if (c.GetByteCount(isUnsigned: true) > 12)
            {
                return false;
            }

            Span<byte> b = stackalloc byte[12];
            b.Clear();
            c.TryWriteBytes(b, out _, isUnsigned: true);
            int lo = BitConverter.ToInt32(b), mid = BitConverter.ToInt32(b[4..]), hi = BitConverter.ToInt32(b[8..]);
            result = new decimal(lo, mid, hi, IsNegative, scale);
            return true;
        }
    }

    /// <summary>The value as a <see cref="decimal"/>.</summary>
    /// <returns>The exact value.</returns>
    /// <exception cref="OverflowException">The value is special or not exactly representable.</exception>
    public decimal ToDecimal() =>
        TryToDecimal(out decimal value) ? value : throw new OverflowException($"Decimal('{this}') is not exactly representable as System.Decimal.");

    /// <summary>Python's <c>str()</c> of the value: <c>1.50</c>, <c>1E+3</c>, <c>-0</c>, <c>Infinity</c>, <c>sNaN12</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string sign = IsNegative ? "-" : string.Empty;
        switch (Form)
        {
            case PyDecimalForm.Infinity:
                return sign + "Infinity";
            case PyDecimalForm.NaN:
                return sign + "NaN" + Digits;
            case PyDecimalForm.SignalingNaN:
                return sign + "sNaN" + Digits;
        }

        // Decimal.__str__ (Lib/_pydecimal.py) with eng=False: scientific notation when the
        // exponent is positive or the adjusted exponent is below -6.
        string digits = Digits;
        long leftDigits = Exponent + digits.Length;
        long dotPlace = Exponent <= 0 && leftDigits > -6 ? leftDigits : 1;
        var sb = new StringBuilder(digits.Length + 16);
        sb.Append(sign);
        if (dotPlace <= 0)
        {
            sb.Append("0.").Append('0', (int)-dotPlace).Append(digits);
        }
        else if (dotPlace >= digits.Length)
        {
            sb.Append(digits).Append('0', (int)(dotPlace - digits.Length));
        }
        else
        {
            sb.Append(digits, 0, (int)dotPlace).Append('.').Append(digits, (int)dotPlace, digits.Length - (int)dotPlace);
        }

        if (leftDigits != dotPlace)
        {
            long e = leftDigits - dotPlace;
            sb.Append('E').Append(e >= 0 ? "+" : string.Empty).Append(e);
        }

        return sb.ToString();
    }

    /// <summary>Python's <c>==</c>: equal values (any form), NaNs equal nothing.</summary>
    /// <param name="other">Another decimal.</param>
    /// <returns>Whether the values are equal.</returns>
    public bool Equals(PyDecimal? other)
    {
        if (other is null || Form is PyDecimalForm.NaN or PyDecimalForm.SignalingNaN || other.Form != Form)
        {
            return false;
        }

        if (Form == PyDecimalForm.Infinity)
        {
            return IsNegative == other.IsNegative;
        }

        var (d1, e1) = Normalized();
        var (d2, e2) = other.Normalized();
        if (d1 == "0")
        {
            return d2 == "0";
        }

        return IsNegative == other.IsNegative && d1 == d2 && e1 == e2;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PyDecimal d && Equals(d);

    /// <summary>A hash consistent with value equality.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode()
    {
        if (!IsFinite)
        {
            return HashCode.Combine(Form, IsNegative);
        }

        var (d, e) = Normalized();
        return d == "0" ? 0 : HashCode.Combine(IsNegative, d, e);
    }

    private (string Digits, long Exponent) Normalized()
    {
        string d = Digits;
        int end = d.Length;
        while (end > 1 && d[end - 1] == '0')
        {
            end--;
        }

        return (d[..end], Exponent + (d.Length - end));
    }
}

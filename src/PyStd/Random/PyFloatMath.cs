using System.Numerics;
using System.Runtime.CompilerServices;

namespace PyStd.Random;

/// <summary>
/// The float operations Lib/random.py uses, with CPython's results and errors: <c>math.log</c>,
/// <c>math.exp</c>, <c>math.sqrt</c> … raise <c>ValueError('math domain error')</c> or
/// <c>OverflowError('math range error')</c> where C's libm would quietly return NaN or infinity
/// (Modules/mathmodule.c <c>math_1</c>), <c>x ** y</c> follows <c>float_pow</c> and <c>x / 0.0</c>
/// raises <c>ZeroDivisionError</c> (Objects/floatobject.c). On Linux .NET's <see cref="Math"/>
/// calls the same glibc libm CPython does, so finite results agree to the bit.
/// </summary>
internal static class PyFloatMath
{
    private const string DomainError = "math domain error";

    /// <summary><c>math.log(x)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x)
    {
        if (x > 0.0 && x <= double.MaxValue)
        {
            return Math.Log(x);
        }

        return LogSpecial(x);
    }

    /// <summary><c>math.log2(x)</c>.</summary>
    public static double Log2(double x)
    {
        if (x > 0.0 && x <= double.MaxValue)
        {
            return Math.Log2(x);
        }

        return LogSpecial(x);
    }

    private static double LogSpecial(double x)
    {
        if (double.IsNaN(x) || double.IsPositiveInfinity(x))
        {
            return x;
        }

        throw new PyValueException(DomainError);
    }

    /// <summary><c>math.exp(x)</c>: OverflowError when a finite argument overflows.</summary>
    public static double Exp(double x)
    {
        double r = Math.Exp(x);
        if (double.IsInfinity(r) && double.IsFinite(x))
        {
            throw new OverflowException("math range error");
        }

        return r;
    }

    /// <summary><c>math.sqrt(x)</c>.</summary>
    public static double Sqrt(double x)
    {
        if (x < 0.0)
        {
            throw new PyValueException(DomainError);
        }

        return Math.Sqrt(x);
    }

    /// <summary><c>math.cos(x)</c>.</summary>
    public static double Cos(double x) =>
        double.IsInfinity(x) ? throw new PyValueException(DomainError) : Math.Cos(x);

    /// <summary><c>math.sin(x)</c>.</summary>
    public static double Sin(double x) =>
        double.IsInfinity(x) ? throw new PyValueException(DomainError) : Math.Sin(x);

    /// <summary><c>math.acos(x)</c>.</summary>
    public static double Acos(double x) =>
        x > 1.0 || x < -1.0 ? throw new PyValueException(DomainError) : Math.Acos(x);

    /// <summary>Python's <c>x / y</c> for floats: ZeroDivisionError when <paramref name="y"/> is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Div(double x, double y) => y == 0.0 ? ThrowDivisionByZero() : x / y;

    /// <summary>Python's <c>x % y</c> for floats (<c>float_rem</c>): the result takes the sign of <paramref name="y"/>.</summary>
    public static double Mod(double x, double y)
    {
        if (y == 0.0)
        {
            throw new DivideByZeroException("float modulo by zero");
        }

        double mod = x % y; // C's fmod: exact, sign of x
        if (mod != 0.0)
        {
            if ((y < 0) != (mod < 0))
            {
                mod += y;
            }
        }
        else
        {
            mod = Math.CopySign(0.0, y);
        }

        return mod;
    }

    /// <summary>Python's <c>x ** y</c> for floats (<c>float_pow</c>).</summary>
    public static double Pow(double x, double y)
    {
        if (y == 0.0)
        {
            return 1.0;
        }

        if (double.IsNaN(x))
        {
            return x;
        }

        if (double.IsNaN(y))
        {
            return x == 1.0 ? 1.0 : y;
        }

        if (double.IsInfinity(y))
        {
            double ax = Math.Abs(x);
            if (ax == 1.0)
            {
                return 1.0;
            }

            return (y > 0.0) == (ax > 1.0) ? Math.Abs(y) : 0.0;
        }

        if (double.IsInfinity(x))
        {
            bool odd = IsOddInteger(y);
            if (y > 0.0)
            {
                return odd ? x : Math.Abs(x);
            }

            return odd ? Math.CopySign(0.0, x) : 0.0;
        }

        if (x == 0.0)
        {
            if (y < 0.0)
            {
                throw new DivideByZeroException("0.0 cannot be raised to a negative power");
            }

            return IsOddInteger(y) ? x : 0.0;
        }

        bool negate = false;
        if (x < 0.0)
        {
            if (y != Math.Floor(y))
            {
                // CPython returns a complex number here; no random.py formula reaches it.
                throw new PyValueException("negative number cannot be raised to a fractional power");
            }

            x = -x;
            negate = IsOddInteger(y);
        }

        if (x == 1.0)
        {
            return negate ? -1.0 : 1.0;
        }

        double r = Math.Pow(x, y);
        if (double.IsInfinity(r))
        {
            throw new OverflowException("(34, 'Numerical result out of range')");
        }

        return negate ? -r : r;
    }

    private static bool IsOddInteger(double y) => Math.Abs(y % 2.0) == 1.0;

    /// <summary>
    /// <c>math.floor(x)</c> where the result is known to fit a <see cref="long"/>; NaN and
    /// infinities raise CPython's errors.
    /// </summary>
    public static long FloorToInt64(double x)
    {
        if (double.IsNaN(x))
        {
            throw new PyValueException("cannot convert float NaN to integer");
        }

        if (double.IsInfinity(x))
        {
            throw new OverflowException("cannot convert float infinity to integer");
        }

        return (long)Math.Floor(x);
    }

    /// <summary>Python's <c>float(int)</c>: correctly rounded (half to even); OverflowError past the float range.</summary>
    public static double ToDouble(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return (long)value;
        }

        int sign = value.Sign;
        BigInteger abs = BigInteger.Abs(value);
        long bits = (long)abs.GetBitLength();
        if (bits > 1024)
        {
            throw new OverflowException("int too large to convert to float");
        }

        // Keep 64 top bits plus a sticky bit for everything below, then let the hardware round.
        int shift = (int)bits - 64;
        ulong top = (ulong)(abs >> shift);
        bool sticky = !(abs & ((BigInteger.One << shift) - 1)).IsZero;
        // Fold the sticky bit into bit 0: it lies below the 53 kept bits, so it only breaks ties.
        top |= sticky ? 1UL : 0UL;
        double result = Math.ScaleB((double)top, shift); // ulong -> double rounds half to even

        if (double.IsInfinity(result))
        {
            throw new OverflowException("int too large to convert to float");
        }

        return sign < 0 ? -result : result;
    }

    /// <summary>
    /// <c>math.lgamma(x)</c> for x &gt; 0 (all random.py asks for): CPython's own Lanczos
    /// implementation (<c>m_lgamma</c> in Modules/mathmodule.c), not the C library's.
    /// </summary>
    public static double LGamma(double x)
    {
        if (!double.IsFinite(x))
        {
            return double.IsNaN(x) ? x : double.PositiveInfinity;
        }

        if (x == Math.Floor(x) && x <= 2.0)
        {
            if (x <= 0.0)
            {
                throw new PyValueException(DomainError);
            }

            return 0.0; // lgamma(1) = lgamma(2) = 0.0
        }

        double absx = Math.Abs(x);
        if (absx < 1e-20)
        {
            return -Math.Log(absx);
        }

        if (x < 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Only positive arguments are supported.");
        }

        double r = Math.Log(LanczosSum(absx)) - LanczosG;
        r += (absx - 0.5) * (Math.Log(absx + LanczosG - 0.5) - 1);

        if (double.IsInfinity(r))
        {
            throw new OverflowException("math range error");
        }

        return r;
    }

    private const double LanczosG = 6.024680040776729583740234375;

    private static readonly double[] s_lanczosNumCoeffs =
    [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ];

    // The denominator is x*(x+1)*...*(x+11).
    private static readonly double[] s_lanczosDenCoeffs =
    [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ];

    private static double LanczosSum(double x)
    {
        double[] num = s_lanczosNumCoeffs;
        double[] den = s_lanczosDenCoeffs;
        double n = 0.0;
        double d = 0.0;

        // For large x the obvious evaluation risks overflow, so CPython evaluates the rational
        // function in 1/x instead; the cutoff 5.0 is its choice.
        if (x < 5.0)
        {
            for (int i = num.Length - 1; i >= 0; i--)
            {
                n = (n * x) + num[i];
                d = (d * x) + den[i];
            }
        }
        else
        {
            for (int i = 0; i < num.Length; i++)
            {
                n = (n / x) + num[i];
                d = (d / x) + den[i];
            }
        }

        return n / d;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ThrowDivisionByZero() => throw new DivideByZeroException("float division by zero");
}

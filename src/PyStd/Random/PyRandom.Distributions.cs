using System.Runtime.CompilerServices;
using static PyStd.Random.PyFloatMath;

namespace PyStd.Random;

// random() and the distributions, transcribed from Lib/random.py (CPython 3.13). Each uses the
// same random() draws in the same order, the same float operations and raises the same errors.
public partial class PyRandom
{
    // Lib/random.py's constants, as the exact doubles CPython computes for them.
    private static readonly double s_nvMagicConst = BitConverter.UInt64BitsToDouble(0x3FFB72CD3F331398); // 4 * exp(-0.5) / sqrt(2.0)
    private static readonly double s_log4 = BitConverter.UInt64BitsToDouble(0x3FF62E42FEFA39EF); // log(4.0)
    private static readonly double s_sgMagicConst = BitConverter.UInt64BitsToDouble(0x40040859BAEE748F); // 1.0 + log(4.5)
    private const double TwoPi = 2.0 * Math.PI; // math.tau

    /// <summary>Returns the next float in [0, 1) (<c>random()</c>): 53 random bits from two 32-bit words.</summary>
    /// <returns>A multiple of 2**-53 with 0 ≤ x &lt; 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Random() => _mt.TryNextDouble(out double value) ? value : RandomSlow();

    /// <summary>
    /// random() off the fast path: a pair across blocks, or SystemRandom (whose parked twister never
    /// has words), so the inlined fast path needs neither a call nor a SystemRandom test.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double RandomSlow() => _system ? SystemRandom.NextDouble() : _mt.NextDoubleAcrossBlocks();

    /// <summary>Fills <paramref name="destination"/> with successive <see cref="Random()"/> values.</summary>
    /// <param name="destination">The span to fill.</param>
    public void NextDoubles(Span<double> destination)
    {
        if (_system)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = SystemRandom.NextDouble();
            }

            return;
        }

        _mt.FillDoubles(destination);
    }

    /// <summary>Returns a float N with a ≤ N ≤ b (or b ≤ N ≤ a) (<c>uniform(a, b)</c>): <c>a + (b - a) * random()</c>.</summary>
    /// <param name="a">One end.</param>
    /// <param name="b">The other end.</param>
    /// <returns>The float; b itself only through rounding.</returns>
    public double Uniform(double a, double b) => a + ((b - a) * Random());

    /// <summary>
    /// Triangular distribution on [low, high] with the given mode (<c>triangular(low, high, mode)</c>).
    /// </summary>
    /// <param name="low">Lower limit.</param>
    /// <param name="high">Upper limit.</param>
    /// <param name="mode">The peak; null for the midpoint.</param>
    /// <returns>The float. With a mode and low == high, returns low (CPython returns it unconverted, so an int stays an int there).</returns>
    /// <exception cref="PyValueException">A mode outside the limits that drives the square root negative (<c>math domain error</c>).</exception>
    public double Triangular(double low = 0.0, double high = 1.0, double? mode = null)
    {
        if (IsPython27)
        {
            return Triangular27(low, high, mode); // (u * c) ** 0.5
        }

        double u = Random();
        double c;
        if (mode is null)
        {
            c = 0.5;
        }
        else if (high - low == 0.0)
        {
            return low; // ZeroDivisionError caught in random.py
        }
        else
        {
            c = (mode.Value - low) / (high - low);
        }

        if (u > c)
        {
            u = 1.0 - u;
            c = 1.0 - c;
            (low, high) = (high, low);
        }

        return low + ((high - low) * Sqrt(u * c));
    }

    /// <summary>
    /// Normal distribution (<c>normalvariate(mu, sigma)</c>), by Kinderman and Monahan's
    /// ratio-of-uniforms method.
    /// </summary>
    /// <param name="mu">Mean.</param>
    /// <param name="sigma">Standard deviation.</param>
    /// <returns>The float.</returns>
    public double NormalVariate(double mu = 0.0, double sigma = 1.0)
    {
        // Python 2.7's normalvariate is this same loop (checked against 2.7's Lib/random.py).
        double z;
        while (true)
        {
            double u1 = Random();
            double u2 = 1.0 - Random();
            z = s_nvMagicConst * (u1 - 0.5) / u2;
            double zz = z * z / 4.0;
            if (zz <= -Math.Log(u2))
            {
                break;
            }
        }

        return mu + (z * sigma);
    }

    /// <summary>
    /// Gaussian distribution (<c>gauss(mu, sigma)</c>), by the Box-Muller transform: each pair of
    /// draws yields two values, the second cached for the next call (it is part of
    /// <see cref="GetState"/>). Reseeding clears the cache.
    /// </summary>
    /// <param name="mu">Mean.</param>
    /// <param name="sigma">Standard deviation.</param>
    /// <returns>The float.</returns>
    public double Gauss(double mu = 0.0, double sigma = 1.0)
    {
        // Python 2.7's gauss is the same Box-Muller with the same cached second value.
        double z;
        if (_hasGaussNext)
        {
            z = _gaussNext;
            _hasGaussNext = false;
        }
        else
        {
            double x2pi = Random() * TwoPi;
            double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - Random()));
            z = Math.Cos(x2pi) * g2rad;
            _gaussNext = Math.Sin(x2pi) * g2rad;
            _hasGaussNext = true;
        }

        return mu + (z * sigma);
    }

    /// <summary>Log normal distribution (<c>lognormvariate(mu, sigma)</c>): <c>exp(normalvariate(mu, sigma))</c>.</summary>
    /// <param name="mu">Mean of the underlying normal.</param>
    /// <param name="sigma">Standard deviation of the underlying normal, &gt; 0.</param>
    /// <returns>The float.</returns>
    /// <exception cref="OverflowException">exp overflows (<c>math range error</c>).</exception>
    public double LogNormVariate(double mu, double sigma) => Exp(NormalVariate(mu, sigma));

    /// <summary>
    /// Exponential distribution (<c>expovariate(lambd=1.0)</c>): <c>-log(1.0 - random()) / lambd</c>.
    /// </summary>
    /// <param name="lambd">The rate, 1.0 divided by the mean; negative gives values from -∞ to 0.</param>
    /// <returns>The float.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="lambd"/> is zero (after the draw, as in CPython).</exception>
    public double ExpoVariate(double lambd = 1.0) => Div(-Math.Log(1.0 - Random()), lambd);

    /// <summary>
    /// Von Mises distribution, the circular normal (<c>vonmisesvariate(mu, kappa)</c>): Fisher's
    /// algorithm; kappa ≤ 1e-6 gives a uniform angle in [0, 2π).
    /// </summary>
    /// <param name="mu">Mean angle in radians.</param>
    /// <param name="kappa">Concentration, ≥ 0.</param>
    /// <returns>An angle in [0, 2π).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kappa"/> is NaN (CPython never returns then).</exception>
    public double VonMisesVariate(double mu, double kappa)
    {
        if (double.IsNaN(kappa))
        {
            throw new ArgumentOutOfRangeException(nameof(kappa), kappa, "kappa is NaN; CPython's loop never ends for it.");
        }

        if (kappa <= 1e-6)
        {
            return TwoPi * Random();
        }

        double s = 0.5 / kappa;
        double r = s + Math.Sqrt(1.0 + (s * s));
        double z;
        while (true)
        {
            double u1 = Random();
            z = Cos(Math.PI * u1);
            double d = z / (r + z);
            double u2 = Random();
            if (u2 < 1.0 - (d * d) || u2 <= (1.0 - d) * Math.Exp(d))
            {
                break;
            }
        }

        double q = 1.0 / r;
        double f = (q + z) / (1.0 + (q * z));
        double u3 = Random();
        return u3 > 0.5 ? Mod(mu + Acos(f), TwoPi) : Mod(mu - Acos(f), TwoPi);
    }

    /// <summary>
    /// Gamma distribution, not the gamma function (<c>gammavariate(alpha, beta)</c>): Cheng's method
    /// for alpha &gt; 1, the exponential for alpha == 1, Ahrens-Dieter GS for alpha &lt; 1.
    /// </summary>
    /// <param name="alpha">Shape, &gt; 0.</param>
    /// <param name="beta">Scale, &gt; 0.</param>
    /// <returns>The float; mean alpha*beta, variance alpha*beta**2.</returns>
    /// <exception cref="PyValueException">alpha or beta ≤ 0 (<c>gammavariate: alpha and beta must be &gt; 0.0</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN (CPython never returns then).</exception>
    public double GammaVariate(double alpha, double beta)
    {
        if (alpha <= 0.0 || beta <= 0.0)
        {
            throw new PyValueException("gammavariate: alpha and beta must be > 0.0");
        }

        if (double.IsNaN(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha is NaN; CPython's loop never ends for it.");
        }

        if (alpha > 1.0)
        {
            // R.C.H. Cheng, "The generation of Gamma variables with non-integral shape
            // parameters", Applied Statistics, (1977), 26, No. 1, p71-74.
            double ainv = Math.Sqrt((2.0 * alpha) - 1.0);
            double bbb = alpha - s_log4;
            double ccc = alpha + ainv;
            while (true)
            {
                double u1 = Random();
                if (!(u1 > 1e-7 && u1 < 0.9999999))
                {
                    continue;
                }

                double u2 = 1.0 - Random();
                double v = Math.Log(u1 / (1.0 - u1)) / ainv;
                double x = alpha * Exp(v);
                double z = u1 * u1 * u2;
                double r = bbb + (ccc * v) - x;
                if (r + s_sgMagicConst - (4.5 * z) >= 0.0 || r >= Math.Log(z))
                {
                    return x * beta;
                }
            }
        }

        if (alpha == 1.0)
        {
            // expovariate(1/beta); Python 2.7 took -log(u) of a draw u > 1e-7 instead.
            return IsPython27 ? GammaAlphaOne27(beta) : -Math.Log(1.0 - Random()) * beta;
        }

        // alpha in (0, 1): ALGORITHM GS of Statistical Computing - Kennedy & Gentle.
        double result;
        while (true)
        {
            double u = Random();
            double b = (Math.E + alpha) / Math.E;
            double p = b * u;
            double x = p <= 1.0 ? Pow(p, 1.0 / alpha) : -Log((b - p) / alpha);
            double u1 = Random();
            if (p > 1.0)
            {
                if (u1 <= Pow(x, alpha - 1.0))
                {
                    result = x;
                    break;
                }
            }
            else if (u1 <= Exp(-x))
            {
                result = x;
                break;
            }
        }

        return result * beta;
    }

    /// <summary>Beta distribution (<c>betavariate(alpha, beta)</c>), from two gamma variates.</summary>
    /// <param name="alpha">First shape, &gt; 0.</param>
    /// <param name="beta">Second shape, &gt; 0.</param>
    /// <returns>A float in [0, 1].</returns>
    /// <exception cref="PyValueException">alpha or beta ≤ 0.</exception>
    public double BetaVariate(double alpha, double beta)
    {
        double y = GammaVariate(alpha, 1.0);
        if (y != 0.0)
        {
            return y / (y + GammaVariate(beta, 1.0));
        }

        return 0.0;
    }

    /// <summary>Pareto distribution (<c>paretovariate(alpha)</c>): <c>(1.0 - random()) ** (-1.0 / alpha)</c>.</summary>
    /// <param name="alpha">Shape.</param>
    /// <returns>The float, ≥ 1 for positive alpha.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="alpha"/> is zero.</exception>
    /// <exception cref="OverflowException">The power overflows.</exception>
    public double ParetoVariate(double alpha)
    {
        if (IsPython27)
        {
            return ParetoVariate27(alpha); // 1.0 / pow(u, 1.0/alpha)
        }

        double u = 1.0 - Random();
        return Pow(u, Div(-1.0, alpha));
    }

    /// <summary>Weibull distribution (<c>weibullvariate(alpha, beta)</c>): <c>alpha * (-log(u)) ** (1.0 / beta)</c>.</summary>
    /// <param name="alpha">Scale.</param>
    /// <param name="beta">Shape.</param>
    /// <returns>The float.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="beta"/> is zero.</exception>
    public double WeibullVariate(double alpha, double beta)
    {
        double u = 1.0 - Random();
        return alpha * Pow(-Math.Log(u), Div(1.0, beta));
    }

    /// <summary>
    /// Binomial distribution (<c>binomialvariate(n=1, p=0.5)</c>, Python 3.12+): the number of
    /// successes in <paramref name="n"/> independent trials each succeeding with probability
    /// <paramref name="p"/>. Devroye's geometric method when n*p &lt; 10, else Hörmann's BTRS
    /// (transformed rejection with squeeze), exactly as Lib/random.py runs them.
    /// </summary>
    /// <param name="n">Number of trials, ≥ 0.</param>
    /// <param name="p">Success probability, 0 ≤ p ≤ 1.</param>
    /// <returns>An int in [0, n]; mean n*p, variance n*p*(1-p).</returns>
    /// <exception cref="PyValueException"><c>n must be non-negative</c>; <c>p must be in the range 0.0 &lt;= p &lt;= 1.0</c>.</exception>
    public long BinomialVariate(long n = 1, double p = 0.5)
    {
        if (n < 0)
        {
            throw new PyValueException("n must be non-negative");
        }

        if (p <= 0.0 || p >= 1.0)
        {
            if (p == 0.0)
            {
                return 0;
            }

            if (p == 1.0)
            {
                return n;
            }

            throw new PyValueException("p must be in the range 0.0 <= p <= 1.0");
        }

        if (n == 1)
        {
            return Random() < p ? 1 : 0; // fast path for a common case
        }

        if (p > 0.5)
        {
            return n - BinomialVariate(n, 1.0 - p); // exploit symmetry so that p <= 0.5
        }

        double np = n * p;
        if (np < 10.0)
        {
            // BG: Geometric method by Devroye with running time of O(np).
            long x = 0;
            Int128 y = 0;
            double c = Log2(1.0 - p);
            if (c == 0.0)
            {
                return x;
            }

            while (true)
            {
                y += FloorToInt64(Log2(Random()) / c) + 1;
                if (y > n)
                {
                    return x;
                }

                x++;
            }
        }

        return BinomialBtrs(n, p);
    }

    /// <summary>BTRS: transformed rejection with squeeze, Wolfgang Hörmann (1993); n*p ≥ 10, p ≤ 0.5.</summary>
    private long BinomialBtrs(long n, double p)
    {
        bool setupComplete = false;
        double spq = Math.Sqrt(n * p * (1.0 - p)); // standard deviation of the distribution
        double b = 1.15 + (2.53 * spq);
        double a = -0.0873 + (0.0248 * b) + (0.01 * p);
        double c = (n * p) + 0.5;
        double vr = 0.92 - (4.2 / b);
        double alpha = 0.0;
        double lpq = 0.0;
        long m = 0;
        double h = 0.0;
        while (true)
        {
            double u = Random();
            u -= 0.5;
            double us = 0.5 - Math.Abs(u);
            double kf = Math.Floor(((Div(2.0 * a, us) + b) * u) + c);
            if (double.IsNaN(kf) || double.IsInfinity(kf))
            {
                FloorToInt64(kf); // raises CPython's ValueError / OverflowError
            }

            // k is a Python int: compare it with n exactly.
            if (kf < 0.0 || kf >= 9223372036854775808.0 || (long)kf > n)
            {
                continue;
            }

            long k = (long)kf;

            // The early-out "squeeze" test substantially reduces the number of acceptance
            // condition evaluations.
            double v = Random();
            if (us >= 0.07 && v <= vr)
            {
                return k;
            }

            // Acceptance-rejection test. (The original paper erroneously omits the call to
            // log(v) when comparing to the log of the rescaled binomial distribution.)
            if (!setupComplete)
            {
                alpha = (2.83 + (5.1 / b)) * spq;
                lpq = Math.Log(p / (1.0 - p));
                m = FloorToInt64(IntToFloat((Int128)n + 1) * p); // mode of the distribution
                h = LGamma(IntToFloat((Int128)m + 1)) + LGamma(IntToFloat((Int128)n - m + 1));
                setupComplete = true; // only needs to be done once
            }

            v *= alpha / ((a / (us * us)) + b);
            if (Log(v) <= h - LGamma(IntToFloat((Int128)k + 1)) - LGamma(IntToFloat((Int128)n - k + 1)) + (IntToFloat((Int128)k - m) * lpq))
            {
                return k;
            }
        }
    }

    /// <summary>Python's int-to-float conversion (round half to even) for the 65-bit sums above.</summary>
    private static double IntToFloat(Int128 value) => (double)value;
}

using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using PyStd.Objects;

namespace PyStd.Random;

/// <summary>
/// CPython's <c>random.Random</c>, bit for bit: the same Mersenne Twister, the same seeding and
/// the same algorithms, so a seed gives the numbers Python 3.13 gives.
/// </summary>
/// <remarks>
/// <para><b>What it offers</b> (the names in brackets are Python's):</para>
/// <list type="bullet">
/// <item><description>bytes: <see cref="RandBytes(int)"/> [<c>randbytes</c>], <see cref="GetRandBits(int)"/> [<c>getrandbits</c>].</description></item>
/// <item><description>integers: <see cref="RandRange(long, long, long)"/> [<c>randrange</c>], <see cref="RandInt(long, long)"/> [<c>randint</c>], uniform within a range, of any size.</description></item>
/// <item><description>sequences: <see cref="Choice{T}(IReadOnlyList{T})"/> picks an element, <see cref="Choices{T}(IReadOnlyList{T}, IReadOnlyList{double}, IReadOnlyList{double}, int)"/>
/// a weighted sample with replacement, <see cref="Sample{T}(IReadOnlyList{T}, int)"/> a sample without replacement,
/// <see cref="Shuffle{T}(IList{T})"/> a permutation in place.</description></item>
/// <item><description>distributions on the real line: <see cref="Random()"/> [<c>random</c>] on [0, 1),
/// <see cref="Uniform"/>, <see cref="Triangular"/>, normal (<see cref="NormalVariate"/>, <see cref="Gauss"/>),
/// <see cref="LogNormVariate"/>, negative exponential (<see cref="ExpoVariate"/>), <see cref="GammaVariate"/>,
/// <see cref="BetaVariate"/>, <see cref="ParetoVariate"/>, <see cref="WeibullVariate"/>.</description></item>
/// <item><description>on the circle (angles 0 to 2π): <see cref="VonMisesVariate"/>.</description></item>
/// <item><description>discrete: <see cref="BinomialVariate"/>.</description></item>
/// </list>
/// <para><b>Seeding</b> (<see cref="Seed(object, int)"/>, as <c>random.seed(a, version=2)</c>): an int of
/// any size uses all its bits (its absolute value, split into 32-bit words for MT19937's
/// <c>init_by_array</c>); a <c>str</c> (UTF-8 encoded), <c>bytes</c> or <c>bytearray</c> is turned
/// into an int together with its SHA-512 digest (version 2), or hashed the way Python 2 hashed
/// strings (version 1, for streams from older Pythons); a float is seeded through its
/// <c>hash()</c>; <c>None</c> (or no argument) seeds from the operating system's entropy. Any
/// other type raises <see cref="PyTypeException"/>, as Python 3.12+ does.</para>
/// <code>
/// var rng = new PyRandom(42);
/// rng.Random();                          // 0.6394267984578837, as random.Random(42).random()
/// rng.RandRange(0, 100, 5);              // randrange(0, 100, 5)
/// rng.Choice(new[] { "win", "lose", "draw" });
/// rng.Sample(Enumerable.Range(0, 1000).ToList(), 5);
/// new PyRandom("text seed").Uniform(-2.5, 7.25);
/// </code>
/// <para><b>Python 2.7</b>: <see cref="Python27(object)"/> creates a generator that follows Python
/// 2.7's algorithms and seeding (<c>int(random() * n)</c> selection, <c>hash()</c> seeds,
/// <see cref="JumpAhead(BigInteger)"/>), so legacy 2.7 programs give the same numbers; docs/random.md
/// tables every difference.</para>
/// <para><b>State</b>: <see cref="GetState"/> returns CPython's shape as model values — the tuple
/// <c>(3, (625 ints), gauss_next)</c> — so a state pickled by Python resumes here through
/// <see cref="SetState"/> and the streams continue identically, and the reverse.</para>
/// <para><b>Notes on the generator</b>: the period is 2**19937-1; MT19937 is one of the most
/// extensively tested generators in existence, and it is completely unsuitable for cryptographic
/// purposes — use <see cref="SystemRandom"/> (the operating system's CSPRNG) for secrets. An
/// instance is not thread-safe: give each thread its own, as Python programs do with separate
/// <c>Random()</c> instances.</para>
/// <para>Python values go in and out in the PyStd value model: ints as <see cref="long"/> or
/// <see cref="BigInteger"/> (normalised), floats as <see cref="double"/>, lists as
/// <c>List&lt;object?&gt;</c>. Typed overloads (<see cref="RandInt(int, int)"/>,
/// <see cref="RandRange(long, long, long)"/>, generic sequence methods, <see cref="NextDoubles"/>)
/// give .NET callers the identical stream without boxing.</para>
/// </remarks>
public partial class PyRandom
{
    /// <summary>The state version <see cref="GetState"/> writes (Random.VERSION).</summary>
    public const int StateVersion = 3;

    private const string SeedTypeMessage = "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.";
    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    private MersenneTwister _mt;
    private double _gaussNext;
    private bool _hasGaussNext;

    // Set only by SystemRandom: every primitive then draws from the OS CSPRNG instead of _mt.
    private readonly bool _system;

    // Python 2.7 mode (PyRandom.Python27.cs): the algorithms that differ branch on this flag at
    // their entry — seeding, RandRange/RandInt, Choice, Shuffle, Sample, Triangular, GammaVariate,
    // ParetoVariate, getrandbits(0) — while Random()/GetRandBits and everything built only on them
    // stay shared. No virtual calls, and no mode test on the Random()/GetRandBits64 hot paths.
    private readonly RandomMode _mode;

    /// <summary>Creates a generator seeded from the operating system's entropy (<c>random.Random()</c>).</summary>
    public PyRandom()
    {
        Seed();
    }

    /// <summary>Creates a generator from an int seed (<c>random.Random(seed)</c>).</summary>
    /// <param name="seed">Any int; the sign is ignored, as in CPython.</param>
    public PyRandom(long seed)
    {
        Seed(seed);
    }

    /// <summary>Creates a generator from any supported seed (<c>random.Random(seed)</c>).</summary>
    /// <param name="seed">None, int (<see cref="long"/>, <see cref="BigInteger"/>, bool or any .NET integer),
    /// float, str, bytes (<c>byte[]</c>) or bytearray (<see cref="PyByteArray"/>).</param>
    /// <exception cref="PyTypeException">Another type.</exception>
    public PyRandom(object? seed)
    {
        Seed(seed);
    }

    /// <summary>For <see cref="SystemRandom"/>: no Mersenne Twister state is used.</summary>
    /// <param name="system">Always true.</param>
    private protected PyRandom(bool system)
    {
        _system = system;
        _mt.Park(); // the fast paths find no words and fall through to the SystemRandom test
    }

    /// <summary>Reseeds from the operating system's entropy (<c>seed()</c> / <c>seed(None)</c>).</summary>
    public void Seed()
    {
        if (_system)
        {
            return;
        }

        Span<uint> key = stackalloc uint[MersenneTwister.N];
        RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(key));
        _mt.InitByArray(key);
        _hasGaussNext = false;
    }

    /// <summary>Reseeds from an int (<c>seed(a)</c>); the sign is ignored.</summary>
    /// <param name="a">The seed.</param>
    public void Seed(long a)
    {
        if (_system)
        {
            return;
        }

        SeedFromMagnitude(a == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(a));
        _hasGaussNext = false;
    }

    /// <summary>Reseeds the generator (<c>seed(a, version)</c>).</summary>
    /// <param name="a">None (OS entropy), an int of any size (all bits used, sign ignored), a float
    /// (seeded by its <c>hash()</c>), a str, bytes or bytearray.</param>
    /// <param name="version">2 (the default): a str, bytes or bytearray is used with all its bits plus
    /// its SHA-512 digest. 1: a str or bytes goes through Python 2's 64-bit string hash, reproducing
    /// streams from Python 2 and from 3.1 and earlier. Ints and floats seed alike under either.</param>
    /// <exception cref="PyTypeException">An unsupported seed type, or a bytearray with version 1 (unhashable, as in CPython).</exception>
    /// <exception cref="PyValueException">A str with a lone surrogate under version 2 (it cannot be UTF-8 encoded).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A str or bytes with a version other than 1 or 2:
    /// CPython then seeds from <c>hash(a)</c>, which is randomised per process.</exception>
    /// <remarks>A NaN seed is seeded from the OS entropy: CPython hashes NaN by object identity, so
    /// its stream is not reproducible either. On a <see cref="RandomMode.Python27"/> generator the
    /// version is ignored and a non-int seed goes through Python 2.7's <c>hash()</c>, as
    /// <see cref="Python27(object)"/> describes.</remarks>
    public void Seed(object? a, int version = 2)
    {
        if (_system)
        {
            return; // SystemRandom.seed is a stub, as in CPython.
        }

        if (IsPython27)
        {
            Seed27(a); // str, unicode, float and tuple seeds go through 2.7's hash(); ints seed alike
            return;
        }

        switch (a)
        {
            case null:
                Seed();
                return;
            case string or byte[] when version == 1:
                SeedFromMagnitude(Python2StringHash(a));
                break;
            case string s when version == 2:
                SeedFromBytesV2(EncodeUtf8(s));
                break;
            case byte[] b when version == 2:
                SeedFromBytesV2(b);
                break;
            case PyByteArray ba when version == 2:
                SeedFromBytesV2(ba.AsSpan());
                break;
            case PyByteArray:
                throw new PyTypeException("unhashable type: 'bytearray'");
            case string or byte[]:
                throw new ArgumentOutOfRangeException(nameof(version), version,
                    "A str or bytes seed needs version 1 or 2; other versions seed from Python's per-process randomised hash().");
            case double d:
                SeedFromDouble(d);
                return;
            case float f:
                SeedFromDouble(f);
                return;
            case long l:
                Seed(l);
                return;
            case BigInteger big:
                SeedFromBigInteger(big);
                break;
            default:
                if (!PyInt.TryGetBigInteger(a, out BigInteger value))
                {
                    throw new PyTypeException(SeedTypeMessage);
                }

                SeedFromBigInteger(value);
                break;
        }

        _hasGaussNext = false;
    }

    /// <summary>
    /// Returns the internal state as CPython's <c>getstate()</c> does: the tuple
    /// <c>(3, state, gauss_next)</c> where <c>state</c> is a tuple of 625 ints (the 624 words and
    /// the position) and <c>gauss_next</c> is a float or None.
    /// </summary>
    /// <returns>A <see cref="PyTuple"/> of model values; <c>PyRepr.Repr</c> prints it as Python does.</returns>
    /// <exception cref="NotSupportedException">On <see cref="SystemRandom"/>.</exception>
    public PyTuple GetState()
    {
        ThrowIfSystemState();
        var words = new object?[MersenneTwister.N + 1];
        ReadOnlySpan<uint> state = _mt.State;
        for (int i = 0; i < MersenneTwister.N; i++)
        {
            words[i] = (long)state[i];
        }

        words[MersenneTwister.N] = (long)_mt.Index;
        return new PyTuple((long)StateVersion, new PyTuple(words), _hasGaussNext ? _gaussNext : null);
    }

    /// <summary>
    /// Restores a state from <see cref="GetState"/> or from CPython's <c>getstate()</c> (version 3,
    /// or version 2 from Python 2.x/3.1, whose words are taken modulo 2**32).
    /// </summary>
    /// <param name="state">A tuple (or list) <c>(version, internalstate, gauss_next)</c>.</param>
    /// <exception cref="PyTypeException">Wrong types, with CPython's messages.</exception>
    /// <exception cref="PyValueException">Wrong version, size or position, with CPython's messages.</exception>
    /// <exception cref="OverflowException">A word that is negative or does not fit 64 bits.</exception>
    /// <exception cref="NotSupportedException">On <see cref="SystemRandom"/>.</exception>
    /// <remarks>A failed call leaves the generator as it was (CPython may already have replaced
    /// <c>gauss_next</c>).</remarks>
    public void SetState(object? state)
    {
        ThrowIfSystemState();
        IReadOnlyList<object?> outer = state switch
        {
            PyTuple t => t,
            List<object?> l => l,
            IReadOnlyList<object?> r => r,
            _ => throw new PyTypeException($"'{PyTypeName.Of(state)}' object is not subscriptable"),
        };
        if (outer.Count == 0)
        {
            throw new PyIndexException($"{PyTypeName.Of(state)} index out of range");
        }

        object? version = outer[0];
        bool v3 = PyEquality.AreEqual(version, 3L);
        bool v2 = !v3 && PyEquality.AreEqual(version, 2L);
        if (!v3 && !v2)
        {
            throw new PyValueException($"state with version {Str(version)} passed to Random.setstate() of version {StateVersion}");
        }

        if (outer.Count != 3)
        {
            throw new PyValueException(outer.Count < 3
                ? $"not enough values to unpack (expected 3, got {outer.Count})"
                : "too many values to unpack (expected 3)");
        }

        object? internalState = outer[1];
        if (v2)
        {
            internalState = Version2ToVersion3(internalState);
        }

        Span<uint> words = stackalloc uint[MersenneTwister.N];
        int index = ParseInternalState(internalState, words);
        (bool hasGauss, double gauss) = ParseGaussNext(outer[2]);

        _mt.SetState(words, index);
        _hasGaussNext = hasGauss;
        _gaussNext = gauss;
    }

    private static PyTuple Version2ToVersion3(object? internalState)
    {
        // random.py: tuple(x % (2**32) for x in internalstate) — any iterable of ints.
        if (internalState is not System.Collections.IEnumerable items || internalState is string)
        {
            throw new PyTypeException($"'{PyTypeName.Of(internalState)}' object is not iterable");
        }

        var converted = new List<object?>();
        foreach (object? item in items)
        {
            if (!PyInt.TryGetBigInteger(item, out BigInteger value))
            {
                throw new PyTypeException($"unsupported operand type(s) for %: '{PyTypeName.Of(item)}' and 'int'");
            }

            BigInteger mod = value % (BigInteger.One << 32);
            converted.Add((long)(mod.Sign < 0 ? mod + (BigInteger.One << 32) : mod));
        }

        return new PyTuple(converted.ToArray());
    }

    private static int ParseInternalState(object? internalState, Span<uint> words)
    {
        // _randommodule.c random_setstate: a tuple of 624 unsigned longs and a position 0..624.
        if (internalState is not PyTuple tuple)
        {
            throw new PyTypeException("state vector must be a tuple");
        }

        if (tuple.Count != MersenneTwister.N + 1)
        {
            throw new PyValueException("state vector is the wrong size");
        }

        for (int i = 0; i < MersenneTwister.N; i++)
        {
            object? item = tuple[i];
            if (!PyInt.TryGetBigInteger(item, out BigInteger value))
            {
                throw new PyTypeException("an integer is required");
            }

            if (value.Sign < 0)
            {
                throw new OverflowException("can't convert negative value to unsigned int");
            }

            if (value > ulong.MaxValue)
            {
                throw new OverflowException("Python int too large to convert to C unsigned long");
            }

            words[i] = (uint)(ulong)value; // C's (uint32_t) cast of an unsigned long
        }

        object? last = tuple[MersenneTwister.N];
        if (!PyInt.TryGetBigInteger(last, out BigInteger position))
        {
            throw new PyTypeException($"'{PyTypeName.Of(last)}' object cannot be interpreted as an integer");
        }

        if (position < long.MinValue || position > long.MaxValue)
        {
            throw new OverflowException("Python int too large to convert to C long");
        }

        if (position < 0 || position > MersenneTwister.N)
        {
            throw new PyValueException("invalid state");
        }

        return (int)position;
    }

    private static (bool Has, double Value) ParseGaussNext(object? gaussNext)
    {
        switch (gaussNext)
        {
            case null:
                return (false, 0.0);
            case double d:
                return (true, d);
            case float f:
                return (true, f);
            default:
                if (PyInt.TryGetBigInteger(gaussNext, out BigInteger i))
                {
                    return (true, PyFloatMath.ToDouble(i));
                }

                throw new PyTypeException($"gauss_next must be None or a float, not '{PyTypeName.Of(gaussNext)}'");
        }
    }

    private void ThrowIfSystemState()
    {
        if (_system)
        {
            throw new NotSupportedException("System entropy source does not have state.");
        }
    }

    private void SeedFromMagnitude(ulong magnitude)
    {
        Span<uint> key = stackalloc uint[2];
        key[0] = (uint)magnitude;
        key[1] = (uint)(magnitude >> 32);
        _mt.InitByArray(magnitude >> 32 == 0 ? key[..1] : key);
    }

    private void SeedFromBigInteger(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            Seed((long)value);
            return;
        }

        // _randommodule.c random_seed: abs(n) as little-endian 32-bit words, as many as its bits need.
        byte[] bytes = BigInteger.Abs(value).ToByteArray(isUnsigned: true, isBigEndian: false);
        var key = new uint[(bytes.Length + 3) / 4];
        for (int i = 0; i < bytes.Length; i++)
        {
            key[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        }

        _mt.InitByArray(key);
    }

    private void SeedFromBytesV2(ReadOnlySpan<byte> bytes)
    {
        // random.py, version 2: a = int.from_bytes(a + sha512(a).digest()) (big-endian).
        byte[] joined = new byte[bytes.Length + SHA512.HashSizeInBytes];
        bytes.CopyTo(joined);
        SHA512.HashData(bytes, joined.AsSpan(bytes.Length));
        SeedFromBigInteger(new BigInteger(joined, isUnsigned: true, isBigEndian: true));
    }

    private void SeedFromDouble(double d)
    {
        if (double.IsNaN(d))
        {
            Seed();
            return;
        }

        // Not an int: _randommodule.c seeds from (size_t)hash(a).
        SeedFromMagnitude((ulong)PyHash.HashDouble(d));
        _hasGaussNext = false;
    }

    /// <summary>
    /// random.py's version-1 seeding of str and bytes: Python 2's string hash over the code points
    /// (bytes as latin-1), masked to 64 bits.
    /// </summary>
    private static ulong Python2StringHash(object a)
    {
        ulong x = 0;
        int length = 0;
        bool first = true;
        foreach (int c in CodePoints(a))
        {
            if (first)
            {
                x = (ulong)c << 7;
                first = false;
            }

            x = unchecked(1000003UL * x) ^ (uint)c;
            length++;
        }

        return x ^ (ulong)length;
    }

    private static IEnumerable<int> CodePoints(object a)
    {
        if (a is byte[] bytes)
        {
            foreach (byte b in bytes)
            {
                yield return b;
            }

            yield break;
        }

        string s = (string)a;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }
            else
            {
                yield return c;
            }
        }
    }

    private static byte[] EncodeUtf8(string s)
    {
        try
        {
            return s_strictUtf8.GetBytes(s);
        }
        catch (EncoderFallbackException ex)
        {
            throw new PyValueException(
                $"'utf-8' codec can't encode character '\\u{(int)ex.CharUnknown:x4}' in position {ex.Index}: surrogates not allowed", ex);
        }
    }

    /// <summary>Python's <c>str(x)</c> for the scalar values that appear in messages.</summary>
    private static string Str(object? value) => value switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        _ => PyRepr.Repr(value),
    };
}

using System.Globalization;
using System.Numerics;
using PyStd.Random;

namespace PyStd.Tests.Random;

/// <summary>
/// The vectors of CPython's Lib/test/test_random.py (MersenneTwister_TestBasicOps), transcribed as
/// data: reference-implementation outputs, the sequences guaranteed stable across versions, the
/// version-1 (Python 2 hash) string seeds, getrandbits and randbytes.
/// </summary>
public class RandomReferenceVectorTests
{
    private static readonly BigInteger ReferenceSeed =
        61731 + (new BigInteger(24903) << 32) + (new BigInteger(614) << 64) + (new BigInteger(42143) << 96);

    [Fact]
    public void Reference_implementation_last_ten_of_two_thousand_floats_match_the_C_reference_code()
    {
        // test_referenceImplementation: genrand_res53() of the original C code, init_by_array({61731, 24903, 614, 42143}).
        double[] expected =
        [
            0.45839803073713259, 0.86057815201978782, 0.92848331726782152, 0.35932681119782461, 0.081823493762449573,
            0.14332226470169329, 0.084297823823520024, 0.53814864671831453, 0.089215024911993401, 0.78486196105372907,
        ];
        double[] actual = Draw(new PyRandom(ReferenceSeed), 2000)[^10..];
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(expected[i], actual[i], 14);
        }
    }

    [Fact]
    public void Strong_reference_implementation_matches_to_the_bit()
    {
        // test_strong_reference_implementation: int(ldexp(x, 53)) of the same ten floats.
        long[] expected =
        [
            0x0eab3258d2231f, 0x1b89db315277a5, 0x1db622a5518016, 0x0b7f9af0d575bf, 0x029e4c4db82240,
            0x04961892f5d673, 0x02b291598e4589, 0x11388382c15694, 0x02dad977c9e1fe, 0x191d96d4d334c6,
        ];
        double[] actual = Draw(new PyRandom(ReferenceSeed), 2000)[^10..];
        Assert.Equal(expected, actual.Select(a => (long)Math.ScaleB(a, 53)).ToArray());
    }

    [Fact]
    public void Bulk_doubles_give_the_same_reference_stream()
    {
        var rng = new PyRandom(ReferenceSeed);
        var bulk = new double[2000];
        rng.NextDoubles(bulk);
        Assert.Equal(Draw(new PyRandom(ReferenceSeed), 2000), bulk);
    }

    [Theory]
    [InlineData("int", "3456147", 1, "0x1.ac362300d90d2p-1 0x1.9d16f74365005p-1 0x1.1ebb4352e4c4dp-1 0x1.1a7422abf9c11p-1")]
    [InlineData("str", "the quick brown fox", 2, "0x1.1239ddfb11b7cp-3 0x1.b3cbb5c51b120p-4 0x1.8c4f55116b60fp-1 0x1.63eb525174a27p-1")]
    public void Guaranteed_stable_sequences_are_stable(string kind, string seed, int version, string hexes)
    {
        // test_guaranteed_stable: "These sequences are guaranteed to stay the same across versions of python".
        var rng = new PyRandom(0);
        rng.Seed(kind == "int" ? long.Parse(seed, CultureInfo.InvariantCulture) : seed, version);
        Assert.Equal(Hexes(hexes), Draw(rng, 4));
    }

    [Theory]
    [InlineData("nofar", "0x1.8645314505ad7p-1 0x1.afb1f82e40a40p-5 0x1.2a59d2285e971p-1 0x1.56977142a7880p-6")]
    [InlineData("rachel", "0x1.0b294cc856fcdp-1 0x1.2ad22d79e77b8p-3 0x1.3052b9c072678p-2 0x1.578f332106574p-3")]
    [InlineData("", "0x1.b0580f98a7dbep-1 0x1.84129978f9c1ap-1 0x1.aeaa51052e978p-2 0x1.092178fb945a6p-2")]
    public void Version_1_str_and_bytes_seeds_use_Python_2s_hash(string seed, string hexes)
    {
        // test_bug_27706 (str) and test_bug_31482 (the same seeds as bytes).
        var fromStr = new PyRandom(0);
        fromStr.Seed(seed, version: 1);
        Assert.Equal(Hexes(hexes), Draw(fromStr, 4));

        var fromBytes = new PyRandom(0);
        fromBytes.Seed(System.Text.Encoding.Latin1.GetBytes(seed), version: 1);
        Assert.Equal(Hexes(hexes), Draw(fromBytes, 4));
    }

    [Fact]
    public void Version_1_bytes_seed_with_high_bytes_decodes_as_latin_1()
    {
        // test_bug_31482: hash(b) == 5015594239749365497 in Python 2.7.
        var rng = new PyRandom(0);
        rng.Seed(new byte[] { 0x00, 0x20, 0x40, 0x60, 0x80, 0xA0, 0xC0, 0xE0, 0xF0 }, version: 1);
        Assert.Equal(Hexes("0x1.52c2fde444d23p-1 0x1.875174f0daea4p-2 0x1.9e9b2c50e5cd2p-1 0x1.fa57768bd321cp-2"), Draw(rng, 4));
    }

    [Fact]
    public void Getrandbits_100_is_cross_platform_repeatable()
    {
        // test_getrandbits and test_randrange_uses_getrandbits.
        BigInteger expected = BigInteger.Parse("97904845777343510404718956115", CultureInfo.InvariantCulture);
        Assert.Equal(expected, new PyRandom(1234567).GetRandBits(100));
        Assert.Equal(expected, new PyRandom(1234567).RandRange(BigInteger.Pow(2, 99)));
    }

    [Fact]
    public void Getrandbits_covers_every_bit_and_zero_bits_is_zero()
    {
        var rng = new PyRandom(20251125);
        Assert.Equal(0L, rng.GetRandBits(0));
        foreach (int span in new[] { 1, 2, 3, 4, 31, 32, 52, 53, 54, 119, 127, 128, 129 })
        {
            BigInteger all = (BigInteger.One << span) - 1;
            BigInteger cum = 0;
            BigInteger complement = 0;
            for (int i = 0; i < 100; i++)
            {
                BigInteger v = ToBig(rng.GetRandBits(span));
                Assert.InRange(v, BigInteger.Zero, all);
                cum |= v;
                complement |= all ^ v;
            }

            Assert.Equal(all, cum);
            Assert.Equal(all, complement);
        }
    }

    [Fact]
    public void Randbytes_match_the_Mersenne_Twister_vector_in_every_chunking()
    {
        // test_randbytes: deterministic, independent of endianness and bitness.
        byte[] expected = [0x33, 0xa8, 0xf9, 0x66, 0xf4, 0xa4, 0xd0, 0x36, 0x19, 0x8f, 0x9f, 0x82, 0x02, 0x6f, 0x65, 0xf0];
        const long seed = 8675309;
        Assert.Equal(expected, new PyRandom(seed).RandBytes(16));

        var rng = new PyRandom(seed);
        Assert.Empty(rng.RandBytes(0)); // consumes nothing
        Assert.Equal(expected, rng.RandBytes(16));

        rng = new PyRandom(seed);
        Assert.Equal(expected, Enumerable.Range(0, 4).SelectMany(_ => rng.RandBytes(4)).ToArray());

        // Each randbytes(1), (2) or (3) call consumes a whole 32-bit word and keeps its top bytes.
        for (int size = 1; size <= 3; size++)
        {
            rng = new PyRandom(seed);
            byte[] chunks = Enumerable.Range(0, 4).SelectMany(_ => rng.RandBytes(size)).ToArray();
            byte[] want = Enumerable.Range(0, 4).SelectMany(w => expected.Skip((w * 4) + 4 - size).Take(size)).ToArray();
            Assert.Equal(want, chunks);
        }
    }

    [Fact]
    public void Randbytes_equal_getrandbits_as_little_endian_bytes()
    {
        // test_randbytes_getrandbits.
        var a = new PyRandom(2849427419);
        var b = new PyRandom(2849427419);
        for (int n = 0; n < 9; n++)
        {
            byte[] bytes = a.RandBytes(n);
            byte[] fromBits = ToBig(b.GetRandBits(n * 8)).ToByteArray(isUnsigned: true, isBigEndian: false);
            System.Array.Resize(ref fromBits, n);
            Assert.Equal(fromBits, bytes);
        }
    }

    [Fact]
    public void Sample_with_counts_equals_the_sample_of_the_expanded_population()
    {
        // test_sample_counts_equivalence.
        string[] colors = ["red", "green", "blue", "orange", "black", "amber"];
        long[] counts = [500, 200, 20, 10, 5, 1];
        List<string> s1 = new PyRandom(8675309).Sample(colors, 700, counts);
        List<string> expanded = colors.Zip(counts).SelectMany(p => Enumerable.Repeat(p.First, (int)p.Second)).ToList();
        Assert.Equal(new PyRandom(8675309).Sample(expanded, 700), s1);

        const string pop = "abcdefghi";
        var letterCounts = new List<object?> { 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L };
        string joined = string.Concat(new PyRandom(8675309).Sample(pop, 30, letterCounts));
        string expandedText = string.Concat(pop.Select((c, i) => new string(c, 10 - i)));
        Assert.Equal(string.Concat(new PyRandom(8675309).Sample(expandedText, 30)), joined);
    }

    [Fact]
    public void Choices_with_equal_weights_and_cumulative_weights_agree()
    {
        // test_choices_algorithms.
        const int n = 104729;
        List<int> population = Enumerable.Range(0, n).ToList();
        List<int> a = new PyRandom(8675309).Choices(population, k: 10000);
        List<int> b = new PyRandom(8675309).Choices(population, Enumerable.Repeat(1.0, n).ToList(), k: 10000);
        List<int> c = new PyRandom(8675309).Choices(population, cumWeights: Enumerable.Range(1, n).Select(i => (double)i).ToList(), k: 10000);
        Assert.Equal(a, b);
        Assert.Equal(a, c);

        // American Roulette.
        string[] roulette = ["Red", "Black", "Green"];
        string[] expandedRoulette = [.. Enumerable.Repeat("Red", 18), .. Enumerable.Repeat("Black", 18), "Green", "Green"];
        List<string> x = new PyRandom(9035768).Choices(expandedRoulette, k: 10000);
        Assert.Equal(x, new PyRandom(9035768).Choices(roulette, [18.0, 18.0, 2.0], k: 10000));
        Assert.Equal(x, new PyRandom(9035768).Choices(roulette, cumWeights: [18.0, 36.0, 38.0], k: 10000));
    }

    [Fact]
    public void Randrange_with_a_huge_negative_step_stays_on_the_lattice()
    {
        // test_randrange_bug_1590891.
        var rng = new PyRandom(1590891);
        BigInteger start = 1000000000000;
        BigInteger stop = BigInteger.Parse("-100000000000000000000", CultureInfo.InvariantCulture);
        for (int i = 0; i < 100; i++)
        {
            BigInteger x = ToBig(rng.RandRange(start, stop, -200L));
            Assert.True(stop < x && x <= start);
            Assert.Equal(BigInteger.Zero, (x + stop) % -200);
        }
    }

    [Fact]
    public void Big_ranges_use_every_bit_and_ranges_near_two_to_the_sixty_are_covered()
    {
        // test_bigrand, test_53_bits_per_float and test_rangelimits.
        var rng = new PyRandom(9025);
        BigInteger span = BigInteger.Pow(2, 500);
        BigInteger cum = 0;
        for (int i = 0; i < 100; i++)
        {
            cum |= ToBig(rng.RandRange(span));
        }

        Assert.Equal(span - 1, cum);

        long bits = 0;
        for (int i = 0; i < 100; i++)
        {
            bits |= (long)(rng.Random() * (1L << 53));
        }

        Assert.Equal((1L << 53) - 1, bits);

        foreach ((long start, long stop) in new[] { (-2L, 0L), (-(1L << 60) - 2, -(1L << 60)), (1L << 60, (1L << 60) + 2) })
        {
            var seen = new HashSet<long>();
            for (int i = 0; i < 100; i++)
            {
                seen.Add(rng.RandRange(start, stop));
            }

            Assert.Equal(2, seen.Count);
        }
    }

    [Fact]
    public void Documented_example_seed_42_gives_Pythons_first_float()
    {
        Assert.Equal(0.6394267984578837, new PyRandom(42).Random());
    }

    internal static double[] Draw(PyRandom rng, int count)
    {
        var result = new double[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = rng.Random();
        }

        return result;
    }

    internal static BigInteger ToBig(object value) => value switch
    {
        long l => l,
        BigInteger b => b,
        _ => throw new InvalidOperationException(value.GetType().Name),
    };

    private static double[] Hexes(string text) => text.Split(' ').Select(FromHex).ToArray();

    /// <summary>Parses Python's <c>float.hex()</c> form <c>0x1.hhhhp±e</c>.</summary>
    internal static double FromHex(string hex)
    {
        int p = hex.IndexOf('p', StringComparison.Ordinal);
        string mantissa = hex[2..p];
        int exponent = int.Parse(hex[(p + 1)..], CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = mantissa.Remove(dot, 1);
        int fractionDigits = mantissa.Length - dot - 1;
        ulong value = ulong.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return Math.ScaleB(value, exponent - (4 * fractionDigits));
    }
}

using System.Numerics;
using PyStd.Objects;
using PyStd.Random;

namespace PyStd.Tests.Random;

/// <summary>
/// The .NET surface: typed overloads give the same stream as the Python-value ones, equal seeds
/// seed alike, the hot paths allocate nothing, and SystemRandom offers the same methods over the
/// operating system's generator.
/// </summary>
public class RandomApiTests
{
    [Fact]
    public void Int_long_and_Python_value_overloads_give_one_stream()
    {
        PyRandom a = new(77), b = new(77), c = new(77);
        for (int i = 0; i < 2000; i++)
        {
            int x = a.RandInt(-1000, 1000);
            Assert.Equal(x, b.RandInt(-1000L, 1000L));
            Assert.Equal((long)x, c.RandInt((object)(-1000L), (object)1000L));

            long y = a.RandRange(-(1L << 62), 1L << 62, 3);
            Assert.Equal(y, b.RandRange(-(1L << 62), 1L << 62, 3));
            Assert.Equal(y, c.RandRange((object)(-(1L << 62)), 1L << 62, 3L));

            ulong bits = a.GetRandBits64(64);
            Assert.Equal(PyInt.Normalize(bits), b.GetRandBits(64));
            Assert.Equal(PyInt.Normalize(bits), c.GetRandBits(64));
        }

        int full = a.RandInt(int.MinValue, int.MaxValue);
        Assert.Equal(full, b.RandInt((long)int.MinValue, int.MaxValue));
        Assert.Equal((long)full, c.RandInt((object)(long)int.MinValue, (object)(long)int.MaxValue));
        long widest = a.RandInt(long.MinValue, long.MaxValue); // a 2**64-wide range: 65-bit draws
        Assert.Equal(widest, b.RandInt(long.MinValue, long.MaxValue));
        Assert.Equal(widest, c.RandInt((object)long.MinValue, (object)long.MaxValue));
    }

    [Fact]
    public void Span_list_and_Python_value_sequence_overloads_give_one_stream()
    {
        PyRandom a = new("seq"), b = new("seq"), c = new("seq");
        int[] array = Enumerable.Range(0, 50).ToArray();
        var list = array.ToList();
        var boxed = array.Select(i => (object?)(long)i).ToList();
        for (int i = 0; i < 200; i++)
        {
            a.Shuffle(array.AsSpan());
            b.Shuffle(list);
            c.Shuffle((object)boxed);
            Assert.Equal(array, list);
            Assert.Equal(array.Select(v => (object?)(long)v), boxed);

            int pick = a.Choice((ReadOnlySpan<int>)array);
            Assert.Equal(pick, b.Choice(list));
            Assert.Equal((long)pick, c.Choice((object)boxed));

            List<int> sample = a.Sample(array, 7);
            Assert.Equal(sample, b.Sample(list, 7));
            Assert.Equal(sample.Select(v => (object?)(long)v), c.Sample((object)boxed, 7));
        }
    }

    [Fact]
    public void SampleRange_equals_sampling_the_materialised_range()
    {
        foreach ((long start, long stop, long step, int k) in new[] { (0L, 30L, 1L, 30), (5L, 1000L, 7L, 60), (100L, -100L, -3L, 10), (0L, 1L << 40, 1L, 5) })
        {
            List<long> fromRange = new PyRandom(3).SampleRange(start, stop, step, k);
            if (stop - start < 100000)
            {
                var members = new List<long>();
                for (long v = start; step > 0 ? v < stop : v > stop; v += step)
                {
                    members.Add(v);
                }

                Assert.Equal(new PyRandom(3).Sample(members, k), fromRange);
            }
            else
            {
                Assert.All(fromRange, v => Assert.InRange(v, start, stop - 1));
                Assert.Equal(k, fromRange.Distinct().Count());
            }
        }
    }

    [Fact]
    public void Equal_seeds_seed_alike()
    {
        double First(PyRandom r) => r.Random();
        double five = First(new PyRandom(5));
        Assert.Equal(five, First(new PyRandom(-5)));
        Assert.Equal(five, First(new PyRandom((object)5L)));
        Assert.Equal(five, First(new PyRandom(new BigInteger(5))));
        Assert.Equal(five, First(new PyRandom((short)5)));
        Assert.Equal(five, First(new PyRandom(5.0))); // hash(5.0) == 5
        Assert.Equal(First(new PyRandom(1)), First(new PyRandom(true)));

        double text = First(new PyRandom("abc"));
        Assert.Equal(text, First(new PyRandom("abc"u8.ToArray())));
        Assert.Equal(text, First(new PyRandom(new PyByteArray("abc"u8))));

        var reseeded = new PyRandom(1);
        reseeded.Seed("abc");
        Assert.Equal(text, First(reseeded));
    }

    [Fact]
    public void NaN_and_None_seeds_draw_from_the_OS()
    {
        Assert.NotEqual(new PyRandom(double.NaN).GetRandBits(128), new PyRandom(double.NaN).GetRandBits(128));
        Assert.NotEqual(new PyRandom().GetRandBits(128), new PyRandom((object?)null).GetRandBits(128));
    }

    [Fact]
    public void Python_312_defaults_are_the_documented_ones()
    {
        PyRandom a = new(9), b = new(9);
        Assert.Equal(a.ExpoVariate(), b.ExpoVariate(1.0));
        Assert.Equal(a.NormalVariate(), b.NormalVariate(0.0, 1.0));
        Assert.Equal(a.Gauss(), b.Gauss(0.0, 1.0));
        Assert.Equal(a.BinomialVariate(), b.BinomialVariate(1, 0.5));
        Assert.Equal(a.Triangular(), b.Triangular(0.0, 1.0, null));
    }

    [Fact]
    public void Reseeding_clears_the_cached_gauss_value()
    {
        var r = new PyRandom(11);
        r.Gauss();
        r.Seed(11L);
        Assert.Equal(new PyRandom(11).Gauss(), r.Gauss());
        Assert.Null(new PyRandom(11).GetState()[2]);
    }

    [Fact]
    public void Hot_paths_do_not_allocate()
    {
        var r = new PyRandom(1);
        Span<double> doubles = stackalloc double[64];
        Span<byte> bytes = stackalloc byte[61];
        Span<int> deck = stackalloc int[52];
        for (int i = 0; i < deck.Length; i++)
        {
            deck[i] = i;
        }

        Run(r, doubles, bytes, deck); // warm up (tiering, statics)
        Run(r, doubles, bytes, deck);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sink = Run(r, doubles, bytes, deck);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);

        static double Run(PyRandom r, Span<double> doubles, Span<byte> bytes, Span<int> deck)
        {
            double total = 0;
            for (int i = 0; i < 1000; i++)
            {
                total += r.Random() + r.GetRandBits64(64) + r.GetRandBits64(17) + r.RandRange(1000) + r.RandRange(-5, 1L << 40, 3)
                         + r.RandInt(1, 6) + r.Gauss() + r.NormalVariate() + r.ExpoVariate() + r.Uniform(2, 3)
                         + r.GammaVariate(2.5, 1) + r.BinomialVariate(100, 0.3) + r.Choice((ReadOnlySpan<int>)deck);
                r.NextDoubles(doubles);
                r.RandBytes(bytes);
                r.Shuffle(deck);
                total += doubles[3] + bytes[60];
            }

            return total;
        }
    }

    [Fact]
    public void SystemRandom_offers_the_same_methods_over_OS_entropy()
    {
        var r = new SystemRandom();
        for (int i = 0; i < 1000; i++)
        {
            Assert.InRange(r.Random(), 0.0, 1.0 - Math.ScaleB(1, -53));
            Assert.InRange(r.RandInt(1, 6), 1, 6);
            Assert.InRange(r.RandRange(-3, 4), -3, 3);
            Assert.True(r.GetRandBits64(7) < 128);
        }

        Assert.Equal(0L, r.GetRandBits(0));
        foreach (int k in new[] { 1, 8, 31, 33, 64, 65, 1000 })
        {
            BigInteger value = RandomReferenceVectorTests.ToBig(r.GetRandBits(k));
            Assert.InRange(value, BigInteger.Zero, (BigInteger.One << k) - 1);
        }

        Assert.Equal(33, r.RandBytes(33).Length);
        Assert.NotEqual(r.RandBytes(16), r.RandBytes(16));
        object big = r.RandRange(BigInteger.Pow(2, 200));
        Assert.InRange(RandomReferenceVectorTests.ToBig(big), BigInteger.Zero, BigInteger.Pow(2, 200) - 1);

        var deck = Enumerable.Range(0, 52).ToList();
        r.Shuffle(deck);
        Assert.Equal(Enumerable.Range(0, 52), deck.Order());
        Assert.Equal(5, r.Sample(deck, 5).Distinct().Count());
        Assert.Contains(r.Choice(deck), deck);
        Assert.Equal(10, r.Choices("abc", new List<object?> { 1L, 2L, 3L }, k: 10).Count);
        Assert.True(double.IsFinite(r.Gauss() + r.NormalVariate() + r.GammaVariate(0.5, 2) + r.VonMisesVariate(1, 2)));
        Assert.InRange(r.BinomialVariate(1000, 0.4), 0, 1000);
    }

    [Fact]
    public void Bulk_doubles_equal_single_draws_from_any_position_and_length()
    {
        // NextDoubles takes four pairs at a time with vectors, whole pairs one by one, and a pair
        // that straddles a block boundary the slow way: every mix must give random()'s stream.
        foreach (int skip in new[] { 0, 1, 2, 3, 7, 622, 623 })
        {
            foreach (int length in new[] { 0, 1, 2, 3, 4, 5, 7, 8, 9, 311, 312, 313, 1000 })
            {
                var bulk = new PyRandom(skip + length);
                var single = new PyRandom(skip + length);
                for (int i = 0; i < skip; i++)
                {
                    Assert.Equal(single.GetRandBits64(32), bulk.GetRandBits64(32));
                }

                var values = new double[length];
                bulk.NextDoubles(values);
                for (int i = 0; i < length; i++)
                {
                    Assert.Equal(single.Random(), values[i]);
                }

                Assert.Equal(single.GetRandBits64(32), bulk.GetRandBits64(32));
            }
        }
    }

    [Fact]
    public void SystemRandom_never_takes_the_twisters_fast_paths()
    {
        var r = new SystemRandom();
        var seen = new HashSet<double>();
        for (int i = 0; i < 1000; i++)
        {
            double x = r.Random();
            Assert.InRange(x, 0.0, 1.0);
            seen.Add(x);
            Assert.InRange(r.GetRandBits64(32), 0UL, uint.MaxValue);
        }

        Assert.True(seen.Count > 990); // an untouched twister would repeat 0.0
    }
}

using System.Numerics;
using PyStd.Objects;
using PyStd.Random;

namespace PyStd.Tests.Random;

/// <summary>
/// Every error Lib/random.py and _randommodule.c raise, with CPython 3.13's exception type and
/// message. The expected texts were taken from a CPython 3.13.2 interpreter (they differ from
/// 3.11's for randrange, whose "empty range" messages and rejection of floats changed in 3.12).
/// </summary>
public class RandomErrorTests
{
    private static readonly PyRandom s_rng = new(5);

    [Fact]
    public void Negative_bit_and_byte_counts_raise_ValueError()
    {
        AssertRaises<PyValueException>("number of bits must be non-negative", () => s_rng.GetRandBits(-1));
        AssertRaises<PyValueException>("number of bits must be non-negative", () => s_rng.GetRandBits64(-1));
        AssertRaises<PyValueException>("number of bits must be non-negative", () => s_rng.RandBytes(-1));
        AssertRaises<OverflowException>("Python int too large to convert to C int", () => s_rng.RandBytes(int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_rng.GetRandBits64(65));
    }

    [Theory]
    [InlineData(0L, "empty range for randrange()")]
    [InlineData(-5L, "empty range for randrange()")]
    public void Randrange_of_a_non_positive_stop_is_empty(long stop, string message)
    {
        AssertRaises<PyValueException>(message, () => s_rng.RandRange(stop));
        AssertRaises<PyValueException>(message, () => s_rng.RandRange((object)stop));
    }

    [Theory]
    [InlineData(0L, 0L, 1L, "empty range in randrange(0, 0)")]
    [InlineData(5L, 2L, 1L, "empty range in randrange(5, 2)")]
    [InlineData(0L, 10L, 0L, "zero step for randrange()")]
    [InlineData(0L, 10L, -1L, "empty range in randrange(0, 10, -1)")]
    [InlineData(10L, 0L, 3L, "empty range in randrange(10, 0, 3)")]
    [InlineData(long.MaxValue, long.MinValue, 1L, "empty range in randrange(9223372036854775807, -9223372036854775808)")]
    public void Empty_ranges_and_zero_steps_raise_with_CPython_313_messages(long start, long stop, long step, string message)
    {
        AssertRaises<PyValueException>(message, () => s_rng.RandRange(start, stop, step));
        AssertRaises<PyValueException>(message, () => s_rng.RandRange(start, stop, step == 1 ? null : step));
    }

    [Fact]
    public void Randrange_messages_print_the_arguments_as_given()
    {
        BigInteger big = BigInteger.Pow(2, 64);
        AssertRaises<PyValueException>("empty range in randrange(18446744073709551616, 18446744073709551616)", () => s_rng.RandRange(big, big));
        AssertRaises<PyValueException>("empty range in randrange(True, False)", () => s_rng.RandRange(true, false));
    }

    [Fact]
    public void Randrange_rejects_floats_and_a_step_without_a_stop()
    {
        const string message = "'float' object cannot be interpreted as an integer";
        AssertRaises<PyTypeException>(message, () => s_rng.RandRange(10.0));
        AssertRaises<PyTypeException>(message, () => s_rng.RandRange(0L, 10.5));
        AssertRaises<PyTypeException>(message, () => s_rng.RandRange(0L, 10L, 2.0));
        AssertRaises<PyTypeException>("'NoneType' object cannot be interpreted as an integer", () => s_rng.RandRange(null));
        AssertRaises<PyTypeException>("Missing a non-None stop argument", () => s_rng.RandRange(10L, null, 2L));
        Assert.IsType<long>(s_rng.RandRange(10L, null, 1L)); // the int 1 is the default step
    }

    [Fact]
    public void Randint_with_b_below_a_reports_randrange_of_b_plus_one()
    {
        const string message = "empty range in randrange(5, 4)";
        AssertRaises<PyValueException>(message, () => s_rng.RandInt(5, 3));
        AssertRaises<PyValueException>(message, () => s_rng.RandInt(5L, 3L));
        AssertRaises<PyValueException>(message, () => s_rng.RandInt((object)5L, (object)3L));
        AssertRaises<PyTypeException>("'float' object cannot be interpreted as an integer", () => s_rng.RandInt(1.0, 3L));
        AssertRaises<PyTypeException>("'float' object cannot be interpreted as an integer", () => s_rng.RandInt(1L, 3.0));
        AssertRaises<PyTypeException>("unsupported operand type(s) for +: 'str' and 'int'", () => s_rng.RandInt(1L, "3"));
    }

    [Fact]
    public void Choosing_from_an_empty_sequence_raises_IndexError()
    {
        const string message = "Cannot choose from an empty sequence";
        AssertRaises<PyIndexException>(message, () => s_rng.Choice(new List<int>()));
        AssertRaises<PyIndexException>(message, () => s_rng.Choice(ReadOnlySpan<int>.Empty));
        AssertRaises<PyIndexException>(message, () => s_rng.Choice(""));
        AssertRaises<PyIndexException>(message, () => s_rng.Choice(PyTuple.Empty));
        AssertRaises<PyTypeException>("object of type 'int' has no len()", () => s_rng.Choice(5L));
    }

    [Fact]
    public void Sample_errors_match_CPython()
    {
        const string tooLarge = "Sample larger than population or is negative";
        const string notSequence = "Population must be a sequence.  For dicts or sets, use sorted(d).";
        AssertRaises<PyValueException>(tooLarge, () => s_rng.Sample(new[] { 1, 2 }, 3));
        AssertRaises<PyValueException>(tooLarge, () => s_rng.Sample(new[] { 1, 2 }, -1));
        AssertRaises<PyValueException>(tooLarge, () => s_rng.SampleRange(10, 11));
        AssertRaises<PyTypeException>(notSequence, () => s_rng.Sample(new PySet { 1L, 2L }, 1));
        AssertRaises<PyTypeException>(notSequence, () => s_rng.Sample(new PyDict { [1L] = 2L }, 1));
        AssertRaises<PyTypeException>(notSequence, () => s_rng.Sample(5L, 1));

        var pair = new List<object?> { 1L, 2L };
        AssertRaises<PyValueException>("The number of counts does not match the population", () => s_rng.Sample(pair, 1, new List<object?> { 1L }));
        AssertRaises<PyValueException>("Total of counts must be greater than zero", () => s_rng.Sample(pair, 1, new List<object?> { 0L, 0L }));
        AssertRaises<PyTypeException>("Counts must be integers", () => s_rng.Sample(pair, 1, new List<object?> { 1.0, 2.0 }));
        AssertRaises<PyIndexException>("pop from empty list", () => s_rng.Sample(new List<object?>(), 0, new List<object?>()));
        AssertRaises<OverflowException>("Python int too large to convert to C ssize_t",
            () => s_rng.Sample(new List<object?> { 1L, 2L, 3L }, 2, new List<object?> { BigInteger.Pow(2, 70), 1L, 1L }));
        AssertRaises<PyValueException>("The number of counts does not match the population", () => s_rng.Sample(new[] { 1, 2 }, 1, new long[] { 1 }));
        AssertRaises<PyValueException>("range() arg 3 must not be zero", () => s_rng.SampleRange(0, 10, 0, 1));

        // Negative counts are allowed while the total is positive, as in CPython.
        Assert.Equal(new List<object?> { 2L }, s_rng.Sample(pair, 1, new List<object?> { -1L, 3L }));
    }

    [Fact]
    public void Choices_errors_match_CPython()
    {
        var pair = new List<object?> { 1L, 2L };
        AssertRaises<PyValueException>("The number of weights does not match the population", () => s_rng.Choices(pair, new List<object?> { 1L }));
        AssertRaises<PyValueException>("Total of weights must be greater than zero", () => s_rng.Choices(pair, new List<object?> { 0L, 0L }));
        AssertRaises<PyValueException>("Total of weights must be finite", () => s_rng.Choices(pair, new List<object?> { 1L, double.PositiveInfinity }));
        AssertRaises<PyValueException>("Total of weights must be finite", () => s_rng.Choices(pair, new List<object?> { 1L, double.NaN }));
        AssertRaises<PyTypeException>("Cannot specify both weights and cumulative weights",
            () => s_rng.Choices(pair, new List<object?> { 1L, 2L }, new List<object?> { 1L, 2L }));
        AssertRaises<PyTypeException>("The number of choices must be a keyword argument: k=3", () => s_rng.Choices(pair, 3L));
        AssertRaises<PyIndexException>("list index out of range", () => s_rng.Choices(new List<object?>(), k: 1));
        AssertRaises<PyIndexException>("list index out of range", () => s_rng.Choices(new List<object?>(), new List<object?>(), k: 1));
        AssertRaises<PyIndexException>("tuple index out of range", () => s_rng.Choices(PyTuple.Empty, k: 2));
        AssertRaises<PyIndexException>("string index out of range", () => s_rng.Choices("", k: 2));
        Assert.Empty(s_rng.Choices(new List<object?>(), k: 0));

        int[] ints = [1, 2];
        AssertRaises<PyValueException>("The number of weights does not match the population", () => s_rng.Choices(ints, [1.0]));
        AssertRaises<PyValueException>("Total of weights must be greater than zero", () => s_rng.Choices(ints, [0.0, 0.0]));
        AssertRaises<PyValueException>("Total of weights must be finite", () => s_rng.Choices(ints, [1.0, double.PositiveInfinity]));
        AssertRaises<PyTypeException>("Cannot specify both weights and cumulative weights", () => s_rng.Choices(ints, [1.0, 2.0], [1.0, 2.0]));
        AssertRaises<PyIndexException>("list index out of range", () => s_rng.Choices(System.Array.Empty<int>(), k: 1));
    }

    [Fact]
    public void Shuffling_an_immutable_sequence_raises_TypeError()
    {
        AssertRaises<PyTypeException>("'tuple' object does not support item assignment", () => s_rng.Shuffle(new PyTuple(1L, 2L)));
        AssertRaises<PyTypeException>("'str' object does not support item assignment", () => s_rng.Shuffle("ab"));
        AssertRaises<PyTypeException>("'bytes' object does not support item assignment", () => s_rng.Shuffle((object)new byte[] { 1, 2 }));
        s_rng.Shuffle(new PyTuple(1L)); // nothing to swap: no error, as in CPython
    }

    [Fact]
    public void Distribution_parameter_errors_match_CPython()
    {
        AssertRaises<PyValueException>("gammavariate: alpha and beta must be > 0.0", () => s_rng.GammaVariate(0, 1));
        AssertRaises<PyValueException>("gammavariate: alpha and beta must be > 0.0", () => s_rng.GammaVariate(1, 0));
        AssertRaises<PyValueException>("gammavariate: alpha and beta must be > 0.0", () => s_rng.BetaVariate(-1, 1));
        AssertRaises<PyValueException>("n must be non-negative", () => s_rng.BinomialVariate(-1, 0.5));
        AssertRaises<PyValueException>("p must be in the range 0.0 <= p <= 1.0", () => s_rng.BinomialVariate(5, 1.5));
        AssertRaises<PyValueException>("p must be in the range 0.0 <= p <= 1.0", () => s_rng.BinomialVariate(5, -0.1));
        Assert.Equal(0, s_rng.BinomialVariate(5, 0.0));
        Assert.Equal(5, s_rng.BinomialVariate(5, 1.0));
        Assert.Equal(0, s_rng.BinomialVariate(0, 0.5));
        AssertRaises<DivideByZeroException>("float division by zero", () => s_rng.ExpoVariate(0));
        AssertRaises<DivideByZeroException>("float division by zero", () => s_rng.ParetoVariate(0));
        AssertRaises<DivideByZeroException>("float division by zero", () => s_rng.WeibullVariate(1, 0));
        AssertRaises<OverflowException>("math range error", () => s_rng.LogNormVariate(1000, 1));
        Assert.Equal(1.0, s_rng.Triangular(1.0, 1.0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_rng.VonMisesVariate(0, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_rng.GammaVariate(double.NaN, 1));
    }

    [Fact]
    public void Unsupported_seed_types_raise_TypeError()
    {
        const string message = "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.";
        AssertRaises<PyTypeException>(message, () => s_rng.Seed(new List<object?> { 1L }));
        AssertRaises<PyTypeException>(message, () => s_rng.Seed(new PyTuple(1L)));
        AssertRaises<PyTypeException>(message, () => s_rng.Seed(new Complex(1, 2)));
        AssertRaises<PyTypeException>(message, () => new PyRandom(new object()));
        AssertRaises<PyTypeException>("unhashable type: 'bytearray'", () => s_rng.Seed(new PyByteArray("x"u8), version: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_rng.Seed("abc", version: 3));
        AssertRaises<PyValueException>("'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed", () => s_rng.Seed("a\ud800"));
    }

    [Fact]
    public void Bad_states_raise_CPythons_errors_and_leave_the_generator_unchanged()
    {
        var rng = new PyRandom(2024);
        rng.Gauss();
        PyTuple before = rng.GetState();
        object?[] Words(object? fill, object? index) => [.. Enumerable.Repeat(fill, 624), index];

        AssertRaises<PyValueException>("state with version 1 passed to Random.setstate() of version 3", () => rng.SetState(new PyTuple(1L, null, null)));
        AssertRaises<PyValueException>("state with version x passed to Random.setstate() of version 3", () => rng.SetState(new PyTuple("x", 1L, 2L)));
        AssertRaises<PyTypeException>("state vector must be a tuple", () => rng.SetState(new PyTuple(3L, null, null)));
        AssertRaises<PyValueException>("state vector is the wrong size", () => rng.SetState(new PyTuple(3L, new PyTuple(1L, 2L), null)));
        AssertRaises<PyTypeException>("an integer is required", () => rng.SetState(new PyTuple(3L, new PyTuple(Words("a", 0L)), null)));
        AssertRaises<PyTypeException>("'str' object cannot be interpreted as an integer", () => rng.SetState(new PyTuple(3L, new PyTuple(Words(0L, "a")), null)));
        AssertRaises<PyValueException>("invalid state", () => rng.SetState(new PyTuple(3L, new PyTuple(Words(0L, 625L)), null)));
        AssertRaises<PyValueException>("invalid state", () => rng.SetState(new PyTuple(3L, new PyTuple(Words(0L, -1L)), null)));
        AssertRaises<OverflowException>("can't convert negative value to unsigned int", () => rng.SetState(new PyTuple(3L, new PyTuple(Words(-1L, 0L)), null)));
        AssertRaises<OverflowException>("Python int too large to convert to C unsigned long",
            () => rng.SetState(new PyTuple(3L, new PyTuple(Words(BigInteger.Pow(2, 64), 0L)), null)));
        AssertRaises<OverflowException>("Python int too large to convert to C long",
            () => rng.SetState(new PyTuple(3L, new PyTuple(Words(0L, BigInteger.Pow(2, 64))), null)));
        AssertRaises<PyValueException>("not enough values to unpack (expected 3, got 1)", () => rng.SetState(new PyTuple(3L)));
        AssertRaises<PyValueException>("too many values to unpack (expected 3)", () => rng.SetState(new PyTuple(3L, 1L, 2L, 3L)));
        AssertRaises<PyTypeException>("'int' object is not subscriptable", () => rng.SetState(5L));

        Assert.Equal(before, rng.GetState());

        // Version 2 takes any iterable of ints and reduces them modulo 2**32; words above 2**32
        // are truncated to 32 bits in version 3, as C's cast does.
        rng.SetState(new PyTuple(2L, Enumerable.Repeat((object?)(-1L), 624).Append(624L).ToList(), null));
        var wrapped = new PyRandom(0);
        wrapped.SetState(new PyTuple(3L, new PyTuple(Words((1L << 32) + 4294967295L, 624L)), null));
        Assert.Equal(rng.Random(), wrapped.Random());
    }

    [Fact]
    public void SystemRandom_has_no_state_and_ignores_seeds()
    {
        var rng = new SystemRandom();
        AssertRaises<NotSupportedException>("System entropy source does not have state.", () => rng.GetState());
        AssertRaises<NotSupportedException>("System entropy source does not have state.", () => rng.SetState(new PyRandom(1).GetState()));
        rng.Seed(5L);
        rng.Seed("anything");
        rng.Seed();
    }

    private static void AssertRaises<T>(string message, Action action)
        where T : Exception
    {
        T ex = Assert.Throws<T>(action);
        Assert.Equal(message, ex.Message);
    }

    private static void AssertRaises<T>(string message, Func<object?> action)
        where T : Exception
    {
        T ex = Assert.Throws<T>(() => action());
        Assert.Equal(message, ex.Message);
    }
}

using System.Text;
using PyStd.Objects;
using PyStd.Pickle;
using PyPickle = PyStd.Pickle.Pickle;

namespace PyStd.Tests.Pickle;

/// <summary>
/// Reading pickles one after another from memory and from seekable and one-way streams, as
/// repeated <c>pickle.dump</c> calls write them; the reader stops exactly after each STOP and stays
/// put when a load fails. And CPython's error messages for malformed input, with the position.
/// </summary>
public class UnpicklerStreamTests
{
    // pickle.dumps(1, 0) + pickle.dumps([2], 2) + pickle.dumps('three', 4) + pickle.dumps((4,), 5)
    private static readonly byte[] s_three = Concat(
        @"I1\n.",
        @"\x80\x02]q\x00K\x02a.",
        @"\x80\x04\x95\x09\x00\x00\x00\x00\x00\x00\x00\x8c\x05three\x94.",
        @"\x80\x05\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x04\x85\x94.");

    private static readonly int[] s_ends = [4, 13, 33, 49];

    private static byte[] Concat(params string[] parts) => PickleCanon.Bytes(string.Concat(parts));

    private static void AssertSequence(Func<object?> load, Func<long> position)
    {
        Assert.Equal(1L, load());
        Assert.Equal(s_ends[0], position());
        Assert.Equal(new List<object?> { 2L }, load());
        Assert.Equal(s_ends[1], position());
        Assert.Equal("three", load());
        Assert.Equal(s_ends[2], position());
        Assert.Equal(new PyTuple(4L), load());
        Assert.Equal(s_ends[3], position());
        var e = Assert.Throws<UnpicklingException>(load);
        Assert.Equal("Ran out of input", e.Message);
        Assert.Equal(s_ends[3], position());
    }

    [Fact]
    public void An_unpickler_over_memory_reads_pickles_one_after_another()
    {
        var u = new Unpickler(s_three);
        AssertSequence(u.Load, () => u.BytesConsumed);
    }

    [Fact]
    public void An_unpickler_over_a_seekable_stream_leaves_it_just_after_each_pickle()
    {
        using var stream = new MemoryStream(s_three);
        var u = new Unpickler(stream);
        AssertSequence(u.Load, () => stream.Position);
        Assert.Equal(s_ends[3], u.BytesConsumed);
    }

    [Fact]
    public void Pickle_Load_reads_one_pickle_at_a_time_from_a_stream()
    {
        using var stream = new MemoryStream(s_three);
        AssertSequence(() => PyPickle.Load(stream), () => stream.Position);
    }

    [Fact]
    public void An_unpickler_over_a_one_way_stream_never_reads_past_a_pickle()
    {
        var stream = new UnpicklerAdversarialTests.OneWayStream(s_three);
        var u = new Unpickler(stream);
        AssertSequence(u.Load, () => u.BytesConsumed);
    }

    [Fact]
    public void A_failed_load_leaves_the_reader_where_the_pickle_began()
    {
        byte[] data = Concat(@"I1\n.", @"\x80\x02]q\x00K\x02", @"X\x05\x00\x00\x00ab");
        var u = new Unpickler(data);
        Assert.Equal(1L, u.Load());
        var e = Assert.Throws<UnpicklingException>(u.Load);
        Assert.Equal("pickle data was truncated", e.Message);
        Assert.Equal(4, u.BytesConsumed);

        using var stream = new MemoryStream(data);
        Assert.Equal(1L, PyPickle.Load(stream));
        Assert.Throws<UnpicklingException>(() => PyPickle.Load(stream));
        Assert.Equal(4, stream.Position);
    }

    [Fact]
    public void TryLoads_reports_validity_and_length_without_throwing()
    {
        Assert.True(PyPickle.TryLoads(s_three, out object? value, out int consumed));
        Assert.Equal(1L, value);
        Assert.Equal(4, consumed);
        Assert.False(PyPickle.TryLoads("\x80\x02]"u8, out value, out consumed));
        Assert.Null(value);
        Assert.Equal(0, consumed);
    }

    // ---- CPython's messages ----

    public static TheoryData<string, string, long> Errors => new()
    {
        { "", "Ran out of input", 0 },
        { "80", "pickle data was truncated", 0 },
        { "80062e", "unsupported pickle protocol: 6", 0 },
        { "78", "invalid load key, 'x'.", 0 },
        { "01", "invalid load key, '\\x01'.", 0 },
        { "27", "invalid load key, '\\x27'.", 0 },
        { "2e", "unpickling stack underflow", 0 },
        { "6803 2e", "Memo value not found at index 3", 0 },
        { "67330a2e", "Memo value not found at index 3", 0 },
        { "6a030000002e", "Memo value not found at index 3", 0 },
        { "302e", "unpickling stack underflow", 0 },
        { "28302e", "unpickling stack underflow", 2 },
        { "284b01612e", "unexpected MARK found", 3 },
        { "7d4b01752e", "could not find MARK", 3 },
        { "284b01642e", "odd number of items for DICT", 3 },
        { "5366 6f6f0a2e", "the STRING opcode argument must be quoted", 0 },
        { "4931780a2e", "could not convert string to int", 0 },
        { "46312e35780a2e", "could not convert string to float", 0 },
        { "4631653939390a2e", "value too large to convert to float: '1e999\\n'", 0 },
        { "4c3132780a2e", "invalid literal for int() with base 10: '12x\\n'", 0 },
        { "490a2e", "pickle data was truncated", 0 },
        { "4e29812e", "NEWOBJ class argument must be a type, not NoneType", 2 },
        { "635f5f6275696c74696e5f5f0a6c6973740a4e812e", "NEWOBJ args argument must be a tuple, not NoneType", 19 },
        { "4e932e", "unpickling stack underflow", 1 },
        { "4b014b02932e", "STACK_GLOBAL requires str", 4 },
        { "8bffffffff", "LONG pickle has negative byte count", 0 },
        { "54ffffffff", "BINSTRING pickle has negative byte count", 0 },
        { "5802000000eda02e", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte", 0 },
        { "5801000000ff2e", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", 0 },
        { "5327615c7834270a2e", "invalid \\x escape at position 1", 0 },
        { "5327615c270a2e", "Trailing \\ in string", 0 },
        { "705f31320a2e", "unpickling stack underflow", 0 },
        { "4e702d310a2e", "negative PUT argument", 1 },
        { "565c7531320a2e", "'rawunicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", 0 },
        { "4b0152", "unpickling stack underflow", 2 },
        { "4b014b0252", "argument list must be a tuple", 4 },
        { "4b012952", "'int' object is not callable", 3 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Malformed_input_raises_CPythons_message_and_the_position(string hex, string message, long position)
    {
        byte[] data = System.Convert.FromHexString(hex.Replace(" ", string.Empty));
        var e = Assert.Throws<UnpicklingException>(() => PyPickle.Loads(data));
        Assert.Equal(message, e.Message);
        Assert.Equal(position, e.Position);
        Assert.Equal("pickle.UnpicklingError", e.PythonName);
    }
}

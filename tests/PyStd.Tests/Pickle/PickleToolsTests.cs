using System.Text.RegularExpressions;
using PyStd.Objects;
using PyStd.Pickle;

namespace PyStd.Tests.Pickle;

/// <summary>PickleTools: Dis, Optimize and GenOps on fixed vectors; the python3 comparisons are in the other parts.</summary>
public partial class PickleToolsTests
{
    [Theory]
    [MemberData(nameof(PickletesterNames))]
    public void Dis_matches_the_DIS_texts_of_CPythons_pickletester(string name)
    {
        (string hex, string expected) = s_pickletester[name];
        string actual = PickleTools.Dis(Convert.FromHexString(hex));
        if (name == "DATA4")
        {
            // Written before pickletools noted "(as N)" on MEMOIZE lines.
            actual = Regex.Replace(actual, @" +\(as \d+\)", string.Empty);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Dis_with_annotations_matches_the_pickletools_doctest()
    {
        // pickletools' _dis_test: L = []; T = L,; L.append(T); dis(pickle.dumps(T, 3), annotate=1)
        byte[] pickle = Convert.FromHexString("80035d71006800857101613068012e");
        const string Expected = """
                0: \x80 PROTO      3 Protocol version indicator.
                2: ]    EMPTY_LIST   Push an empty list.
                3: q    BINPUT     0 Store the stack top into the memo.  The stack is not popped.
                5: h    BINGET     0 Read an object from the memo and push it on the stack.
                7: \x85 TUPLE1       Build a one-tuple out of the topmost item on the stack.
                8: q    BINPUT     1 Store the stack top into the memo.  The stack is not popped.
               10: a    APPEND       Append an object to a list.
               11: 0    POP          Discard the top stack item, shrinking the stack by one item.
               12: h    BINGET     1 Read an object from the memo and push it on the stack.
               14: .    STOP         Stop the unpickling machine.
            highest protocol among opcodes = 2

            """;
        Assert.Equal(Expected, PickleTools.Dis(pickle, annotate: 1));
    }

    [Fact]
    public void Dis_of_the_documented_example()
    {
        byte[] pickle = PyStd.Pickle.Pickle.Dumps(new List<object?> { 1L, "a" }, protocol: 2);
        const string Expected = """
                0: \x80 PROTO      2
                2: ]    EMPTY_LIST
                3: q    BINPUT     0
                5: (    MARK
                6: K        BININT1    1
                8: X        BINUNICODE 'a'
               14: q        BINPUT     1
               16: e        APPENDS    (MARK at 5)
               17: .    STOP
            highest protocol among opcodes = 2

            """;
        Assert.Equal(Expected, PickleTools.Dis(pickle));
    }

    [Fact]
    public void Dis_writes_the_lines_before_a_problem_then_throws_pickletools_ValueError()
    {
        using var writer = new StringWriter();
        var e = Assert.Throws<PyValueException>(() => PickleTools.Dis("(p0\n."u8, writer));
        Assert.Equal("can't store markobject in the memo", e.Message);
        Assert.Equal("ValueError", e.PythonName);
        Assert.Equal("    0: (    MARK\n    1: p        PUT        0\n", writer.ToString());
    }

    [Theory]
    [InlineData("", "pickle exhausted before seeing STOP")]
    [InlineData("4e", "pickle exhausted before seeing STOP")]
    [InlineData("4eff", "at position 1, opcode b'\\xff' unknown")]
    [InlineData("67300a2e", "memo key 0 has never been stored into")]
    [InlineData("4e4e2e", "stack not empty after STOP: [None]")]
    [InlineData("612e", "tries to pop 2 items from stack with only 0 items")]
    [InlineData("652e", "no MARK exists on stack")]
    [InlineData("4e703030", "no newline found when trying to read stringnl")]
    [InlineData("4e7030310a7030310a2e", "memo key True already defined")]
    [InlineData("4e944e2e", "stack not empty after STOP: [any]")]
    [InlineData("493132334c0a2e", "invalid literal for int() with base 10: b'123L'")]
    [InlineData("46310a4e2e", "stack not empty after STOP: [float]")]
    [InlineData("46315f0a2e", "could not convert string to float: b'1_'")]
    [InlineData("5327615c78340a2e", "strinq quote b\"'\" not found at both ends of b\"'a\\\\x4\"")]
    [InlineData("5327615c78342e270a2e", "invalid \\x escape at position 1")]
    [InlineData("53615c0a2e", "no string quotes around b'a\\\\'")]
    [InlineData("58020000003f", "expected 2 bytes in a unicodestring4, but only 1 remain")]
    [InlineData("8e00000000000000802e", "bytes8 byte count > sys.maxsize: 9223372036854775808")]
    [InlineData("5802000000e4b82e", "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data")]
    [InlineData("5803000000e4b8612e", "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte")]
    [InlineData("5802000000ffff2e", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")]
    [InlineData("565c7531320a2e", "'rawunicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape")]
    [InlineData("5327e9270a2e", "'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)")]
    public void Malformed_pickles_fail_with_pickletools_messages(string hex, string message)
    {
        var e = Assert.Throws<PyValueException>(() => PickleTools.Dis(Convert.FromHexString(hex)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void An_int_of_more_than_4300_digits_is_refused_as_CPython_311_refuses_its_repr()
    {
        byte[] data = new byte[1800];
        data.AsSpan().Fill(0x11);
        byte[] pickle = [0x8b, .. BitConverter.GetBytes(data.Length), .. data, (byte)'.'];
        using var writer = new StringWriter();
        var e = Assert.Throws<PyValueException>(() => PickleTools.Dis(pickle, writer));
        Assert.StartsWith("Exceeds the limit (4300 digits) for integer string conversion;", e.Message, StringComparison.Ordinal);
        Assert.Equal("    0: ", writer.ToString());

        byte[] huge = new byte[1 << 20];
        huge.AsSpan().Fill(0x7f);
        byte[] hugePickle = [0x8b, .. BitConverter.GetBytes(huge.Length), .. huge, (byte)'.'];
        Assert.Throws<PyValueException>(() => PickleTools.Dis(hugePickle));
    }

    [Fact]
    public void A_mark_popped_as_an_item_is_pickletools_IndexError()
    {
        using var writer = new StringWriter();
        var e = Assert.Throws<PyIndexException>(() => PickleTools.Dis("(Nae."u8, writer));
        Assert.Equal("list index out of range", e.Message);
    }

    [Fact]
    public void Dis_rejects_a_null_writer()
    {
        Assert.Throws<ArgumentNullException>(() => PickleTools.Dis("N."u8, null!));
    }

    [Fact]
    public void Indent_level_sets_the_blanks_per_mark()
    {
        Assert.Equal(
            "    0: (    MARK\n    1: (     MARK\n    2: N      NONE\n    3: 1      POP_MARK   (MARK at 1)\n    4: N     NONE\n" +
            "    5: 0     POP\n    6: 0     POP        (MARK at 0)\n    7: N    NONE\n    8: .    STOP\nhighest protocol among opcodes = 1\n",
            PickleTools.Dis("((N1N00N."u8, indentLevel: 1));
    }

    [Fact]
    public void Split_surrogates_print_as_two_escapes_as_in_Python()
    {
        // BINUNICODE of '\ud83d\ude00' written with surrogatepass: two code points in Python.
        byte[] pickle = [0x58, 6, 0, 0, 0, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80, (byte)'.'];
        Assert.Contains(@"BINUNICODE '\ud83d\ude00'", PickleTools.Dis(pickle), StringComparison.Ordinal);

        // A real supplementary character stays one printable code point.
        byte[] emoji = [0x58, 4, 0, 0, 0, 0xF0, 0x9F, 0x98, 0x80, (byte)'.'];
        Assert.Contains("BINUNICODE '\U0001F600'", PickleTools.Dis(emoji), StringComparison.Ordinal);
    }

    [Fact]
    public void GenOps_yields_each_opcode_with_its_argument_and_position()
    {
        IReadOnlyList<PickleInstruction> ops = PickleTools.GenOps(Convert.FromHexString("8002636f730a73797374656d0a4930310a4b052e"));
        Assert.Equal(["PROTO", "GLOBAL", "INT", "BININT1", "STOP"], ops.Select(o => o.Name));
        Assert.Equal(2L, ops[0].Argument);
        Assert.Equal("os system", ops[1].Argument);
        Assert.Equal(true, ops[2].Argument);
        Assert.Equal(5L, ops[3].Argument);
        Assert.Equal([0, 2, 13, 17, 19], ops.Select(o => o.Position));
        Assert.Equal([2, 11, 4, 2, 1], ops.Select(o => o.Length));
        Assert.Equal([2, 0, 0, 1, 0], ops.Select(o => o.Protocol));
    }

    [Fact]
    public void Optimize_drops_unused_puts_and_keeps_shared_references()
    {
        var shared = new List<object?> { 1L };
        byte[] pickle = PyStd.Pickle.Pickle.Dumps(new List<object?> { shared, shared, "x" }, protocol: 2);
        byte[] optimized = PickleTools.Optimize(pickle);
        Assert.True(optimized.Length < pickle.Length);
        Assert.Equal(PyRepr.Repr(PyStd.Pickle.Pickle.Loads(pickle)), PyRepr.Repr(PyStd.Pickle.Pickle.Loads(optimized)));
        Assert.DoesNotContain(PickleTools.GenOps(optimized), o => o.Name == "BINPUT" && (long)o.Argument! > 0);
    }

    [Fact]
    public void Optimize_refuses_a_protocol_above_5()
    {
        var e = Assert.Throws<PyValueException>(() => PickleTools.Optimize([0x80, 6, (byte)'N', (byte)'.']));
        Assert.Equal("pickle protocol must be <= 5", e.Message);
    }
}

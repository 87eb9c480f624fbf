using System.Text;
using PyStd.Objects;
using PyStd.Pickle;
using PyStd.Tests.Python;
using PyPickle = PyStd.Pickle.Pickle;

namespace PyStd.Tests.Pickle;

/// <summary>
/// Hostile and corrupt input: every truncation and over a hundred thousand random mutations of
/// CPython's pickles (fixed seed) either load or raise <see cref="UnpicklingException"/> — never
/// another exception, a hang, or a large allocation; nesting 100,000 deep fails cleanly; declared
/// lengths are checked against the input before anything is allocated; and dangerous globals are
/// refused, never resolved or run.
/// </summary>
public class UnpicklerAdversarialTests
{
    private const int MinimumCases = 100_000;
    private const long AllocationBound = 16 << 20;

    [Fact]
    public void Truncated_and_mutated_pickles_load_or_raise_UnpicklingException()
    {
        var corpus = PythonRunner.RunScriptLines("gen_pickle_load.py", "400", "424242")
            .Select(line => System.Convert.FromHexString(line.Split('\t')[1]))
            .Where(p => p.Length <= 600)
            .DistinctBy(System.Convert.ToHexString)
            .ToList();
        corpus.AddRange(HandMade());
        Assert.True(corpus.Count > 1000, $"corpus of {corpus.Count}");

        var rnd = new System.Random(20251125);
        var failures = new List<string>();
        int cases = 0, loaded = 0;

        // Every truncation of a sample of the corpus.
        foreach (byte[] pickle in corpus.Where((_, i) => i % 3 == 0))
        {
            for (int n = 0; n < pickle.Length; n++)
            {
                loaded += Check(pickle.AsSpan(0, n).ToArray(), failures) ? 1 : 0;
                cases++;
            }
        }

        // Random mutations until well past the minimum.
        while (cases < MinimumCases + 20_000)
        {
            byte[] mutated = Mutate(corpus[rnd.Next(corpus.Count)], rnd);
            loaded += Check(mutated, failures) ? 1 : 0;
            cases++;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} failed:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(loaded > 1000, $"only {loaded} of {cases} loaded; the mutations should leave many valid");
    }

    private static bool Check(byte[] data, List<string> failures)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            _ = PyPickle.Loads(data);
            return true;
        }
        catch (UnpicklingException)
        {
            return false;
        }
        catch (Exception e)
        {
            failures.Add($"{System.Convert.ToHexString(data)}: {e.GetType().Name}: {e.Message}");
            return false;
        }
        finally
        {
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated > AllocationBound)
            {
                failures.Add($"{System.Convert.ToHexString(data)}: allocated {allocated} bytes");
            }
        }
    }

    private static byte[] Mutate(byte[] source, System.Random rnd)
    {
        var bytes = new List<byte>(source);
        int edits = 1 + rnd.Next(3);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = rnd.Next(bytes.Count);
            switch (rnd.Next(7))
            {
                case 0:
                    bytes[at] = (byte)rnd.Next(256);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << rnd.Next(8));
                    break;
                case 2:
                    bytes.Insert(at, (byte)rnd.Next(256));
                    break;
                case 3:
                    bytes.RemoveAt(at);
                    break;
                case 4:
                    for (int k = 0; k < 4 && at + k < bytes.Count; k++)
                    {
                        bytes[at + k] = 0xFF;
                    }

                    break;
                case 5:
                    // An opcode byte from the table, where structure matters most.
                    bytes[at] = "(.012FIJKLMNPQRSTUVXabcdeghijlopqrstu}]),GBC"u8[rnd.Next(44)];
                    break;
                default:
                    int length = Math.Min(1 + rnd.Next(8), bytes.Count - at);
                    bytes.InsertRange(rnd.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static IEnumerable<byte[]> HandMade()
    {
        string[] text =
        [
            @"I01\n.", @"I00\n.", @"I-0\n.", @"I0x1f\n.", @"I010\n.", @"I1_0\n.", @"L123L\n.", @"L-9999999999999999999999L\n.",
            @"F1.5\n.", @"Finf\n.", @"F-nan\n.", @"F1e-999\n.", @"S'abc'\np0\n.", @"S""a\\x41\\n""\n.", @"Vab\\u00e9\\U0001f600\n.",
            @"(lp0\nI1\naI2\na.", @"(dp0\nVk\np1\nI1\ns.", @"(I1\nI2\ntp0\n.", @"c__builtin__\nset\np0\n((lp1\nI1\natp2\nRp3\n.",
            @"ccopy_reg\n_reconstructor\np0\n(c__main__\nC\np1\nc__builtin__\nobject\np2\nNtp3\nRp4\n(dp5\nVa\np6\nI1\nsb.",
            @"(i__main__\nOld\np0\n(dp1\nVx\np2\nI1\nsb.", @"(c__main__\nOld\np0\no.", @"Pid\n.", @"g0\n.",
        ];
        foreach (string t in text)
        {
            yield return PickleCanon.Bytes(t);
        }
    }

    // ---- nesting ----

    public static TheoryData<string> DeepPickles => new()
    {
        "marks",
        "lists",
        "tuples",
        "dicts",
        "framed lists",
    };

    [Theory]
    [MemberData(nameof(DeepPickles))]
    public void Nesting_100000_deep_fails_cleanly(string kind)
    {
        byte[] data = Deep(kind, 100_000);
        var e = Assert.Throws<UnpicklingException>(() => PyPickle.Loads(data));
        Assert.Contains("MaxDepth", e.Message);
    }

    [Fact]
    public void Nesting_100000_deep_loads_without_recursion_when_the_limit_allows_it()
    {
        var options = UnpicklerOptions.Default with { MaxDepth = 200_000 };
        object? value = PyPickle.Loads(Deep("lists", 100_000), options);
        int depth = 0;
        while (value is List<object?> { Count: 1 } list)
        {
            value = list[0];
            depth++;
        }

        Assert.Equal(100_000, depth);
    }

    private static byte[] Deep(string kind, int n)
    {
        var b = new List<byte>();
        switch (kind)
        {
            case "marks":
                b.AddRange(Enumerable.Repeat((byte)'(', n));
                break;
            case "lists":
                b.AddRange(Enumerable.Repeat((byte)']', n + 1));
                b.AddRange(Enumerable.Repeat((byte)'a', n));
                break;
            case "tuples":
                b.Add((byte)')');
                b.AddRange(Enumerable.Repeat((byte)0x85, n));
                break;
            case "dicts":
                for (int i = 0; i < n; i++)
                {
                    b.AddRange([(byte)'}', (byte)'K', 0]);
                }

                b.AddRange(Enumerable.Repeat((byte)'N', 1));
                for (int i = 0; i < n; i++)
                {
                    b.Add((byte)'s');
                }

                break;
            case "framed lists":
                b.AddRange([0x80, 4]);
                for (int i = 0; i < n; i++)
                {
                    b.AddRange([(byte)']', 0x94, (byte)'(']);
                }

                b.AddRange(Enumerable.Repeat((byte)'e', n));
                break;
        }

        b.Add((byte)'.');
        return b.ToArray();
    }

    // ---- declared lengths ----

    public static TheoryData<string> HugeLengths => new()
    {
        "58ffffff7f",                 // BINUNICODE 2 GiB
        "54ffffff7f",                 // BINSTRING
        "42ffffffff",                 // BINBYTES 4 GiB
        "8dffffffffffffff3f",         // BINUNICODE8
        "8effffffffffffff3f",         // BINBYTES8
        "96ffffffffffffff3f",         // BYTEARRAY8
        "8bffffff7f",                 // LONG4
        "8005950000000000000040",     // FRAME 2**62
        "8005950000000080000000",     // FRAME 2 GiB
        "8effffffffffffffff",         // BINBYTES8 beyond long
        "8c05ab",                     // SHORT_BINUNICODE, 5 of 1
    };

    [Theory]
    [MemberData(nameof(HugeLengths))]
    public void A_huge_declared_length_is_truncation_and_allocates_nothing(string hex)
    {
        byte[] data = System.Convert.FromHexString(hex);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<UnpicklingException>(() => PyPickle.Loads(data));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(e.Message, new[] { "pickle data was truncated", "BINBYTES8 exceeds system's maximum size of 9223372036854775807 bytes" });
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_huge_frame_on_a_stream_of_unknown_length_allocates_only_what_arrives()
    {
        byte[] data = System.Convert.FromHexString("80059500000040000000004b01");
        using var stream = new OneWayStream(data);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<UnpicklingException>(() => PyPickle.Load(stream));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("pickle data was truncated", e.Message);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_huge_memo_index_does_not_allocate_a_huge_memo()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        object? value = PyPickle.Loads(System.Convert.FromHexString("4b0172fffff0006a fffff000 2e".Replace(" ", string.Empty)));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1L, value);
        Assert.True(allocated < 1 << 20, $"allocated {allocated} bytes");
    }

    // ---- dangerous globals ----

    public static TheoryData<string, string> Dangerous => new()
    {
        { @"cos\nsystem\n(S'touch {0}'\ntR.", "os.system" },
        { @"cposix\nsystem\n(S'touch {0}'\ntR.", "posix.system" },
        { @"cnt\nsystem\n(S'touch {0}'\ntR.", "nt.system" },
        { @"csubprocess\ncheck_output\n((S'touch'\nS'{0}'\nltR.", "subprocess.check_output" },
        { @"c__builtin__\neval\n(S'open(""{0}"", ""w"")'\ntR.", "__builtin__.eval" },
        { @"cbuiltins\nexec\n(S'open(""{0}"", ""w"")'\ntR.", "builtins.exec" },
        { @"\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x8c\x06system\x93X{len}{0}\x85R.", "os.system" },
        { @"cos\npopen\n(S'touch {0}'\ntR.", "os.popen" },
        { @"cos\nexecv\n(S'/bin/touch'\n(S'{0}'\nltR.", "os.execv" },
        { @"c__builtin__\n__import__\n(S'os'\ntR.", "__builtin__.__import__" },
    };

    [Theory]
    [MemberData(nameof(Dangerous))]
    public void A_dangerous_global_is_refused_in_every_mode_and_never_runs(string template, string global)
    {
        string marker = Path.Combine(Path.GetTempPath(), $"pystd-pwned-{Guid.NewGuid():N}");
        string len = string.Concat(BitConverter.GetBytes(marker.Length).Select(b => $"\\x{b:x2}"));
        byte[] data = PickleCanon.Bytes(template.Replace("{len}", len).Replace("{0}", marker));
        foreach (UnknownGlobals mode in Enum.GetValues<UnknownGlobals>())
        {
            var e = Assert.Throws<UnpicklingException>(() => PyPickle.Loads(data, UnpicklerOptions.Default with { UnknownGlobals = mode }));
            Assert.Equal($"global '{global}' is forbidden", e.Message);
        }

        // Even with no denylist at all, the call is data: nothing is imported or run.
        object? value = PyPickle.Loads(data, UnpicklerOptions.Default with { Registry = new PickleRegistry() });
        Assert.IsType<PyObject>(value);
        Assert.False(File.Exists(marker));
    }

    /// <summary>A stream that cannot seek and reports no length.</summary>
    internal sealed class OneWayStream(byte[] data) : Stream
    {
        private int _pos;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            int n = Math.Min(count, data.Length - _pos);
            System.Array.Copy(data, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

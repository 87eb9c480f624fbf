using PyStd.Marshal;
using PyStd.Tests.Python;
using M = PyStd.Marshal.Marshal;

namespace PyStd.Tests.Marshal;

/// <summary>100,000 mutated and hostile inputs only ever raise <see cref="MarshalException"/>.</summary>
public class MarshalAdversarialTests
{
    private const string Codes = "0NSFTiIlfgxysturaAzZ()[{<>c.r";

    [Fact]
    public void MutatedInputs_OnlyRaiseMarshalException()
    {
        string[] seedsHex = PythonRunner.SplitLines(PythonRunner.RunSource("""
            import marshal, random
            r = random.Random(7)
            vals = [None, True, 1, -2**70, 1.5, 2j, 'abc', 'é€\U0001F600', b'xy', (1, 'a'), [1, [2, (3,)]],
                    {'k': [1, 2], 3: (4.5, b'z')}, {1, 2, 3}, frozenset({(1, 2), 3.5}), StopIteration, Ellipsis,
                    tuple(range(300)), 'x' * 300, compile('def f(a, *, b=1):\n    return [a + b for _ in range(3)]\n', 'f.py', 'exec')]
            l = [1]; l.append(l); vals.append(l)
            s = 'shared'; vals.append([s, s, (s, s)])
            for v in vals:
                for ver in range(5):
                    try:
                        print(marshal.dumps(v, ver).hex())
                    except ValueError:
                        pass
            """));
        byte[][] seeds = seedsHex.Select(Convert.FromHexString).ToArray();
        foreach (byte[] seed in seeds)
        {
            _ = M.Loads(seed);
        }

        var random = new System.Random(12345);
        int loaded = 0;
        int rejected = 0;
        for (int i = 0; i < 100_000; i++)
        {
            byte[] data = Mutate(seeds[random.Next(seeds.Length)], random);
            try
            {
                _ = M.Loads(data);
                loaded++;
            }
            catch (MarshalException)
            {
                rejected++;
            }
        }

        Assert.Equal(100_000, loaded + rejected);
        Assert.True(rejected > 1000);
    }

    private static byte[] Mutate(byte[] seed, System.Random random)
    {
        var data = new List<byte>(seed);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits; e++)
        {
            switch (random.Next(5))
            {
                case 0 when data.Count > 0:
                    data[random.Next(data.Count)] = (byte)random.Next(256);
                    break;
                case 1 when data.Count > 0:
                    data.RemoveRange(random.Next(data.Count), data.Count - random.Next(data.Count) > 0 ? 1 : 0);
                    data.RemoveRange(random.Next(data.Count + 1), 0);
                    data = data.Take(random.Next(data.Count + 1)).ToList();
                    break;
                case 2:
                    data.Insert(random.Next(data.Count + 1), (byte)Codes[random.Next(Codes.Length)]);
                    break;
                case 3 when data.Count > 4:
                    int at = random.Next(data.Count - 4);
                    byte[] big = BitConverter.GetBytes(random.Next(4) switch { 0 => int.MaxValue, 1 => -1, 2 => int.MinValue, _ => random.Next(1 << 20) });
                    for (int k = 0; k < 4; k++)
                    {
                        data[at + k] = big[k];
                    }

                    break;
                default:
                    if (data.Count > 0)
                    {
                        data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                    }

                    break;
            }
        }

        return [.. data];
    }

    [Theory]
    [InlineData("", "EOF read where object expected", "EOFError")]
    [InlineData("69", "marshal data too short", "EOFError")]
    [InlineData("29", "EOF read where not expected", "EOFError")]
    [InlineData("51", "bad marshal data (unknown type code)", "ValueError")]
    [InlineData("30", "NULL object in marshal data for object", "TypeError")]
    [InlineData("280100000030", "NULL object in marshal data for tuple", "TypeError")]
    [InlineData("5b0100000030", "NULL object in marshal data for list", "TypeError")]
    [InlineData("3c0100000030", "NULL object in marshal data for set", "TypeError")]
    [InlineData("7200000000", "bad marshal data (invalid reference)", "ValueError")]
    [InlineData("73ffffffff", "bad marshal data (bytes object size out of range)", "ValueError")]
    [InlineData("75ffffffff", "bad marshal data (string size out of range)", "ValueError")]
    [InlineData("28ffffffff", "bad marshal data (tuple size out of range)", "ValueError")]
    [InlineData("6c010000000080", "bad marshal data (digit out of range in long)", "ValueError")]
    [InlineData("6c0200000001000000", "bad marshal data (unnormalized long data)", "ValueError")]
    [InlineData("7b5b000000004e30", "unhashable type: 'list'", "TypeError")]
    public void BadData_RaisesCPythonsMessage(string hex, string message, string pythonName)
    {
        var e = Assert.Throws<MarshalException>(() => M.Loads(Convert.FromHexString(hex)));
        Assert.Equal(message, e.Message);
        Assert.Equal(pythonName, e.PythonName);
    }

    [Fact]
    public void BadData_MessagesMatchPython()
    {
        string[] hexes = ["", "69", "29", "51", "30", "280100000030", "5b0100000030", "3c0100000030", "7200000000",
            "73ffffffff", "75ffffffff", "28ffffffff", "6c010000000080", "6c0200000001000000", "7b5b000000004e30",
            "5b01000000" + string.Concat(Enumerable.Repeat("5b01000000", 2000)) + "4e"];
        string[] python = PythonRunner.SplitLines(PythonRunner.RunSource("""
            import marshal, sys
            for h in sys.stdin.read().split():
                h = '' if h == '-' else h
                try:
                    marshal.loads(bytes.fromhex(h)); print('ok')
                except Exception as e:
                    print(type(e).__name__ + ': ' + str(e))
            """, string.Join("\n", hexes.Select(h => h.Length == 0 ? "-" : h))));
        Assert.Equal(hexes.Length, python.Length);
        for (int i = 0; i < hexes.Length; i++)
        {
            var e = Assert.Throws<MarshalException>(() => M.Loads(Convert.FromHexString(hexes[i])));
            Assert.Equal(python[i], e.PythonName + ": " + e.Message);
        }
    }

    [Fact]
    public void DeepNesting_FailsCleanly_AtCPythonsLimit()
    {
        byte[] ok = [.. Enumerable.Repeat<byte[]>([0x5b, 1, 0, 0, 0], 1999).SelectMany(b => b), 0x4e];
        Assert.NotNull(M.Loads(ok));
        byte[] deep = [.. Enumerable.Repeat<byte[]>([0x5b, 1, 0, 0, 0], 200_000).SelectMany(b => b), 0x4e];
        var e = Assert.Throws<MarshalException>(() => M.Loads(deep));
        Assert.Equal("recursion limit exceeded", e.Message);

        object? nested = null;
        for (int i = 0; i < 3000; i++)
        {
            nested = new List<object?> { nested };
        }

        Assert.Equal("object too deeply nested to marshal", Assert.Throws<MarshalException>(() => M.Dumps(nested, 2)).Message);
    }
}

using System.CommandLine;
using PyStd.Cli.Commands;

namespace PyStd.Tests.Array;

public class ArrayCommandTests
{
    private static (int Code, string Out) Run(params string[] args)
    {
        var root = new RootCommand { ArrayCommand.Create() };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ParseResult parse = root.Parse(args);
        Assert.Empty(parse.Errors);
        int code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        return (code, stdout.ToString());
    }

    [Fact]
    public void Array_prints_the_repr_of_the_array_the_hex_bytes_make()
    {
        Assert.Equal((0, "array('i', [1, -1])\n"), Run("array", "i", "01000000ffffffff"));
        Assert.Equal((0, "array('d', [1.5])\n"), Run("array", "d", "000000000000f83f"));
        Assert.Equal((0, "array('u', 'h\\ud800')\n"), Run("array", "u", "68000000 00d80000"));
        Assert.Equal((0, "array('B')\n"), Run("array", "B", ""));
    }

    [Fact]
    public void Array_matches_cpython_for_every_typecode()
    {
        string[] lines = Python.PythonRunner.SplitLines(Python.PythonRunner.RunSource("""
            from array import array
            import random
            rng = random.Random(5)
            for tc in 'bBhHiIlLqQfd':
                for n in (0, 1, 3):
                    raw = bytes(rng.getrandbits(8) for _ in range(n * array(tc).itemsize))
                    print(tc, raw.hex(), repr(array(tc, raw)), sep='\t')
            """));
        foreach (string line in lines)
        {
            string[] parts = line.Split('\t');
            Assert.Equal((0, parts[2] + "\n"), Run("array", parts[0], parts[1]));
        }
    }

    [Fact]
    public void Errors_are_exceptions_with_cpythons_messages()
    {
        Assert.Equal("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)", Assert.Throws<PyValueException>(() => Run("array", "x", "00")).Message);
        Assert.Equal("bytes length not a multiple of item size", Assert.Throws<PyValueException>(() => Run("array", "i", "000000")).Message);
        Assert.Equal("non-hexadecimal number found in fromhex() arg at position 3", Assert.Throws<PyValueException>(() => Run("array", "B", "abc")).Message);
        Assert.Equal("non-hexadecimal number found in fromhex() arg at position 1", Assert.Throws<PyValueException>(() => Run("array", "B", "0g")).Message);
    }
}

using PyStd.Objects;

namespace PyStd.Tests.Struct;

using Struct = PyStd.Struct.Struct;

public class StructFuzzTests
{
    private const string Alphabet = "xcbB?hHiIlLqQnNefdspP@=<>! \t0123456789999z#";

    [Fact]
    public void Random_formats_and_buffers_only_ever_raise_struct_errors()
    {
        var rng = new System.Random(20261125);
        var buffer = new byte[64];
        int compiled = 0, unpacked = 0;
        for (int i = 0; i < 100_000; i++)
        {
            int len = rng.Next(0, 8);
            var chars = new char[len];
            for (int j = 0; j < len; j++)
            {
                chars[j] = Alphabet[rng.Next(Alphabet.Length)];
            }

            string format = new(chars);
            Struct s;
            try
            {
                s = new Struct(format);
                compiled++;
            }
            catch (Exception ex) when (ex is StructException or OverflowException)
            {
                continue;
            }

            rng.NextBytes(buffer);
            int size = rng.Next(0, Math.Min(buffer.Length, s.Size + 2) + 1);
            try
            {
                PyTuple t = s.Unpack(buffer.AsSpan(0, size));
                unpacked++;
                byte[] again = s.Pack(t.AsSpan().ToArray());
                Assert.Equal(s.Size, again.Length);
            }
            catch (Exception ex) when (ex is StructException or OverflowException)
            {
            }
        }

        Assert.True(compiled > 10_000, $"only {compiled} formats compiled");
        Assert.True(unpacked > 1_000, $"only {unpacked} buffers unpacked");
    }
}

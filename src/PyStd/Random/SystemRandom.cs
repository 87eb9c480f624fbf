using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace PyStd.Random;

/// <summary>
/// CPython's <c>random.SystemRandom</c>: the <see cref="PyRandom"/> surface drawing from the
/// operating system's cryptographically secure generator (<see cref="RandomNumberGenerator"/>, as
/// CPython uses <c>os.urandom</c>). Use it for tokens, keys and anything an attacker must not guess.
/// </summary>
/// <remarks>
/// Every method of <see cref="PyRandom"/> works and uses the same algorithms on top of the
/// OS bits: <c>random()</c> takes 56 bits and keeps 53, <c>getrandbits(k)</c> takes ⌈k/8⌉ bytes.
/// The results are not reproducible, so there is no state: <see cref="PyRandom.Seed()"/> does
/// nothing (a stub, as in CPython), while <see cref="PyRandom.GetState"/> and
/// <see cref="PyRandom.SetState"/> raise <see cref="NotSupportedException"/>. Instances may be
/// shared between threads, except for <see cref="PyRandom.Gauss"/>, whose cached second value is
/// per instance as in CPython.
/// </remarks>
public sealed class SystemRandom : PyRandom
{
    private const double RecipBpf = 1.0 / 9007199254740992.0; // 2**-53

    /// <summary>Creates a generator over the operating system's entropy source.</summary>
    public SystemRandom()
        : base(system: true)
    {
    }

    /// <summary>random.py: <c>(int.from_bytes(urandom(7)) &gt;&gt; 3) * RECIP_BPF</c>.</summary>
    internal static double NextDouble()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes[1..]);
        bytes[0] = 0;
        return (BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 3) * RecipBpf;
    }

    /// <summary>random.py's getrandbits for k ≤ 64: ⌈k/8⌉ bytes, big-endian, excess low bits dropped.</summary>
    internal static ulong Bits64(int k)
    {
        if (k == 0)
        {
            return 0;
        }

        int numBytes = (k + 7) / 8;
        Span<byte> bytes = stackalloc byte[8];
        bytes.Clear();
        RandomNumberGenerator.Fill(bytes[(8 - numBytes)..]);
        return BinaryPrimitives.ReadUInt64BigEndian(bytes) >> ((numBytes * 8) - k);
    }

    /// <summary>random.py's getrandbits for any k.</summary>
    internal static BigInteger BitsBig(int k)
    {
        int numBytes = (k + 7) / 8;
        byte[] bytes = RandomNumberGenerator.GetBytes(numBytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true) >> ((numBytes * 8) - k);
    }

    /// <summary>random.py's randbytes: <c>os.urandom(n)</c>.</summary>
    internal static void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}

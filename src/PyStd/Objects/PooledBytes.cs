using System.Buffers;

namespace PyStd.Objects;

/// <summary>
/// The growable output buffer of the pickle and marshal writers: arrays from the shared pool,
/// doubled as they fill. A thread's writer that grew large leaves its final size behind, so the
/// next large write on that thread jumps straight to it instead of copying through every doubling.
/// </summary>
internal static class PooledBytes
{
    /// <summary>Growth at or above this size jumps to the thread's last large size.</summary>
    private const int HintFloor = 1 << 20;

    [ThreadStatic]
    private static int t_lastLarge;

    /// <summary>Rents an array of at least <paramref name="size"/> bytes, copies the first <paramref name="used"/> bytes of <paramref name="buffer"/> into it and returns <paramref name="buffer"/> to the pool.</summary>
    /// <param name="buffer">The full buffer (from the pool).</param>
    /// <param name="used">How many bytes of it are written.</param>
    /// <param name="size">The new size, at most <see cref="System.Array.MaxLength"/>.</param>
    /// <returns>The bigger buffer.</returns>
    public static byte[] Grow(byte[] buffer, int used, int size)
    {
        if (size >= HintFloor && t_lastLarge > size)
        {
            size = t_lastLarge;
        }

        byte[] bigger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    /// <summary>The written bytes as a new array of exactly their length (not zeroed first: every byte is copied over).</summary>
    /// <param name="written">The bytes.</param>
    /// <returns>The copy.</returns>
    public static byte[] ToArray(ReadOnlySpan<byte> written)
    {
        byte[] result = GC.AllocateUninitializedArray<byte>(written.Length);
        written.CopyTo(result);
        return result;
    }

    /// <summary>Gives a finished writer's buffer back to the pool, remembering its size if large.</summary>
    /// <param name="buffer">The buffer.</param>
    public static void Return(byte[] buffer)
    {
        if (buffer.Length >= HintFloor)
        {
            t_lastLarge = buffer.Length;
        }

        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

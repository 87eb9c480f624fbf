using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace PyStd.Queue;

/// <summary>Throw helpers kept out of the queues' hot paths.</summary>
internal static class QueueThrow
{
    /// <summary>CPython's message for a negative timeout.</summary>
    internal const string NegativeTimeoutMessage = "'timeout' must be a non-negative number";

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Empty() => throw new QueueEmptyException();

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Full() => throw new QueueFullException();

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ShutDown() => throw new QueueShutDownException();

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void NegativeTimeout() =>
        throw new ArgumentOutOfRangeException("timeout", NegativeTimeoutMessage);

    /// <summary>True for a negative timeout other than <see cref="Timeout.InfiniteTimeSpan"/> (which means None).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsNegative(TimeSpan? timeout) =>
        timeout is TimeSpan t && t < TimeSpan.Zero && t != Timeout.InfiniteTimeSpan;

    /// <summary>Throws CPython's <c>ValueError</c> (as <see cref="ArgumentOutOfRangeException"/>) for a negative timeout.</summary>
    internal static void IfNegative(TimeSpan? timeout)
    {
        if (IsNegative(timeout))
        {
            NegativeTimeout();
        }
    }
}

using System.Diagnostics;

namespace PyStd.Queue;

/// <summary>
/// Monotonic deadlines in <see cref="Stopwatch"/> ticks, as CPython's <c>endtime = time() + timeout</c>
/// with <c>time.monotonic</c>. <see cref="Never"/> stands for <c>timeout=None</c>.
/// </summary>
internal static class Deadline
{
    /// <summary>No deadline: wait forever.</summary>
    internal const long Never = long.MaxValue;

    /// <summary>
    /// The deadline <paramref name="timeout"/> from now; <see cref="Never"/> for null or
    /// <see cref="Timeout.InfiniteTimeSpan"/>, and for timeouts too long to represent.
    /// </summary>
    internal static long From(TimeSpan? timeout)
    {
        if (timeout is not TimeSpan t || t == Timeout.InfiniteTimeSpan)
        {
            return Never;
        }

        double ticks = t.TotalSeconds * Stopwatch.Frequency;
        long now = Stopwatch.GetTimestamp();
        return ticks >= Never - now ? Never : now + (long)Math.Ceiling(ticks);
    }

    /// <summary>Milliseconds left until <paramref name="deadline"/>, rounded up; 0 once it has passed.</summary>
    internal static int RemainingMilliseconds(long deadline)
    {
        long left = deadline - Stopwatch.GetTimestamp();
        if (left <= 0)
        {
            return 0;
        }

        double ms = Math.Ceiling(left * 1000.0 / Stopwatch.Frequency);
        return ms >= int.MaxValue ? int.MaxValue - 1 : (int)ms;
    }

    /// <summary>True once <paramref name="deadline"/> has passed (CPython's <c>remaining &lt;= 0.0</c>).</summary>
    internal static bool Passed(long deadline) =>
        deadline != Never && deadline - Stopwatch.GetTimestamp() <= 0;
}

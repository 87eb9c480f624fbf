using System.Text;

namespace PyStd.Objects;

/// <summary>
/// A Python <c>datetime.time</c> that <see cref="TimeOnly"/> cannot hold: one with a
/// <see cref="Tzinfo"/> or with <see cref="Fold"/> 1. Naive times with fold 0 load as <see cref="TimeOnly"/>.
/// </summary>
public sealed record PyTime
{
    /// <summary>Creates a time from Python's fields.</summary>
    /// <param name="hour">0–23.</param>
    /// <param name="minute">0–59.</param>
    /// <param name="second">0–59.</param>
    /// <param name="microsecond">0–999999.</param>
    /// <param name="tzinfo">The tzinfo object, or null.</param>
    /// <param name="fold">0 or 1 (PEP 495).</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public PyTime(int hour, int minute = 0, int second = 0, int microsecond = 0, object? tzinfo = null, int fold = 0)
    {
        Time = MakeTime(hour, minute, second, microsecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)fold, 1u, nameof(fold));
        Tzinfo = tzinfo;
        Fold = fold;
    }

    /// <summary>The wall-clock time (microsecond precision).</summary>
    public TimeOnly Time { get; }

    /// <summary>The tzinfo object, or null.</summary>
    public object? Tzinfo { get; }

    /// <summary>0 or 1 (PEP 495).</summary>
    public int Fold { get; }

    /// <summary>Python's <c>repr()</c>, e.g. <c>datetime.time(3, 4, tzinfo=datetime.timezone.utc)</c>.</summary>
    /// <returns>The repr.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        PyDateTimeFormat.AppendTime(sb, Time.Hour, Time.Minute, Time.Second, PyDateTimeFormat.Microsecond(Time.Ticks), Fold, Tzinfo, Tzinfo is not null);
        return sb.ToString();
    }

    internal static TimeOnly MakeTime(int hour, int minute, int second, int microsecond)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)microsecond, 999_999u, nameof(microsecond));
        return new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(microsecond * PyDateTimeFormat.TicksPerMicrosecond));
    }
}

using System.Text;

namespace PyStd.Objects;

/// <summary>
/// A Python <c>datetime.datetime</c> that no .NET type holds exactly: one whose <see cref="Fold"/> is 1,
/// whose <see cref="Tzinfo"/> is not a fixed whole-minute offset of at most 14 hours (a
/// <c>zoneinfo.ZoneInfo</c>, a named <c>timezone</c>, an odd offset), or whose UTC instant falls
/// outside <see cref="DateTimeOffset"/>'s range. Naive datetimes load as <see cref="System.DateTime"/>
/// and fixed-offset ones as <see cref="DateTimeOffset"/>; this record carries the rest unchanged.
/// </summary>
public sealed record PyDateTime
{
    /// <summary>Creates a datetime from Python's fields.</summary>
    /// <param name="year">1–9999.</param>
    /// <param name="month">1–12.</param>
    /// <param name="day">1 to the month's length.</param>
    /// <param name="hour">0–23.</param>
    /// <param name="minute">0–59.</param>
    /// <param name="second">0–59.</param>
    /// <param name="microsecond">0–999999.</param>
    /// <param name="tzinfo">The tzinfo object (a <see cref="PyObject"/> such as <c>datetime.timezone(...)</c> or <c>zoneinfo.ZoneInfo._unpickle(...)</c>), or null for naive.</param>
    /// <param name="fold">0 or 1: which of two equal wall times in a backward clock change (PEP 495).</param>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public PyDateTime(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int microsecond = 0, object? tzinfo = null, int fold = 0)
    {
        Date = new DateOnly(year, month, day);
        Time = PyTime.MakeTime(hour, minute, second, microsecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)fold, 1u, nameof(fold));
        Tzinfo = tzinfo;
        Fold = fold;
    }

    /// <summary>The date part.</summary>
    public DateOnly Date { get; }

    /// <summary>The wall-clock time part (microsecond precision).</summary>
    public TimeOnly Time { get; }

    /// <summary>The tzinfo object, or null for a naive datetime.</summary>
    public object? Tzinfo { get; }

    /// <summary>0 or 1 (PEP 495).</summary>
    public int Fold { get; }

    /// <summary>The wall-clock date and time, without the tzinfo and fold.</summary>
    public DateTime DateTime => Date.ToDateTime(Time);

    /// <summary>Python's <c>repr()</c>, e.g. <c>datetime.datetime(2020, 1, 1, 0, 0, fold=1)</c>.</summary>
    /// <returns>The repr.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        PyDateTimeFormat.AppendDateTime(sb, Date.Year, Date.Month, Date.Day, Time.Hour, Time.Minute, Time.Second,
            PyDateTimeFormat.Microsecond(Time.Ticks), Fold, Tzinfo, Tzinfo is not null);
        return sb.ToString();
    }
}

using System.Text;

namespace PyStd.Objects;

/// <summary>
/// CPython's <c>repr()</c> of the <c>datetime</c> module's values (<c>Modules/_datetimemodule.c</c>:
/// <c>date_repr</c>, <c>datetime_repr</c>, <c>time_repr</c>, <c>delta_repr</c>, <c>timezone_repr</c>)
/// for the .NET types the model maps them to, and the tick ↔ microsecond arithmetic they share.
/// </summary>
internal static class PyDateTimeFormat
{
    public const long TicksPerMicrosecond = 10;

    /// <summary>Splits a span into Python's normalised timedelta fields (days any sign, 0 ≤ seconds &lt; 86400, 0 ≤ µs &lt; 10**6), dropping sub-µs ticks toward zero.</summary>
    public static (long Days, int Seconds, int Microseconds) Split(TimeSpan span)
    {
        long us = span.Ticks / TicksPerMicrosecond;
        long days = Math.DivRem(us, 86_400_000_000L, out long rest);
        if (rest < 0)
        {
            rest += 86_400_000_000L;
            days--;
        }

        return (days, (int)(rest / 1_000_000), (int)(rest % 1_000_000));
    }

    public static void AppendTimedelta(StringBuilder sb, long days, long seconds, long microseconds)
    {
        sb.Append("datetime.timedelta(");
        bool any = false;
        if (days != 0)
        {
            sb.Append("days=").Append(days);
            any = true;
        }

        if (seconds != 0)
        {
            sb.Append(any ? ", " : string.Empty).Append("seconds=").Append(seconds);
            any = true;
        }

        if (microseconds != 0)
        {
            sb.Append(any ? ", " : string.Empty).Append("microseconds=").Append(microseconds);
            any = true;
        }

        sb.Append(any ? ")" : "0)");
    }

    public static void AppendTimedelta(StringBuilder sb, TimeSpan span)
    {
        var (d, s, us) = Split(span);
        AppendTimedelta(sb, d, s, us);
    }

    /// <summary><c>datetime.timezone.utc</c> or <c>datetime.timezone(datetime.timedelta(seconds=3600))</c>.</summary>
    public static void AppendTimezone(StringBuilder sb, TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            sb.Append("datetime.timezone.utc");
            return;
        }

        sb.Append("datetime.timezone(");
        AppendTimedelta(sb, offset);
        sb.Append(')');
    }

    public static void AppendDate(StringBuilder sb, int year, int month, int day) =>
        sb.Append("datetime.date(").Append(year).Append(", ").Append(month).Append(", ").Append(day).Append(')');

    /// <summary>datetime_repr: seconds and microseconds only when non-zero, then fold, then tzinfo.</summary>
    public static void AppendDateTime(StringBuilder sb, int year, int month, int day, int hour, int minute, int second, int microsecond, int fold, object? tzinfo, bool hasTzinfo)
    {
        sb.Append("datetime.datetime(").Append(year).Append(", ").Append(month).Append(", ").Append(day)
            .Append(", ").Append(hour).Append(", ").Append(minute);
        AppendSecondsAndTail(sb, second, microsecond, fold, tzinfo, hasTzinfo);
    }

    /// <summary>time_repr: <c>datetime.time(3, 4)</c>, with seconds/µs only when non-zero; tzinfo before fold (datetime has them the other way round).</summary>
    public static void AppendTime(StringBuilder sb, int hour, int minute, int second, int microsecond, int fold, object? tzinfo, bool hasTzinfo)
    {
        sb.Append("datetime.time(").Append(hour).Append(", ").Append(minute);
        AppendSecondsAndTail(sb, second, microsecond, fold, tzinfo, hasTzinfo, foldFirst: false);
    }

    private static void AppendSecondsAndTail(StringBuilder sb, int second, int microsecond, int fold, object? tzinfo, bool hasTzinfo, bool foldFirst = true)
    {
        if (microsecond != 0)
        {
            sb.Append(", ").Append(second).Append(", ").Append(microsecond);
        }
        else if (second != 0)
        {
            sb.Append(", ").Append(second);
        }

        if (fold != 0 && foldFirst)
        {
            sb.Append(", fold=").Append(fold);
        }

        if (hasTzinfo)
        {
            sb.Append(", tzinfo=");
            if (tzinfo is TimeSpan offset)
            {
                AppendTimezone(sb, offset);
            }
            else if (tzinfo is PyObject { Module: "datetime", Name: "timezone", Kind: PyObjectKind.Reduce, HasState: false } tz
                && tz.Args.Count == 1 && tz.Args[0] is TimeSpan zero && zero == TimeSpan.Zero)
            {
                sb.Append("datetime.timezone.utc"); // CPython's timezone(timedelta(0)) is the utc singleton
            }
            else
            {
                PyRepr.Append(sb, tzinfo);
            }
        }

        if (fold != 0 && !foldFirst)
        {
            sb.Append(", fold=").Append(fold);
        }

        sb.Append(')');
    }

    public static int Microsecond(long ticks) => (int)(ticks % TimeSpan.TicksPerSecond / TicksPerMicrosecond);

    /// <summary>Appends the repr of a .NET date/time value; false for other values.</summary>
    public static bool TryAppend(StringBuilder sb, object value)
    {
        switch (value)
        {
            case DateTime dt:
                AppendDateTime(sb, dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, dt.Second, Microsecond(dt.Ticks), 0, TimeSpan.Zero, dt.Kind == DateTimeKind.Utc);
                return true;
            case DateTimeOffset dto:
                DateTime local = dto.DateTime;
                AppendDateTime(sb, local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, Microsecond(local.Ticks), 0, dto.Offset, true);
                return true;
            case DateOnly d:
                AppendDate(sb, d.Year, d.Month, d.Day);
                return true;
            case TimeOnly t:
                AppendTime(sb, t.Hour, t.Minute, t.Second, Microsecond(t.Ticks), 0, null, false);
                return true;
            case TimeSpan span:
                AppendTimedelta(sb, span);
                return true;
            case Guid g:
                sb.Append("UUID('").Append(g.ToString("D")).Append("')");
                return true;
            default:
                return false;
        }
    }
}

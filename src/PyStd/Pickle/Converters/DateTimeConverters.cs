using System.Collections.Concurrent;
using PyStd.Objects;
using static PyStd.Pickle.Converters.ConverterHelpers;

namespace PyStd.Pickle.Converters;

/// <summary>
/// Shared pieces of the <c>datetime</c> converters. CPython pickles <c>date</c>, <c>time</c> and
/// <c>datetime</c> as <c>cls(state_bytes[, tzinfo])</c>, the bytes packing the fields big-endian
/// (<c>Modules/_datetimemodule.c</c>: <c>datetime_getstate</c>, <c>time_getstate</c>; the fold bit is the high
/// bit of the month/hour byte, written only at protocol 4 and up), <c>timedelta</c> as
/// <c>timedelta(days, seconds, microseconds)</c> and <c>timezone</c> as <c>timezone(offset[, name])</c>.
/// </summary>
internal static class DateTimeShapes
{
    private static readonly ConcurrentDictionary<TimeSpan, PyObject> s_timezones = new();

    /// <summary>
    /// The <c>datetime.timezone(offset)</c> shape for an offset, one shared instance per offset so the
    /// pickler memoises it as CPython memoises its <c>timezone.utc</c> singleton.
    /// </summary>
    public static PyObject Timezone(TimeSpan offset) =>
        s_timezones.GetOrAdd(offset, o => Reduce("datetime", "timezone", TimedeltaConverter.Shape(o)));

    /// <summary>A tzinfo that is <c>datetime.timezone(offset)</c> with no name, whole minutes, within ±14 h: what <see cref="DateTimeOffset"/> holds.</summary>
    public static bool TryFixedOffset(object? tzinfo, out TimeSpan offset)
    {
        offset = default;
        if (tzinfo is not PyObject { Module: "datetime", Name: "timezone", HasState: false, ListItems: null, DictItems: null } tz
            || !IsPlainReduce(tz) || tz.Args.Count != 1)
        {
            return false;
        }

        object? arg = tz.Args[0];
        if (arg is PyObject td && TimedeltaConverter.TryFields(td, out long d, out long s, out long us) && d == 0 && s == 0 && us == 0)
        {
            arg = TimeSpan.Zero;
        }

        if (arg is not TimeSpan span || span.Ticks % TimeSpan.TicksPerMinute != 0 || span.Duration() > TimeSpan.FromHours(14))
        {
            return false;
        }

        offset = span;
        return true;
    }

    /// <summary>Splits the arguments: state bytes of the given length plus an optional tzinfo.</summary>
    public static (byte[] State, object? Tzinfo, bool HasTzinfo) StateArgs(PyObject reduced, int length)
    {
        PyTuple args = reduced.Args;
        if (!IsPlainReduce(reduced) || args.Count is < 1 or > 2 || !TryStateBytes(args[0], length, out byte[]? state))
        {
            throw Bad(reduced, "expected the state bytes and an optional tzinfo as arguments");
        }

        object? tz = args.Count == 2 ? args[1] : null;
        return (state, tz, tz is not null);
    }

    public static void Microseconds(Span<byte> dest, int us)
    {
        dest[0] = (byte)(us >> 16);
        dest[1] = (byte)(us >> 8);
        dest[2] = (byte)us;
    }

    public static int Microseconds(ReadOnlySpan<byte> src) => (src[0] << 16) | (src[1] << 8) | src[2];

    public static int Microsecond(long ticks) => (int)(ticks % TimeSpan.TicksPerSecond / 10);
}

/// <summary>
/// <c>datetime.datetime</c> ↔ <see cref="DateTime"/> (naive, fold 0), <see cref="DateTimeOffset"/>
/// (a fixed whole-minute offset within ±14 h, fold 0) or <see cref="PyDateTime"/> (everything else).
/// A <see cref="DateTime"/> of kind <see cref="DateTimeKind.Utc"/> pickles as aware UTC; other kinds as naive.
/// </summary>
internal sealed class DateTimeConverter(Type clrType) : PickleConverter("datetime", "datetime", clrType)
{
    public override bool ConvertsAtConstruction => true;

    public override object? FromPython(PyObject reduced)
    {
        int year, month, day, hour, minute, second, us, fold = 0;
        object? tz;
        if (reduced.Args.Count >= 3 && IsPlainReduce(reduced) && reduced.Args[0] is long)
        {
            // datetime(year, month, day[, hour[, minute[, second[, microsecond[, tzinfo]]]]])
            PyTuple a = reduced.Args;
            if (a.Count > 8)
            {
                throw Bad(reduced, "too many arguments");
            }

            int[] f = new int[7];
            for (int i = 0; i < Math.Min(a.Count, 7); i++)
            {
                if (!TryInt(a[i], out f[i]))
                {
                    throw Bad(reduced, "expected integer fields");
                }
            }

            (year, month, day, hour, minute, second, us) = (f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
            tz = a.Count == 8 ? a[7] : null;
        }
        else
        {
            var (s, tzArg, _) = DateTimeShapes.StateArgs(reduced, 10);
            year = (s[0] << 8) | s[1];
            month = s[2] & 0x7F;
            fold = s[2] >> 7;
            day = s[3];
            hour = s[4];
            minute = s[5];
            second = s[6];
            us = DateTimeShapes.Microseconds(s.AsSpan(7));
            tz = tzArg;
        }

        try
        {
            var value = new PyDateTime(year, month, day, hour, minute, second, us, tz, fold);
            DateTime wall = value.DateTime;
            if (tz is null)
            {
                return fold == 0 ? wall : value;
            }

            // DateTimeOffset also needs the UTC instant inside years 1–9999.
            if (fold == 0 && DateTimeShapes.TryFixedOffset(tz, out TimeSpan offset)
                && wall.Ticks - offset.Ticks >= DateTime.MinValue.Ticks && wall.Ticks - offset.Ticks <= DateTime.MaxValue.Ticks)
            {
                return new DateTimeOffset(wall, offset);
            }

            return value;
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UnpicklingException($"bad pickled datetime.datetime: {e.Message}", e);
        }
    }

    public override PyObject ToPython(object value, int protocol)
    {
        DateTime wall;
        int fold = 0;
        object? tz;
        switch (value)
        {
            case DateTime dt:
                wall = dt;
                tz = dt.Kind == DateTimeKind.Utc ? DateTimeShapes.Timezone(TimeSpan.Zero) : null;
                break;
            case DateTimeOffset dto:
                wall = dto.DateTime;
                tz = DateTimeShapes.Timezone(dto.Offset);
                break;
            case PyDateTime p:
                wall = p.DateTime;
                fold = p.Fold;
                tz = p.Tzinfo;
                break;
            default:
                throw new ArgumentException($"Expected a DateTime, DateTimeOffset or PyDateTime, not {value.GetType()}.", nameof(value));
        }

        byte[] s = new byte[10];
        s[0] = (byte)(wall.Year >> 8);
        s[1] = (byte)wall.Year;
        s[2] = (byte)(wall.Month | (protocol > 3 && fold != 0 ? 0x80 : 0));
        s[3] = (byte)wall.Day;
        s[4] = (byte)wall.Hour;
        s[5] = (byte)wall.Minute;
        s[6] = (byte)wall.Second;
        DateTimeShapes.Microseconds(s.AsSpan(7), DateTimeShapes.Microsecond(wall.Ticks));
        return tz is null ? Reduce(Module, Name, s) : Reduce(Module, Name, s, tz);
    }
}

/// <summary><c>datetime.date</c> ↔ <see cref="DateOnly"/>.</summary>
internal sealed class DateConverter() : PickleConverter("datetime", "date", typeof(DateOnly))
{
    public override bool ConvertsAtConstruction => true;

    public override object? FromPython(PyObject reduced)
    {
        int year, month, day;
        PyTuple a = reduced.Args;
        if (a.Count == 3 && IsPlainReduce(reduced) && a[0] is long)
        {
            if (!TryInt(a[0], out year) || !TryInt(a[1], out month) || !TryInt(a[2], out day))
            {
                throw Bad(reduced, "expected integer fields");
            }
        }
        else
        {
            if (!IsPlainReduce(reduced) || a.Count != 1 || !TryStateBytes(a[0], 4, out byte[]? s))
            {
                throw Bad(reduced, "expected the state bytes as the argument");
            }

            (year, month, day) = ((s[0] << 8) | s[1], s[2], s[3]);
        }

        try
        {
            return new DateOnly(year, month, day);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UnpicklingException("bad pickled datetime.date: day is out of range for month", e);
        }
    }

    public override PyObject ToPython(object value, int protocol)
    {
        var d = (DateOnly)value;
        return Reduce(Module, Name, new[] { (byte)(d.Year >> 8), (byte)d.Year, (byte)d.Month, (byte)d.Day });
    }
}

/// <summary><c>datetime.time</c> ↔ <see cref="TimeOnly"/> (naive, fold 0) or <see cref="PyTime"/>.</summary>
internal sealed class TimeConverter(Type clrType) : PickleConverter("datetime", "time", clrType)
{
    public override bool ConvertsAtConstruction => true;

    public override object? FromPython(PyObject reduced)
    {
        int hour, minute = 0, second = 0, us = 0, fold = 0;
        object? tz = null;
        PyTuple a = reduced.Args;
        if (a.Count == 0 && IsPlainReduce(reduced))
        {
            hour = 0;
        }
        else if (IsPlainReduce(reduced) && a[0] is long)
        {
            int[] f = new int[4];
            for (int i = 0; i < Math.Min(a.Count, 4); i++)
            {
                if (!TryInt(a[i], out f[i]))
                {
                    throw Bad(reduced, "expected integer fields");
                }
            }

            (hour, minute, second, us) = (f[0], f[1], f[2], f[3]);
            tz = a.Count > 4 ? a[4] : null;
            if (a.Count > 5)
            {
                throw Bad(reduced, "too many arguments");
            }
        }
        else
        {
            var (s, tzArg, _) = DateTimeShapes.StateArgs(reduced, 6);
            (hour, fold, minute, second, us, tz) = (s[0] & 0x7F, s[0] >> 7, s[1], s[2], DateTimeShapes.Microseconds(s.AsSpan(3)), tzArg);
        }

        try
        {
            var value = new PyTime(hour, minute, second, us, tz, fold);
            return tz is null && fold == 0 ? value.Time : value;
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UnpicklingException($"bad pickled datetime.time: {e.Message}", e);
        }
    }

    public override PyObject ToPython(object value, int protocol)
    {
        var (time, tz, fold) = value switch
        {
            TimeOnly t => (t, (object?)null, 0),
            PyTime p => (p.Time, p.Tzinfo, p.Fold),
            _ => throw new ArgumentException($"Expected a TimeOnly or PyTime, not {value.GetType()}.", nameof(value)),
        };
        byte[] s = new byte[6];
        s[0] = (byte)(time.Hour | (protocol > 3 && fold != 0 ? 0x80 : 0));
        s[1] = (byte)time.Minute;
        s[2] = (byte)time.Second;
        DateTimeShapes.Microseconds(s.AsSpan(3), DateTimeShapes.Microsecond(time.Ticks));
        return tz is null ? Reduce(Module, Name, s) : Reduce(Module, Name, s, tz);
    }
}

/// <summary>
/// <c>datetime.timedelta</c> ↔ <see cref="TimeSpan"/>; a timedelta beyond <see cref="TimeSpan"/>'s
/// ±10,675,199 days stays a <see cref="PyObject"/>. Sub-microsecond ticks are dropped toward zero when pickling.
/// </summary>
internal sealed class TimedeltaConverter() : PickleConverter("datetime", "timedelta", typeof(TimeSpan))
{
    public override bool ConvertsAtConstruction => true;

    public static PyObject Shape(TimeSpan span)
    {
        var (d, s, us) = PyDateTimeFormat.Split(span);
        return Reduce("datetime", "timedelta", d, (long)s, (long)us);
    }

    /// <summary>Reads (days, seconds, microseconds) from a timedelta shape; Python's constructor normalises, so any ints are accepted.</summary>
    public static bool TryFields(PyObject reduced, out long days, out long seconds, out long microseconds)
    {
        days = seconds = microseconds = 0;
        PyTuple a = reduced.Args;
        if (reduced.Module != "datetime" || reduced.Name != "timedelta" || !IsPlainReduce(reduced) || a.Count > 3)
        {
            return false;
        }

        long[] f = new long[3];
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i] is long l)
            {
                f[i] = l;
            }
            else if (a[i] is bool b)
            {
                f[i] = b ? 1 : 0;
            }
            else
            {
                return false;
            }
        }

        (days, seconds, microseconds) = (f[0], f[1], f[2]);
        return true;
    }

    public override object? FromPython(PyObject reduced)
    {
        if (!TryFields(reduced, out long d, out long s, out long us))
        {
            throw Bad(reduced, "expected integer days, seconds and microseconds");
        }

        var total = ((System.Numerics.BigInteger)d * 86_400 + s) * 1_000_000 + us;
        var ticks = total * 10;
        return ticks >= TimeSpan.MinValue.Ticks && ticks <= TimeSpan.MaxValue.Ticks ? TimeSpan.FromTicks((long)ticks) : reduced;
    }

    public override PyObject ToPython(object value, int protocol) => Shape((TimeSpan)value);
}

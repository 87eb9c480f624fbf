using System.Text.Json;
using PyStd.Lifecycle;

namespace PyStd.Tests.Lifecycle;

/// <summary>The signal module's tables and error messages against python3's (one python3 run).</summary>
public class SignalsDifferentialTests
{
    private static JsonElement Table => PythonSignalTable.Value;

    [Fact]
    public void Valid_signals_are_pythons()
    {
        int[] expected = [.. Table.GetProperty("valid").EnumerateArray().Select(e => e.GetInt32())];
        Assert.Equal(expected, Signals.ValidSignals().ToArray());
        Assert.Equal(Signals.NSIG, Table.GetProperty("nsig").GetInt32());
    }

    [Fact]
    public void Strsignal_is_pythons_for_every_number()
    {
        foreach (JsonProperty p in Table.GetProperty("strsignal").EnumerateObject())
        {
            string? expected = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString();
            Assert.Equal(expected, Signals.Strsignal(int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void Signal_names_and_numbers_are_pythons_aliases_included()
    {
        (string, int)[] expected = [.. Table.GetProperty("members").EnumerateArray().Select(m => (m[0].GetString()!, m[1].GetInt32()))];
        Assert.Equal(expected, Signals.Members.Select(kv => (kv.Key, kv.Value)).ToArray());
        foreach (JsonProperty p in Table.GetProperty("names").EnumerateObject())
        {
            string? expected1 = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString();
            Assert.Equal(expected1, Signals.Name(int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)));
        }

        // The constants are the same numbers.
        Assert.Equal(10, Signals.SIGUSR1);
        Assert.Equal(Signals.SIGABRT, Signals.SIGIOT);
        Assert.Equal(34, Signals.SIGRTMIN);
        Assert.Equal(64, Signals.SIGRTMAX);
    }

    [Fact]
    public void Getsignal_at_start_up_is_pythons_except_SIGXFSZ()
    {
        // A fresh .NET process (the host) against a fresh python3, both started by this process.
        var (code, lines, stderr) = LifecycleHost.Run("getsignal");
        Assert.True(code == 0, stderr);
        var ours = lines.Select(l => l.Split(' ')).ToDictionary(p => p[0], p => (Name: p[1], Handler: p[2]));
        JsonElement python = Table.GetProperty("getsignal");
        Assert.Equal(python.EnumerateObject().Count(), ours.Count);
        foreach (JsonProperty p in python.EnumerateObject())
        {
            string expected = p.Value.GetString()!;
            string actual = ours[p.Name].Handler.Replace("Handlers.", "", StringComparison.Ordinal);
            if (p.Name == "25")
            {
                // CPython ignores SIGXFSZ at start-up (Python/pylifecycle.c); a .NET process does not.
                Assert.Equal("SIG_IGN", expected);
                Assert.Equal("SIG_DFL", actual);
                continue;
            }

            Assert.True(expected == actual, $"signal {p.Name}: python {expected}, ours {actual}");
        }
    }

    [Theory]
    [InlineData("signal_0", 0)]
    [InlineData("signal_65", 65)]
    [InlineData("signal_-1", -1)]
    [InlineData("signal_9", 9)]
    [InlineData("signal_19", 19)]
    [InlineData("signal_32", 32)]
    [InlineData("signal_33", 33)]
    public void Signal_refuses_what_python_refuses_with_its_message(string @case, int signum)
    {
        string expected = PythonSignalTable.Error(@case);
        PyStdException e = Assert.ThrowsAny<PyStdException>(() => Signals.Signal(signum, Signals.SigIgn));
        Assert.Equal(expected, $"{e.PythonName}|{e.Message}");
        if (e is PyOSException os)
        {
            Assert.Equal(22, os.Errno);
        }
    }

    [Theory]
    [InlineData("strsignal_0", 0)]
    [InlineData("strsignal_65", 65)]
    public void Strsignal_out_of_range_is_pythons_ValueError(string @case, int signum)
    {
        string expected = PythonSignalTable.Error(@case);
        var e = Assert.Throws<PyValueException>(() => Signals.Strsignal(signum));
        Assert.Equal(expected, $"{e.PythonName}|{e.Message}");
    }

    [Theory]
    [InlineData("getsignal_0", 0)]
    [InlineData("getsignal_65", 65)]
    public void Getsignal_out_of_range_is_pythons_ValueError(string @case, int signum)
    {
        string expected = PythonSignalTable.Error(@case);
        var e = Assert.Throws<PyValueException>(() => Signals.GetSignal(signum));
        Assert.Equal(expected, $"{e.PythonName}|{e.Message}");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(11)]
    [InlineData(34)]
    public void Signals_the_runtime_owns_are_refused_with_an_ArgumentException(int signum)
    {
        var e = Assert.Throws<ArgumentException>(() => Signals.Signal(signum, (_, _) => { }));
        Assert.Contains("used by the .NET runtime", e.Message, StringComparison.Ordinal);
        Assert.Equal("signum", e.ParamName);
    }

    [Fact]
    public void Bad_arguments_are_argument_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => Signals.Signal(Signals.SIGUSR1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Signals.Alarm(-1));
        var e = Assert.Throws<PyOSException>(() => Signals.RaiseSignal(70));
        Assert.Equal("[Errno 22] Invalid argument", e.Message);
    }

    [Fact]
    public void Sentinels_are_distinct_and_the_default_int_handler_raises_KeyboardInterrupt()
    {
        Assert.NotSame(Signals.SigDfl, Signals.SigIgn);
        var e = Assert.Throws<KeyboardInterruptException>(() => Signals.DefaultIntHandler(Signals.SIGINT, null));
        Assert.Equal("KeyboardInterrupt", e.PythonName);
    }
}

using System.Diagnostics.CodeAnalysis;

namespace PyStd.Terminal;

/// <summary>
/// Single keypresses from the terminal on standard input, as the Python FAQ's "How do I get a
/// single keypress at a time?" does with <c>termios</c>: no echo, no waiting for Enter.
/// </summary>
/// <remarks>
/// <code>
/// string key = Keyboard.ReadKey();                  // one key, then the terminal is as it was
///
/// using KeyboardSession keyboard = Keyboard.Open(); // many keys: stay in cbreak mode
/// while (keyboard.ReadKey() is { Length: &gt; 0 } c &amp;&amp; c != "q")
///     Console.WriteLine($"Got character {PyRepr.Repr(c)}");
/// </code>
/// <para>
/// A key is one character (one Unicode code point, decoded from UTF-8). Keys that send several
/// characters (arrows send <c>ESC [ A</c>) arrive one character per call, as in the FAQ's loop. A byte
/// that is not UTF-8 comes back as Python's <c>surrogateescape</c> gives it (<c>'\udcff'</c>).
/// End of input gives <c>""</c>, as Python's <c>read(1)</c> does.
/// </para>
/// <para>
/// The terminal is switched to cbreak mode (<c>ICANON</c> and <c>ECHO</c> off, <c>ISIG</c> kept, so
/// Ctrl-C still interrupts) and its settings are restored when the call or session ends, when an
/// exception escapes, on Ctrl-C (SIGINT: restore, <c>KeyboardInterrupt</c>, atexit handlers, death by
/// SIGINT), on SIGTERM, SIGHUP and SIGQUIT, on <see cref="Environment.Exit(int)"/> and on an unhandled
/// exception: <c>stty -g</c> reads the same after as before. Not covered: SIGKILL, and Ctrl-Z
/// (the shell restores its own settings when it stops a job). PyStd reads descriptor 0 directly;
/// do not mix these calls with <see cref="Console.ReadKey()"/> or <see cref="Console.In"/>, which
/// buffer input and set the terminal themselves.
/// </para>
/// </remarks>
public static class Keyboard
{
    /// <summary>Enters cbreak mode until the returned session is disposed.</summary>
    /// <returns>The session.</returns>
    /// <exception cref="TermiosException"><c>(25, 'Inappropriate ioctl for device')</c>: standard input is not a terminal.</exception>
    public static KeyboardSession Open() => new();

    /// <summary>Waits for one keypress and returns it, without echo and without waiting for Enter.</summary>
    /// <returns>The key's character, or <c>""</c> at end of input.</returns>
    /// <exception cref="TermiosException">Standard input is not a terminal.</exception>
    public static string ReadKey()
    {
        using KeyboardSession session = Open();
        return session.ReadKey();
    }

    /// <summary>Waits up to <paramref name="timeout"/> for one keypress.</summary>
    /// <param name="timeout">How long to wait; <see cref="TimeSpan.Zero"/> does not wait, <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.</param>
    /// <param name="key">The key's character (<c>""</c> at end of input), or <see langword="null"/> on timeout.</param>
    /// <returns><see langword="true"/> when a key (or end of input) arrived in time.</returns>
    /// <exception cref="TermiosException">Standard input is not a terminal.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or too large.</exception>
    public static bool TryReadKey(TimeSpan timeout, [NotNullWhen(true)] out string? key)
    {
        using KeyboardSession session = Open();
        return session.TryReadKey(timeout, out key);
    }

    /// <summary>
    /// Whether a key is waiting to be read (<c>poll(2)</c> with no wait). In line mode a key is
    /// only readable after Enter, so this enters cbreak mode for the check; for a loop, keep a
    /// <see cref="KeyboardSession"/> open instead.
    /// </summary>
    /// <exception cref="TermiosException">Standard input is not a terminal.</exception>
    public static bool KeyAvailable
    {
        get
        {
            using KeyboardSession session = Open();
            return session.KeyAvailable;
        }
    }

    /// <summary>Converts a timeout to <c>poll(2)</c> milliseconds (-1 for infinite).</summary>
    internal static int ToMilliseconds(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return -1;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeout, TimeSpan.FromMilliseconds(int.MaxValue));
        return (int)Math.Ceiling(timeout.TotalMilliseconds);
    }
}

using System.Diagnostics.CodeAnalysis;

namespace PyStd.Terminal;

/// <summary>
/// Standard input in cbreak mode (no echo, no line buffering) until <see cref="Dispose"/>, which
/// puts the terminal's settings back. Made by <see cref="Keyboard.Open"/>; sessions may nest, and
/// the settings come back when the last one ends. Keys typed between reads are kept, not echoed.
/// </summary>
public sealed class KeyboardSession : IDisposable
{
    private int _disposed;

    internal KeyboardSession() => TerminalMode.Enter();

    /// <summary>Whether a key is waiting to be read.</summary>
    /// <exception cref="ObjectDisposedException">The session has ended.</exception>
    public bool KeyAvailable
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            return TerminalMode.Available();
        }
    }

    /// <summary>Waits for one keypress and returns it.</summary>
    /// <returns>The key's character, or <c>""</c> at end of input.</returns>
    /// <exception cref="ObjectDisposedException">The session has ended.</exception>
    public string ReadKey()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return TerminalMode.ReadKey(-1)!;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for one keypress.</summary>
    /// <param name="timeout">How long to wait; <see cref="TimeSpan.Zero"/> does not wait.</param>
    /// <param name="key">The key's character (<c>""</c> at end of input), or <see langword="null"/> on timeout.</param>
    /// <returns><see langword="true"/> when a key (or end of input) arrived in time.</returns>
    /// <exception cref="ObjectDisposedException">The session has ended.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than infinite) or too large.</exception>
    public bool TryReadKey(TimeSpan timeout, [NotNullWhen(true)] out string? key)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        key = TerminalMode.ReadKey(Keyboard.ToMilliseconds(timeout));
        return key is not null;
    }

    /// <summary>Ends the session; the terminal's settings come back when the last session ends.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            TerminalMode.Leave();
        }
    }
}

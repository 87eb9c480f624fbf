namespace PyStd.Pty;

/// <summary>Typing at the child: pexpect's <c>send</c> family.</summary>
public sealed partial class ExpectSession
{
    /// <summary>Sends text, encoded with <see cref="Encoding"/>, after <see cref="DelayBeforeSend"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of bytes written.</returns>
    public int Send(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SendBytes(Encoding.GetBytes(text), text);
    }

    /// <summary>Sends bytes as they are, after <see cref="DelayBeforeSend"/>.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public int Send(ReadOnlySpan<byte> data) => SendBytes(data, null);

    /// <summary>Sends <paramref name="text"/> and <see cref="LineSeparator"/> (pexpect's <c>sendline</c>).</summary>
    /// <param name="text">The line, without its end.</param>
    /// <returns>The number of bytes written.</returns>
    public int SendLine(string text = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Send(text + LineSeparator);
    }

    /// <summary>
    /// Sends a control character by its letter, as pexpect's <c>sendcontrol</c>: <c>'c'</c> is
    /// <c>^C</c> (the terminal then interrupts the child), <c>'d'</c> is <c>^D</c>, <c>'['</c> is
    /// Escape; also <c>@ ` \ | ] } ^ ~ _ ?</c>.
    /// </summary>
    /// <param name="character">A letter (either case) or one of the symbols above.</param>
    /// <returns>The number of bytes written (1).</returns>
    /// <exception cref="ArgumentException">The character names no control character (pexpect silently sends nothing).</exception>
    public int SendControl(char character)
    {
        char lower = char.ToLowerInvariant(character);
        int code = lower switch
        {
            >= 'a' and <= 'z' => lower - 'a' + 1,
            '@' or '`' => 0,
            '[' or '{' => 27,
            '\\' or '|' => 28,
            ']' or '}' => 29,
            '^' or '~' => 30,
            '_' => 31,
            '?' => 127,
            _ => throw new ArgumentException($"{Objects.PyRepr.Repr(character.ToString())} names no control character.", nameof(character)),
        };
        return SendBytes([(byte)code], ((char)code).ToString());
    }

    /// <summary>
    /// Sends the terminal's end-of-file character (<c>VEOF</c>, read from the terminal's settings;
    /// <c>^D</c> by default). At the start of a line the child's read then returns 0 bytes — end of
    /// file; elsewhere it only ends the read early, so send it after a line.
    /// </summary>
    /// <exception cref="InvalidOperationException">The session reads a stream, which has no terminal.</exception>
    public void SendEof()
    {
        byte eof = _transport.EofCharacter;
        SendBytes([eof], ((char)eof).ToString());
    }

    /// <summary>Sends the terminal's interrupt character (<c>VINTR</c>, <c>^C</c>): <c>SIGINT</c> to the foreground group (pexpect's <c>sendintr</c>).</summary>
    /// <exception cref="InvalidOperationException">The session reads a stream.</exception>
    public void SendIntr()
    {
        byte intr = RequireProcess().InterruptCharacter;
        SendBytes([intr], ((char)intr).ToString());
    }

    private int SendBytes(ReadOnlySpan<byte> data, string? text)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_delayBeforeSend > TimeSpan.Zero)
        {
            Thread.Sleep(_delayBeforeSend);
        }

        if (LogFile is not null || LogFileSend is not null)
        {
            Log(text ?? Encoding.GetString(data), LogFileSend);
        }

        _transport.Write(data);
        return data.Length;
    }

    private void Log(ReadOnlySpan<char> text, TextWriter? directionLog)
    {
        if (LogFile is not null)
        {
            LogFile.Write(text);
            LogFile.Flush();
        }

        if (directionLog is not null)
        {
            directionLog.Write(text);
            directionLog.Flush();
        }
    }
}

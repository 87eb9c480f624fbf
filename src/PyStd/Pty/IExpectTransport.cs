namespace PyStd.Pty;

/// <summary>What an <see cref="ExpectSession"/> talks to: a pseudo-terminal or any stream.</summary>
internal interface IExpectTransport : IDisposable
{
    /// <summary>Reads what is available, waiting at most <paramref name="timeout"/> for the first byte.</summary>
    /// <param name="buffer">Where the bytes go.</param>
    /// <param name="timeout">How long to wait (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever).</param>
    /// <param name="read">Bytes read; 0 at end of file.</param>
    /// <returns><see langword="false"/> when the time ran out.</returns>
    bool TryRead(Span<byte> buffer, TimeSpan timeout, out int read);

    /// <summary>Writes all of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>The byte that means end of file to the reader (a terminal's <c>VEOF</c>).</summary>
    /// <exception cref="InvalidOperationException">The transport is no terminal.</exception>
    byte EofCharacter { get; }
}

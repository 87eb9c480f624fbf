namespace PyStd.Pty;

/// <summary>An <see cref="ExpectSession"/> over a <see cref="PtyProcess"/>'s master.</summary>
internal sealed class PtyTransport(PtyProcess process, bool ownsProcess) : IExpectTransport
{
    public bool TryRead(Span<byte> buffer, TimeSpan timeout, out int read) => process.TryRead(buffer, timeout, out read);

    public void Write(ReadOnlySpan<byte> data) => process.Write(data);

    public byte EofCharacter => process.EofCharacter;

    public void Dispose()
    {
        if (ownsProcess)
        {
            process.Dispose();
        }
    }
}

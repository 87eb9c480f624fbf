namespace PyStd.Pickle;

/// <content>The loading half of the facade: CPython's <c>pickle.loads</c> and <c>pickle.load</c>.</content>
public static partial class Pickle
{
    /// <summary>Reads one pickle from <paramref name="data"/>, as <c>pickle.loads(data)</c>; bytes after its <c>STOP</c> are ignored.</summary>
    /// <param name="data">The pickle.</param>
    /// <param name="options">How to read; <see cref="UnpicklerOptions.Default"/> when null.</param>
    /// <returns>The value, in the Python value model.</returns>
    /// <exception cref="UnpicklingException">The data is not a valid pickle, or uses something the options forbid.</exception>
    public static object? Loads(ReadOnlySpan<byte> data, UnpicklerOptions? options = null) =>
        new Unpickler(options).LoadFrom(data, out _);

    /// <summary>Reads one pickle from <paramref name="data"/>, as <c>pickle.loads(data)</c>.</summary>
    /// <param name="data">The pickle.</param>
    /// <param name="options">How to read; <see cref="UnpicklerOptions.Default"/> when null.</param>
    /// <returns>The value, in the Python value model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="UnpicklingException">The data is not a valid pickle, or uses something the options forbid.</exception>
    public static object? Loads(byte[] data, UnpicklerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Loads(data.AsSpan(), options);
    }

    /// <summary>
    /// Reads one pickle from <paramref name="data"/> and reports how many bytes it took — the
    /// <c>Try</c> twin for callers that branch: false (and <paramref name="value"/> null) instead of
    /// an exception when the data is not a valid pickle.
    /// </summary>
    /// <param name="data">The pickle.</param>
    /// <param name="value">The value when valid.</param>
    /// <param name="bytesConsumed">The length of the pickle, up to and including <c>STOP</c>; 0 on failure.</param>
    /// <param name="options">How to read; <see cref="UnpicklerOptions.Default"/> when null.</param>
    /// <returns>Whether <paramref name="data"/> starts with a valid pickle.</returns>
    public static bool TryLoads(ReadOnlySpan<byte> data, out object? value, out int bytesConsumed, UnpicklerOptions? options = null)
    {
        try
        {
            value = new Unpickler(options).LoadFrom(data, out bytesConsumed);
            return true;
        }
        catch (UnpicklingException)
        {
            value = null;
            bytesConsumed = 0;
            return false;
        }
    }

    /// <summary>
    /// Reads one pickle from <paramref name="stream"/>, as <c>pickle.load(file)</c>, leaving the stream
    /// just after it (a following pickle can be read next). To read several, an <see cref="Unpickler"/>
    /// over the stream keeps its buffer between them.
    /// </summary>
    /// <param name="stream">A readable stream; it is not closed.</param>
    /// <param name="options">How to read; <see cref="UnpicklerOptions.Default"/> when null.</param>
    /// <returns>The value, in the Python value model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="UnpicklingException">The data is not a valid pickle, or uses something the options forbid (<c>Ran out of input</c> at the end of the stream).</exception>
    public static object? Load(Stream stream, UnpicklerOptions? options = null) =>
        new Unpickler(stream, options).Load();
}

using System.Buffers;

namespace PyStd.Pickle;

public static partial class Pickle
{
    /// <summary>
    /// Pickles a value to bytes, exactly as CPython's <c>pickle.dumps(obj, protocol)</c> does for the
    /// same Python value (see <see cref="Pickler"/> for what is memoised and how .NET values map).
    /// </summary>
    /// <param name="value">A value of the Python value model, or a .NET value the options can map.</param>
    /// <param name="protocol">0 to <see cref="HighestProtocol"/>; negative means the highest. Default <see cref="DefaultProtocol"/> (4).</param>
    /// <param name="options">Options, or null for <see cref="PicklerOptions.Default"/>.</param>
    /// <returns>The pickle.</returns>
    /// <exception cref="PicklingException">A value cannot be pickled.</exception>
    /// <exception cref="PyRecursionException">The value is nested deeper than <see cref="PicklerOptions.MaxDepth"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="protocol"/> is above 5.</exception>
    /// <exception cref="ArgumentException">A buffer callback is given below protocol 5.</exception>
    /// <example>
    /// <code>
    /// byte[] data = Pickle.Dumps(new PyDict { ["id"] = 1L, ["tags"] = new List&lt;object?&gt; { "a" } }, protocol: 2);
    /// </code>
    /// </example>
    public static byte[] Dumps(object? value, int protocol = DefaultProtocol, PicklerOptions? options = null)
    {
        using var pickler = new Pickler(protocol, options);
        return pickler.DumpToArray(value);
    }

    /// <summary>Pickles a value to a stream (CPython: <c>pickle.dump(obj, file, protocol)</c>); the bytes are those of <see cref="Dumps"/>.</summary>
    /// <param name="value">A value of the Python value model, or a .NET value the options can map.</param>
    /// <param name="stream">A writable stream.</param>
    /// <param name="protocol">0 to <see cref="HighestProtocol"/>; negative means the highest. Default <see cref="DefaultProtocol"/>.</param>
    /// <param name="options">Options, or null for <see cref="PicklerOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="PicklingException">A value cannot be pickled.</exception>
    /// <exception cref="PyRecursionException">The value is nested too deeply.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public static void Dump(object? value, Stream stream, int protocol = DefaultProtocol, PicklerOptions? options = null)
    {
        using var pickler = new Pickler(stream, protocol, options);
        pickler.Dump(value);
    }

    /// <summary>Pickles a value into a buffer writer; the bytes are those of <see cref="Dumps"/>.</summary>
    /// <param name="value">A value of the Python value model, or a .NET value the options can map.</param>
    /// <param name="writer">The destination.</param>
    /// <param name="protocol">0 to <see cref="HighestProtocol"/>; negative means the highest. Default <see cref="DefaultProtocol"/>.</param>
    /// <param name="options">Options, or null for <see cref="PicklerOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="PicklingException">A value cannot be pickled.</exception>
    /// <exception cref="PyRecursionException">The value is nested too deeply.</exception>
    public static void Dump(object? value, IBufferWriter<byte> writer, int protocol = DefaultProtocol, PicklerOptions? options = null)
    {
        using var pickler = new Pickler(writer, protocol, options);
        pickler.Dump(value);
    }
}

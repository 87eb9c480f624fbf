using System.Runtime.ExceptionServices;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <summary>
/// Reads pickles (protocols 0–5) into the Python value model, as CPython's <c>pickle.Unpickler</c>
/// (<c>Modules/_pickle.c</c> is the specification: opcodes, error messages and edge cases follow it),
/// except that nothing is ever imported, called or instantiated — see <see cref="Pickle"/> for the
/// safety model and <see cref="UnpicklerOptions"/> for the knobs.
/// </summary>
/// <remarks>
/// <para>
/// An unpickler reads forward over memory or a stream; each <see cref="Load"/> reads one pickle and
/// stops after its <c>STOP</c>, so several pickles written one after another are read by repeated
/// calls. The stack, marks and memo are explicit data structures — no recursion — so any nesting
/// fails cleanly at <see cref="UnpicklerOptions.MaxDepth"/>. A failed <see cref="Load"/> leaves the
/// reader (and a seekable stream) where that pickle began. An unpickler is for one thread at a time.
/// </para>
/// <para>
/// Instances of registered classes (<see cref="PickleRegistry"/>) are converted to their .NET types
/// as they complete — see <see cref="PickleConverter"/> for exactly when. A reference to an instance
/// taken while the instance is still being built (a cycle through its own state) keeps the
/// <see cref="PyObject"/>. Nesting depth is measured as values are built on the stack and through the
/// memo; a graph made deeper afterwards by mutating memoised containers is not re-measured.
/// </para>
/// </remarks>
public sealed partial class Unpickler
{
    private readonly UnpicklerOptions _options;
    private readonly ReadOnlyMemory<byte> _memory;
    private readonly Stream? _stream;
    private readonly Py2Strings _py2;
    private int _memoryPosition;
    private long _bytesConsumed;
    private Exception? _callbackException;

    /// <summary>Creates an unpickler that reads pickles from memory, one per <see cref="Load"/>.</summary>
    /// <param name="data">The pickle bytes (one or more pickles back to back).</param>
    /// <param name="options">How to read; <see cref="UnpicklerOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException"><see cref="UnpicklerOptions.Encoding"/> names no known codec, or a limit is not positive.</exception>
    public Unpickler(ReadOnlyMemory<byte> data, UnpicklerOptions? options = null)
        : this(options)
    {
        _memory = data;
    }

    /// <summary>Creates an unpickler that reads pickles from a stream, one per <see cref="Load"/>.</summary>
    /// <param name="stream">A readable stream; it is not closed. Seekable streams are read ahead and sought back; others are read exactly.</param>
    /// <param name="options">How to read; <see cref="UnpicklerOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException">The stream is not readable, <see cref="UnpicklerOptions.Encoding"/> names no known codec, or a limit is not positive.</exception>
    public Unpickler(Stream stream, UnpicklerOptions? options = null)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        _stream = stream;
    }

    internal Unpickler(UnpicklerOptions? options)
    {
        _options = options ?? UnpicklerOptions.Default;
        ArgumentNullException.ThrowIfNull(_options.Registry, "options.Registry");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxDepth, "options.MaxDepth");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxMemoEntries, "options.MaxMemoEntries");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxAllocationBytes, "options.MaxAllocationBytes");
        _py2 = Py2Strings.For(_options.Encoding);
    }

    /// <summary>The options this unpickler reads with.</summary>
    public UnpicklerOptions Options => _options;

    /// <summary>How many bytes the successful <see cref="Load"/> calls have consumed so far.</summary>
    public long BytesConsumed => _bytesConsumed;

    /// <summary>Reads the next pickle, as CPython's <c>Unpickler.load()</c>.</summary>
    /// <returns>The value, in the Python value model.</returns>
    /// <exception cref="UnpicklingException">
    /// The input is not a valid pickle (<c>Ran out of input</c> when there is none left), or uses
    /// something the options forbid. The reader stays where this pickle began.
    /// </exception>
    public object? Load()
    {
        if (_stream is not null)
        {
            var window = new StreamWindow(_stream);
            var input = new PickleInput(window);
            try
            {
                object? value = Run(ref input);
                _bytesConsumed += input.Offset;
                input.Commit();
                return value;
            }
            catch (UnpicklingException)
            {
                input.Rewind();
                throw;
            }
        }

        ReadOnlySpan<byte> span = _memory.Span[_memoryPosition..];
        object? result = LoadFrom(span, out int consumed, _memoryPosition);
        _memoryPosition += consumed;
        _bytesConsumed += consumed;
        return result;
    }

    internal object? LoadFrom(ReadOnlySpan<byte> data, out int consumed, long baseOffset = 0)
    {
        var input = new PickleInput(data, baseOffset);
        object? value = Run(ref input);
        consumed = input.SpanPosition;
        return value;
    }

    /// <summary>Runs the machine over one pickle, turning every failure into <see cref="UnpicklingException"/>.</summary>
    private object? Run(ref PickleInput input)
    {
        long opcodeOffset = input.Offset;
        try
        {
            return Execute(ref input, ref opcodeOffset);
        }
        catch (UnpicklingException e) when (e.Position < 0)
        {
            e.Position = opcodeOffset;
            throw;
        }
        catch (Exception e) when (e is not UnpicklingException && !ReferenceEquals(e, _callbackException)
            && e is not (OutOfMemoryException or InsufficientExecutionStackException))
        {
            throw new UnpicklingException(MessageOf(e), e) { Position = opcodeOffset };
        }
        finally
        {
            _callbackException = null;
            Reset();
        }
    }

    /// <summary>Messages of the .NET exceptions model code raises, in CPython's words.</summary>
    private static string MessageOf(Exception e) => e switch
    {
        PyStdException p => p.Message,
        System.Text.DecoderFallbackException d => d.Message,
        OverflowException => "value too large",
        _ => e.Message,
    };

    /// <summary>Calls user code (persistent_load); its exceptions pass through unchanged.</summary>
    private object? CallUser(Func<object?, object?> callback, object? argument)
    {
        try
        {
            return callback(argument);
        }
        catch (Exception e)
        {
            _callbackException = e;
            ExceptionDispatchInfo.Capture(e).Throw();
            throw;
        }
    }
}

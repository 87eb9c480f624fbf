namespace PyStd.Pickle;

/// <summary>
/// Python's <c>pickle</c> module: every protocol (0–5) in both directions, byte-compatible with
/// CPython, and safe by default.
/// </summary>
/// <remarks>
/// <para>
/// <b>Loading</b> — <see cref="Loads(ReadOnlySpan{byte}, UnpicklerOptions?)"/> and
/// <see cref="Load(Stream, UnpicklerOptions?)"/> read one pickle into the Python value model
/// (<c>None</c> → <c>null</c>, <c>int</c> → <see cref="long"/>/<see cref="System.Numerics.BigInteger"/>,
/// <c>str</c> → <see cref="string"/>, <c>tuple</c> → <see cref="Objects.PyTuple"/>, <c>list</c> →
/// <c>List&lt;object?&gt;</c>, <c>dict</c> → <see cref="Objects.PyDict"/> …; see ARCHITECTURE.md):
/// </para>
/// <code>
/// object? value = Pickle.Loads(File.ReadAllBytes("data.pkl"));
/// // {'id': 1, 'tags': ['a', 'bb']} → PyDict { ["id"] = 1L, ["tags"] = List { "a", "bb" } }
/// </code>
/// <para>
/// The standard classes map to .NET types through <see cref="PickleRegistry"/>: <c>datetime</c>
/// → <see cref="DateTime"/>/<see cref="DateTimeOffset"/>/<see cref="DateOnly"/>/<see cref="TimeOnly"/>/
/// <see cref="TimeSpan"/>, <c>decimal.Decimal</c> → <see cref="Objects.PyDecimal"/>, <c>uuid.UUID</c> →
/// <see cref="Guid"/>, <c>collections.OrderedDict</c>/<c>defaultdict</c>/<c>Counter</c>/<c>deque</c> →
/// <see cref="Objects.PyOrderedDict"/>/<see cref="Objects.PyDefaultDict"/>/<see cref="Objects.PyCounter"/>/
/// <see cref="Objects.PyDeque"/> (the whole table is in <c>docs/pickle.md</c>). An instance of any other
/// class becomes an <see cref="Objects.PyObject"/> — its class name, constructor arguments, state and
/// items — that pickles back to the same bytes.
/// </para>
/// <para>
/// <b>Safety.</b> CPython's <c>pickle.loads</c> imports modules and calls whatever a pickle names, so
/// a pickle from an untrusted source can run any code. Loading here never imports, calls, or
/// instantiates anything: globals are names (<see cref="Objects.PyGlobal"/>), instances are data.
/// On top of that, pickles naming dangerous callables (<c>os.system</c>, <c>subprocess.Popen</c>,
/// <c>builtins.eval</c> …) are refused outright, <see cref="UnknownGlobals.Reject"/> refuses every
/// class not in the registry's allowlist, and limits on nesting, memo size and allocation
/// (<see cref="UnpicklerOptions"/>) keep hostile input from exhausting the stack or memory. Every
/// problem with the input is an <see cref="UnpicklingException"/>:
/// </para>
/// <code>
/// var strict = UnpicklerOptions.Default with { UnknownGlobals = UnknownGlobals.Reject };
/// object? value = Pickle.Loads(bytes, strict); // UnpicklingException: global 'app.User' is forbidden
/// </code>
/// <para>
/// <b>Python 2 pickles</b> load as CPython 3 loads them: <see cref="UnpicklerOptions.FixImports"/>
/// maps <c>__builtin__</c>, <c>copy_reg</c> … to their Python 3 names, and
/// <see cref="UnpicklerOptions.Encoding"/> says how Python 2 <c>str</c> decodes (<c>"ASCII"</c> by
/// default; <c>"latin1"</c> for NumPy arrays and <c>datetime</c>s; <c>"bytes"</c> to keep bytes).
/// </para>
/// <para>
/// <b>Streams</b> may hold several pickles one after another, as repeated <c>pickle.dump</c> calls
/// write them; an <see cref="Unpickler"/> over the stream reads them one <see cref="Unpickler.Load"/>
/// at a time, leaving the stream just after each pickle's <c>STOP</c>.
/// </para>
/// </remarks>
public static partial class Pickle
{
    /// <summary>The protocol <c>Dumps</c> writes when none is given: 4, as CPython 3.8+'s <c>pickle.DEFAULT_PROTOCOL</c>.</summary>
    public const int DefaultProtocol = 4;

    /// <summary>The newest protocol: 5 (PEP 574, out-of-band buffers), as CPython's <c>pickle.HIGHEST_PROTOCOL</c>.</summary>
    public const int HighestProtocol = 5;
}

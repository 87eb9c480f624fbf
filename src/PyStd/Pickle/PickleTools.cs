using System.Globalization;
using System.Text;

namespace PyStd.Pickle;

/// <summary>
/// Python's <c>pickletools</c>: a symbolic disassembler (<see cref="Dis(ReadOnlySpan{byte}, TextWriter, int, int)"/>,
/// the text of <c>python -m pickletools FILE</c>), an optimizer (<see cref="Optimize"/>) and an opcode
/// iterator (<see cref="GenOps"/>). They read the opcode stream only — nothing is loaded, so they work
/// on any pickle, including ones naming classes that do not exist here.
/// </summary>
/// <remarks>
/// <para>
/// The output is CPython's, character for character: offsets, the opcode byte as
/// <c>repr()</c> shows it (<c>\x80</c>), names indented by <c>MARK</c> depth, each argument's
/// <c>repr()</c>, <c>(MARK at N)</c> and <c>(as N)</c> notes, and the closing
/// <c>highest protocol among opcodes = N</c> line:
/// </para>
/// <code>
/// Console.Write(PickleTools.Dis(Pickle.Dumps(new List&lt;object?&gt; { 1L, "a" }, protocol: 2)));
/// //     0: \x80 PROTO      2
/// //     2: ]    EMPTY_LIST
/// //     3: q    BINPUT     0
/// //     5: (    MARK
/// //     6: K        BININT1    1
/// //     8: X        BINUNICODE 'a'
/// //    14: q        BINPUT     1
/// //    16: e        APPENDS    (MARK at 5)
/// //    17: .    STOP
/// // highest protocol among opcodes = 2
/// </code>
/// <para>
/// The disassembler checks what <c>pickletools.dis</c> checks (every argument decodes, pops find
/// enough items, a <c>MARK</c> exists where one is needed, memo keys are stored once and before use,
/// the stack ends empty) and fails the same way: the lines before the problem are written, then a
/// <see cref="PyValueException"/> carries pickletools' <c>ValueError</c> text (<c>memo key 3 has never
/// been stored into</c>, <c>pickle exhausted before seeing STOP</c> …; a bad UTF-8 or escape in an
/// argument is Python's <c>UnicodeDecodeError</c> text, which is a <c>ValueError</c> too).
/// </para>
/// <para>
/// Follows CPython 3.11's <c>Lib/pickletools.py</c> (the python3 the differential tests run),
/// including its Python-level parsing of text arguments: <c>int()</c> with its 4300-digit limit, <c>float()</c>, <c>codecs.escape_decode</c>,
/// <c>raw-unicode-escape</c> and UTF-8 with <c>surrogatepass</c>.
/// </para>
/// </remarks>
public static partial class PickleTools
{
    /// <summary>
    /// Writes a symbolic disassembly of the pickle at the start of <paramref name="pickle"/> (through its
    /// first <c>STOP</c>) to <paramref name="output"/>, exactly as CPython's
    /// <c>pickletools.dis(pickle, out, indentlevel=indentLevel, annotate=annotate)</c> prints it.
    /// </summary>
    /// <param name="pickle">The pickle; bytes after the first <c>STOP</c> are ignored.</param>
    /// <param name="output">Where the lines go; each ends with <c>\n</c> whatever the platform.</param>
    /// <param name="indentLevel">Blanks per open <c>MARK</c>; default 4, as pickletools.</param>
    /// <param name="annotate">
    /// 0 for none (the default); otherwise a column hint for a short description of each opcode after
    /// its line, as pickletools' <c>annotate</c>. <c>python -m pickletools -a</c> uses 30.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="PyValueException">
    /// The pickle is malformed (pickletools' <c>ValueError</c>, with its message). The lines before the
    /// offending opcode — and that opcode's line when the problem is found after decoding it — have
    /// been written.
    /// </exception>
    /// <exception cref="PyIndexException">
    /// A mark-consuming opcode finds the stack emptied by earlier opcodes that popped the <c>MARK</c>
    /// as an ordinary item (pickletools' <c>IndexError: list index out of range</c>).
    /// </exception>
    public static void Dis(ReadOnlySpan<byte> pickle, TextWriter output, int indentLevel = 4, int annotate = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        Disassemble(pickle, output, indentLevel, annotate);
    }

    /// <summary>
    /// Returns the symbolic disassembly of the pickle at the start of <paramref name="pickle"/>, the
    /// text <c>pickletools.dis</c> prints (lines end with <c>\n</c>).
    /// </summary>
    /// <param name="pickle">The pickle; bytes after the first <c>STOP</c> are ignored.</param>
    /// <param name="indentLevel">Blanks per open <c>MARK</c>; default 4.</param>
    /// <param name="annotate">0 for none, else the annotation column hint (<c>python -m pickletools -a</c> uses 30).</param>
    /// <returns>The disassembly.</returns>
    /// <exception cref="PyValueException">The pickle is malformed (pickletools' <c>ValueError</c> text); no text is returned.</exception>
    /// <exception cref="PyIndexException">pickletools' <c>IndexError</c> (see <see cref="Dis(ReadOnlySpan{byte}, TextWriter, int, int)"/>).</exception>
    public static string Dis(ReadOnlySpan<byte> pickle, int indentLevel = 4, int annotate = 0)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Disassemble(pickle, writer, indentLevel, annotate);
        return writer.ToString();
    }

    /// <summary>
    /// Returns the pickle with every <c>PUT</c>/<c>BINPUT</c>/<c>LONG_BINPUT</c>/<c>MEMOIZE</c> that no
    /// <c>GET</c> uses removed, the rest renumbered from 0, and protocol 4+ pickles re-framed — the bytes
    /// of CPython's <c>pickletools.optimize(pickle)</c>.
    /// </summary>
    /// <param name="pickle">The pickle; bytes after its first <c>STOP</c> are dropped.</param>
    /// <returns>The optimized pickle; it loads to the same value (shared references are kept).</returns>
    /// <exception cref="PyValueException">
    /// The pickle is malformed (pickletools' <c>ValueError</c> text), or its <c>PROTO</c> is above 5
    /// (<c>pickle protocol must be &lt;= 5</c>).
    /// </exception>
    /// <exception cref="PyTypeException">
    /// A <c>BINGET</c>/<c>LONG_BINGET</c> precedes every <c>PUT</c> of its key (pickletools'
    /// <c>TypeError</c> from comparing <c>None</c>); protocol 0 writes <c>gNone</c> there, as CPython.
    /// </exception>
    public static byte[] Optimize(ReadOnlySpan<byte> pickle) => OptimizeCore(pickle);

    /// <summary>
    /// The opcodes of the pickle at the start of <paramref name="pickle"/>, through its first <c>STOP</c>,
    /// as CPython's <c>pickletools.genops</c> yields them.
    /// </summary>
    /// <param name="pickle">The pickle.</param>
    /// <returns>One <see cref="PickleInstruction"/> per opcode, in order.</returns>
    /// <exception cref="PyValueException">An opcode is unknown, an argument does not decode, or the data ends before <c>STOP</c>.</exception>
    public static IReadOnlyList<PickleInstruction> GenOps(ReadOnlySpan<byte> pickle)
    {
        var result = new List<PickleInstruction>();
        var reader = new OpReader(pickle, materialize: true);
        while (true)
        {
            int position = reader.Position;
            OpInfo op = reader.Next(out object? arg);
            if (arg is SplitSurrogateString split)
            {
                arg = split.Value;
            }

            result.Add(new PickleInstruction(op.Name, op.Code, arg, position, reader.Position - position, op.Proto));
            if (op.Code == Opcodes.Stop)
            {
                return result;
            }
        }
    }

    /// <summary>Appends <paramref name="count"/> blanks (none when negative, as Python's <c>' ' * n</c>).</summary>
    private static void AppendBlanks(StringBuilder sb, int count)
    {
        if (count > 0)
        {
            sb.Append(' ', count);
        }
    }
}

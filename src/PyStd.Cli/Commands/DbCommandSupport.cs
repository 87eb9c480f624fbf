using System.CommandLine;
using System.Text;
using Microsoft.Win32.SafeHandles;
using PyStd.Dbm;
using PyStd.Objects;
using Spectre.Console;

namespace PyStd.Cli.Commands;

/// <summary>What <c>pystd db</c> and <c>pystd shelve</c> share: literal arguments, <c>--type</c>, streams, progress.</summary>
internal static class DbCommandSupport
{
    /// <summary>Records or bytes below which no progress bar is worth drawing.</summary>
    private const long ProgressThreshold = 20_000;

    /// <summary>A key or value argument: a Python literal of <c>str</c> (stored as UTF-8) or <c>bytes</c>.</summary>
    public static byte[] ParseBytes(string literal, string what)
    {
        object? value = PyLiteral.Parse(literal);
        return value switch
        {
            byte[] bytes => bytes,
            string text => Encoding.UTF8.GetBytes(text),
            PyByteArray array => array.ToArray(),
            // dbm.dumb's wording: "keys must be bytes or strings".
            _ => throw new PyTypeException($"{what}s must be bytes or strings, not {PyTypeName.Of(value)} (write a str or bytes literal, e.g. \"'name'\" or \"b'\\x00'\")"),
        };
    }

    /// <summary><c>--type</c>: the format of a database a command creates, <c>sqlite3</c> or <c>dumb</c>.</summary>
    public static Option<string> TypeOption(string description) => new Option<string>("--type")
    {
        Description = description,
    }.AcceptOnlyFromAmong("sqlite3", "dumb");

    /// <summary>The backend a <see cref="TypeOption"/> value names; <c>sqlite3</c> (CPython's default) when absent.</summary>
    public static DbmBackend Backend(string? type) => type == "dumb" ? DbmBackend.Dumb : DbmBackend.Sqlite3;

    /// <summary>A shelf key argument: a Python literal of <c>str</c>.</summary>
    public static string ParseShelfKey(string literal)
    {
        object? value = PyLiteral.Parse(literal);
        return value as string
            ?? throw new PyTypeException($"shelf keys must be str, not {PyTypeName.Of(value)} (write a str literal, e.g. \"'name'\")");
    }

    /// <summary>
    /// Where text output goes as bytes: the console's standard output when the invocation writes to
    /// the console, else a stream over the invocation's writer (tests, hosts).
    /// </summary>
    public static Stream OpenOutput(ParseResult parse)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        if (ReferenceEquals(output, Console.Out))
        {
            Console.Out.Flush();
            return Console.OpenStandardOutput();
        }

        return new TextWriterStream(output);
    }

    /// <summary>
    /// The console's standard input; a seekable <see cref="FileStream"/> when it is redirected from a
    /// regular file (<c>pystd db load new &lt; old.dump</c>), so progress can be measured against its length.
    /// </summary>
    public static Stream OpenStandardInput()
    {
        if (Console.IsInputRedirected && !IsPipe(0))
        {
            var stdin = new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, 1);
            if (stdin.CanSeek)
            {
                return stdin;
            }

            stdin.Dispose();
        }

        return Console.OpenStandardInput();
    }

    /// <summary>True when the console's stream with this descriptor is a pipe or socket (not a file or terminal).</summary>
    public static bool IsPipe(int descriptor)
    {
        try
        {
            string? target = new FileInfo($"/proc/self/fd/{descriptor}").LinkTarget;
            return target is not null && (target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("socket:", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether to draw a progress bar: only for the real console, when standard error is a terminal and
    /// the data side is not a pipe (so <c>pystd db dump old | pystd db load new</c> stays quiet).
    /// </summary>
    public static bool ShowProgress(ParseResult parse, bool dataIsPipe, long total) =>
        ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out)
        && !Console.IsErrorRedirected
        && !dataIsPipe
        && total >= ProgressThreshold
        && Environment.GetEnvironmentVariable("PYSTD_NO_PROGRESS") is null;

    /// <summary>Runs <paramref name="work"/>, drawing a progress bar on standard error when <paramref name="show"/>.</summary>
    /// <param name="show">Whether to draw it.</param>
    /// <param name="description">The bar's label.</param>
    /// <param name="total">The value at 100%.</param>
    /// <param name="work">The work; it reports the current value through the callback it is given.</param>
    /// <returns>What the work returns.</returns>
    public static T WithProgress<T>(bool show, string description, long total, Func<Action<long>, T> work)
    {
        if (!show)
        {
            return work(static _ => { });
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                result = work(value => task.Value = Math.Min(value, total));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Bytes written as Latin-1 characters to a <see cref="TextWriter"/> (dumps are ASCII).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => writer.Write(Encoding.Latin1.GetString(buffer));

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

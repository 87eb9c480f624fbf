using System.Text;

namespace PyStd.Subprocess;

/// <summary>
/// How <see cref="Popen"/> starts a child: Python's <c>Popen</c> keyword arguments as an immutable
/// record. Start from <see cref="Default"/> or <c>new()</c> and set what differs.
/// </summary>
public record PopenOptions
{
    /// <summary>Everything inherited, close_fds on, binary mode.</summary>
    public static PopenOptions Default { get; } = new();

    /// <summary>The child's standard input (Python's <c>stdin</c>); <see cref="Redirect.Inherit"/> by default.</summary>
    public Redirect Stdin { get; init; } = Redirect.Inherit;

    /// <summary>The child's standard output (Python's <c>stdout</c>).</summary>
    public Redirect Stdout { get; init; } = Redirect.Inherit;

    /// <summary>The child's standard error (Python's <c>stderr</c>); <see cref="Redirect.Stdout"/> merges it into standard output.</summary>
    public Redirect Stderr { get; init; } = Redirect.Inherit;

    /// <summary>The child's working directory (Python's <c>cwd</c>); a relative program path is resolved from there.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// The child's whole environment (Python's <c>env</c>); <see langword="null"/> passes this process's
    /// (including changes made with <see cref="System.Environment.SetEnvironmentVariable(string, string?)"/>).
    /// A program name is searched in this environment's <c>PATH</c> (<c>/bin:/usr/bin</c> when it has none).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Run the command through <c>/bin/sh -c</c> (Python's <c>shell=True</c>); further list items become <c>$0</c>, <c>$1</c> ….</summary>
    public bool Shell { get; init; }

    /// <summary>The program to run instead of the first argument, which still becomes <c>argv[0]</c> (Python's <c>executable</c>); with <see cref="Shell"/>, the shell.</summary>
    public string? Executable { get; init; }

    /// <summary>Start the child in a new session with <c>setsid()</c> (Python's <c>start_new_session</c>); it also leads a new process group.</summary>
    public bool StartNewSession { get; init; }

    /// <summary>Put the child in a process group (Python's <c>process_group</c>): 0 makes a new group led by the child; <see langword="null"/> leaves it in ours.</summary>
    public int? ProcessGroup { get; init; }

    /// <summary>Close every descriptor ≥ 3 in the child except <see cref="PassFds"/> (Python's <c>close_fds</c>, on by default).</summary>
    public bool CloseFds { get; init; } = true;

    /// <summary>Descriptors the child inherits under the same numbers (Python's <c>pass_fds</c>); implies <see cref="CloseFds"/>.</summary>
    public IReadOnlyList<int> PassFds { get; init; } = [];

    /// <summary>Text mode (Python's <c>text</c>/<c>universal_newlines</c>): input is encoded and output decoded with <see cref="Encoding"/>, and <c>\r\n</c> and <c>\r</c> become <c>\n</c>.</summary>
    public bool Text { get; init; }

    /// <summary>The text encoding (Python's <c>encoding</c>; UTF-8 when <see langword="null"/>); setting it implies text mode.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Python's codec error handler for text mode: <c>strict</c> (default), <c>replace</c>, <c>ignore</c>, <c>surrogateescape</c>, <c>backslashreplace</c>; setting it implies text mode.</summary>
    public string? Errors { get; init; }

    /// <summary>The capacity of the pipes created for <see cref="Redirect.Pipe"/> in bytes (Python's <c>pipesize</c>; -1 keeps the system's 64 KiB).</summary>
    public int PipeSize { get; init; } = -1;

    /// <summary>Whether output is decoded into text (<see cref="Text"/>, <see cref="Encoding"/> or <see cref="Errors"/> set).</summary>
    public bool IsTextMode => Text || Encoding is not null || Errors is not null;
}

namespace PyStd.Subprocess;

/// <summary>
/// Options of <see cref="Subprocess.Run(IReadOnlyList{string}, RunOptions?)"/> and its relatives:
/// everything <see cref="PopenOptions"/> has, plus Python's <c>input</c>, <c>capture_output</c>,
/// <c>timeout</c> and <c>check</c>.
/// </summary>
public record RunOptions : PopenOptions
{
    /// <summary>No input, nothing captured, no timeout, no check.</summary>
    public static new RunOptions Default { get; } = new();

    /// <summary>Bytes for the child's standard input (Python's <c>input</c>); implies <c>Stdin = Redirect.Pipe</c>.</summary>
    public ReadOnlyMemory<byte>? Input { get; init; }

    /// <summary>Text for the child's standard input, encoded with <see cref="PopenOptions.Encoding"/>; implies <c>Stdin = Redirect.Pipe</c>.</summary>
    public string? InputText { get; init; }

    /// <summary>Capture standard output and error (Python's <c>capture_output</c>): both become <see cref="Redirect.Pipe"/>.</summary>
    public bool CaptureOutput { get; init; }

    /// <summary>
    /// Kill the child when it runs longer (Python's <c>timeout</c>) and throw
    /// <see cref="TimeoutExpiredException"/> with what was read so far. With
    /// <see cref="PopenOptions.StartNewSession"/> or <c>ProcessGroup = 0</c> the whole process group is killed.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Throw <see cref="CalledProcessException"/> for a non-zero return code (Python's <c>check</c>).</summary>
    public bool Check { get; init; }
}

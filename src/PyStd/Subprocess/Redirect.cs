using Microsoft.Win32.SafeHandles;

namespace PyStd.Subprocess;

/// <summary>
/// Where a child's standard input, output or error goes: Python's <c>subprocess.PIPE</c>,
/// <c>DEVNULL</c>, <c>STDOUT</c>, <c>None</c> (inherit), a file object or a descriptor number.
/// </summary>
/// <example>
/// <code>
/// var options = new PopenOptions { Stdout = Redirect.Pipe, Stderr = Redirect.Stdout };
/// </code>
/// </example>
public sealed class Redirect
{
    private Redirect(RedirectKind kind, int descriptor = -1, SafeFileHandle? handle = null, Stream? stream = null, string? path = null, bool append = false)
    {
        Kind = kind;
        Descriptor = descriptor;
        Handle = handle;
        Stream = stream;
        Path = path;
        Append = append;
    }

    /// <summary>The child shares this process's stream (Python's <c>None</c>, the default).</summary>
    public static Redirect Inherit { get; } = new(RedirectKind.Inherit);

    /// <summary>A new pipe; the parent's end is <see cref="Popen.Stdin"/>/<see cref="Popen.Stdout"/>/<see cref="Popen.Stderr"/> (Python's <c>PIPE</c>).</summary>
    public static Redirect Pipe { get; } = new(RedirectKind.Pipe);

    /// <summary><c>/dev/null</c> (Python's <c>DEVNULL</c>).</summary>
    public static Redirect DevNull { get; } = new(RedirectKind.DevNull);

    /// <summary>For standard error only: the same descriptor as standard output, so the child's order is kept exactly (Python's <c>STDOUT</c>).</summary>
    public static Redirect Stdout { get; } = new(RedirectKind.Stdout);

    internal RedirectKind Kind { get; }

    internal int Descriptor { get; }

    internal SafeFileHandle? Handle { get; }

    internal Stream? Stream { get; }

    internal string? Path { get; }

    internal bool Append { get; }

    /// <summary>An open descriptor of this process, which the child gets a copy of (the parent's stays open).</summary>
    /// <param name="descriptor">The descriptor number, e.g. 2 to send the child's output to our standard error.</param>
    /// <returns>The redirection.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="descriptor"/> is negative.</exception>
    public static Redirect FromDescriptor(int descriptor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(descriptor);
        return new(RedirectKind.Descriptor, descriptor);
    }

    /// <summary>An open file, pipe or socket handle, which the child gets a copy of.</summary>
    /// <param name="handle">The handle; it stays open and owned by the caller.</param>
    /// <returns>The redirection.</returns>
    public static Redirect FromHandle(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return new(RedirectKind.Handle, handle: handle);
    }

    /// <summary>
    /// A stream backed by a descriptor (a <see cref="FileStream"/>, or the stream of another
    /// <see cref="Popen"/>, as in a shell pipeline). It is flushed before the child starts. Python's
    /// file objects need a <c>fileno()</c> the same way; other streams are refused.
    /// </summary>
    /// <param name="stream">The stream; it stays open and owned by the caller.</param>
    /// <returns>The redirection.</returns>
    /// <exception cref="ArgumentException">The stream has no descriptor.</exception>
    public static Redirect FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is not FileStream)
        {
            throw new ArgumentException($"A {stream.GetType().Name} has no file descriptor (fileno); use Redirect.Pipe and copy it, or pass a FileStream.", nameof(stream));
        }

        return new(RedirectKind.Stream, stream: stream);
    }

    /// <summary>
    /// A file opened for the child: read for standard input; for output created and truncated
    /// (or appended to). The parent's copy is closed once the child has started.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="append">Append to the file instead of truncating it.</param>
    /// <returns>The redirection.</returns>
    public static Redirect File(string path, bool append = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(RedirectKind.File, path: path, append: append);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RedirectKind.Descriptor => $"Redirect.FromDescriptor({Descriptor})",
        RedirectKind.File => $"Redirect.File({Path})",
        _ => "Redirect." + Kind,
    };
}

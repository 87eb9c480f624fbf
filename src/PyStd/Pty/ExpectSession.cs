using System.Text;
using System.Text.RegularExpressions;

namespace PyStd.Pty;

/// <summary>
/// pexpect's <c>spawn</c>: drive an interactive program by waiting for what it prints and typing
/// answers. <see cref="Expect(ReadOnlySpan{ExpectPattern})"/> reads until one of its patterns
/// matches and returns that pattern's index; <see cref="Before"/> is the text before the match,
/// <see cref="After"/> the matched text, <see cref="Match"/> the regex match.
/// </summary>
/// <remarks>
/// <code>
/// using var child = ExpectSession.Spawn(["python3", "-c", "import getpass; print(len(getpass.getpass()))"]);
/// child.Expect("Password: ");
/// child.SendLine("s3cret");                 // getpass turned the echo off: nothing comes back
/// child.Expect(ExpectPattern.Eof);
/// Console.WriteLine(child.Before.Trim());   // 6
/// </code>
/// <para>As in pexpect: string patterns are regexes for <c>Expect</c> (compiled with
/// <see cref="RegexOptions.Singleline"/>, pexpect's <c>re.DOTALL</c>) and literals for
/// <see cref="ExpectExact(ReadOnlySpan{ExpectPattern})"/>; the earliest match in the text wins,
/// and at equal positions the earlier pattern; end of output raises <see cref="PtyEofException"/>
/// and the timeout (<see cref="Timeout"/>, 30 s) <see cref="PtyTimeoutException"/>, unless
/// <see cref="ExpectPattern.Eof"/>/<see cref="ExpectPattern.Timeout"/> is in the list, whose index
/// is then returned. Patterns are .NET regexes, not Python's <c>re</c> (the common syntax is the
/// same). A terminal turns the child's <c>\n</c> into <c>\r\n</c> and echoes what is sent.</para>
/// <para>The session is for one thread at a time.</para>
/// </remarks>
public sealed partial class ExpectSession : IDisposable
{
    private readonly IExpectTransport _transport;
    private readonly Decoder _decoder;
    private readonly Dictionary<(string, bool), Regex> _regexCache = [];
    private byte[] _readBuffer = [];
    private char[] _chars = new char[256];
    private int _length;
    private TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private int? _searchWindowSize;
    private int _maxRead = 2000;
    private TimeSpan _delayBeforeSend = TimeSpan.FromMilliseconds(50);
    private bool _disposed;

    /// <summary>Drives a process already running on a pseudo-terminal.</summary>
    /// <param name="process">The process.</param>
    /// <param name="ownsProcess">Whether disposing the session disposes (hangs up and reaps) the process.</param>
    public ExpectSession(PtyProcess process, bool ownsProcess = true)
    {
        ArgumentNullException.ThrowIfNull(process);
        Process = process;
        Encoding = process.Encoding;
        _transport = new PtyTransport(process, ownsProcess);
        _decoder = Encoding.GetDecoder();
    }

    /// <summary>
    /// Drives whatever is behind a stream (pexpect's <c>fdspawn</c>): a socket, a pipe pair, a
    /// terminal's stream. Reads come from <paramref name="reader"/>, sends go to
    /// <paramref name="writer"/> (the same stream when <see langword="null"/>).
    /// </summary>
    /// <param name="reader">Where the output to match comes from.</param>
    /// <param name="writer">Where sends go, or <see langword="null"/> for <paramref name="reader"/>.</param>
    /// <param name="encoding">The text encoding (UTF-8, invalid bytes as U+FFFD, when <see langword="null"/>).</param>
    /// <param name="ownsStreams">Whether disposing the session disposes the streams.</param>
    public ExpectSession(Stream reader, Stream? writer = null, Encoding? encoding = null, bool ownsStreams = true)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(reader));
        }

        Encoding = encoding ?? PtyMaster.DefaultEncoding;
        _transport = new StreamTransport(reader, writer ?? reader, ownsStreams);
        _decoder = Encoding.GetDecoder();
    }

    /// <summary>Spawns <paramref name="args"/> on a new pseudo-terminal (<see cref="Pty.Spawn"/>) and drives it.</summary>
    /// <param name="args">The program (looked up on <c>PATH</c>) and its arguments.</param>
    /// <param name="rows">The terminal's rows.</param>
    /// <param name="columns">The terminal's columns.</param>
    /// <param name="env">The child's whole environment, or <see langword="null"/> to inherit; <c>TERM</c> defaults to <see cref="Pty.DefaultTerm"/>.</param>
    /// <param name="cwd">The child's working directory.</param>
    /// <param name="encoding">The text encoding (UTF-8 when <see langword="null"/>).</param>
    /// <returns>The session; dispose it to hang up and reap the child.</returns>
    public static ExpectSession Spawn(
        IReadOnlyList<string> args,
        int rows = 24,
        int columns = 80,
        IReadOnlyDictionary<string, string>? env = null,
        string? cwd = null,
        Encoding? encoding = null) =>
        new(Pty.Spawn(args, rows, columns, env, cwd, encoding));

    /// <summary>The child, or <see langword="null"/> for a session over streams.</summary>
    public PtyProcess? Process { get; }

    /// <summary>The encoding of what is read and sent.</summary>
    public Encoding Encoding { get; }

    /// <summary>
    /// The default timeout of <c>Expect</c> calls (pexpect's <c>timeout</c>, 30 s);
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    public TimeSpan Timeout
    {
        get => _timeout;
        set
        {
            CheckTimeout(value);
            _timeout = value;
        }
    }

    /// <summary>
    /// pexpect's <c>searchwindowsize</c>: regex patterns search only the last this many characters
    /// of unmatched text (literal patterns always search only new text). <see langword="null"/>, the
    /// default, searches all of it.
    /// </summary>
    public int? SearchWindowSize
    {
        get => _searchWindowSize;
        set
        {
            if (value is int size)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
            }

            _searchWindowSize = value;
        }
    }

    /// <summary>The most bytes read at once (pexpect's <c>maxread</c>, 2000).</summary>
    public int MaxRead
    {
        get => _maxRead;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxRead = value;
        }
    }

    /// <summary>
    /// The pause before each send (pexpect's <c>delaybeforesend</c>, 50 ms): it gives a program that
    /// just printed a prompt time to switch the terminal's echo off before the answer arrives.
    /// </summary>
    public TimeSpan DelayBeforeSend
    {
        get => _delayBeforeSend;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _delayBeforeSend = value;
        }
    }

    /// <summary>Whether string patterns of <c>Expect</c> ignore case (pexpect's <c>ignorecase</c>).</summary>
    public bool IgnoreCase { get; set; }

    /// <summary>What <see cref="SendLine"/> appends (pexpect's <c>linesep</c>, <c>"\n"</c>; the terminal sends it as Enter).</summary>
    public string LineSeparator { get; set; } = "\n";

    /// <summary>A log of both directions (pexpect's <c>logfile</c>): everything read and everything sent, as text.</summary>
    public TextWriter? LogFile { get; set; }

    /// <summary>A log of what is read (pexpect's <c>logfile_read</c>).</summary>
    public TextWriter? LogFileRead { get; set; }

    /// <summary>A log of what is sent (pexpect's <c>logfile_send</c>).</summary>
    public TextWriter? LogFileSend { get; set; }

    /// <summary>The text before the last match; after end of file or a timeout, all unmatched text.</summary>
    public string Before { get; private set; } = "";

    /// <summary>The text the last pattern matched; <see langword="null"/> after end of file or a timeout.</summary>
    public string? After { get; private set; }

    /// <summary>
    /// The regex match of the last <c>Expect</c> (its groups hold what the pattern captured;
    /// positions are relative to the searched text); <see langword="null"/> for literal patterns,
    /// end of file and timeouts.
    /// </summary>
    public Match? Match { get; private set; }

    /// <summary>The index the last call returned, or <see langword="null"/> when it threw.</summary>
    public int? MatchIndex { get; private set; }

    /// <summary>The text read but not yet consumed by a match.</summary>
    public string Buffer => new(_chars, 0, _length);

    /// <summary>Whether the end of the child's output has been read (pexpect's <c>flag_eof</c>).</summary>
    public bool IsEof { get; private set; }

    /// <summary>The child's process id.</summary>
    /// <exception cref="InvalidOperationException">The session reads a stream.</exception>
    public int Pid => RequireProcess().Pid;

    /// <summary>Whether the child runs; reaps it once it has exited.</summary>
    /// <exception cref="InvalidOperationException">The session reads a stream.</exception>
    public bool IsAlive => RequireProcess().IsAlive;

    /// <summary>The child's exit code once it exited normally (pexpect's <c>exitstatus</c>).</summary>
    public int? ExitStatus => Process?.ExitStatus;

    /// <summary>The signal that ended the child (pexpect's <c>signalstatus</c>).</summary>
    public int? SignalStatus => Process?.SignalStatus;

    /// <summary>The child's return code as CPython's <c>Popen.returncode</c> (negative signal number).</summary>
    public int? ReturnCode => Process?.ReturnCode;

    /// <summary>Waits for the child to exit and reaps it (pexpect's <c>wait</c>; read to end of file first).</summary>
    /// <returns>The return code.</returns>
    /// <exception cref="InvalidOperationException">The session reads a stream.</exception>
    public int Wait() => RequireProcess().Wait();

    /// <summary>Hangs up and ends the child (see <see cref="PtyProcess.Close"/>), or closes the streams.</summary>
    /// <param name="force">Whether to kill a child that survives the polite signals.</param>
    /// <returns>Whether the child has been reaped (always <see langword="true"/> for streams).</returns>
    public bool Close(bool force = true)
    {
        if (Process is not null && !_disposed)
        {
            bool reaped = Process.Close(force);
            if (!reaped)
            {
                return false;
            }
        }

        Dispose();
        return true;
    }

    /// <summary>Ends the session: hangs up and reaps an owned child, disposes owned streams.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _transport.Dispose();
        }
    }

    private PtyProcess RequireProcess() =>
        Process ?? throw new InvalidOperationException("This session reads a stream; it has no child process.");

    private static void CheckTimeout(TimeSpan value)
    {
        if (value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        }
    }

    private Regex Compile(string pattern)
    {
        if (!_regexCache.TryGetValue((pattern, IgnoreCase), out Regex? regex))
        {
            RegexOptions options = RegexOptions.Singleline | RegexOptions.CultureInvariant;
            if (IgnoreCase)
            {
                options |= RegexOptions.IgnoreCase;
            }

            try
            {
                regex = new Regex(pattern, options);
            }
            catch (RegexParseException e)
            {
                throw new ArgumentException($"Invalid pattern {Objects.PyRepr.Repr(pattern)}: {e.Message}", nameof(pattern), e);
            }

            if (_regexCache.Count >= 64)
            {
                _regexCache.Clear();
            }

            _regexCache[(pattern, IgnoreCase)] = regex;
        }

        return regex;
    }
}

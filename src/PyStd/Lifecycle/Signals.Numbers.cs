using PyStd.Native;

namespace PyStd.Lifecycle;

// Signal numbers and names, as CPython's signal module has them on Linux (x86_64 and arm64).
public static partial class Signals
{
    /// <summary><c>SIGHUP</c> = 1: Hangup.</summary>
    public const int SIGHUP = 1;

    /// <summary><c>SIGINT</c> = 2: Interrupt.</summary>
    public const int SIGINT = 2;

    /// <summary><c>SIGQUIT</c> = 3: Quit.</summary>
    public const int SIGQUIT = 3;

    /// <summary><c>SIGILL</c> = 4: Illegal instruction.</summary>
    public const int SIGILL = 4;

    /// <summary><c>SIGTRAP</c> = 5: Trace/breakpoint trap.</summary>
    public const int SIGTRAP = 5;

    /// <summary><c>SIGABRT</c> = 6: Aborted.</summary>
    public const int SIGABRT = 6;

    /// <summary><c>SIGIOT</c> = 6: Aborted (alias of SIGABRT).</summary>
    public const int SIGIOT = 6;

    /// <summary><c>SIGBUS</c> = 7: Bus error.</summary>
    public const int SIGBUS = 7;

    /// <summary><c>SIGFPE</c> = 8: Floating point exception.</summary>
    public const int SIGFPE = 8;

    /// <summary><c>SIGKILL</c> = 9: Killed.</summary>
    public const int SIGKILL = 9;

    /// <summary><c>SIGUSR1</c> = 10: User defined signal 1.</summary>
    public const int SIGUSR1 = 10;

    /// <summary><c>SIGSEGV</c> = 11: Segmentation fault.</summary>
    public const int SIGSEGV = 11;

    /// <summary><c>SIGUSR2</c> = 12: User defined signal 2.</summary>
    public const int SIGUSR2 = 12;

    /// <summary><c>SIGPIPE</c> = 13: Broken pipe.</summary>
    public const int SIGPIPE = 13;

    /// <summary><c>SIGALRM</c> = 14: Alarm clock.</summary>
    public const int SIGALRM = 14;

    /// <summary><c>SIGTERM</c> = 15: Terminated.</summary>
    public const int SIGTERM = 15;

    /// <summary><c>SIGSTKFLT</c> = 16: Stack fault.</summary>
    public const int SIGSTKFLT = 16;

    /// <summary><c>SIGCHLD</c> = 17: Child exited.</summary>
    public const int SIGCHLD = 17;

    /// <summary><c>SIGCLD</c> = 17: Child exited (alias of SIGCHLD).</summary>
    public const int SIGCLD = 17;

    /// <summary><c>SIGCONT</c> = 18: Continued.</summary>
    public const int SIGCONT = 18;

    /// <summary><c>SIGSTOP</c> = 19: Stopped (signal).</summary>
    public const int SIGSTOP = 19;

    /// <summary><c>SIGTSTP</c> = 20: Stopped.</summary>
    public const int SIGTSTP = 20;

    /// <summary><c>SIGTTIN</c> = 21: Stopped (tty input).</summary>
    public const int SIGTTIN = 21;

    /// <summary><c>SIGTTOU</c> = 22: Stopped (tty output).</summary>
    public const int SIGTTOU = 22;

    /// <summary><c>SIGURG</c> = 23: Urgent I/O condition.</summary>
    public const int SIGURG = 23;

    /// <summary><c>SIGXCPU</c> = 24: CPU time limit exceeded.</summary>
    public const int SIGXCPU = 24;

    /// <summary><c>SIGXFSZ</c> = 25: File size limit exceeded.</summary>
    public const int SIGXFSZ = 25;

    /// <summary><c>SIGVTALRM</c> = 26: Virtual timer expired.</summary>
    public const int SIGVTALRM = 26;

    /// <summary><c>SIGPROF</c> = 27: Profiling timer expired.</summary>
    public const int SIGPROF = 27;

    /// <summary><c>SIGWINCH</c> = 28: Window changed.</summary>
    public const int SIGWINCH = 28;

    /// <summary><c>SIGIO</c> = 29: I/O possible.</summary>
    public const int SIGIO = 29;

    /// <summary><c>SIGPOLL</c> = 29: I/O possible (alias of SIGIO).</summary>
    public const int SIGPOLL = 29;

    /// <summary><c>SIGPWR</c> = 30: Power failure.</summary>
    public const int SIGPWR = 30;

    /// <summary><c>SIGSYS</c> = 31: Bad system call.</summary>
    public const int SIGSYS = 31;

    /// <summary><c>SIGRTMIN</c> = 34: Real-time signal 0.</summary>
    public const int SIGRTMIN = 34;

    /// <summary><c>SIGRTMAX</c> = 64: Real-time signal 30.</summary>
    public const int SIGRTMAX = 64;

    /// <summary><c>NSIG</c>: one more than the highest signal number.</summary>
    public const int NSIG = 65;

    // Python's signal.Signals.__members__: canonical names first for each number, then the aliases.
    private static readonly (string Name, int Number)[] s_members =
    [
        ("SIGHUP", 1),
        ("SIGINT", 2),
        ("SIGQUIT", 3),
        ("SIGILL", 4),
        ("SIGTRAP", 5),
        ("SIGABRT", 6),
        ("SIGIOT", 6),
        ("SIGBUS", 7),
        ("SIGFPE", 8),
        ("SIGKILL", 9),
        ("SIGUSR1", 10),
        ("SIGSEGV", 11),
        ("SIGUSR2", 12),
        ("SIGPIPE", 13),
        ("SIGALRM", 14),
        ("SIGTERM", 15),
        ("SIGSTKFLT", 16),
        ("SIGCHLD", 17),
        ("SIGCLD", 17),
        ("SIGCONT", 18),
        ("SIGSTOP", 19),
        ("SIGTSTP", 20),
        ("SIGTTIN", 21),
        ("SIGTTOU", 22),
        ("SIGURG", 23),
        ("SIGXCPU", 24),
        ("SIGXFSZ", 25),
        ("SIGVTALRM", 26),
        ("SIGPROF", 27),
        ("SIGWINCH", 28),
        ("SIGIO", 29),
        ("SIGPOLL", 29),
        ("SIGPWR", 30),
        ("SIGSYS", 31),
        ("SIGRTMIN", 34),
        ("SIGRTMAX", 64),
    ];

    /// <summary>
    /// Python's <c>signal.Signals.__members__</c>: every signal name with its number, aliases
    /// (<c>SIGIOT</c>, <c>SIGCLD</c>, <c>SIGPOLL</c>) included, in CPython's order.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Members { get; } =
        System.Array.ConvertAll(s_members, m => new KeyValuePair<string, int>(m.Name, m.Number));

    /// <summary>
    /// Python's <c>signal.Signals(signum).name</c>: the canonical name of a signal number
    /// (<c>SIGUSR1</c> for 10), or <see langword="null"/> for a number without one (the real-time
    /// signals between <c>SIGRTMIN</c> and <c>SIGRTMAX</c>, 32, 33).
    /// </summary>
    /// <param name="signum">A signal number.</param>
    /// <returns>The name, or <see langword="null"/>.</returns>
    public static string? Name(int signum)
    {
        foreach ((string name, int number) in s_members)
        {
            if (number == signum)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Python's <c>signal.valid_signals()</c>: every signal number this platform accepts, 1–31 and
    /// the real-time range (34–64 on glibc, which keeps 32 and 33 for itself), in ascending order.
    /// </summary>
    /// <returns>The signal numbers.</returns>
    public static IReadOnlySet<int> ValidSignals()
    {
        var set = new SortedSet<int>();
        for (int s = 1; s < 32; s++)
        {
            set.Add(s);
        }

        int rtMax = Math.Min(LibC.CurrentSigRtMax(), NSIG - 1);
        for (int s = LibC.CurrentSigRtMin(); s <= rtMax; s++)
        {
            set.Add(s);
        }

        return set;
    }

    /// <summary>
    /// Python's <c>signal.strsignal(signum)</c>: the system's description of a signal
    /// (<c>User defined signal 1</c>, <c>Real-time signal 1</c>), or <see langword="null"/> when the
    /// system has none (32, 33).
    /// </summary>
    /// <param name="signum">A signal number, 1 … 64.</param>
    /// <returns>The description, or <see langword="null"/>.</returns>
    /// <exception cref="PyValueException"><c>signal number out of range</c>.</exception>
    public static string? Strsignal(int signum)
    {
        CheckRange(signum);
        string text = LibC.StrSignal(signum);
        return text.Contains("Unknown signal", StringComparison.Ordinal) ? null : text;
    }

    private static void CheckRange(int signum)
    {
        if (signum < 1 || signum >= NSIG)
        {
            throw new PyValueException("signal number out of range");
        }
    }
}

namespace PyStd.Subprocess;

/// <summary>
/// The names of Python's <c>signal.Signals</c> members on Linux, for CPython's
/// <c>died with &lt;Signals.SIGKILL: 9&gt;</c> messages. Numbers 32–33 and 35–63 have no member
/// (only <c>SIGRTMIN</c> and <c>SIGRTMAX</c> do), so CPython prints <c>unknown signal N</c> for them.
/// </summary>
internal static class SignalNames
{
    private static readonly string?[] s_names =
    [
        null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    /// <summary>The member name for a signal number, or <see langword="null"/> when Python has none.</summary>
    /// <param name="signal">The signal number.</param>
    /// <returns>For example <c>SIGKILL</c>.</returns>
    public static string? Name(int signal) => signal switch
    {
        > 0 and < 32 => s_names[signal],
        34 => "SIGRTMIN",
        64 => "SIGRTMAX",
        _ => null,
    };
}

using System.Runtime.InteropServices;

namespace PyStd.Native;

/// <summary>
/// Signal dispositions (<c>sigaction</c>), <c>alarm</c>, <c>raise</c>, <c>strsignal</c> and the
/// real-time range. Handlers themselves are never managed code: PyStd installs only
/// <c>SIG_DFL</c>, <c>SIG_IGN</c> or the .NET runtime's own native handler (which forwards to
/// <see cref="System.Runtime.InteropServices.PosixSignalRegistration"/> on a normal thread).
/// </summary>
internal static partial class LibC
{
    /// <summary><c>EINVAL</c>.</summary>
    public const int EINVAL = 22;

    /// <summary><c>NSIG</c> on Linux: signal numbers are 1 … 64.</summary>
    public const int NSIG = 65;

    /// <summary><c>SIG_DFL</c> as a handler value.</summary>
    public const nint SIG_DFL = 0;

    /// <summary><c>SIG_IGN</c> as a handler value.</summary>
    public const nint SIG_IGN = 1;

    /// <summary><c>SA_SIGINFO</c>: the handler is <c>sa_sigaction</c>.</summary>
    public const int SA_SIGINFO = 4;

    /// <summary>glibc's <c>struct sigaction</c> on Linux (x86_64 and arm64: 152 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct SigAction
    {
        /// <summary><c>sa_handler</c>/<c>sa_sigaction</c> (a union).</summary>
        public nint Handler;

        /// <summary><c>sa_mask</c>: glibc's 1024-bit <c>sigset_t</c>.</summary>
        public fixed ulong Mask[16];

        /// <summary><c>sa_flags</c>.</summary>
        public int Flags;

        /// <summary><c>sa_restorer</c>.</summary>
        public nint Restorer;
    }

    [LibraryImport(Lib, EntryPoint = "sigaction", SetLastError = true)]
    public static unsafe partial int SigActionCall(int signum, SigAction* action, SigAction* oldAction);

    [LibraryImport(Lib, EntryPoint = "alarm")]
    public static partial uint Alarm(uint seconds);

    [LibraryImport(Lib, EntryPoint = "raise", SetLastError = true)]
    public static partial int Raise(int signum);

    [LibraryImport(Lib, EntryPoint = "strsignal")]
    private static unsafe partial byte* StrSignalRaw(int signum);

    [LibraryImport(Lib, EntryPoint = "__libc_current_sigrtmin")]
    public static partial int CurrentSigRtMin();

    [LibraryImport(Lib, EntryPoint = "__libc_current_sigrtmax")]
    public static partial int CurrentSigRtMax();

    /// <summary>The text of <c>strsignal(signum)</c>.</summary>
    /// <param name="signum">A signal number.</param>
    /// <returns>glibc's description, e.g. <c>User defined signal 1</c>.</returns>
    public static unsafe string StrSignal(int signum)
        => System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)StrSignalRaw(signum)) ?? $"Unknown signal {signum}";
}

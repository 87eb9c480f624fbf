namespace PyStd.Lifecycle;

/// <summary>
/// A signal handler, called as Python calls one: <c>handler(signum, frame)</c>.
/// </summary>
/// <param name="signum">The signal number that arrived (<see cref="Signals.SIGUSR1"/> …).</param>
/// <param name="frame">
/// Always <see langword="null"/>. CPython passes the main thread's current stack frame (or
/// <c>None</c>); a .NET handler does not interrupt another thread, so there is no frame to give.
/// The parameter keeps the Python shape, so <c>(signum, frame) =&gt; …</c> ports unchanged.
/// </param>
public delegate void SignalHandler(int signum, object? frame);

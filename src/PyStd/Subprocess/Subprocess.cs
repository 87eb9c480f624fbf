namespace PyStd.Subprocess;

/// <summary>
/// Python's <c>subprocess</c> module: run programs, feed them input, capture their output, with
/// timeouts, process groups and CPython's return codes — without the deadlocks of reading one pipe
/// while the child fills the other, and without zombies.
/// </summary>
/// <example>
/// <code>
/// // subprocess.run(["ls", "-l"], capture_output=True, text=True, check=True)
/// CompletedProcess done = Subprocess.Run(["ls", "-l"], new RunOptions { CaptureOutput = true, Text = true, Check = true });
/// Console.Write(done.StdoutText);
///
/// // The FAQ's "popen3" without the deadlock: 100 MB in, 100 MB out and err at once.
/// CompletedProcess both = Subprocess.Run(["filter"], new RunOptions { Input = bigInput, CaptureOutput = true });
///
/// // subprocess.check_output("ls | wc -l", shell=True, text=True)
/// string count = Subprocess.CheckOutputText("ls | wc -l", new RunOptions { Shell = true });
/// </code>
/// </example>
/// <remarks>
/// Return codes follow CPython: the exit status, or minus the signal number when a signal ended the
/// child (-9 after a kill, -15 after terminate). A program that cannot be started throws
/// <see cref="PyOSException"/> with CPython's errno and text (<c>[Errno 2] No such file or directory: 'nope'</c>).
/// See docs/subprocess.md.
/// </remarks>
public static class Subprocess
{
    /// <summary>Runs a program to completion (Python's <c>subprocess.run</c>).</summary>
    /// <param name="args">The program and its arguments (with <see cref="PopenOptions.Shell"/>: the command, then <c>$0</c> …).</param>
    /// <param name="options">Input, capture, timeout, check and the <see cref="PopenOptions"/>; <see langword="null"/> for none.</param>
    /// <returns>The return code and whatever was captured.</returns>
    /// <exception cref="TimeoutExpiredException">The timeout passed; the child (its group, with a new session or group) was killed and reaped.</exception>
    /// <exception cref="CalledProcessException"><see cref="RunOptions.Check"/> is on and the return code is not 0.</exception>
    /// <exception cref="PyOSException">The program or working directory cannot be used.</exception>
    /// <exception cref="ArgumentException">Conflicting options (input with <c>Stdin</c>, <c>CaptureOutput</c> with <c>Stdout</c>/<c>Stderr</c>).</exception>
    public static CompletedProcess Run(IReadOnlyList<string> args, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        options ??= RunOptions.Default;
        PopenOptions popen = Prepare(options, out ReadOnlyMemory<byte> input);
        return RunCore(new Popen(args, popen), options, input);
    }

    /// <summary>
    /// Runs a command given as one string (Python's <c>subprocess.run("...")</c>): a shell command line
    /// with <see cref="PopenOptions.Shell"/>, otherwise a program name run without arguments.
    /// </summary>
    /// <param name="args">The command.</param>
    /// <param name="options">The options.</param>
    /// <returns>The return code and whatever was captured.</returns>
    /// <exception cref="TimeoutExpiredException">The timeout passed; the child was killed and reaped.</exception>
    /// <exception cref="CalledProcessException"><see cref="RunOptions.Check"/> is on and the return code is not 0.</exception>
    /// <exception cref="PyOSException">The program or working directory cannot be used.</exception>
    public static CompletedProcess Run(string args, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        options ??= RunOptions.Default;
        PopenOptions popen = Prepare(options, out ReadOnlyMemory<byte> input);
        return RunCore(new Popen(args, popen), options, input);
    }

    /// <summary>Runs a program and returns its standard output, throwing for a non-zero return code (Python's <c>check_output</c>).</summary>
    /// <param name="args">The program and its arguments.</param>
    /// <param name="options">The options (standard output is always captured).</param>
    /// <returns>Standard output.</returns>
    /// <exception cref="CalledProcessException">The return code is not 0; <see cref="SubprocessException.Output"/> holds the output.</exception>
    public static byte[] CheckOutput(IReadOnlyList<string> args, RunOptions? options = null) =>
        Run(args, ForCheckOutput(options, text: false)).Stdout!;

    /// <summary>Runs a command string and returns its standard output (Python's <c>check_output("...")</c>).</summary>
    /// <param name="args">The command (a shell command line with <see cref="PopenOptions.Shell"/>).</param>
    /// <param name="options">The options.</param>
    /// <returns>Standard output.</returns>
    /// <exception cref="CalledProcessException">The return code is not 0.</exception>
    public static byte[] CheckOutput(string args, RunOptions? options = null) =>
        Run(args, ForCheckOutput(options, text: false)).Stdout!;

    /// <summary>Runs a program and returns its standard output as text with universal newlines (Python's <c>check_output(..., text=True)</c>).</summary>
    /// <param name="args">The program and its arguments.</param>
    /// <param name="options">The options (text mode is always on).</param>
    /// <returns>Standard output as text.</returns>
    /// <exception cref="CalledProcessException">The return code is not 0.</exception>
    public static string CheckOutputText(IReadOnlyList<string> args, RunOptions? options = null) =>
        Run(args, ForCheckOutput(options, text: true)).StdoutText!;

    /// <summary>Runs a command string and returns its standard output as text.</summary>
    /// <param name="args">The command (a shell command line with <see cref="PopenOptions.Shell"/>).</param>
    /// <param name="options">The options (text mode is always on).</param>
    /// <returns>Standard output as text.</returns>
    /// <exception cref="CalledProcessException">The return code is not 0.</exception>
    public static string CheckOutputText(string args, RunOptions? options = null) =>
        Run(args, ForCheckOutput(options, text: true)).StdoutText!;

    /// <summary>Runs a program and returns its return code (Python's <c>call</c>); the child is killed if the wait fails.</summary>
    /// <param name="args">The program and its arguments.</param>
    /// <param name="options">How to start it.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The return code.</returns>
    /// <exception cref="TimeoutExpiredException">The timeout passed; the child was killed and reaped.</exception>
    public static int Call(IReadOnlyList<string> args, PopenOptions? options = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        return CallCore(new Popen(args, options), timeout);
    }

    /// <summary>Runs a command string and returns its return code.</summary>
    /// <param name="args">The command (a shell command line with <see cref="PopenOptions.Shell"/>).</param>
    /// <param name="options">How to start it.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The return code.</returns>
    /// <exception cref="TimeoutExpiredException">The timeout passed; the child was killed and reaped.</exception>
    public static int Call(string args, PopenOptions? options = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        return CallCore(new Popen(args, options), timeout);
    }

    /// <summary>Runs a program and throws unless it returns 0 (Python's <c>check_call</c>).</summary>
    /// <param name="args">The program and its arguments.</param>
    /// <param name="options">How to start it.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <exception cref="CalledProcessException">The return code is not 0.</exception>
    public static void CheckCall(IReadOnlyList<string> args, PopenOptions? options = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        CheckCallCore(new Popen(args, options), timeout);
    }

    /// <summary>Runs a command string and throws unless it returns 0.</summary>
    /// <param name="args">The command (a shell command line with <see cref="PopenOptions.Shell"/>).</param>
    /// <param name="options">How to start it.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <exception cref="CalledProcessException">The return code is not 0.</exception>
    public static void CheckCall(string args, PopenOptions? options = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        CheckCallCore(new Popen(args, options), timeout);
    }

    private static PopenOptions Prepare(RunOptions options, out ReadOnlyMemory<byte> input)
    {
        input = default;
        PopenOptions popen = options;
        if (options.Input is not null || options.InputText is not null)
        {
            if (options.Input is not null && options.InputText is not null)
            {
                throw new ArgumentException("Input and InputText may not both be used.", nameof(options));
            }

            if (options.Stdin.Kind != RedirectKind.Inherit)
            {
                throw new ArgumentException("stdin and input arguments may not both be used.", nameof(options));
            }

            input = options.Input ?? TextCodec.For(options).Encode(options.InputText!);
            popen = popen with { Stdin = Redirect.Pipe };
        }

        if (options.CaptureOutput)
        {
            if (options.Stdout.Kind != RedirectKind.Inherit || options.Stderr.Kind != RedirectKind.Inherit)
            {
                throw new ArgumentException("stdout and stderr arguments may not be used with capture_output.", nameof(options));
            }

            popen = popen with { Stdout = Redirect.Pipe, Stderr = Redirect.Pipe };
        }

        return popen;
    }

    private static CompletedProcess RunCore(Popen process, RunOptions options, ReadOnlyMemory<byte> input)
    {
        using (process)
        {
            byte[]? stdout, stderr;
            try
            {
                (stdout, stderr) = process.Communicate(input, options.Timeout);
            }
            catch (TimeoutExpiredException)
            {
                process.KillForTimeout();
                process.Wait();
                throw;
            }
            catch
            {
                process.Kill(); // Dispose then reaps it
                throw;
            }

            int returnCode = process.Wait();
            bool text = options.IsTextMode;
            TextCodec? codec = text ? TextCodec.For(options) : null;
            var done = new CompletedProcess(process, returnCode, stdout, stderr, codec?.Decode(stdout), codec?.Decode(stderr), text);
            if (options.Check)
            {
                done.CheckReturnCode();
            }

            return done;
        }
    }

    private static RunOptions ForCheckOutput(RunOptions? options, bool text)
    {
        options ??= RunOptions.Default;
        if (options.Stdout.Kind != RedirectKind.Inherit || options.CaptureOutput)
        {
            throw new ArgumentException("stdout argument not allowed, it will be overridden.", nameof(options));
        }

        return options with { Stdout = Redirect.Pipe, Check = true, Text = options.Text || text };
    }

    private static int CallCore(Popen process, TimeSpan? timeout)
    {
        using (process)
        {
            try
            {
                return process.Wait(timeout);
            }
            catch
            {
                process.Kill();
                throw;
            }
        }
    }

    private static void CheckCallCore(Popen process, TimeSpan? timeout)
    {
        int returnCode = CallCore(process, timeout);
        if (returnCode != 0)
        {
            throw new CalledProcessException(returnCode, process.Command);
        }
    }
}

using System.Collections;
using System.Text;
using Microsoft.Win32.SafeHandles;
using PyStd.Native;

namespace PyStd.Pty;

/// <summary>
/// Python's <c>pty</c> module and the spawning half of pexpect: run a program on a new
/// pseudo-terminal that becomes its controlling terminal.
/// </summary>
/// <remarks>
/// <para>Programs behave differently on a terminal: they prompt, line-buffer their output, ask for
/// passwords with the echo off (<c>getpass</c> opens <c>/dev/tty</c>, which only a process with a
/// controlling terminal has), and honour <c>^C</c>. <see cref="Spawn"/> gives the child exactly what
/// <c>pty.fork()</c> gives it: a new session whose controlling terminal is the slave, the slave on
/// descriptors 0, 1 and 2, and the child's group in the terminal's foreground.</para>
/// <para>Drive the child by hand through the returned <see cref="PtyProcess"/>, or with
/// <see cref="ExpectSession"/> (pexpect's <c>expect</c>/<c>sendline</c> model):</para>
/// <code>
/// using var child = ExpectSession.Spawn(["python3", "-q", "-i"]);
/// child.Expect(">>> ");
/// child.SendLine("6 * 7");
/// child.Expect(">>> ");
/// Console.WriteLine(child.Before);   // "6 * 7\r\n42\r\n"
/// </code>
/// </remarks>
public static class Pty
{
    /// <summary>
    /// The <c>TERM</c> a child gets when its environment has none: <c>dumb</c>, so line editors
    /// (readline, CPython 3.13's REPL) stay in their plain mode and output carries no escape
    /// sequences for a script to trip over. Pass <c>TERM</c> in the environment to change it.
    /// </summary>
    public const string DefaultTerm = "dumb";

    /// <summary>
    /// Runs <paramref name="args"/> on a new pseudo-terminal of <paramref name="rows"/> ×
    /// <paramref name="columns"/> that is the child's controlling terminal.
    /// </summary>
    /// <param name="args">The program (looked up on <c>PATH</c> unless it contains a <c>/</c>) and its arguments.</param>
    /// <param name="rows">The terminal's rows (pexpect's default is 24).</param>
    /// <param name="columns">The terminal's columns (pexpect's default is 80).</param>
    /// <param name="env">The child's whole environment, or <see langword="null"/> to inherit this process's; <c>TERM</c> is added as <see cref="DefaultTerm"/> when missing.</param>
    /// <param name="cwd">The child's working directory, or <see langword="null"/> for this process's.</param>
    /// <param name="encoding">The encoding of the text methods (UTF-8, invalid bytes decoded as U+FFFD, when <see langword="null"/>).</param>
    /// <returns>The running child; dispose it to hang up and reap it.</returns>
    /// <exception cref="ArgumentException"><paramref name="args"/> is empty or holds a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is outside 1 to 65535.</exception>
    /// <exception cref="PyOSException">The program was not found (<c>[Errno 2] No such file or directory: 'x'</c>), could not run, or the terminal could not be made.</exception>
    public static PtyProcess Spawn(
        IReadOnlyList<string> args,
        int rows = 24,
        int columns = 80,
        IReadOnlyDictionary<string, string>? env = null,
        string? cwd = null,
        Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            throw new ArgumentException("args must name a program.", nameof(args));
        }

        foreach (string arg in args)
        {
            ArgumentNullException.ThrowIfNull(arg, nameof(args));
            if (arg.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("embedded null byte", nameof(args));
            }
        }

        PtyMaster.CheckSize(rows, columns);
        List<string> environment = BuildEnvironment(env);

        SafeFileHandle master = PtyMaster.Open(out string slavePath);
        try
        {
            // The size is in place before the child runs: its first TIOCGWINSZ sees it.
            PtyMaster.SetWindowSize(master, rows, columns);
            int pid = PosixSpawn.Spawn(new SpawnRequest
            {
                Program = args[0],
                Argv = [.. args],
                Environment = environment,
                WorkingDirectory = cwd,
                // A session leader with no controlling terminal acquires the first terminal it
                // opens without O_NOCTTY: the slave, opened as descriptor 0, becomes the child's
                // controlling terminal and the child's group its foreground group (pty.fork's
                // setsid + open, done by posix_spawn's file actions).
                NewSession = true,
                FileActions =
                [
                    new SpawnFileAction.Open(0, slavePath, LibC.O_RDWR, 0),
                    new SpawnFileAction.Dup2(0, 1),
                    new SpawnFileAction.Dup2(0, 2),
                ],
                CloseOtherFds = true,
            });
            return new PtyProcess(master, pid, slavePath, [.. args], encoding ?? PtyMaster.DefaultEncoding);
        }
        catch
        {
            master.Dispose();
            throw;
        }
    }

    private static List<string> BuildEnvironment(IReadOnlyDictionary<string, string>? env)
    {
        var result = new List<string>();
        bool hasTerm = false;
        if (env is null)
        {
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                string key = (string)entry.Key;
                hasTerm |= key == "TERM";
                result.Add($"{key}={entry.Value}");
            }
        }
        else
        {
            foreach ((string key, string value) in env)
            {
                ArgumentNullException.ThrowIfNull(value, nameof(env));
                if (!PosixSpawn.IsEnvironmentName(key) || value.Contains('\0', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"illegal environment variable name or value: {Objects.PyRepr.Repr(key)}", nameof(env));
                }

                hasTerm |= key == "TERM";
                result.Add($"{key}={value}");
            }
        }

        if (!hasTerm)
        {
            result.Add("TERM=" + DefaultTerm);
        }

        return result;
    }
}

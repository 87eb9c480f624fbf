using System.Text;
using PyStd.Objects;

namespace PyStd.Subprocess;

/// <summary>
/// A process that has finished (Python's <c>subprocess.CompletedProcess</c>), as returned by
/// <see cref="Subprocess.Run(IReadOnlyList{string}, RunOptions?)"/>. <see cref="ToString"/> prints
/// CPython's repr, e.g. <c>CompletedProcess(args=['echo', 'hi'], returncode=0, stdout=b'hi\n', stderr=b'')</c>.
/// </summary>
public sealed class CompletedProcess
{
    internal CompletedProcess(Popen process, int returnCode, byte[]? stdout, byte[]? stderr, string? stdoutText, string? stderrText, bool textMode)
    {
        Args = process.Args;
        ArgsIsString = process.ArgsIsString;
        Command = process.Command;
        ReturnCode = returnCode;
        Stdout = stdout;
        Stderr = stderr;
        StdoutText = stdoutText;
        StderrText = stderrText;
        IsTextMode = textMode;
    }

    /// <summary>The arguments the process was started with (one string for the string overloads).</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>The exit status, or minus the signal number that ended the process (Python's <c>returncode</c>).</summary>
    public int ReturnCode { get; }

    /// <summary>Captured standard output as bytes, or <see langword="null"/> when it was not captured.</summary>
    public byte[]? Stdout { get; }

    /// <summary>Captured standard error as bytes, or <see langword="null"/> when it was not captured (or merged into standard output).</summary>
    public byte[]? Stderr { get; }

    /// <summary>In text mode, <see cref="Stdout"/> decoded with universal newlines (what Python's <c>stdout</c> holds then); otherwise <see langword="null"/>.</summary>
    public string? StdoutText { get; }

    /// <summary>In text mode, <see cref="Stderr"/> decoded with universal newlines; otherwise <see langword="null"/>.</summary>
    public string? StderrText { get; }

    /// <summary>Whether the process ran in text mode.</summary>
    public bool IsTextMode { get; }

    internal bool ArgsIsString { get; }

    internal string Command { get; }

    /// <summary>Throws when <see cref="ReturnCode"/> is not 0 (Python's <c>check_returncode()</c>).</summary>
    /// <exception cref="CalledProcessException">The return code is not 0; it carries the captured output.</exception>
    public void CheckReturnCode()
    {
        if (ReturnCode != 0)
        {
            throw new CalledProcessException(ReturnCode, Command)
            {
                Output = Stdout,
                Stderr = Stderr,
                OutputText = StdoutText,
                StderrText = StderrText,
            };
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder("CompletedProcess(args=");
        sb.Append(ArgsIsString ? PyRepr.Repr(Args[0]) : Command);
        sb.Append(", returncode=").Append(ReturnCode);
        if (Stdout is not null)
        {
            sb.Append(", stdout=").Append(IsTextMode ? PyRepr.Repr(StdoutText) : PyRepr.Repr(Stdout));
        }

        if (Stderr is not null)
        {
            sb.Append(", stderr=").Append(IsTextMode ? PyRepr.Repr(StderrText) : PyRepr.Repr(Stderr));
        }

        return sb.Append(')').ToString();
    }
}

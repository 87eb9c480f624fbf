using System.Diagnostics;
using System.Text;
using PyStd.Native;

namespace PyStd.Tests.Lifecycle;

/// <summary>
/// Runs tests/PyStd.LifecycleHost (copied beside the tests) as a real child process: read its
/// lines, send it real signals with kill(2), write commands to its stdin, wait for its exit.
/// Process.ExitCode reports death by signal N as 128 + N.
/// </summary>
internal sealed class LifecycleHost : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private LifecycleHost(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.Append(e.Data).Append('\n');
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    public static string ExePath => Path.Combine(AppContext.BaseDirectory, "PyStd.LifecycleHost");

    public static string PystdPath => Path.Combine(AppContext.BaseDirectory, "pystd");

    public int Pid => _process.Id;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static LifecycleHost Start(params string[] args)
    {
        Assert.True(File.Exists(ExePath), $"{ExePath} is missing");
        var psi = new ProcessStartInfo(ExePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return new LifecycleHost(Process.Start(psi)!);
    }

    /// <summary>Runs the host to completion with stdin closed; returns exit code, stdout lines, stderr.</summary>
    public static (int Code, string[] Lines, string Stderr) Run(params string[] args)
    {
        using LifecycleHost host = Start(args);
        host._process.StandardInput.Close();
        int code = host.WaitForExit();
        return (code, host.ReadRemainingLines(), host.Stderr);
    }

    /// <summary>The next stdout line (null at end of output).</summary>
    public string? ReadLine()
    {
        Task<string?> line = _process.StandardOutput.ReadLineAsync();
        Assert.True(line.Wait(Patience), $"no output line within {Patience}; stderr: {Stderr}");
        return line.Result;
    }

    public void Expect(string line) => Assert.Equal(line, ReadLine());

    public void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public void Kill(int signum) => Assert.Equal(0, LibC.Kill(_process.Id, signum));

    public int WaitForExit()
    {
        if (!_process.WaitForExit(Patience))
        {
            _process.Kill();
            Assert.Fail($"the host did not exit within {Patience}; stderr: {Stderr}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public string[] ReadRemainingLines()
    {
        Task<string> rest = _process.StandardOutput.ReadToEndAsync();
        Assert.True(rest.Wait(Patience));
        return Python.PythonRunner.SplitLines(rest.Result);
    }

    public bool HasExited => _process.HasExited;

    public Process Process => _process;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}

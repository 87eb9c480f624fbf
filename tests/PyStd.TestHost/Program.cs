using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace PyStd.TestHost;

/// <summary>
/// A child program for the subprocess tests. One verb per run:
/// <list type="bullet">
/// <item><c>echo ARGS…</c> / <c>echo-err ARGS…</c>: the arguments joined by spaces, a newline, to stdout / stderr.</item>
/// <item><c>exit N</c>: exit with status N. <c>sleep S</c>: sleep S seconds (a float).</item>
/// <item><c>out N</c> / <c>err N</c>: write N pattern bytes (byte i = i % 251) to stdout / stderr.</item>
/// <item><c>cat</c>: copy stdin to stdout. <c>count</c>: print the number of bytes on stdin.</item>
/// <item><c>both N M</c>: write N pattern bytes to stdout and N to stderr while reading stdin, all at
/// once on three threads; exit 0 if stdin held exactly M pattern bytes, 3 for another count, 4 for other bytes.</item>
/// <item><c>interleave N</c>: lines <c>line 0</c> … <c>line N-1</c>, even ones to stdout and odd ones to stderr, one write each.</item>
/// <item><c>spawn N S</c>: print <c>pid P</c>, start N children <c>sleep S</c> (same session and group, stdio inherited), print <c>child P</c> for each, then sleep S.</item>
/// <item><c>ids</c>: <c>pid= ppid= pgid= sid= tty=</c> (tty: where fd 0 points).</item>
/// <item><c>env NAME</c>: the variable's value, or <c>&lt;unset&gt;</c>. <c>cwd</c>: the working directory.</item>
/// <item><c>fds</c>: the open descriptors, space-separated.</item>
/// <item><c>argv</c>: each argument on its own line, as received.</item>
/// </list>
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: PyStd.TestHost VERB [ARGS]");
            return 2;
        }

        string[] rest = args[1..];
        switch (args[0])
        {
            case "echo":
                return WriteText(Console.OpenStandardOutput(), string.Join(' ', rest) + "\n");
            case "echo-err":
                return WriteText(Console.OpenStandardError(), string.Join(' ', rest) + "\n");
            case "exit":
                return int.Parse(rest[0], CultureInfo.InvariantCulture);
            case "sleep":
                Thread.Sleep(TimeSpan.FromSeconds(double.Parse(rest[0], CultureInfo.InvariantCulture)));
                return 0;
            case "out":
                WritePattern(Console.OpenStandardOutput(), long.Parse(rest[0], CultureInfo.InvariantCulture));
                return 0;
            case "err":
                WritePattern(Console.OpenStandardError(), long.Parse(rest[0], CultureInfo.InvariantCulture));
                return 0;
            case "cat":
                using (Stream input = Console.OpenStandardInput(), output = Console.OpenStandardOutput())
                {
                    input.CopyTo(output, 1 << 17);
                }

                return 0;
            case "count":
                return WriteText(Console.OpenStandardOutput(), CountStdin(out _).ToString(CultureInfo.InvariantCulture) + "\n");
            case "both":
                return Both(long.Parse(rest[0], CultureInfo.InvariantCulture), long.Parse(rest[1], CultureInfo.InvariantCulture));
            case "interleave":
                return Interleave(int.Parse(rest[0], CultureInfo.InvariantCulture));
            case "spawn":
                return Spawn(int.Parse(rest[0], CultureInfo.InvariantCulture), rest[1]);
            case "ids":
                return WriteText(Console.OpenStandardOutput(), Ids() + "\n");
            case "env":
                return WriteText(Console.OpenStandardOutput(), (Environment.GetEnvironmentVariable(rest[0]) ?? "<unset>") + "\n");
            case "cwd":
                return WriteText(Console.OpenStandardOutput(), Environment.CurrentDirectory + "\n");
            case "fds":
                return WriteText(Console.OpenStandardOutput(), Fds() + "\n");
            case "argv":
                return WriteText(Console.OpenStandardOutput(), string.Concat(rest.Select(a => a + "\n")));
            default:
                Console.Error.WriteLine($"unknown verb {args[0]}");
                return 2;
        }
    }

    private static int WriteText(Stream stream, string text)
    {
        using (stream)
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return 0;
    }

    private static byte[] Pattern()
    {
        // 251 is prime, so a 1 MiB buffer of i % 251 continues seamlessly only at multiples of 251.
        var block = new byte[251 * 4096];
        for (int i = 0; i < block.Length; i++)
        {
            block[i] = (byte)(i % 251);
        }

        return block;
    }

    private static void WritePattern(Stream stream, long count)
    {
        byte[] block = Pattern();
        using (stream)
        {
            while (count > 0)
            {
                int n = (int)Math.Min(count, block.Length);
                stream.Write(block, 0, n);
                count -= n;
            }
        }
    }

    private static long CountStdin(out bool patternOk)
    {
        using Stream input = Console.OpenStandardInput();
        var buffer = new byte[1 << 17];
        long total = 0;
        patternOk = true;
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < n && patternOk; i++)
            {
                patternOk = buffer[i] == (byte)((total + i) % 251);
            }

            total += n;
        }

        return total;
    }

    private static int Both(long n, long m)
    {
        Thread output = new(() => WritePattern(Console.OpenStandardOutput(), n));
        Thread error = new(() => WritePattern(Console.OpenStandardError(), n));
        output.Start();
        error.Start();
        long got = CountStdin(out bool ok);
        output.Join();
        error.Join();
        return got != m ? 3 : ok ? 0 : 4;
    }

    private static int Interleave(int n)
    {
        using Stream output = Console.OpenStandardOutput(), error = Console.OpenStandardError();
        for (int i = 0; i < n; i++)
        {
            (i % 2 == 0 ? output : error).Write(Encoding.ASCII.GetBytes($"line {i}\n"));
        }

        return 0;
    }

    private static int Spawn(int n, string seconds)
    {
        using Stream output = Console.OpenStandardOutput();
        output.Write(Encoding.ASCII.GetBytes($"pid {Environment.ProcessId}\n"));
        var children = new List<Process>();
        for (int i = 0; i < n; i++)
        {
            var psi = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            psi.ArgumentList.Add("sleep");
            psi.ArgumentList.Add(seconds);
            Process child = Process.Start(psi)!;
            children.Add(child);
            output.Write(Encoding.ASCII.GetBytes($"child {child.Id}\n"));
        }

        output.Flush();
        Thread.Sleep(TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)));
        return 0;
    }

    private static string Ids()
    {
        // /proc/self/stat: pid (comm) state ppid pgrp session tty_nr ...
        string stat = File.ReadAllText("/proc/self/stat");
        string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        string tty;
        try
        {
            tty = new FileInfo("/proc/self/fd/0").LinkTarget ?? "?";
        }
        catch (IOException)
        {
            tty = "closed";
        }

        return $"pid={Environment.ProcessId} ppid={f[1]} pgid={f[2]} sid={f[3]} tty={tty} isatty={IsATty(0)}";
    }

    private static string Fds()
    {
        var fds = new List<int>();
        foreach (string entry in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            fds.Add(int.Parse(Path.GetFileName(entry), CultureInfo.InvariantCulture));
        }

        fds.Sort();
        return string.Join(' ', fds);
    }

    [DllImport("libc", EntryPoint = "isatty")]
    private static extern int IsATty(int fd);
}

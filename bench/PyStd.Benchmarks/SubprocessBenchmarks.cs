using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CliWrap;
using PyStd.Subprocess;

namespace PyStd.Benchmarks;

/// <summary>
/// Starting processes and moving bytes through them. Spawn-and-wait of <c>/bin/true</c> with PyStd's
/// <see cref="Popen"/> and <see cref="Subprocess.Subprocess.Run(IReadOnlyList{string}, RunOptions?)"/>,
/// <see cref="Process.Start(ProcessStartInfo)"/> + <c>WaitForExit</c>, and CliWrap; and 1 GiB piped
/// through <c>cat</c>, through Popen's streams (a writer thread and a reader) and through
/// <see cref="Popen.Communicate(ReadOnlyMemory{byte}, TimeSpan?)"/>'s poll loop.
/// bench/cpython/subprocess_bench.py times CPython on the same work; bench/run-subprocess.sh runs both.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SubprocessBenchmarks
{
    /// <summary>Bytes piped through cat per operation.</summary>
    public const long PipeBytes = 1L << 30;

    private static readonly string[] True = ["/bin/true"];
    private static readonly string[] CatArgs = ["cat"];
    private readonly byte[] _block = new byte[1 << 20];
    private readonly byte[] _readBuffer = new byte[1 << 20];
    private byte[] _gigabyte = [];

    [GlobalSetup]
    public void Setup()
    {
        _gigabyte = new byte[PipeBytes];
        System.Random.Shared.NextBytes(_gigabyte.AsSpan(0, 1 << 20));
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("spawn")]
    public int PopenWait()
    {
        using var p = new Popen(True);
        return p.Wait();
    }

    [Benchmark]
    [BenchmarkCategory("spawn")]
    public int SubprocessRun() => PyStd.Subprocess.Subprocess.Run(True).ReturnCode;

    [Benchmark]
    [BenchmarkCategory("spawn")]
    public int ProcessStart()
    {
        using Process p = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.ExitCode;
    }

    [Benchmark]
    [BenchmarkCategory("spawn")]
    public int CliWrapExecute() =>
        Cli.Wrap("/bin/true").WithValidation(CommandResultValidation.None).ExecuteAsync().Task.GetAwaiter().GetResult().ExitCode;

    [Benchmark]
    [BenchmarkCategory("pipe")]
    public long CatStreams()
    {
        using var p = new Popen(CatArgs, new PopenOptions { Stdin = Redirect.Pipe, Stdout = Redirect.Pipe, PipeSize = 1 << 20 });
        Stream input = p.Stdin!;
        var writer = new Thread(() =>
        {
            for (long sent = 0; sent < PipeBytes; sent += _block.Length)
            {
                input.Write(_block);
            }

            input.Dispose();
        });
        writer.Start();
        long got = 0;
        int n;
        Stream output = p.Stdout!;
        while ((n = output.Read(_readBuffer)) > 0)
        {
            got += n;
        }

        writer.Join();
        p.Wait();
        return got;
    }

    [Benchmark]
    [BenchmarkCategory("pipe")]
    public long CatCommunicate()
    {
        using var p = new Popen(CatArgs, new PopenOptions { Stdin = Redirect.Pipe, Stdout = Redirect.Pipe, PipeSize = 1 << 20 });
        return p.Communicate(_gigabyte).Stdout!.LongLength;
    }
}

using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace PyStd.Benchmarks;

/// <summary>
/// Issue #6's marshal benchmark on issue #4's data set: 200,000 records
/// <c>{"id": i, "name": "user%d" % i, "score": i * 0.5, "tags": ["a", "bb"], "active": i % 2 == 0,
/// "blob": b"xyzxyzxyz", "t": (i, i + 1)}</c> in a list, at marshal version 4. <c>Loads</c> reads the
/// exact bytes python3's <c>marshal.dumps(records, 4)</c> writes, which bench/run-marshal.sh has
/// bench/cpython/marshal_bench.py put in <c>$MARSHAL_BENCH_DATA/records-4.marshal</c> (without that file
/// it falls back to PyStd's own <c>Dumps</c>); <c>Dumps</c> writes the records, <c>DumpToBuffer</c>
/// writes them into one <see cref="ArrayBufferWriter{T}"/> reused across calls, and <c>NewResultArray</c>
/// is the floor under any <c>Dumps</c> returning a new array: allocating one of the output's size and
/// copying the (warm) bytes into it.
/// </summary>
[MemoryDiagnoser]
public class MarshalBenchmarks
{
    private List<object?> _records = [];
    private byte[] _marshal = [];
    private byte[] _ours = [];
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>Builds the records and reads CPython's marshal data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _records = PickleData.Records(PickleData.Count);
        string? dir = Environment.GetEnvironmentVariable("MARSHAL_BENCH_DATA");
        string path = Path.Combine(dir ?? string.Empty, "records-4.marshal");
        _marshal = dir is not null && File.Exists(path)
            ? File.ReadAllBytes(path)
            : PyStd.Marshal.Marshal.Dumps(_records, 4);
        if (PyStd.Marshal.Marshal.Loads(_marshal) is not List<object?> { Count: PickleData.Count })
        {
            throw new InvalidOperationException("The marshal data does not load as the 200,000 records.");
        }

        _ours = PyStd.Marshal.Marshal.Dumps(_records, 4);
    }

    /// <summary><c>marshal.loads(data)</c> with PyStd.</summary>
    /// <returns>The records.</returns>
    [Benchmark]
    public object? Loads() => PyStd.Marshal.Marshal.Loads(_marshal);

    /// <summary><c>marshal.dumps(records, 4)</c> with PyStd.</summary>
    /// <returns>The marshal data.</returns>
    [Benchmark]
    public byte[] Dumps() => PyStd.Marshal.Marshal.Dumps(_records, 4);

    /// <summary><c>marshal.dumps(records, 4)</c> with PyStd into a buffer reused across calls.</summary>
    /// <returns>The number of bytes written.</returns>
    [Benchmark]
    public int DumpToBuffer()
    {
        _buffer.ResetWrittenCount();
        PyStd.Marshal.Marshal.Dump(_records, _buffer, 4);
        return _buffer.WrittenCount;
    }

    /// <summary>A new array of <c>Dumps</c>' size with its bytes copied in: what returning a new array costs.</summary>
    /// <returns>The copy.</returns>
    [Benchmark]
    public byte[] NewResultArray()
    {
        byte[] result = GC.AllocateUninitializedArray<byte>(_ours.Length);
        _ours.CopyTo(result, 0);
        return result;
    }
}

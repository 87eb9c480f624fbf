using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PyStd.Objects;

namespace PyStd.Benchmarks;

/// <summary>
/// Compiled-struct unpack and pack of a small record (<c>&gt;hhl</c>) and a block of doubles
/// (<c>&lt;1000d</c>): PyStd's PyTuple path (what Python code sees), its generic fast path, and
/// hand-written <see cref="BinaryPrimitives"/> code doing the same work. bench/cpython/struct_bench.py
/// times CPython's <c>struct.Struct</c> on the same work; bench/run-struct.sh runs both.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StructBenchmarks
{
    private readonly PyStd.Struct.Struct _record = new(">hhl");
    private readonly PyStd.Struct.Struct _block = new("<1000d");
    private readonly byte[] _recordBytes = [0x00, 0x01, 0xff, 0xfe, 0x00, 0x01, 0xe2, 0x40];
    private readonly object?[] _recordValues = [1L, -2L, 123456L];
    private readonly byte[] _recordBuffer = new byte[8];
    private readonly byte[] _blockBytes = new byte[8000];
    private readonly double[] _doubles = new double[1000];
    private readonly object?[] _boxedDoubles = new object?[1000];
    private readonly byte[] _blockBuffer = new byte[8000];

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < _doubles.Length; i++)
        {
            _doubles[i] = i * 1.5;
            _boxedDoubles[i] = _doubles[i];
            BinaryPrimitives.WriteDoubleLittleEndian(_blockBytes.AsSpan(i * 8), _doubles[i]);
        }
    }

    [Benchmark(Baseline = true, Description = "hand-written")]
    [BenchmarkCategory("unpack >hhl")]
    public (short, short, int) UnpackRecordHand()
    {
        ReadOnlySpan<byte> b = _recordBytes;
        return (BinaryPrimitives.ReadInt16BigEndian(b), BinaryPrimitives.ReadInt16BigEndian(b[2..]), BinaryPrimitives.ReadInt32BigEndian(b[4..]));
    }

    [Benchmark(Description = "generic")]
    [BenchmarkCategory("unpack >hhl")]
    public (short, short, int) UnpackRecordGeneric() => _record.Unpack<short, short, int>(_recordBytes);

    [Benchmark(Description = "PyTuple")]
    [BenchmarkCategory("unpack >hhl")]
    public PyTuple UnpackRecordTuple() => _record.Unpack(_recordBytes);

    [Benchmark(Baseline = true, Description = "hand-written")]
    [BenchmarkCategory("pack >hhl")]
    public int PackRecordHand()
    {
        Span<byte> b = _recordBuffer;
        BinaryPrimitives.WriteInt16BigEndian(b, 1);
        BinaryPrimitives.WriteInt16BigEndian(b[2..], -2);
        BinaryPrimitives.WriteInt32BigEndian(b[4..], 123456);
        return 8;
    }

    [Benchmark(Description = "generic")]
    [BenchmarkCategory("pack >hhl")]
    public int PackRecordGeneric() => _record.PackTo(_recordBuffer, (short)1, (short)-2, 123456);

    [Benchmark(Description = "PyTuple")]
    [BenchmarkCategory("pack >hhl")]
    public byte[] PackRecordTuple() => _record.Pack(_recordValues);

    [Benchmark(Baseline = true, Description = "hand-written")]
    [BenchmarkCategory("unpack <1000d")]
    public double UnpackBlockHand()
    {
        ReadOnlySpan<byte> b = _blockBytes;
        double[] d = _doubles;
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = BinaryPrimitives.ReadDoubleLittleEndian(b.Slice(i * 8, 8));
        }

        return d[^1];
    }

    [Benchmark(Description = "generic")]
    [BenchmarkCategory("unpack <1000d")]
    public int UnpackBlockGeneric() => _block.UnpackArray<double>(_blockBytes, _doubles);

    [Benchmark(Description = "PyTuple")]
    [BenchmarkCategory("unpack <1000d")]
    public PyTuple UnpackBlockTuple() => _block.Unpack(_blockBytes);

    [Benchmark(Baseline = true, Description = "hand-written")]
    [BenchmarkCategory("pack <1000d")]
    public int PackBlockHand()
    {
        Span<byte> b = _blockBuffer;
        double[] d = _doubles;
        for (int i = 0; i < d.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(b.Slice(i * 8, 8), d[i]);
        }

        return b.Length;
    }

    [Benchmark(Description = "generic")]
    [BenchmarkCategory("pack <1000d")]
    public int PackBlockGeneric() => _block.PackArray<double>(_doubles, _blockBuffer);

    [Benchmark(Description = "PyTuple")]
    [BenchmarkCategory("pack <1000d")]
    public byte[] PackBlockTuple() => _block.Pack(_boxedDoubles);
}

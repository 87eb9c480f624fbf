using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace PyStd.Pickle;

/// <content>
/// <c>pickletools.optimize</c>: one pass collects the opcodes, the memo keys stored and the keys
/// fetched; a second copies the opcodes through a pickler's framer (<c>pickle._Pickler</c> and its
/// <c>_Framer</c>), dropping stores nobody fetches and renumbering the rest in order.
/// </content>
public static partial class PickleTools
{
    /// <summary>pickle's <c>_Framer._FRAME_SIZE_TARGET</c>.</summary>
    private const int FrameSizeTarget = 64 * 1024;

    /// <summary>pickle's <c>_Framer._FRAME_SIZE_MIN</c>.</summary>
    private const int FrameSizeMin = 4;

    private enum OptKind : byte
    {
        Put,
        Get,
        Copy,
    }

    private readonly record struct OptOp(OptKind Kind, BigInteger Key, int Start, int End);

    private static byte[] OptimizeCore(ReadOnlySpan<byte> p)
    {
        var oldIds = new HashSet<BigInteger>();
        var newIds = new Dictionary<BigInteger, int?>();
        var ops = new List<OptOp>();
        int proto = 0;
        int headerEnd = 0;
        var reader = new OpReader(p, materialize: false);
        while (true)
        {
            int pos = reader.Position;
            OpInfo op = reader.Next(out object? arg);
            int end = reader.Position;
            switch (op.Code)
            {
                case Opcodes.Put or Opcodes.BinPut or Opcodes.LongBinPut:
                {
                    BigInteger key = MemoKey(arg);
                    oldIds.Add(key);
                    ops.Add(new OptOp(OptKind.Put, key, 0, 0));
                    break;
                }

                case Opcodes.Memoize:
                {
                    BigInteger key = oldIds.Count;
                    oldIds.Add(key);
                    ops.Add(new OptOp(OptKind.Put, key, 0, 0));
                    break;
                }

                case Opcodes.Frame:
                    break;
                case Opcodes.Get or Opcodes.BinGet or Opcodes.LongBinGet:
                {
                    proto = Math.Max(proto, op.Proto);
                    BigInteger key = MemoKey(arg);
                    newIds[key] = null;
                    ops.Add(new OptOp(OptKind.Get, key, 0, 0));
                    break;
                }

                case Opcodes.Proto:
                    proto = Math.Max(proto, (int)(long)arg!);
                    if (pos == 0)
                    {
                        headerEnd = end;
                    }
                    else
                    {
                        ops.Add(new OptOp(OptKind.Copy, default, pos, end));
                    }

                    break;
                default:
                    ops.Add(new OptOp(OptKind.Copy, default, pos, end));
                    break;
            }

            if (op.Code == Opcodes.Stop)
            {
                break;
            }
        }

        if (proto > Pickle.HighestProtocol)
        {
            throw new PyValueException($"pickle protocol must be <= {Pickle.HighestProtocol}");
        }

        var output = new ArrayBufferWriter<byte>(p.Length + 16);
        output.Write(p[..headerEnd]); // the PROTO header goes before any framing
        var framer = new Framer(output, framing: proto >= 4);
        int idx = 0;
        Span<byte> scratch = stackalloc byte[16];
        foreach (OptOp op in ops)
        {
            bool frameless = false;
            scoped ReadOnlySpan<byte> data;
            switch (op.Kind)
            {
                case OptKind.Put:
                    if (!newIds.ContainsKey(op.Key))
                    {
                        continue;
                    }

                    data = EncodePut(idx, proto, scratch);
                    newIds[op.Key] = idx;
                    idx++;
                    break;
                case OptKind.Get:
                    data = EncodeGet(newIds[op.Key], proto, scratch);
                    break;
                default:
                    data = p[op.Start..op.End];
                    frameless = data.Length > FrameSizeTarget;
                    break;
            }

            framer.CommitFrame(force: frameless);
            if (frameless)
            {
                output.Write(data);
            }
            else
            {
                framer.Write(data);
            }
        }

        framer.EndFraming();
        return output.WrittenSpan.ToArray();
    }

    /// <summary><c>_Pickler.put(idx)</c>: MEMOIZE from protocol 4, BINPUT/LONG_BINPUT from 1, else text PUT.</summary>
    private static ReadOnlySpan<byte> EncodePut(int idx, int proto, Span<byte> scratch)
    {
        if (proto >= 4)
        {
            scratch[0] = Opcodes.Memoize;
            return scratch[..1];
        }

        return EncodeMemoOp(idx, proto, scratch, Opcodes.BinPut, Opcodes.LongBinPut, Opcodes.Put);
    }

    /// <summary><c>_Pickler.get(i)</c>; <c>i</c> is None when the key was never stored before this point.</summary>
    private static ReadOnlySpan<byte> EncodeGet(int? idx, int proto, Span<byte> scratch)
    {
        if (idx is null)
        {
            if (proto >= 1)
            {
                throw new PyTypeException("'<' not supported between instances of 'NoneType' and 'int'");
            }

            return "gNone\n"u8;
        }

        return EncodeMemoOp(idx.Value, proto, scratch, Opcodes.BinGet, Opcodes.LongBinGet, Opcodes.Get);
    }

    private static ReadOnlySpan<byte> EncodeMemoOp(int idx, int proto, Span<byte> scratch, byte shortOp, byte longOp, byte textOp)
    {
        if (proto >= 1)
        {
            if (idx < 256)
            {
                scratch[0] = shortOp;
                scratch[1] = (byte)idx;
                return scratch[..2];
            }

            scratch[0] = longOp;
            BinaryPrimitives.WriteUInt32LittleEndian(scratch[1..], (uint)idx);
            return scratch[..5];
        }

        scratch[0] = textOp;
        string digits = idx.ToString(CultureInfo.InvariantCulture);
        int n = Encoding.ASCII.GetBytes(digits, scratch[1..]);
        scratch[1 + n] = (byte)'\n';
        return scratch[..(n + 2)];
    }

    /// <summary>pickle's <c>_Framer</c>, as <c>optimize</c> drives it.</summary>
    private sealed class Framer(ArrayBufferWriter<byte> file, bool framing)
    {
        private ArrayBufferWriter<byte>? _currentFrame = framing ? new ArrayBufferWriter<byte>() : null;

        public void CommitFrame(bool force)
        {
            if (_currentFrame is null || (_currentFrame.WrittenCount < FrameSizeTarget && !force))
            {
                return;
            }

            ReadOnlySpan<byte> data = _currentFrame.WrittenSpan;
            if (data.Length >= FrameSizeMin)
            {
                Span<byte> header = file.GetSpan(9);
                header[0] = Opcodes.Frame;
                BinaryPrimitives.WriteUInt64LittleEndian(header[1..], (ulong)data.Length);
                file.Advance(9);
            }

            file.Write(data);
            _currentFrame.ResetWrittenCount();
        }

        public void Write(ReadOnlySpan<byte> data)
        {
            if (_currentFrame is not null)
            {
                _currentFrame.Write(data);
            }
            else
            {
                file.Write(data);
            }
        }

        public void EndFraming()
        {
            if (_currentFrame is not null && _currentFrame.WrittenCount > 0)
            {
                CommitFrame(force: true);
                _currentFrame = null;
            }
        }
    }
}

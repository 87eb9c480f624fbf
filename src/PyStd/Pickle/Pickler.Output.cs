using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Pickle;

// The output buffer and protocol 4 framing: _Pickler_Write, _Pickler_CommitFrame,
// _Pickler_OpcodeBoundary and _Pickler_write_bytes of Modules/_pickle.c. CPython opens a frame (its
// 9-byte header reserved) at the first write after the previous one was committed; here it is
// opened right after the commit, which comes to the same bytes because a write always follows
// (and it keeps the check off every write). A frame is committed at the first opcode boundary once
// it holds 64 KiB, and dropped again (header removed) when it holds fewer than 4 bytes. A
// bytes/str/bytearray payload of 64 KiB or more is written outside any frame.
public sealed partial class Pickler
{
    private const int InitialBufferSize = 4096;
    private const int FrameSizeTarget = 64 * 1024;
    private const int FrameSizeMin = 4;
    private const int FrameHeaderSize = 9;

    private byte[] _buf;
    private int _pos;
    private int _frameStart = -1;
    private bool _framing;
    private int _boundary = int.MaxValue; // the _pos from which the next opcode boundary has work to do

    // With a sink, unframed output (protocols 0–3, or between frames) is handed over once this
    // much has accumulated; without one everything stays in the buffer.
    private int _flushThreshold = int.MaxValue;

    /// <summary>Makes room for <paramref name="count"/> bytes and returns where they go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Reserve(int count)
    {
        int pos = _pos;
        if (count > _buf.Length - pos)
        {
            Grow(count);
        }

        return pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteOp(byte op)
    {
        int p = Reserve(1);
        _buf[p] = op;
        _pos = p + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteOp(byte op1, byte op2)
    {
        int p = Reserve(2);
        byte[] buf = _buf;
        buf[p] = op1;
        buf[p + 1] = op2;
        _pos = p + 2;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        int p = Reserve(bytes.Length);
        bytes.CopyTo(_buf.AsSpan(p));
        _pos = p + bytes.Length;
    }

    /// <summary>Writes an opcode, ASCII text and a newline (the text opcodes of protocol 0).</summary>
    private void WriteTextLine(byte op, ReadOnlySpan<char> ascii)
    {
        int p = Reserve(ascii.Length + 2);
        byte[] buf = _buf;
        buf[p++] = op;
        for (int i = 0; i < ascii.Length; i++)
        {
            buf[p++] = (byte)ascii[i];
        }

        buf[p++] = (byte)'\n';
        _pos = p;
    }

    private void StartFrame()
    {
        if (FrameHeaderSize > _buf.Length - _pos)
        {
            Grow(FrameHeaderSize);
        }

        _frameStart = _pos;
        _pos += FrameHeaderSize;
        _boundary = _pos + FrameSizeTarget;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count)
    {
        // CPython grows to (len + n) * 3 / 2; any growth gives the same bytes, so double.
        long needed = (long)_pos + count;
        long size = Math.Max(needed, (long)_buf.Length * 2);
        if (size > System.Array.MaxLength)
        {
            if (needed > System.Array.MaxLength)
            {
                throw new InsufficientMemoryException("The pickle does not fit in one .NET array; pickle to a stream.");
            }

            size = System.Array.MaxLength;
        }

        _buf = PooledBytes.Grow(_buf, _pos, (int)size);
    }

    /// <summary>_Pickler_CommitFrame: writes the open frame's header, or removes it when the frame is too small to be worth one.</summary>
    private void CommitFrame()
    {
        if (_frameStart < 0)
        {
            return;
        }

        int start = _frameStart;
        int length = _pos - start - FrameHeaderSize;
        if (length >= FrameSizeMin)
        {
            _buf[start] = Opcodes.Frame;
            BinaryPrimitives.WriteUInt64LittleEndian(_buf.AsSpan(start + 1), (ulong)length);
        }
        else
        {
            _buf.AsSpan(start + FrameHeaderSize, length).CopyTo(_buf.AsSpan(start));
            _pos -= FrameHeaderSize;
        }

        _frameStart = -1;
        _boundary = _flushThreshold;
    }

    /// <summary>
    /// _Pickler_OpcodeBoundary, once <see cref="_boundary"/> is reached: commits the frame (it holds
    /// 64 KiB), hands finished output to the sink, and opens the next frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OpcodeBoundary()
    {
        CommitFrame();
        if (_stream is not null || _bufferWriter is not null)
        {
            FlushToSink();
        }

        if (_framing)
        {
            StartFrame();
        }
    }

    /// <summary>Hands everything written (no frame may be open) to the stream or buffer writer.</summary>
    private void FlushToSink()
    {
        if (_pos == 0)
        {
            return;
        }

        if (_stream is not null)
        {
            _stream.Write(_buf, 0, _pos);
        }
        else
        {
            _bufferWriter?.Write(_buf.AsSpan(0, _pos));
        }

        _pos = 0;
    }

    /// <summary>
    /// _Pickler_write_bytes: a header and a payload. A payload of 64 KiB or more closes the open
    /// frame and goes out unframed (straight to the stream when there is one); the next write opens
    /// a new frame.
    /// </summary>
    private void WriteHeaderAndPayload(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < FrameSizeTarget)
        {
            int p = Reserve(header.Length + payload.Length);
            header.CopyTo(_buf.AsSpan(p));
            payload.CopyTo(_buf.AsSpan(p + header.Length));
            _pos = p + header.Length + payload.Length;
            return;
        }

        CommitFrame();
        WriteBytes(header);
        if (_stream is not null)
        {
            FlushToSink();
            _stream.Write(payload);
        }
        else if (_bufferWriter is not null)
        {
            FlushToSink();
            _bufferWriter.Write(payload);
        }
        else
        {
            WriteBytes(payload);
        }

        if (_framing)
        {
            StartFrame(); // for the memo PUT that always follows
        }
    }
}

namespace PyStd.Pickle;

/// <summary>
/// One opcode of a pickle, as CPython's <c>pickletools.genops</c> yields it (see
/// <see cref="PickleTools.GenOps"/>).
/// </summary>
/// <param name="Name">The opcode's name in pickletools and <c>pickle.py</c>, e.g. <c>BINUNICODE</c>.</param>
/// <param name="Code">The opcode byte, e.g. <c>0x58</c> (<c>'X'</c>).</param>
/// <param name="Argument">
/// The decoded argument embedded after the opcode, or null when it has none: <see cref="long"/> or
/// <see cref="System.Numerics.BigInteger"/> for integers (<c>INT</c>'s <c>00</c>/<c>01</c> are
/// <see cref="bool"/>, as pickletools reads them), <see cref="double"/>, <see cref="string"/> for text
/// (Python 2 <c>str</c> opcodes decoded as pickletools does: escapes undone and ASCII, or Latin-1 for the
/// binary forms; <c>GLOBAL</c>/<c>INST</c> as <c>"module name"</c>), <c>byte[]</c>, or
/// <see cref="Objects.PyByteArray"/>.
/// </param>
/// <param name="Position">Offset of the opcode byte from the start of the data.</param>
/// <param name="Length">Bytes taken by the opcode and its argument.</param>
/// <param name="Protocol">The protocol that introduced the opcode (0–5).</param>
public sealed record PickleInstruction(string Name, byte Code, object? Argument, int Position, int Length, int Protocol);

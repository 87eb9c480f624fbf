using System.Numerics;
using System.Text;
using PyStd.Objects;
using static PyStd.Pickle.Converters.ConverterHelpers;

namespace PyStd.Pickle.Converters;

/// <summary>
/// <c>decimal.Decimal</c> ↔ <see cref="PyDecimal"/> (exact, special values included), and
/// <see cref="decimal"/> pickles as a <c>Decimal</c> too. CPython pickles it as <c>Decimal(str(self))</c>.
/// </summary>
internal sealed class DecimalConverter(Type clrType) : PickleConverter("decimal", "Decimal", clrType)
{
    public override bool ConvertsAtConstruction => true;

    public override object? FromPython(PyObject reduced)
    {
        if (!IsPlainReduce(reduced) || reduced.Args.Count > 1 || reduced.HasState)
        {
            throw Bad(reduced, "expected one string argument");
        }

        object? arg = reduced.Args.Count == 0 ? "0" : reduced.Args[0];
        string? text = arg switch
        {
            string s => s,
            byte[] b when Ascii.IsValid(b) => Encoding.ASCII.GetString(b),
            long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
            BigInteger bi => bi.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        return text is not null && PyDecimal.TryParse(text, out PyDecimal? value) ? value : reduced;
    }

    public override PyObject ToPython(object value, int protocol)
    {
        PyDecimal d = value as PyDecimal ?? new PyDecimal((decimal)value);
        return Reduce(Module, Name, d.ToString());
    }
}

/// <summary>
/// <c>uuid.UUID</c> ↔ <see cref="Guid"/>. CPython pickles it as <c>object.__reduce_ex__</c> does, with
/// the state <c>{'int': the 128-bit value}</c>; the int is the UUID's bytes read big-endian (RFC 4122
/// order), which is <see cref="Guid.ToByteArray(bool)"/> with <c>bigEndian: true</c>. A UUID whose
/// state also records <c>is_safe</c> (from <c>uuid1()</c>) stays a <see cref="PyObject"/>, since a
/// <see cref="Guid"/> cannot carry it.
/// </summary>
internal sealed class UuidConverter() : PickleConverter("uuid", "UUID", typeof(Guid))
{
    public override object? FromPython(PyObject reduced)
    {
        if (reduced.Kind != PyObjectKind.NewObj || reduced.Args.Count != 0 || reduced.Kwargs is not null
            || reduced.ListItems is not null || reduced.DictItems is not null
            || reduced.State is not PyDict { Count: 1 } state
            || !state.TryGetValue("int", out object? n)
            || !PyInt.TryGetBigInteger(n, out BigInteger value) || n is bool
            || value.Sign < 0 || value.GetBitLength() > 128)
        {
            return reduced;
        }

        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        int length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(bytes[(16 - length)..], out _, isUnsigned: true, isBigEndian: true);
        return new Guid(bytes, bigEndian: true);
    }

    public override PyObject ToPython(object value, int protocol)
    {
        var guid = (Guid)value;
        var n = new BigInteger(guid.ToByteArray(bigEndian: true), isUnsigned: true, isBigEndian: true);
        return new PyObject(Module, Name)
        {
            Kind = PyObjectKind.NewObj,
            State = new PyDict { ["int"] = PyInt.Normalize(n) },
            HasState = true,
        };
    }
}

using System.Numerics;

namespace PyStd.Objects;

/// <summary>The Python type name (<c>type(x).__name__</c>) of a model value, for error messages and repr.</summary>
public static class PyTypeName
{
    /// <summary>Returns the Python type name of <paramref name="value"/>.</summary>
    /// <param name="value">A model value.</param>
    /// <returns>For example <c>int</c>, <c>str</c>, <c>NoneType</c>, or the .NET type name for foreign values.</returns>
    public static string Of(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long or BigInteger or int or short or sbyte or byte or ushort or uint or ulong => "int",
        double or float => "float",
        Complex => "complex",
        string => "str",
        byte[] => "bytes",
        PyByteArray => "bytearray",
        PyTuple => "tuple",
        List<object?> => "list",
        PyOrderedDict => "OrderedDict",
        PyCounter => "Counter",
        PyDefaultDict => "defaultdict",
        PyDict => "dict",
        PyDeque => "deque",
        PyDecimal => "Decimal",
        DateTime or DateTimeOffset or PyDateTime => "datetime",
        DateOnly => "date",
        TimeOnly or PyTime => "time",
        TimeSpan => "timedelta",
        Guid => "UUID",
        PySet => "set",
        PyFrozenSet => "frozenset",
        PyObject o => o.Name,
        PyGlobal => "type",
        PyStd.Array.PyArray => "array.array",
        _ => value.GetType().Name,
    };
}

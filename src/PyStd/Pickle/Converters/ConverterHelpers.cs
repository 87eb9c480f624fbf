using System.Diagnostics.CodeAnalysis;
using PyStd.Objects;

namespace PyStd.Pickle.Converters;

/// <summary>Argument checks shared by the standard converters.</summary>
internal static class ConverterHelpers
{
    public static UnpicklingException Bad(PyObject reduced, string what) =>
        new($"bad pickled {reduced.Module}.{reduced.Name}: {what}");

    /// <summary>True when the instance was made by calling the class with positional arguments only.</summary>
    public static bool IsPlainReduce(PyObject reduced) =>
        reduced.Kind == PyObjectKind.Reduce && reduced.Callable is null && reduced.Kwargs is null;

    /// <summary>
    /// The state bytes of a datetime-family pickle: <c>bytes</c>, or a <c>str</c> of code points below 256
    /// (a Python 2 pickle read with <c>encoding='latin1'</c>, which CPython's constructors accept too).
    /// </summary>
    public static bool TryStateBytes(object? arg, int length, [NotNullWhen(true)] out byte[]? bytes)
    {
        switch (arg)
        {
            case byte[] b when b.Length == length:
                bytes = b;
                return true;
            case string s when s.Length == length:
                bytes = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    if (s[i] > 0xFF)
                    {
                        bytes = null;
                        return false;
                    }

                    bytes[i] = (byte)s[i];
                }

                return true;
            default:
                bytes = null;
                return false;
        }
    }

    /// <summary>An int argument that fits in <see cref="int"/>.</summary>
    public static bool TryInt(object? arg, out int value)
    {
        if (arg is long l && l is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)l;
            return true;
        }

        if (arg is bool f)
        {
            value = f ? 1 : 0;
            return true;
        }

        value = 0;
        return false;
    }

    public static PyObject Reduce(string module, string name, params object?[] args) =>
        new(module, name) { Kind = PyObjectKind.Reduce, Args = PyTuple.FromOwnedArray(args) };
}

using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using PyStd.Objects;

namespace PyStd.Pickle;

// Loading: model values (long, List<object?>, PyDict …) converted to the member types of the .NET type.
public sealed partial class AttributePickleConverter
{
    private object? ConvertValue(object? value, Type target, string key)
    {
        try
        {
            return ConvertTo(value, target);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException or ArgumentException)
        {
            throw new UnpicklingException(
                $"{Module}.{Name}: cannot convert {PyTypeName.Of(value)} to {target.Name} for attribute '{key}'", e);
        }
    }

    private object? ConvertTo(object? value, Type target)
    {
        if (value is null)
        {
            if (target.IsValueType && Nullable.GetUnderlyingType(target) is null)
            {
                throw new InvalidCastException("None is not a value of a non-nullable type.");
            }

            return null;
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        Type? underlying = Nullable.GetUnderlyingType(target);
        if (underlying is not null)
        {
            return ConvertTo(value, underlying);
        }

        if (target.IsEnum)
        {
            return Enum.ToObject(target, ToBigInteger(value) is var b && b < 0 ? (object)(long)b : (ulong)b);
        }

        switch (Type.GetTypeCode(target))
        {
            case TypeCode.Int32: return checked((int)ToBigInteger(value));
            case TypeCode.Int64: return checked((long)ToBigInteger(value));
            case TypeCode.Int16: return checked((short)ToBigInteger(value));
            case TypeCode.SByte: return checked((sbyte)ToBigInteger(value));
            case TypeCode.Byte: return checked((byte)ToBigInteger(value));
            case TypeCode.UInt16: return checked((ushort)ToBigInteger(value));
            case TypeCode.UInt32: return checked((uint)ToBigInteger(value));
            case TypeCode.UInt64: return checked((ulong)ToBigInteger(value));
            case TypeCode.Double: return ToDouble(value);
            case TypeCode.Single: return (float)ToDouble(value);
            case TypeCode.Boolean when value is long or BigInteger: return !ToBigInteger(value).IsZero;
            case TypeCode.Char when value is string { Length: 1 } s: return s[0];
            case TypeCode.Decimal when value is PyDecimal d: return d.ToDecimal();
            case TypeCode.Decimal when value is long or BigInteger or double: return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        }

        if (target == typeof(BigInteger))
        {
            return ToBigInteger(value);
        }

        if (target == typeof(byte[]) && value is PyByteArray bytearray)
        {
            return bytearray.ToArray();
        }

        if (target == typeof(PyByteArray) && value is byte[] bytes)
        {
            return new PyByteArray(bytes);
        }

        if (target == typeof(PyTuple) && value is IEnumerable<object?> items)
        {
            return PyTuple.FromEnumerable(items);
        }

        if (value is PyObject obj && target.GetCustomAttributes(typeof(PickleClassAttribute), inherit: false).Length > 0)
        {
            return For(target, NamingPolicy).FromPython(obj);
        }

        if (target.IsArray && value is IEnumerable arraySource and not string)
        {
            Type element = target.GetElementType()!;
            var list = new List<object?>();
            foreach (object? item in arraySource)
            {
                list.Add(ConvertTo(item, element));
            }

            var array = System.Array.CreateInstance(element, list.Count);
            for (int i = 0; i < list.Count; i++)
            {
                array.SetValue(list[i], i);
            }

            return array;
        }

        if (target.IsGenericType)
        {
            object? converted = ConvertGeneric(value, target);
            if (converted is not null)
            {
                return converted;
            }
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        throw new InvalidCastException($"No conversion from {value.GetType()} to {target}.");
    }

    private object? ConvertGeneric(object value, Type target)
    {
        Type definition = target.GetGenericTypeDefinition();
        Type[] args = target.GetGenericArguments();
        if (value is PyDict dict && args.Length == 2
            && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
        {
            var result = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            foreach (var (k, v) in dict)
            {
                result[ConvertTo(k, args[0])!] = ConvertTo(v, args[1]);
            }

            return result;
        }

        if (value is PySetBase set && args.Length == 1
            && (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>)))
        {
            object result = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(args))!;
            var add = result.GetType().GetMethod("Add")!;
            foreach (object? item in set)
            {
                add.Invoke(result, [ConvertTo(item, args[0])]);
            }

            return result;
        }

        if (value is IEnumerable sequence and (List<object?> or PyTuple or PySetBase) && args.Length == 1
            && (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)))
        {
            var result = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args))!;
            foreach (object? item in sequence)
            {
                result.Add(ConvertTo(item, args[0]));
            }

            return result;
        }

        if (value is PyTuple tuple && typeof(ITuple).IsAssignableFrom(target) && args.Length == tuple.Count && args.Length <= 7)
        {
            object?[] items = new object?[args.Length];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = ConvertTo(tuple[i], args[i]);
            }

            return Activator.CreateInstance(target, items);
        }

        return null;
    }

    private static BigInteger ToBigInteger(object value) => value switch
    {
        long l => l,
        BigInteger b => b,
        bool f => f ? BigInteger.One : BigInteger.Zero,
        double d when double.IsInteger(d) => new BigInteger(d),
        _ => PyInt.TryGetBigInteger(value, out BigInteger r) ? r : throw new InvalidCastException("Not an int."),
    };

    private static double ToDouble(object value) => value switch
    {
        double d => d,
        long l => l,
        BigInteger b => (double)b,
        bool f => f ? 1 : 0,
        _ => throw new InvalidCastException("Not a float."),
    };
}

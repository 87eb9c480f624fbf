using System.Numerics;
using System.Runtime.CompilerServices;

namespace PyStd.Objects;

/// <summary>
/// Python's <c>int</c> in the value model: a <see cref="long"/> when the value fits, otherwise a
/// <see cref="BigInteger"/>. Every producer of ints goes through <see cref="Normalize(BigInteger)"/>
/// so that one value has one representation.
/// </summary>
public static class PyInt
{
    /// <summary>Returns <paramref name="value"/> as a boxed <see cref="long"/> when it fits, else as a <see cref="BigInteger"/>.</summary>
    /// <param name="value">Any integer.</param>
    /// <returns>The normalised int.</returns>
    public static object Normalize(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;

    /// <summary>True when <paramref name="value"/> is a Python int in the model (<see cref="long"/> or <see cref="BigInteger"/>; not bool).</summary>
    /// <param name="value">Any model value.</param>
    /// <returns>Whether it is an int.</returns>
    public static bool IsInt(object? value) => value is long or BigInteger;

    /// <summary>
    /// Reads a Python integral value (<see cref="long"/>, <see cref="BigInteger"/>, <see cref="bool"/>,
    /// or the smaller .NET integer types) as a <see cref="BigInteger"/>.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="result">The integer.</param>
    /// <returns>False when the value is not integral.</returns>
    public static bool TryGetBigInteger(object? value, out BigInteger result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case BigInteger b: result = b; return true;
            case bool f: result = f ? BigInteger.One : BigInteger.Zero; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte by: result = by; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul: result = ul; return true;
            default: result = default; return false;
        }
    }

    /// <summary>True when a .NET value is integral in Python's sense (int or bool, any .NET integer type).</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is an integer.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIntegral(object? value) =>
        value is long or BigInteger or bool or int or short or sbyte or byte or ushort or uint or ulong;
}

namespace PyStd.Objects;

/// <summary>The kind of a <see cref="PyDecimal"/> value.</summary>
public enum PyDecimalForm
{
    /// <summary>A finite number (including zero).</summary>
    Finite = 0,

    /// <summary><c>Infinity</c> or <c>-Infinity</c>.</summary>
    Infinity = 1,

    /// <summary>A quiet NaN, <c>NaN</c>, possibly with a payload (<c>NaN12</c>).</summary>
    NaN = 2,

    /// <summary>A signalling NaN, <c>sNaN</c>, possibly with a payload.</summary>
    SignalingNaN = 3,
}

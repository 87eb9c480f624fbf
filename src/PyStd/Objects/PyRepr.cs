namespace PyStd.Objects;

/// <summary>Python's <c>repr()</c> for the value model. (Stub: being written.)</summary>
public static partial class PyRepr
{
    /// <summary>Returns exactly what CPython's <c>repr()</c> prints for <paramref name="value"/>.</summary>
    /// <param name="value">A model value.</param>
    /// <returns>The repr.</returns>
    public static string Repr(object? value) => value?.ToString() ?? "None";
}

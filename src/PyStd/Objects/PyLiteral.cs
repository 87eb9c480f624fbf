namespace PyStd.Objects;

/// <summary>Python's <c>ast.literal_eval</c>. (Stub: being written.)</summary>
public static partial class PyLiteral
{
    /// <summary>Parses a Python literal into a model value.</summary>
    /// <param name="text">The literal's source text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="LiteralSyntaxException">The text is not a literal.</exception>
    public static object? Parse(string text) => throw new LiteralSyntaxException("not implemented: " + text);
}

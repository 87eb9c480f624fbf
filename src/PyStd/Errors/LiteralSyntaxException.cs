namespace PyStd;

/// <summary>
/// Raised by <see cref="Objects.PyLiteral.Parse(string)"/> for text that is not a Python literal:
/// what CPython's <c>ast.literal_eval</c> reports as <c>SyntaxError</c> or
/// <c>ValueError: malformed node or string</c>. The message says what is wrong and where.
/// </summary>
public class LiteralSyntaxException : PyStdException
{
    /// <summary>Creates an exception with no message.</summary>
    public LiteralSyntaxException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong and where.</param>
    public LiteralSyntaxException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public LiteralSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a problem at a position in the text.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="offset">0-based index of the character in the text where the problem is.</param>
    /// <param name="line">1-based line number.</param>
    /// <param name="column">1-based column number.</param>
    public LiteralSyntaxException(string message, int offset, int line, int column)
        : base($"{message} (line {line}, column {column})")
    {
        Offset = offset;
        Line = line;
        Column = column;
    }

    /// <summary>0-based index of the offending character, or -1 when not known.</summary>
    public int Offset { get; } = -1;

    /// <summary>1-based line of the offending character, or 0 when not known.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending character, or 0 when not known.</summary>
    public int Column { get; }

    /// <inheritdoc />
    public override string PythonName => "SyntaxError";
}

namespace PyStd.Cli;

/// <summary>Turns an exception into the CLI's one-line error: <c>pystd: ExceptionName: message</c>.</summary>
public static class CliErrors
{
    /// <summary>Formats an error line (no newline, no stack trace).</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>The line.</returns>
    public static string Format(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string message = exception.Message.ReplaceLineEndings(" ").Trim();
        return $"pystd: {exception.GetType().Name}: {message}";
    }
}

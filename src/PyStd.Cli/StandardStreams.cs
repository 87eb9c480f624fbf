using System.CommandLine;

namespace PyStd.Cli;

/// <summary>
/// What <c>-</c> means for the binary verbs: the injected streams (tests, hosts), else the console's.
/// Binary output goes to the console only when it is redirected, never to a terminal.
/// </summary>
internal sealed class StandardStreams(Func<Stream>? standardInput, Func<Stream>? standardOutput, string terminalRefusal)
{
    public byte[] Read(string path)
    {
        if (path != "-")
        {
            return File.ReadAllBytes(path);
        }

        using Stream stdin = standardInput?.Invoke() ?? Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }

    public void Write(ParseResult parse, string? path, byte[] data)
    {
        if (path is not null && path != "-")
        {
            File.WriteAllBytes(path, data);
            return;
        }

        if (standardOutput is not null)
        {
            Stream stream = standardOutput();
            stream.Write(data);
            stream.Flush();
            return;
        }

        if (!ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out))
        {
            throw new InvalidOperationException("Binary output needs -o FILE here: standard output is not the console's.");
        }

        if (!Console.IsOutputRedirected)
        {
            throw new InvalidOperationException(terminalRefusal);
        }

        Console.Out.Flush();
        using Stream stdout = Console.OpenStandardOutput();
        stdout.Write(data);
        stdout.Flush();
    }
}

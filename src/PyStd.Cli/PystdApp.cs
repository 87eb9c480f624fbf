using System.CommandLine;
using System.CommandLine.Help;
using PyStd.Cli.Commands;

namespace PyStd.Cli;

/// <summary>
/// The <c>pystd</c> command: Python's standard library formats and databases from the shell.
/// Values on the command line are Python literals; values printed are Python reprs.
/// Exit codes: 0 success, 1 a Python-level error (one line on stderr), 2 bad usage.
/// </summary>
public static class PystdApp
{
    /// <summary>Exit code for a reported error.</summary>
    public const int ErrorExitCode = 1;

    /// <summary>Exit code for bad usage.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Builds the command tree.</summary>
    /// <returns>The root command.</returns>
    public static Command BuildRoot()
    {
        // A plain Command named 'pystd' rather than RootCommand, whose name is the assembly's.
        var root = new Command("pystd",
            "pystd: Python's standard library for .NET, byte- and bit-compatible with CPython.\n" +
            "Values are Python literals; output is Python repr.\n\n" +
            "Modules:\n" +
            "  repr    print repr(ast.literal_eval(LITERAL))\n" +
            "  struct  pack, unpack and size binary records (Python's struct)\n" +
            "  array   show bytes as Python's array.array of a typecode\n" +
            "  pickle  show, dis, dump and convert pickles (protocols 0-5, Python 2 and 3)\n" +
            "  marshal show and dump Python's marshal format (versions 0-4)\n" +
            "  pyc     show a .pyc file's header and code objects (CPython 3.11-3.13)\n" +
            "  random  CPython's random stream: pystd random METHOD [ARG...] --seed S --count N [--py27]\n" +
            "  getkey  print \"Got character 'a'\" for each key pressed (no echo, no Enter) until q\n" +
            "  db      dbm databases: whichdb, keys, get, set, del, dump/load (db_dump format), verify\n" +
            "  shelve  Python shelves: show, keys, get, set, del");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(ReprCommand.Create());
        root.Subcommands.Add(StructCommand.Create());
        root.Subcommands.Add(ArrayCommand.Create());
        root.Subcommands.Add(RandomCommand.Create());
        root.Subcommands.Add(PickleCommand.Create());
        root.Subcommands.Add(MarshalCommand.Create());
        root.Subcommands.Add(PycCommand.Create());
        root.Subcommands.Add(GetkeyCommand.Create());
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(ShelveCommand.Create());
        return root;
    }

    /// <summary>Runs the command line and returns the exit code; never throws.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>0, <see cref="ErrorExitCode"/> or <see cref="UsageExitCode"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(BuildRoot, args, stdout, stderr);

    /// <summary>
    /// Runs the command line against a command tree of the caller's (a host's or a test's, e.g. one command
    /// built with injected streams) with pystd's exit codes and one-line errors; never throws.
    /// </summary>
    /// <param name="buildRoot">Builds the root command.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>0, <see cref="ErrorExitCode"/> or <see cref="UsageExitCode"/>.</returns>
    public static int Run(Func<Command> buildRoot, string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(buildRoot);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            Command root = buildRoot();
            // No response files: '@' starts struct formats ('@bq'), not file names.
            var parserConfig = new ParserConfiguration { ResponseFileTokenReplacer = null };
            ParseResult parse = root.Parse(args, parserConfig);
            if (parse.Errors.Count > 0)
            {
                stderr.WriteLine($"pystd: usage: {parse.Errors[0].Message} (see 'pystd --help')");
                return UsageExitCode;
            }

            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return parse.Invoke(config);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine(CliErrors.Format(ex));
            return ex is ArgumentException ? UsageExitCode : ErrorExitCode;
        }
    }
}

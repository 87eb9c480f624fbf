// The lifecycle test host. Every line it prints is flushed at once (Console.Out autoflushes).
//
//   signals SPEC...   SPEC is handle:N, ign:N, dfl:N or alarm:S. Handlers print "signal N".
//                     Prints "ready", then obeys stdin lines: "raise N", "getsignal N", "quit".
//   getsignal         one line per valid signal: "N NAME HANDLER" (Python's getsignal, named as Python prints it)
//   atexit MODE       registers handlers printing "atexit 1", "atexit 2", "atexit 3", then MODE:
//                     return | exit | throw | sigint | sigterm | run | error | unregister
//   closeout          prints "before", closes descriptor 1, prints "closed" on stderr, waits for a
//                     line on stdin, prints "still running" on stderr, exits 0
//   keys MODE         MODE: read (ReadKey until 'q' or EOF), poll (TryReadKey with 100 ms timeouts),
//                     throw (read one key then throw), error (print the TermiosException when stdin is no terminal)
using PyStd.Lifecycle;
using PyStd.Objects;
using PyStd.Terminal;

string verb = args.Length > 0 ? args[0] : "";
switch (verb)
{
    case "signals":
        return RunSignals(args[1..]);
    case "getsignal":
        foreach (int s in Signals.ValidSignals())
        {
            Console.WriteLine($"{s} {Signals.Name(s) ?? "-"} {Describe(Signals.GetSignal(s))}");
        }

        return 0;
    case "atexit":
        return RunAtExit(args[1]);
    case "closeout":
        Console.WriteLine("before");
        Stdio.Close(Stdio.StdoutFileno);
        Console.Error.WriteLine("closed");
        Console.ReadLine(); // the parent sees EOF on stdout while we wait here
        Console.Error.WriteLine("still running");
        return 0;
    case "keys":
        return RunKeys(args[1]);
    default:
        Console.Error.WriteLine($"unknown verb '{verb}'");
        return 2;
}

static int RunSignals(string[] specs)
{
    foreach (string spec in specs)
    {
        string[] parts = spec.Split(':');
        int n = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        switch (parts[0])
        {
            case "handle":
                Signals.Signal(n, (signum, frame) => Console.WriteLine($"signal {signum} frame={(frame is null ? "None" : "?")}"));
                break;
            case "ign":
                Signals.Signal(n, Signals.SigIgn);
                break;
            case "dfl":
                Signals.Signal(n, Signals.SigDfl);
                break;
            case "alarm":
                Signals.Alarm(n);
                break;
            default:
                throw new ArgumentException($"bad spec {spec}");
        }
    }

    Console.WriteLine("ready");
    while (Console.ReadLine() is { } line)
    {
        string[] words = line.Split(' ');
        switch (words[0])
        {
            case "raise":
                Signals.RaiseSignal(int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture));
                Console.WriteLine($"raised {words[1]}");
                break;
            case "getsignal":
                Console.WriteLine($"getsignal {Describe(Signals.GetSignal(int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture)))}");
                break;
            case "quit":
                return 0;
            default:
                break;
        }
    }

    return 0;
}

static string Describe(SignalHandler? handler) =>
    handler is null ? "None"
    : ReferenceEquals(handler, Signals.SigDfl) ? "Handlers.SIG_DFL"
    : ReferenceEquals(handler, Signals.SigIgn) ? "Handlers.SIG_IGN"
    : ReferenceEquals(handler, Signals.DefaultIntHandler) ? "default_int_handler"
    : "handler";

static int RunAtExit(string mode)
{
    AtExit.Register(() => Console.WriteLine("atexit 1"));
    if (mode == "error")
    {
        AtExit.Register(() => throw new InvalidOperationException("boom in handler 2"));
    }
    else
    {
        AtExit.Register(i => Console.WriteLine($"atexit {i}"), 2);
    }

    Action third = () => Console.WriteLine("atexit 3");
    AtExit.Register(third);
    if (mode == "unregister")
    {
        AtExit.Unregister(third);
    }

    Console.WriteLine($"registered {AtExit.NCallbacks}");
    switch (mode)
    {
        case "exit":
            Environment.Exit(3);
            break;
        case "throw":
            throw new InvalidOperationException("unhandled in main");
        case "sigint":
        case "sigterm":
            if (mode == "sigint")
            {
                // A parent may have left SIGINT ignored (background jobs); Python's
                // signal.signal(SIGINT, default_int_handler) makes Ctrl-C count again.
                Signals.Signal(Signals.SIGINT, Signals.DefaultIntHandler);
            }

            Console.WriteLine("ready");
            Thread.Sleep(20_000);
            Console.WriteLine("not interrupted");
            break;
        case "run":
            AtExit.RunExitFuncs();
            Console.WriteLine($"after run {AtExit.NCallbacks}");
            break;
        default:
            break;
    }

    Console.WriteLine("main returns");
    return 0;
}

static int RunKeys(string mode)
{
    switch (mode)
    {
        case "read":
            using (KeyboardSession keyboard = Keyboard.Open())
            {
                while (keyboard.ReadKey() is { Length: > 0 } key)
                {
                    Console.WriteLine($"key {PyRepr.Repr(key)}");
                    if (key == "q")
                    {
                        break;
                    }
                }
            }

            return 0;
        case "poll":
            Console.WriteLine($"once {PyRepr.Repr(Keyboard.ReadKey())}");
            Console.WriteLine($"available {Keyboard.KeyAvailable}");
            using (KeyboardSession keyboard = Keyboard.Open())
            {
                int timeouts = 0;
                while (true)
                {
                    if (!keyboard.TryReadKey(TimeSpan.FromMilliseconds(100), out string? key))
                    {
                        if (timeouts++ == 0)
                        {
                            Console.WriteLine("timeout");
                        }

                        continue;
                    }

                    Console.WriteLine($"key {PyRepr.Repr(key)} available {keyboard.KeyAvailable}");
                    if (key is "q" or "")
                    {
                        return 0;
                    }
                }
            }

        case "error":
            try
            {
                Keyboard.ReadKey();
                Console.WriteLine("no error");
            }
            catch (PyStd.TermiosException e)
            {
                Console.WriteLine($"{e.PythonName}|{e.Message}|{e.Errno}");
            }

            return 0;
        case "throw":
            using (KeyboardSession keyboard = Keyboard.Open())
            {
                string key = keyboard.ReadKey();
                Console.WriteLine($"key {PyRepr.Repr(key)}");
                throw new InvalidOperationException("thrown while reading keys");
            }

        default:
            return 2;
    }
}

namespace PyStd.Lifecycle;

/// <summary>
/// Python's <c>atexit</c> module: functions to call when the process ends.
/// </summary>
/// <remarks>
/// <code>
/// AtExit.Register(() =&gt; Console.WriteLine("bye"));
/// AtExit.Register(name =&gt; Console.WriteLine($"closing {name}"), "db");
/// </code>
/// <para>
/// The handlers run once, last registered first, when <c>Main</c> returns, on
/// <see cref="Environment.Exit(int)"/>, on an unhandled exception (before the runtime prints it and
/// aborts), and on Ctrl-C (SIGINT under <see cref="Signals.DefaultIntHandler"/>, after which the
/// process dies by SIGINT as CPython's does). As in CPython they do not run when the process is
/// killed by a signal's default action (SIGTERM, SIGHUP, SIGKILL …): install a handler that calls
/// <see cref="Environment.Exit(int)"/> if you want them to, the way Python code calls
/// <c>sys.exit</c>. An exception thrown by a handler is printed on standard error as CPython 3.13
/// prints it (<c>Exception ignored in atexit callback &lt;…&gt;:</c> and the exception) and the
/// remaining handlers still run.
/// </para>
/// </remarks>
public static class AtExit
{
    private static readonly Lock s_gate = new();
    private static readonly object s_runGate = new();
    private static readonly List<(Delegate Function, Action Call)> s_callbacks = [];

    /// <summary>Python's <c>atexit._ncallbacks()</c>: how many handlers are registered.</summary>
    public static int NCallbacks
    {
        get
        {
            lock (s_gate)
            {
                return s_callbacks.Count;
            }
        }
    }

    /// <summary>Python's <c>atexit.register(func)</c>.</summary>
    /// <param name="func">The handler.</param>
    /// <returns><paramref name="func"/>, as Python returns it.</returns>
    public static Action Register(Action func)
    {
        ArgumentNullException.ThrowIfNull(func);
        Add(func, func);
        return func;
    }

    /// <summary>Python's <c>atexit.register(func, arg)</c>: <paramref name="func"/> is called with <paramref name="arg"/>.</summary>
    /// <typeparam name="T">The argument's type.</typeparam>
    /// <param name="func">The handler.</param>
    /// <param name="arg">Its argument.</param>
    /// <returns><paramref name="func"/>.</returns>
    public static Action<T> Register<T>(Action<T> func, T arg)
    {
        ArgumentNullException.ThrowIfNull(func);
        Add(func, () => func(arg));
        return func;
    }

    /// <summary>Python's <c>atexit.register(func, arg1, arg2)</c>.</summary>
    /// <typeparam name="T1">The first argument's type.</typeparam>
    /// <typeparam name="T2">The second argument's type.</typeparam>
    /// <param name="func">The handler.</param>
    /// <param name="arg1">Its first argument.</param>
    /// <param name="arg2">Its second argument.</param>
    /// <returns><paramref name="func"/>.</returns>
    public static Action<T1, T2> Register<T1, T2>(Action<T1, T2> func, T1 arg1, T2 arg2)
    {
        ArgumentNullException.ThrowIfNull(func);
        Add(func, () => func(arg1, arg2));
        return func;
    }

    /// <summary>
    /// Python's <c>atexit.register(func, *args)</c> for any delegate: <paramref name="func"/> is
    /// called with <paramref name="args"/> through <see cref="Delegate.DynamicInvoke(object?[])"/>.
    /// </summary>
    /// <param name="func">The handler.</param>
    /// <param name="args">Its arguments.</param>
    /// <returns><paramref name="func"/>.</returns>
    public static Delegate Register(Delegate func, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(func);
        ArgumentNullException.ThrowIfNull(args);
        object?[] copy = [.. args];
        Add(func, () =>
        {
            try
            {
                func.DynamicInvoke(copy);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            }
        });
        return func;
    }

    /// <summary>
    /// Python's <c>atexit.unregister(func)</c>: removes every registration of
    /// <paramref name="func"/> (compared with <see cref="Delegate.Equals(object?)"/>, as Python
    /// compares with <c>==</c>); does nothing if it was not registered.
    /// </summary>
    /// <param name="func">The handler.</param>
    public static void Unregister(Delegate func)
    {
        ArgumentNullException.ThrowIfNull(func);
        lock (s_gate)
        {
            s_callbacks.RemoveAll(c => c.Function.Equals(func));
        }
    }

    /// <summary>Python's <c>atexit._clear()</c>: removes every handler.</summary>
    public static void Clear()
    {
        lock (s_gate)
        {
            s_callbacks.Clear();
        }
    }

    /// <summary>
    /// Python's <c>atexit._run_exitfuncs()</c>: runs the handlers now, last registered first, and
    /// removes them, so they do not run again at exit. A handler's exception is reported on
    /// standard error and the others still run. A second caller waits until the first has finished.
    /// </summary>
    public static void RunExitFuncs()
    {
        lock (s_runGate)
        {
            (Delegate Function, Action Call)[] callbacks;
            lock (s_gate)
            {
                callbacks = [.. s_callbacks];
                s_callbacks.Clear();
            }

            for (int i = callbacks.Length - 1; i >= 0; i--)
            {
#pragma warning disable CA1031 // CPython reports the exception and runs the remaining handlers
                try
                {
                    callbacks[i].Call();
                }
                catch (Exception e)
                {
                    Report(callbacks[i].Function, e);
                }
#pragma warning restore CA1031
            }
        }
    }

    private static void Add(Delegate function, Action call)
    {
        ProcessHooks.EnsureInstalled();
        lock (s_gate)
        {
            s_callbacks.Add((function, call));
        }

        // Ctrl-C runs the handlers (Python's default_int_handler path); an ignored SIGINT stays ignored.
        SignalHub.EnsureRegistered(Signals.SIGINT);
    }

    private static void Report(Delegate function, Exception exception)
    {
        // CPython 3.13, Modules/atexitmodule.c: "Exception ignored in atexit callback %R" and the traceback.
        string name = function.Method.DeclaringType is { } type ? $"{type.FullName}.{function.Method.Name}" : function.Method.Name;
        Console.Error.WriteLine($"Exception ignored in atexit callback <function {name}>:");
        Console.Error.WriteLine(exception.ToString());
        Console.Error.Flush();
    }
}

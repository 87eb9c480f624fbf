namespace PyStd.Pickle.Converters;

/// <summary>
/// The converters, allowlist and denylist of <see cref="PickleRegistry.Default"/>. The table of
/// what maps to what is in <c>docs/pickle.md</c>.
/// </summary>
internal static class StandardConverters
{
    /// <summary>Globals the unpickler models itself or that the standard classes' pickles name.</summary>
    public static readonly (string Module, string Name)[] AllowedGlobals =
    [
        ("builtins", "*"), // the builtin types and exceptions; the dangerous functions are denied below
        ("copyreg", "_reconstructor"),
        ("copyreg", "__newobj__"),
        ("copyreg", "__newobj_ex__"),
        ("_codecs", "encode"),
        ("datetime", "*"),
        ("uuid", "SafeUUID"),
        ("zoneinfo", "ZoneInfo"),
        ("functools", "partial"),
    ];

    /// <summary>
    /// Globals refused in every mode: process creation, code evaluation, imports, file-system and
    /// interpreter control. Checked against the name as written and as mapped by <c>fix_imports</c>.
    /// </summary>
    public static readonly (string Module, string Name)[] DeniedGlobals = BuildDenied();

    public static void AddTo(PickleRegistry registry)
    {
        registry.Register(new DateTimeConverter(typeof(PyStd.Objects.PyDateTime)));
        registry.Register(new DateTimeConverter(typeof(DateTimeOffset)));
        registry.Register(new DateTimeConverter(typeof(DateTime)));
        registry.Register(new DateConverter());
        registry.Register(new TimeConverter(typeof(PyStd.Objects.PyTime)));
        registry.Register(new TimeConverter(typeof(TimeOnly)));
        registry.Register(new TimedeltaConverter());
        registry.Register(new DecimalConverter(typeof(decimal)));
        registry.Register(new DecimalConverter(typeof(PyStd.Objects.PyDecimal)));
        registry.Register(new UuidConverter());
        registry.Register(new OrderedDictConverter());
        registry.Register(new DefaultDictConverter());
        registry.Register(new DequeConverter());
        registry.Register(new CounterConverter());
    }

    private static (string, string)[] BuildDenied()
    {
        var list = new List<(string, string)>();
        string[] osNames =
        [
            "system", "popen", "popen2", "popen3", "popen4", "exec*", "spawn*", "posix_spawn*", "startfile",
            "kill", "killpg", "remove", "unlink", "rmdir", "removedirs", "rename", "renames", "replace",
            "fork", "forkpty", "_exit", "abort", "putenv", "unsetenv", "chmod", "lchmod", "chown", "lchown",
            "truncate", "ftruncate", "write", "open", "symlink", "link", "mkdir", "makedirs", "chdir", "fchdir",
            "chroot", "setuid", "seteuid", "setreuid", "setgid", "setegid", "setregid", "system_str",
        ];
        foreach (string module in new[] { "os", "posix", "nt" })
        {
            foreach (string name in osNames)
            {
                list.Add((module, name));
            }
        }

        foreach (string module in new[]
        {
            "subprocess", "pty", "commands", "popen2", "ctypes", "_ctypes", "importlib", "imp", "runpy",
            "code", "codeop", "pdb", "bdb", "trace", "profile", "cProfile", "timeit", "pickle", "_pickle",
            "cPickle", "marshal", "shutil", "socket", "_socket", "webbrowser", "sys", "asyncio.subprocess",
            "_posixsubprocess", "multiprocessing.popen_fork", "multiprocessing.util",
        })
        {
            list.Add((module, "*"));
        }

        foreach (string module in new[] { "builtins", "__builtin__" })
        {
            foreach (string name in new[]
            {
                "eval", "exec", "execfile", "compile", "__import__", "open", "file", "input", "raw_input",
                "breakpoint", "setattr", "delattr", "globals", "locals", "vars", "exit", "quit", "help", "reload",
                "__loader__", "__spec__",
            })
            {
                list.Add((module, name));
            }
        }

        list.Add(("platform", "popen"));
        list.Add(("pydoc", "pipepager"));
        return list.ToArray();
    }
}

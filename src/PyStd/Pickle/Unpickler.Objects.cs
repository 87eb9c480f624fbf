using System.Numerics;
using System.Text;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <content>
/// Globals and instances: GLOBAL/STACK_GLOBAL/EXT (<c>find_class</c>, through the registry's
/// allowlist and denylist and <c>fix_imports</c>), REDUCE/NEWOBJ/NEWOBJ_EX/OBJ/INST/BUILD as data, the
/// few builtins modelled directly (<c>set</c>, <c>frozenset</c>, <c>bytes</c>, <c>bytearray</c>,
/// <c>complex</c>, <c>_codecs.encode</c>, <c>copyreg._reconstructor</c>), persistent ids and
/// out-of-band buffers.
/// </content>
public sealed partial class Unpickler
{
    /// <summary>find_class, without importing anything: the global as a <see cref="PyGlobal"/> name.</summary>
    private PyGlobal FindClass(string module, string name)
    {
        bool fix = _proto < 3 && _options.FixImports;
        _globals ??= new Dictionary<(string, string, bool), PyGlobal>();
        if (_globals.TryGetValue((module, name, fix), out PyGlobal? known))
        {
            return known;
        }

        PickleRegistry registry = _options.Registry;
        if (registry.IsDenied(module, name))
        {
            throw Forbidden(module, name, denied: true);
        }

        (string m, string n) = fix ? CompatPickle.MapForLoad(module, name) : (module, name);
        if ((m != module || n != name) && registry.IsDenied(m, n))
        {
            throw Forbidden(m, n, denied: true);
        }

        if (_options.UnknownGlobals == UnknownGlobals.Reject && !registry.IsAllowed(m, n))
        {
            throw Forbidden(m, n, denied: false);
        }

        var global = new PyGlobal(m, n);
        _globals[(module, name, fix)] = global;
        return global;
    }

    /// <summary>
    /// A class as NEWOBJ/OBJ/_reconstructor name it: a global, or CPython's
    /// <c>builtins.getattr(Outer, 'Inner')</c> for a nested class at protocols below 4.
    /// </summary>
    private static bool TryClassName(object? cls, out string module, out string name, out object? callable)
    {
        switch (cls)
        {
            case PyGlobal g:
                (module, name, callable) = (g.Module, g.Name, null);
                return true;
            case PyObject { Module: "builtins", Name: "getattr", Kind: PyObjectKind.Reduce, Callable: null } o
                when o.Args.Count == 2 && o.Args[0] is PyGlobal owner && o.Args[1] is string attribute:
                (module, name, callable) = (owner.Module, owner.Name + "." + attribute, o);
                return true;
            default:
                (module, name, callable) = (string.Empty, string.Empty, null);
                return false;
        }
    }

    /// <summary>
    /// CPython's pickler writes <c>cls.__new__(cls, *args, **kwargs)</c> below protocol 4 as
    /// <c>functools.partial(getattr(cls, '__new__'), cls, *args, **kwargs)</c> called with no
    /// arguments; this recognises the partial (its state is <c>(func, args, kwargs, dict)</c>).
    /// </summary>
    private static bool IsNewObjExPartial(PyObject partial, out string module, out string name, out object? callable,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PyTuple? args, out PyDict? kwargs)
    {
        (module, name, callable, args, kwargs) = (string.Empty, string.Empty, null, null, null);
        if (partial is not { Module: "functools", Name: "partial", Kind: PyObjectKind.Reduce, Callable: null, HasState: true }
            || partial.Args.Count != 1
            || partial.State is not PyTuple { Count: 4 } state
            || state[0] is not PyObject { Module: "builtins", Name: "getattr" } newMethod
            || !ReferenceEquals(newMethod, partial.Args[0])
            || newMethod.Args.Count != 2 || newMethod.Args[1] is not "__new__"
            || state[1] is not PyTuple { Count: >= 1 } all
            || !Equals(all[0], newMethod.Args[0])
            || !TryClassName(all[0], out module, out name, out callable)
            || state[2] is not (null or PyDict)
            || state[3] is not null)
        {
            return false;
        }

        args = PyTuple.FromOwnedArray(all.AsSpan()[1..].ToArray());
        kwargs = state[2] as PyDict ?? new PyDict();
        return true;
    }

    private static UnpicklingException Forbidden(string module, string name, bool denied) =>
        new(denied
            ? $"global '{module}.{name}' is forbidden"
            : $"global '{module}.{name}' is forbidden: it is not in the registry's allowlist (UnknownGlobals.Reject)");

    private void LoadExtension(int code)
    {
        if (code <= 0)
        {
            throw new UnpicklingException("EXT specifies code <= 0");
        }

        if (_options.Extensions is null || !_options.Extensions.TryGetGlobal(code, out PyGlobal? global))
        {
            throw new UnpicklingException($"unregistered extension code {code}");
        }

        Push(FindClass(global.Module, global.Name));
    }

    private static string DecodeName(ReadOnlySpan<byte> line)
    {
        if (line.Length < 2)
        {
            throw Truncated();
        }

        try
        {
            return s_strictUtf8.GetString(line[..^1]);
        }
        catch (DecoderFallbackException e)
        {
            throw new UnpicklingException(Utf8Error(line[..^1], e), e);
        }
    }

    // ---- construction ------------------------------------------------------------------------

    private void LoadReduce()
    {
        object? args = Pop(out int argsDepth);
        object? callable = Pop();
        if (args is not PyTuple tuple)
        {
            throw new UnpicklingException("argument list must be a tuple");
        }

        switch (callable)
        {
            case PyGlobal { Module: "copyreg", Name: "_reconstructor" } when tuple.Count == 3
                && TryClassName(tuple[0], out string clsModule, out string clsName, out object? clsCallable)
                && tuple[1] is PyGlobal { Module: "builtins", Name: "object" } && tuple[2] is null:
                // copyreg._reduce_ex at protocols 0–1: object.__new__(cls), the instance NEWOBJ makes.
                Construct(clsModule, clsName, PyObjectKind.NewObj, PyTuple.Empty, null, 0, clsCallable);
                return;

            case PyGlobal g:
                if (TryBuiltin(g, tuple, argsDepth, out object? value, out int depth))
                {
                    Push(value, depth);
                    return;
                }

                Construct(g.Module, g.Name, PyObjectKind.Reduce, tuple, null, argsDepth, callable: null);
                return;

            case PyObject o when tuple.Count == 0 && IsNewObjExPartial(o, out string clsModule2, out string clsName2, out object? clsCallable2, out PyTuple? newArgs, out PyDict? newKwargs):
                // copyreg.__newobj_ex__ below protocol 4: partial(cls.__new__, cls, *args, **kwargs)().
                Construct(clsModule2, clsName2, PyObjectKind.NewObj, newArgs, newKwargs, argsDepth, clsCallable2);
                return;

            case PyObject o:
                // A callable that is not a module-level name: CPython writes a class method or a
                // nested function as builtins.getattr(owner, 'name'). Name the result after it.
                string module = o.Module, name = o.Name;
                if (o is { Module: "builtins", Name: "getattr", Kind: PyObjectKind.Reduce } && o.Args.Count == 2
                    && o.Args[0] is PyGlobal owner && o.Args[1] is string attribute)
                {
                    module = owner.Module;
                    name = owner.Name + "." + attribute;
                }

                Construct(module, name, PyObjectKind.Reduce, tuple, null, argsDepth, callable: o);
                return;

            default:
                throw new UnpicklingException($"'{PyTypeName.Of(callable)}' object is not callable");
        }
    }

    private void LoadNewObj(bool useKwargs)
    {
        string opcode = useKwargs ? "NEWOBJ_EX" : "NEWOBJ";
        PyDict? kwargs = null;
        int kwargsDepth = 0;
        if (useKwargs)
        {
            object? k = Pop(out kwargsDepth);
            kwargs = k as PyDict ?? throw new UnpicklingException($"NEWOBJ_EX kwargs argument must be a dict, not {PyTypeName.Of(k)}");
        }

        object? args = Pop(out int argsDepth);
        if (args is not PyTuple tuple)
        {
            throw new UnpicklingException($"{opcode} args argument must be a tuple, not {PyTypeName.Of(args)}");
        }

        object? cls = Pop();
        if (!TryClassName(cls, out string module, out string name, out object? callable))
        {
            throw new UnpicklingException($"{opcode} class argument must be a type, not {PyTypeName.Of(cls)}");
        }

        Construct(module, name, PyObjectKind.NewObj, tuple, kwargs, Math.Max(argsDepth, kwargsDepth), callable);
    }

    private void LoadObj()
    {
        int mark = PopMark();
        if (_count - mark < 1)
        {
            throw StackUnderflow();
        }

        PyTuple args = PopTuple(mark + 1, out int depth);
        object? cls = Pop();
        if (!TryClassName(cls, out string module, out string name, out object? callable))
        {
            throw new UnpicklingException($"OBJ class argument must be a class, not {PyTypeName.Of(cls)}");
        }

        Construct(module, name, PyObjectKind.Inst, args, null, depth, callable);
    }

    private void LoadInst(ref PickleInput input)
    {
        int mark = PopMark();
        string module = DecodeName(input.ReadLine());
        string name = DecodeName(input.ReadLine());
        PyGlobal g = FindClass(module, name);
        PyTuple args = PopTuple(mark, out int depth);
        Construct(g.Module, g.Name, PyObjectKind.Inst, args, null, depth, callable: null);
    }

    /// <summary>Pushes an instance: a registered class's .NET value (now or once complete), else a <see cref="PyObject"/>.</summary>
    private void Construct(string module, string name, PyObjectKind kind, PyTuple args, PyDict? kwargs, int argsDepth, object? callable)
    {
        var shape = new PyObject(module, name) { Kind = kind, Args = args, Kwargs = kwargs, Callable = callable };
        int depth = argsDepth + 1;
        if (_options.Registry.TryGetByName(module, name, out PickleConverter? converter))
        {
            if (converter.ConvertsAtConstruction)
            {
                Push(Convert(converter, shape), depth);
            }
            else
            {
                PushPending(shape, converter, depth);
            }

            return;
        }

        Push(shape, depth);
    }

    private void LoadBuild()
    {
        object? state = Pop(out int stateDepth);
        if (_count <= _fence)
        {
            throw StackUnderflow();
        }

        switch (_stack[_count - 1])
        {
            case PyObject obj:
                obj.State = state;
                obj.HasState = true;
                if (_pendingTop == _count - 1)
                {
                    FinishPending(_count - 1); // BUILD is the last step of save_reduce: the instance is complete
                }

                break;
            case null when state is null:
                break;
            case object other when _options.Registry.TryGetByType(other.GetType(), out PickleConverter? converter):
                try
                {
                    converter.SetState(other, state);
                }
                catch (Exception e) when (e is not (UnpicklingException or OutOfMemoryException))
                {
                    throw new UnpicklingException($"could not set the state of {converter.Module}.{converter.Name}: {e.Message}", e);
                }

                break;
            case var other when state is null:
                _ = other; // setstate(None) on a model value changes nothing
                break;
            case var other:
                throw new UnpicklingException($"cannot set the state of a '{PyTypeName.Of(other)}' object");
        }

        if (stateDepth + 1 > _depths[_count - 1])
        {
            if (stateDepth + 1 > _options.MaxDepth)
            {
                throw TooDeep();
            }

            _depths[_count - 1] = stateDepth + 1;
        }
    }

    // ---- builtins modelled directly ----------------------------------------------------------

    /// <summary>Calls to builtins that make model values; false to keep the call as a <see cref="PyObject"/>.</summary>
    private static bool TryBuiltin(PyGlobal g, PyTuple args, int argsDepth, out object? value, out int depth)
    {
        value = null;
        depth = 0;
        switch (g.Module)
        {
            case "builtins":
                switch (g.Name)
                {
                    case "set" or "frozenset" when args.Count <= 1:
                    {
                        IEnumerable<object?> items = System.Array.Empty<object?>();
                        if (args.Count == 1)
                        {
                            if (args[0] is not (List<object?> or PyTuple or PySetBase))
                            {
                                return false;
                            }

                            items = (IEnumerable<object?>)args[0]!;
                        }

                        depth = Math.Max(1, argsDepth - 1); // (items,) is two levels around the members

                        value = g.Name == "set" ? new PySet(items) : new PyFrozenSet(items);
                        return true;
                    }

                    case "bytes" when TryBytes(args, out byte[]? bytes):
                        value = bytes;
                        return true;
                    case "bytearray" when TryBytes(args, out byte[]? bytes):
                        value = new PyByteArray(bytes);
                        return true;
                    case "complex" when args.Count is 1 or 2 && TryDouble(args[0], out double re):
                    {
                        double im = 0;
                        if (args.Count == 2 && !TryDouble(args[1], out im))
                        {
                            return false;
                        }

                        value = new Complex(re, im);
                        return true;
                    }
                }

                return false;

            case "_codecs" when g.Name == "encode" && args.Count is 1 or 2 && args[0] is string text:
            {
                // save_bytes at protocols 0–2: _codecs.encode(bytes.decode('latin1'), 'latin1').
                string encoding = args.Count == 2 ? args[1] as string ?? string.Empty : "utf-8";
                if (!TryEncode(text, encoding, out byte[]? bytes))
                {
                    return false;
                }

                value = bytes;
                return true;
            }
        }

        return false;
    }

    private static bool TryDouble(object? value, out double d)
    {
        switch (value)
        {
            case double x:
                d = x;
                return true;
            case long l:
                d = l;
                return true;
            case bool b:
                d = b ? 1 : 0;
                return true;
            case BigInteger bi when BigInteger.Abs(bi) < BigInteger.Pow(2, 1000):
                d = (double)bi;
                return true;
            default:
                d = 0;
                return false;
        }
    }

    /// <summary>bytes()/bytearray() arguments: nothing, bytes, or (str, encoding).</summary>
    private static bool TryBytes(PyTuple args, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        switch (args.Count)
        {
            case 0:
                bytes = System.Array.Empty<byte>();
                return true;
            case 1 when args[0] is byte[] b:
                bytes = (byte[])b.Clone();
                return true;
            case 1 when args[0] is PyByteArray ba:
                bytes = ba.ToArray();
                return true;
            case 2 when args[0] is string s && args[1] is string encoding:
                return TryEncode(s, encoding, out bytes);
            default:
                return false;
        }
    }

    private static bool TryEncode(string text, string encoding, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        switch (encoding.ToLowerInvariant().Replace('_', '-'))
        {
            case "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" or "l1":
                bytes = new byte[text.Length];
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] > 0xFF)
                    {
                        throw new UnpicklingException(
                            $"'latin-1' codec can't encode character '\\u{(int)text[i]:x4}' in position {i}: ordinal not in range(256)");
                    }

                    bytes[i] = (byte)text[i];
                }

                return true;
            case "utf-8" or "utf8":
                if (text.Any(char.IsSurrogate))
                {
                    return false;
                }

                bytes = Encoding.UTF8.GetBytes(text);
                return true;
            case "ascii" or "us-ascii":
                if (text.Any(c => c > 0x7F))
                {
                    return false;
                }

                bytes = Encoding.ASCII.GetBytes(text);
                return true;
            default:
                return false;
        }
    }

    // ---- persistent ids and buffers ----------------------------------------------------------

    private const string NoPersistentLoad =
        "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.";

    private void LoadPersId(ref PickleInput input)
    {
        if (_options.PersistentLoad is null)
        {
            throw new UnpicklingException(NoPersistentLoad);
        }

        ReadOnlySpan<byte> line = input.ReadLine();
        if (!System.Text.Ascii.IsValid(line[..^1]))
        {
            throw new UnpicklingException("persistent IDs in protocol 0 must be ASCII strings");
        }

        Push(CallUser(_options.PersistentLoad, Encoding.ASCII.GetString(line[..^1])));
    }

    private void LoadBinPersId()
    {
        if (_options.PersistentLoad is null)
        {
            throw new UnpicklingException(NoPersistentLoad);
        }

        object? pid = Pop();
        Push(CallUser(_options.PersistentLoad, pid));
    }

    private void LoadNextBuffer()
    {
        IReadOnlyList<ReadOnlyMemory<byte>>? buffers = _options.Buffers;
        if (buffers is null)
        {
            throw new UnpicklingException("pickle stream refers to out-of-band data but no *buffers* argument was given");
        }

        if (_nextBuffer >= buffers.Count)
        {
            throw new UnpicklingException("not enough out-of-band buffers");
        }

        ReadOnlyMemory<byte> buffer = buffers[_nextBuffer++];
        Charge(buffer.Length);
        Push(new PyByteArray(buffer.Span));
    }

    private void LoadReadOnlyBuffer()
    {
        ref object? top = ref Top();
        switch (top)
        {
            case PyByteArray bytearray:
                top = bytearray.ToArray();
                break;
            case byte[]:
                break;
            default:
                throw new UnpicklingException($"memoryview: a bytes-like object is required, not '{PyTypeName.Of(top)}'");
        }
    }
}

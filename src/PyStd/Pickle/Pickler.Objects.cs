using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using PyStd.Objects;

namespace PyStd.Pickle;

// Class references and instances: save_global (with fix_imports, STACK_GLOBAL, the getattr form of
// nested names below protocol 4 and the EXT codes), save_reduce for PyObject shapes, save_pers, and
// .NET values mapped through the registry or [PickleClass].
public sealed partial class Pickler
{
    private static readonly PyGlobal s_reconstructor = new("copyreg", "_reconstructor");
    private static readonly PyGlobal s_newObj = new("copyreg", "__newobj__");
    private static readonly PyGlobal s_newObjEx = new("copyreg", "__newobj_ex__");
    private static readonly PyGlobal s_builtinsObject = new("builtins", "object");
    private static readonly PyGlobal s_getattr = new("builtins", "getattr");

    private static readonly ConcurrentDictionary<(Type Type, PickleNamingPolicy Policy), AttributePickleConverter?> s_attributeConverters = new();
    private static readonly ConcurrentDictionary<Type, ClrShape> s_clrShapes = new();

    // dir(builtins) entries that are builtin_function_or_method in CPython 3.11.
    private static readonly HashSet<string> s_builtinFunctions = new(StringComparer.Ordinal)
    {
        "__build_class__", "__import__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "breakpoint",
        "callable", "chr", "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals",
        "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "len", "locals", "max", "min",
        "next", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars",
    };

    private Dictionary<Type, PickleConverter?>? _converters;
    private Dictionary<(string, string), PyObject>? _newMethods;

    private enum ClrShape
    {
        None,
        List,
        Dict,
        Set,
        Tuple,
    }

    /// <summary>save_pers: the persistent-ID hook. True when it returned an ID (written instead of the value).</summary>
    private bool SavePersistent(object? obj)
    {
        object? pid = _persistentId!(obj);
        if (pid is null)
        {
            return false;
        }

        if (_bin)
        {
            Boundary();
            SaveValue(pid);
            WriteOp(Opcodes.BinPersId);
        }
        else
        {
            string text = pid as string ?? PyRepr.Repr(pid);
            if (!Ascii.IsValid(text))
            {
                throw new PicklingException("persistent IDs in protocol 0 must be ASCII strings");
            }

            WriteTextLine(Opcodes.PersId, text);
        }

        return true;
    }

    /// <summary>Saves a class reference the way save() does (boundary, persistent ID), then by name.</summary>
    private void SaveGlobalRef(string module, string name)
    {
        Boundary();
        if (_persistentId is not null && SavePersistent(new PyGlobal(module, name)))
        {
            return;
        }

        SaveGlobal(module, name);
    }

    /// <summary>
    /// save_global: a class or function by name, memoised by name. EXT1/2/4 when registered; from
    /// protocol 4 STACK_GLOBAL on the module and qualified name; below it GLOBAL "module\nname\n"
    /// (Python 2 names at protocols 0–2 with fix_imports; ASCII except at protocol 3), or for a
    /// nested name getattr(parent, 'last') by REDUCE.
    /// </summary>
    private void SaveGlobal(string module, string name)
    {
        var key = (module, name);
        _globals ??= new Dictionary<(string Module, string Name), int>();
        if (_globals.TryGetValue(key, out int index))
        {
            WriteGet(index);
            return;
        }

        int dot = name.LastIndexOf('.');
        if (name.Contains("<locals>", StringComparison.Ordinal))
        {
            throw new PicklingException($"Can't pickle local object {PyRepr.Repr(name)}");
        }

        if (_proto >= 2 && _extensions is not null && _extensions.TryGetCode(module, name, out int code))
        {
            WriteExtension(code);
            return; // CPython does not memoise a global written as an EXT code
        }

        if (_proto >= 4)
        {
            Save(CanonicalModuleName(module, module == "builtins" && s_builtinFunctions.Contains(name)));
            Save(new string(name.AsSpan()));
            WriteOp(Opcodes.StackGlobal);
        }
        else if (dot >= 0)
        {
            Enter();
            Save(s_getattr);
            Save(new PyTuple(new PyGlobal(module, name[..dot]), name[(dot + 1)..]));
            WriteOp(Opcodes.Reduce);
            Leave();
        }
        else
        {
            if (_fixImports)
            {
                (module, name) = CompatPickle.MapForDump(module, name);
            }

            WriteGlobalText(Opcodes.Global, module, name);
        }

        _globals[key] = _memoCount;
        WritePut(_memoCount++);
    }

    /// <summary>GLOBAL/INST text: "module\nname\n", UTF-8 at protocol 3, ASCII otherwise (as _pickle.c).</summary>
    private void WriteGlobalText(byte op, string module, string name)
    {
        bool utf8 = _proto == 3;
        if (!utf8 && !Ascii.IsValid(module))
        {
            throw new PicklingException($"can't pickle module identifier '{module}' using pickle protocol {_proto}");
        }

        if (!utf8 && !Ascii.IsValid(name))
        {
            throw new PicklingException($"can't pickle global identifier '{name}' using pickle protocol {_proto}");
        }

        int moduleBytes = Encoding.UTF8.GetByteCount(module);
        int nameBytes = Encoding.UTF8.GetByteCount(name);
        int p = Reserve(3 + moduleBytes + nameBytes);
        _buf[p++] = op;
        p += EncodeUtf8(module, _buf.AsSpan(p));
        _buf[p++] = (byte)'\n';
        p += EncodeUtf8(name, _buf.AsSpan(p));
        _buf[p++] = (byte)'\n';
        _pos = p;
    }

    private void WriteExtension(int code)
    {
        if (code <= 0xff)
        {
            WriteOp(Opcodes.Ext1, (byte)code);
        }
        else if (code <= 0xffff)
        {
            int p = Reserve(3);
            _buf[p] = Opcodes.Ext2;
            _buf[p + 1] = (byte)code;
            _buf[p + 2] = (byte)(code >> 8);
            _pos = p + 3;
        }
        else
        {
            int p = Reserve(5);
            _buf[p] = Opcodes.Ext4;
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_buf.AsSpan(p + 1), code);
            _pos = p + 5;
        }
    }

    /// <summary>
    /// The one string object a module name is written as: CPython's classes and functions of one
    /// module share their <c>__module__</c> string (interned for C types, the module's
    /// <c>__name__</c> for Python code), so the second global of a module fetches the module name
    /// from the memo. The builtin functions (<c>getattr</c>, <c>len</c> …) are the exception: their
    /// <c>__module__</c> is the builtins module's own name object, not the types' interned one.
    /// </summary>
    private string CanonicalModuleName(string module, bool builtinFunction)
    {
        _moduleNames ??= new Dictionary<string, string>(StringComparer.Ordinal);
        string key = builtinFunction ? "\0" + module : module;
        if (!_moduleNames.TryGetValue(key, out string? canonical))
        {
            canonical = new string(module.AsSpan());
            _moduleNames.Add(key, canonical);
        }

        return canonical;
    }

    /// <summary>
    /// save_reduce for an instance shape. <paramref name="memoKey"/> is the object the instance is
    /// memoised as: the <see cref="PyObject"/> itself, or the .NET value a converter described.
    /// </summary>
    private void SavePyObject(PyObject obj, object memoKey)
    {
        Enter();
        switch (obj.Kind)
        {
            case PyObjectKind.NewObj when _proto >= 2 && obj.Kwargs is null:
                SaveClass(obj);
                Save(Fresh(obj.Args));
                WriteOp(Opcodes.NewObj);
                break;
            case PyObjectKind.NewObj when _proto >= 4:
                SaveClass(obj);
                Save(Fresh(obj.Args));
                Save(new PyDict(obj.Kwargs!));
                WriteOp(Opcodes.NewObjEx);
                break;
            case PyObjectKind.NewObj when _proto >= 2:
                SaveNewObjExAsPartial(obj);
                break;
            case PyObjectKind.NewObj:
                // Protocols 0–1: what copyreg.__reduce_ex__ gives a plain instance, or the
                // copyreg functions that NEWOBJ and NEWOBJ_EX stand for when there are arguments.
                object cls = ClassObject(obj);
                if (obj.Kwargs is not null)
                {
                    Save(s_newObjEx);
                    Save(new PyTuple(cls, Fresh(obj.Args), new PyDict(obj.Kwargs)));
                }
                else if (obj.Args.Count > 0)
                {
                    Save(s_newObj);
                    object?[] args = new object?[obj.Args.Count + 1];
                    args[0] = cls;
                    obj.Args.AsSpan().CopyTo(args.AsSpan(1));
                    Save(new PyTuple(args));
                }
                else
                {
                    Save(s_reconstructor);
                    Save(new PyTuple(cls, s_builtinsObject, null));
                }

                WriteOp(Opcodes.Reduce);
                break;
            case PyObjectKind.Inst:
                SaveInst(obj);
                break;
            default:
                if (obj.Callable is not null)
                {
                    Save(obj.Callable);
                }
                else
                {
                    SaveGlobalRef(obj.Module, obj.Name);
                }

                Save(Fresh(obj.Args));
                WriteOp(Opcodes.Reduce);
                break;
        }

        if (obj.Kind != PyObjectKind.Inst && _memo.TryGetValue(memoKey, out int index))
        {
            // Reached through its own arguments: drop the new object, fetch the memoised one.
            WriteOp(Opcodes.Pop);
            WriteGet(index);
            Leave();
            return;
        }

        MemoPut(memoKey);

        if (obj.ListItems is not null)
        {
            BatchListItems(obj.ListItems);
        }

        if (obj.DictItems is not null)
        {
            BatchDictItems(obj.DictItems);
        }

        if (obj.HasState && obj.State is not null)
        {
            Save(obj.State);
            WriteOp(Opcodes.Build);
        }

        Leave();
    }

    /// <summary>
    /// Python 2's save_inst: MARK args INST "module\nname\n" at protocol 0, MARK cls args OBJ above
    /// (CPython 3 never writes these; they keep old-style instances read from Python 2 pickles as they were).
    /// </summary>
    private void SaveInst(PyObject obj)
    {
        WriteOp(Opcodes.Mark);
        if (_bin)
        {
            SaveClass(obj);
        }

        foreach (object? arg in obj.Args.AsSpan())
        {
            Save(arg);
        }

        if (_bin)
        {
            WriteOp(Opcodes.Obj);
        }
        else
        {
            (string module, string name) = _fixImports ? CompatPickle.MapForDump(obj.Module, obj.Name) : (obj.Module, obj.Name);
            WriteGlobalText(Opcodes.Inst, module, name);
        }
    }

    /// <summary>
    /// save_reduce's NEWOBJ_EX at protocols 2–3: functools.partial(cls.__new__, cls, *args, **kwargs)()
    /// — the partial pickled by its own __reduce__, with cls.__new__ as getattr(cls, '__new__').
    /// </summary>
    private void SaveNewObjExAsPartial(PyObject obj)
    {
        object cls = ClassObject(obj);
        _newMethods ??= new Dictionary<(string, string), PyObject>();
        if (!_newMethods.TryGetValue((obj.Module, obj.Name), out PyObject? newMethod))
        {
            // cls.__new__ is one object per class, so a second instance fetches it from the memo.
            newMethod = new PyObject("builtins", "getattr")
            {
                Kind = PyObjectKind.Reduce,
                Args = new PyTuple(cls, new string("__new__".AsSpan())),
            };
            _newMethods.Add((obj.Module, obj.Name), newMethod);
        }

        object?[] partialArgs = new object?[obj.Args.Count + 1];
        partialArgs[0] = cls;
        obj.Args.AsSpan().CopyTo(partialArgs.AsSpan(1));
        var partial = new PyObject("functools", "partial")
        {
            Kind = PyObjectKind.Reduce,
            Args = new PyTuple(newMethod),
            State = new PyTuple(newMethod, new PyTuple(partialArgs), new PyDict(obj.Kwargs!), null),
            HasState = true,
        };
        Save(partial);
        SaveEmptyTuple();
        WriteOp(Opcodes.Reduce);
    }

    /// <summary>
    /// The class object of an instance shape: below protocol 4 the object the unpickler read the class
    /// as when it was not a plain global (CPython's <c>getattr(Outer, 'Inner')</c> for a nested class,
    /// kept in <see cref="PyObject.Callable"/>), so that other references to that object stay one
    /// object; otherwise the class by name.
    /// </summary>
    private object ClassObject(PyObject obj) =>
        _proto < 4 && obj.Callable is not null ? obj.Callable : new PyGlobal(obj.Module, obj.Name);

    private void SaveClass(PyObject obj)
    {
        if (_proto < 4 && obj.Callable is not null)
        {
            Save(obj.Callable);
        }
        else
        {
            SaveGlobalRef(obj.Module, obj.Name);
        }
    }

    /// <summary>
    /// A tuple CPython builds afresh for each reduce (the arguments <c>__reduce_ex__</c> returns), so
    /// it is never fetched from the memo even when the model shares it.
    /// </summary>
    private static PyTuple Fresh(PyTuple args) =>
        args.Count == 0 ? PyTuple.Empty : PyTuple.FromOwnedArray(args.AsSpan().ToArray());

    /// <summary>.NET values outside the model: registry converters, [PickleClass] types, .NET collections.</summary>
    private void SaveMapped(object obj, Type type)
    {
        PickleConverter? converter = FindConverter(type);
        if (converter is not null)
        {
            PyObject shape = converter.ToPython(obj, _proto);
            SavePyObject(shape, obj);
            return;
        }

        if (obj is PyDict dict)
        {
            SaveDict(dict, memoised: false); // a dict subclass with no converter pickles as a dict
            return;
        }

        switch (s_clrShapes.GetOrAdd(type, ClassifyClrType))
        {
            case ClrShape.Dict:
                SaveClrDict((IDictionary)obj);
                return;
            case ClrShape.List:
                SaveClrList((IList)obj);
                return;
            case ClrShape.Set:
                var items = (IEnumerable)obj;
                int count = obj is ICollection c ? c.Count : CountOf(items);
                SaveSet(items, count, obj);
                return;
            case ClrShape.Tuple:
                var tuple = (ITuple)obj;
                object?[] array = new object?[tuple.Length];
                for (int i = 0; i < array.Length; i++)
                {
                    array[i] = tuple[i];
                }

                SaveTuple(PyTuple.FromOwnedArray(array), obj);
                return;
        }

        throw new PicklingException($"can't pickle '{type.Name}' object: {obj}");
    }

    private static int CountOf(IEnumerable items)
    {
        int n = 0;
        foreach (object? _ in items)
        {
            n++;
        }

        return n;
    }

    private PickleConverter? FindConverter(Type type)
    {
        _converters ??= new Dictionary<Type, PickleConverter?>();
        if (_converters.TryGetValue(type, out PickleConverter? converter))
        {
            return converter;
        }

        if (!_registry.TryGetByType(type, out converter))
        {
            converter = s_attributeConverters.GetOrAdd((type, _options.NamingPolicy), static key =>
                AttributePickleConverter.TryCreate(key.Type, key.Policy));
        }

        _converters.Add(type, converter);
        return converter;
    }

    private static ClrShape ClassifyClrType(Type type)
    {
        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            return ClrShape.Dict;
        }

        if (typeof(ITuple).IsAssignableFrom(type))
        {
            return ClrShape.Tuple;
        }

        foreach (Type i in type.GetInterfaces())
        {
            if (i.IsGenericType && i.GetGenericTypeDefinition() is var d
                && (d == typeof(ISet<>) || d == typeof(IReadOnlySet<>)))
            {
                return ClrShape.Set;
            }
        }

        if (typeof(IList).IsAssignableFrom(type))
        {
            return ClrShape.List;
        }

        return ClrShape.None;
    }
}

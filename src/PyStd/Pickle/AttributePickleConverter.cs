using System.Linq.Expressions;
using System.Reflection;
using PyStd.Objects;

namespace PyStd.Pickle;

/// <summary>
/// Maps a .NET class, record or struct to a plain Python class with the same attributes — the
/// converter behind <see cref="PickleClassAttribute"/>, and the way to map a type you cannot
/// annotate. Pickling writes what CPython writes for an instance of a plain Python class:
/// <c>cls.__new__(cls)</c> (<c>NEWOBJ</c>; <c>copyreg._reconstructor(cls, object, None)</c> at
/// protocols 0–1) followed by <c>BUILD</c> with the instance dict. Loading builds the .NET type from
/// that state dict.
/// </summary>
/// <remarks>
/// <para>
/// The state dict holds the public readable instance properties and public fields, base type's
/// first, each in declaration order, under <see cref="NamingPolicy"/>'s name for it. The key
/// strings are one object per member, so a list of many instances memoises each key once, as
/// CPython's interned attribute names are.
/// </para>
/// <para>
/// Loading uses the public parameterless constructor when there is one, else the public constructor
/// with the most parameters (a record's primary constructor), matching each parameter to a state key
/// through the member of the same name (case-insensitive) or the policy; then it sets every other
/// writable member (<c>init</c> included) found in the state. Missing keys leave defaults; extra keys
/// are ignored. Values are converted to the member types: Python ints to any .NET integer type or
/// enum, lists and tuples to arrays, <see cref="List{T}"/> and the collection interfaces, dicts to
/// <see cref="Dictionary{TKey, TValue}"/>, sets to <see cref="HashSet{T}"/>, tuples to
/// <see cref="ValueTuple"/>s, instances of other <see cref="PickleClassAttribute"/> types to those types.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [PickleClass("shop.models", "Order")]
/// public sealed record Order(int Id, string CustomerName, List&lt;string&gt; Items);
///
/// var registry = PickleRegistry.CreateDefault();
/// registry.Register(AttributePickleConverter.For&lt;Order&gt;());   // to load Orders back
/// registry.Register(new AttributePickleConverter(typeof(Invoice), "billing", "Invoice")); // a type you cannot annotate
/// </code>
/// </example>
public sealed partial class AttributePickleConverter : PickleConverter
{
    private readonly Member[] _members;
    private readonly Dictionary<string, Member> _byPythonName;
    private readonly ConstructorInfo? _constructor;
    private readonly ParameterInfo[] _parameters;
    private readonly Member?[] _parameterMembers;
    private readonly string[] _parameterKeys;

    /// <summary>Maps <paramref name="type"/> to the Python class <paramref name="module"/>.<paramref name="name"/>.</summary>
    /// <param name="type">The .NET type.</param>
    /// <param name="module">The Python module, e.g. <c>billing</c>.</param>
    /// <param name="name">The Python class's qualified name, e.g. <c>Invoice</c>.</param>
    /// <param name="namingPolicy">How member names become attribute names; null for <see cref="PickleNamingPolicy.SnakeCase"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="module"/> or <paramref name="name"/> is empty, or <paramref name="type"/> is abstract, generic or an interface.</exception>
    public AttributePickleConverter(Type type, string module, string name, PickleNamingPolicy? namingPolicy = null)
        : base(module, name, type)
    {
        if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters)
        {
            throw new ArgumentException($"'{type}' cannot be instantiated, so it cannot be mapped to a Python class.", nameof(type));
        }

        NamingPolicy = namingPolicy ?? PickleNamingPolicy.SnakeCase;
        _members = DiscoverMembers(type, NamingPolicy);
        _byPythonName = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (Member m in _members)
        {
            _byPythonName.TryAdd(m.PythonName, m);
        }

        _constructor = type.GetConstructor(Type.EmptyTypes);
        if (_constructor is null && !type.IsValueType)
        {
            foreach (ConstructorInfo c in type.GetConstructors())
            {
                if (_constructor is null || c.GetParameters().Length > _constructor.GetParameters().Length)
                {
                    _constructor = c;
                }
            }
        }

        _parameters = _constructor?.GetParameters() ?? [];
        _parameterMembers = new Member?[_parameters.Length];
        _parameterKeys = new string[_parameters.Length];
        for (int i = 0; i < _parameters.Length; i++)
        {
            string parameterName = _parameters[i].Name ?? "";
            Member? match = null;
            foreach (Member m in _members)
            {
                if (string.Equals(m.ClrName, parameterName, StringComparison.OrdinalIgnoreCase))
                {
                    match = m;
                    break;
                }
            }

            _parameterMembers[i] = match;
            _parameterKeys[i] = match?.PythonName ?? NamingPolicy.ConvertName(parameterName);
        }
    }

    /// <summary>How member names become Python attribute names.</summary>
    public PickleNamingPolicy NamingPolicy { get; }

    /// <summary>The Python attribute names, in the order pickled.</summary>
    public IReadOnlyList<string> AttributeNames => System.Array.ConvertAll(_members, m => m.PythonName);

    /// <summary>The converter for a type marked with <see cref="PickleClassAttribute"/>.</summary>
    /// <typeparam name="T">The marked type.</typeparam>
    /// <param name="namingPolicy">How member names become attribute names; null for <see cref="PickleNamingPolicy.SnakeCase"/>.</param>
    /// <returns>The converter, ready for <see cref="PickleRegistry.Register"/>.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> has no <see cref="PickleClassAttribute"/>.</exception>
    public static AttributePickleConverter For<T>(PickleNamingPolicy? namingPolicy = null) => For(typeof(T), namingPolicy);

    /// <summary>The converter for a type marked with <see cref="PickleClassAttribute"/>.</summary>
    /// <param name="type">The marked type.</param>
    /// <param name="namingPolicy">How member names become attribute names; null for <see cref="PickleNamingPolicy.SnakeCase"/>.</param>
    /// <returns>The converter, ready for <see cref="PickleRegistry.Register"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="type"/> has no <see cref="PickleClassAttribute"/>.</exception>
    public static AttributePickleConverter For(Type type, PickleNamingPolicy? namingPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        return TryCreate(type, namingPolicy ?? PickleNamingPolicy.SnakeCase)
            ?? throw new ArgumentException($"'{type}' has no [PickleClass] attribute.", nameof(type));
    }

    /// <summary>The converter for a [PickleClass] type, or null for a type without the attribute.</summary>
    internal static AttributePickleConverter? TryCreate(Type type, PickleNamingPolicy namingPolicy)
    {
        PickleClassAttribute? attribute = type.GetCustomAttribute<PickleClassAttribute>(inherit: false);
        return attribute is null ? null : new AttributePickleConverter(type, attribute.Module, attribute.Name, namingPolicy);
    }

    /// <summary>
    /// The shape CPython's <c>object.__reduce_ex__</c> gives a plain instance: <see cref="PyObjectKind.NewObj"/>
    /// with no arguments and the attribute dict as state (no state when there are no attributes).
    /// </summary>
    /// <param name="value">An instance of <see cref="PickleConverter.ClrType"/>.</param>
    /// <param name="protocol">The protocol being written (the shape is the same for all; the pickler adapts it below protocol 2).</param>
    /// <returns>The shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public override PyObject ToPython(object value, int protocol)
    {
        ArgumentNullException.ThrowIfNull(value);
        var state = new PyDict();
        foreach (Member m in _members)
        {
            state[m.PythonName] = m.Get(value);
        }

        return new PyObject(Module, Name)
        {
            Kind = PyObjectKind.NewObj,
            State = state,
            HasState = state.Count > 0,
        };
    }

    /// <summary>Builds the .NET value from an instance's state dict.</summary>
    /// <param name="reduced">The instance as unpickled.</param>
    /// <returns>The .NET value.</returns>
    /// <exception cref="UnpicklingException">The state is not a dict, or a value cannot be converted to its member's type.</exception>
    public override object? FromPython(PyObject reduced)
    {
        ArgumentNullException.ThrowIfNull(reduced);
        PyDict? state = StateDict(reduced);
        object?[] args = new object?[_parameters.Length];
        bool[] used = new bool[_members.Length];
        for (int i = 0; i < _parameters.Length; i++)
        {
            ParameterInfo parameter = _parameters[i];
            if (state is not null && state.TryGetValue(_parameterKeys[i], out object? raw))
            {
                args[i] = ConvertValue(raw, parameter.ParameterType, _parameterKeys[i]);
                if (_parameterMembers[i] is { } m)
                {
                    used[System.Array.IndexOf(_members, m)] = true;
                }
            }
            else
            {
                args[i] = parameter.HasDefaultValue && parameter.DefaultValue is not DBNull
                    ? parameter.DefaultValue
                    : DefaultOf(parameter.ParameterType);
            }
        }

        object instance;
        try
        {
            instance = _constructor is not null ? _constructor.Invoke(args) : Activator.CreateInstance(ClrType)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new UnpicklingException($"{ClrType.Name} could not be constructed from {Module}.{Name}: {e.InnerException.Message}", e.InnerException);
        }

        if (state is not null)
        {
            for (int i = 0; i < _members.Length; i++)
            {
                Member m = _members[i];
                if (!used[i] && m.CanWrite && state.TryGetValue(m.PythonName, out object? raw))
                {
                    m.Set(instance, ConvertValue(raw, m.Type, m.PythonName));
                }
            }
        }

        return instance;
    }

    private PyDict? StateDict(PyObject reduced)
    {
        if (!reduced.HasState || reduced.State is null)
        {
            return null;
        }

        switch (reduced.State)
        {
            case PyDict d:
                return d;
            case PyTuple { Count: 2 } t when t[0] is null or PyDict && t[1] is null or PyDict:
                // (dict, slots) as copyreg writes for classes with __slots__: merge both.
                var merged = new PyDict();
                foreach (object? part in t)
                {
                    if (part is PyDict pd)
                    {
                        foreach (var (k, v) in pd)
                        {
                            merged[k] = v;
                        }
                    }
                }

                return merged;
            default:
                throw new UnpicklingException($"{Module}.{Name}: state must be a dict, not {PyTypeName.Of(reduced.State)}");
        }
    }

    private static object? DefaultOf(Type type) =>
        type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;

    private static Member[] DiscoverMembers(Type type, PickleNamingPolicy policy)
    {
        var chain = new List<Type>();
        for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var members = new List<Member>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (Type t in chain)
        {
            var declared = new List<MemberInfo>();
            foreach (PropertyInfo p in t.GetProperties(flags))
            {
                if (p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
                {
                    declared.Add(p);
                }
            }

            foreach (FieldInfo f in t.GetFields(flags))
            {
                declared.Add(f);
            }

            declared.Sort((a, b) => a.MetadataToken.CompareTo(b.MetadataToken));
            foreach (MemberInfo info in declared)
            {
                if (names.Add(info.Name))
                {
                    members.Add(new Member(info, string.Intern(policy.ConvertName(info.Name))));
                }
            }
        }

        return members.ToArray();
    }

    /// <summary>One pickled member: its names, type, a compiled getter and a setter.</summary>
    private sealed class Member
    {
        private readonly Func<object, object?> _get;
        private readonly MemberInfo _info;

        public Member(MemberInfo info, string pythonName)
        {
            _info = info;
            ClrName = info.Name;
            PythonName = pythonName;
            Type = info is PropertyInfo p ? p.PropertyType : ((FieldInfo)info).FieldType;
            CanWrite = info is PropertyInfo prop ? prop.SetMethod is { IsPublic: true } : !((FieldInfo)info).IsInitOnly;
            ParameterExpression instance = Expression.Parameter(typeof(object), "instance");
            Expression typed = Expression.Convert(instance, info.DeclaringType!);
            Expression access = info is PropertyInfo pi ? Expression.Property(typed, pi) : Expression.Field(typed, (FieldInfo)info);
            _get = Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), instance).Compile();
        }

        public string ClrName { get; }

        public string PythonName { get; }

        public Type Type { get; }

        public bool CanWrite { get; }

        public object? Get(object instance) => _get(instance);

        public void Set(object instance, object? value)
        {
            if (_info is PropertyInfo p)
            {
                p.SetValue(instance, value);
            }
            else
            {
                ((FieldInfo)_info).SetValue(instance, value);
            }
        }
    }
}

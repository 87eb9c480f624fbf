using PyStd.Objects;

namespace PyStd.Pickle;

/// <summary>
/// Maps one Python class (<see cref="Module"/>.<see cref="Name"/>) to a .NET type
/// (<see cref="ClrType"/>) in both directions, through the shape pickle's <c>__reduce_ex__</c>
/// protocol gives an instance: a <see cref="PyObject"/> holding the class, how it is built
/// (<see cref="PyObject.Kind"/>), constructor arguments, state and list/dict items.
/// </summary>
/// <remarks>
/// <para>
/// <b>Loading.</b> The <see cref="Unpickler"/> collects a class instance as a <see cref="PyObject"/>
/// and calls <see cref="FromPython"/> at one of two moments, as the converter chooses:
/// </para>
/// <list type="bullet">
/// <item><see cref="ConvertsAtConstruction"/> true (the common case): right after
/// <c>REDUCE</c>/<c>NEWOBJ</c>, with the class and arguments only — as CPython creates the object
/// there. Later <c>APPENDS</c>/<c>SETITEMS</c> go straight into the returned
/// <see cref="ICollection{T}"/>/<see cref="IDictionary{TKey, TValue}"/> and <c>BUILD</c> calls
/// <see cref="SetState"/>, so every reference to the instance — cycles through its own items or
/// state included — is the converted value. Right for classes whose arguments say everything
/// (<c>datetime</c>, <c>Decimal</c>, <c>Counter</c>) and for mutable containers and classes.</item>
/// <item>False: once the instance is complete — at its <c>BUILD</c> (the last step of CPython's
/// <c>save_reduce</c>), or else when the stack gives it up — with its state and items too; the memo
/// is updated so later references see the converted value. For immutable .NET values built from
/// pickled state (<c>uuid.UUID</c> → <see cref="Guid"/>). A reference taken while the instance is
/// still being built (a cycle through its own state) keeps the <see cref="PyObject"/>.</item>
/// </list>
/// <para>
/// <see cref="FromPython"/> may return its argument unchanged to keep an instance it cannot
/// represent exactly (a <c>timedelta</c> beyond <see cref="TimeSpan"/>'s range, a <c>UUID</c> with an
/// <c>is_safe</c> flag) as a <see cref="PyObject"/>, which still round-trips.
/// </para>
/// <para>
/// <b>Dumping.</b> <see cref="ToPython"/> returns the shape CPython's <c>__reduce_ex__(protocol)</c>
/// returns for the class, so the pickler writes it as CPython would: <see cref="PyObjectKind.Reduce"/>
/// is <c>GLOBAL args REDUCE</c> (callable <see cref="PyObject.Module"/>.<see cref="PyObject.Name"/>, or
/// <see cref="PyObject.Callable"/> when set); <see cref="PyObjectKind.NewObj"/> is
/// <c>cls args NEWOBJ</c> (<c>NEWOBJ_EX</c> with <see cref="PyObject.Kwargs"/>) at protocol 2 and up,
/// and <c>copyreg._reconstructor(cls, object, None) REDUCE</c> at protocols 0–1 (CPython's
/// <c>copyreg._reduce_ex</c>; the unpickler reads that shape back as <see cref="PyObjectKind.NewObj"/>
/// with no arguments); then <c>BUILD</c> when <see cref="PyObject.HasState"/>, <c>APPENDS</c> for
/// <see cref="PyObject.ListItems"/> and <c>SETITEMS</c> for <see cref="PyObject.DictItems"/>. The
/// pickler memoises the shape under the identity of the original .NET value, as CPython memoises
/// the object. Items may be the value itself (an <c>OrderedDict</c>'s items are the dict).
/// </para>
/// </remarks>
public abstract class PickleConverter
{
    /// <summary>Creates a converter for one Python class.</summary>
    /// <param name="module">The class's module as Python 3 names it, e.g. <c>datetime</c>.</param>
    /// <param name="name">The class's qualified name, e.g. <c>timedelta</c>.</param>
    /// <param name="clrType">The .NET type instances load as and pickle from.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="module"/> or <paramref name="name"/> is empty.</exception>
    protected PickleConverter(string module, string name, Type clrType)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(clrType);
        Module = module;
        Name = name;
        ClrType = clrType;
    }

    /// <summary>The Python module of the class, e.g. <c>datetime</c>.</summary>
    public string Module { get; }

    /// <summary>The Python qualified name of the class, e.g. <c>timedelta</c>.</summary>
    public string Name { get; }

    /// <summary>The .NET type the class maps to; <see cref="PickleRegistry.TryGetByType"/> finds the converter by it.</summary>
    public Type ClrType { get; }

    /// <summary>
    /// Whether <see cref="FromPython"/> is called at construction (class and arguments only), the
    /// result then receiving the later <c>APPENDS</c>/<c>SETITEMS</c> and <c>BUILD</c>
    /// (<see cref="SetState"/>) itself. False (the default): called once the instance is complete.
    /// </summary>
    public virtual bool ConvertsAtConstruction => false;

    /// <summary>
    /// Applies pickled state (<c>BUILD</c>, Python's <c>__setstate__</c>) to a value this converter
    /// made at construction. The default accepts no state (a state of <c>None</c> is ignored).
    /// </summary>
    /// <param name="value">The value <see cref="FromPython"/> returned.</param>
    /// <param name="state">The state, as loaded.</param>
    /// <exception cref="UnpicklingException">The state does not fit the value.</exception>
    public virtual void SetState(object value, object? state)
    {
        if (state is not null)
        {
            throw new UnpicklingException($"{Module}.{Name} does not take pickled state (BUILD)");
        }
    }

    /// <summary>Builds the .NET value from the pieces the unpickler collected.</summary>
    /// <param name="reduced">The instance as pickled: class, <see cref="PyObject.Kind"/>, arguments, state, items.</param>
    /// <returns>The .NET value, or <paramref name="reduced"/> itself to keep the instance as a <see cref="PyObject"/>.</returns>
    /// <exception cref="UnpicklingException">The pieces are not a valid instance of the class.</exception>
    public abstract object? FromPython(PyObject reduced);

    /// <summary>Describes <paramref name="value"/> as CPython's <c>__reduce_ex__(protocol)</c> would.</summary>
    /// <param name="value">An instance of <see cref="ClrType"/>.</param>
    /// <param name="protocol">The pickle protocol being written, 0–5.</param>
    /// <returns>A new shape for the pickler to write (its <see cref="PyObject.Module"/>/<see cref="PyObject.Name"/> name the callable).</returns>
    public abstract PyObject ToPython(object value, int protocol);
}

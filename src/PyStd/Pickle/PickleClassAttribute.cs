namespace PyStd.Pickle;

/// <summary>
/// Marks a .NET class, record or struct as the Python class <c>module.Name</c>: the pickler writes an
/// instance the way CPython pickles an instance of a plain Python class with those attributes
/// (<c>NEWOBJ</c> and a state dict at protocol 2 and up, <c>copyreg._reconstructor</c> at 0–1), and
/// <see cref="AttributePickleConverter"/> loads such pickles back into the type.
/// </summary>
/// <remarks>
/// The state dict holds every public readable instance property and public field, in declaration
/// order, keyed by the member name through a <see cref="PickleNamingPolicy"/>
/// (<see cref="PickleNamingPolicy.SnakeCase"/> unless <see cref="PicklerOptions.NamingPolicy"/> says
/// otherwise). To load, register the converter: <c>registry.Register(AttributePickleConverter.For&lt;T&gt;())</c>.
/// </remarks>
/// <example>
/// <code>
/// [PickleClass("shop.models", "Order")]
/// public sealed record Order(int Id, string CustomerName, List&lt;string&gt; Items);
///
/// byte[] data = Pickle.Dumps(new Order(1, "Ann", ["tea"]));
/// // Python: pickle.loads(data) → shop.models.Order with .id, .customer_name, .items
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class PickleClassAttribute : Attribute
{
    /// <summary>Names the Python class instances of the type pickle as.</summary>
    /// <param name="module">The Python module, e.g. <c>shop.models</c>.</param>
    /// <param name="name">The class's qualified name in the module, e.g. <c>Order</c>.</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    public PickleClassAttribute(string module, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Module = module;
        Name = name;
    }

    /// <summary>The Python module.</summary>
    public string Module { get; }

    /// <summary>The Python class's qualified name.</summary>
    public string Name { get; }
}

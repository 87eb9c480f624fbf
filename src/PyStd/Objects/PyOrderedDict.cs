namespace PyStd.Objects;

/// <summary>
/// Python's <c>collections.OrderedDict</c>: a <see cref="PyDict"/> that pickles as an
/// <c>OrderedDict</c> again and whose equality with another <c>OrderedDict</c> is order-sensitive,
/// as in Python. Its repr is <c>OrderedDict([('a', 1)])</c>.
/// </summary>
public sealed class PyOrderedDict : PyDict
{
    /// <summary>Creates an empty ordered dict.</summary>
    public PyOrderedDict()
    {
    }

    /// <summary>Creates an ordered dict from key/value pairs, in order.</summary>
    /// <param name="items">The pairs.</param>
    public PyOrderedDict(IEnumerable<KeyValuePair<object?, object?>> items)
        : base(items)
    {
    }
}

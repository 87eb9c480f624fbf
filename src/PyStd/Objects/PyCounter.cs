namespace PyStd.Objects;

/// <summary>
/// Python's <c>collections.Counter</c>: a <see cref="PyDict"/> of element → count that pickles as a
/// <c>Counter</c> again. Its repr lists the most common first: <c>Counter({'a': 2, 'b': 1})</c>.
/// </summary>
public sealed class PyCounter : PyDict
{
    /// <summary>Creates an empty counter.</summary>
    public PyCounter()
    {
    }

    /// <summary>Creates a counter from element/count pairs, as <c>Counter(mapping)</c>.</summary>
    /// <param name="items">The pairs.</param>
    public PyCounter(IEnumerable<KeyValuePair<object?, object?>> items)
        : base(items)
    {
    }
}

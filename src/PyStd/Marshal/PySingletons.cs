namespace PyStd.Marshal;

/// <summary>Python's <c>StopIteration</c> class object, as marshal stores it (type code <c>'S'</c>).</summary>
public sealed class PyStopIteration
{
    private PyStopIteration()
    {
    }

    /// <summary>The one instance.</summary>
    public static PyStopIteration Instance { get; } = new();

    /// <summary>Returns Python's repr, <c>&lt;class 'StopIteration'&gt;</c>.</summary>
    /// <returns><c>&lt;class 'StopIteration'&gt;</c>.</returns>
    public override string ToString() => "<class 'StopIteration'>";
}

/// <summary>Python's <c>Ellipsis</c> (<c>...</c>), as marshal stores it (type code <c>'.'</c>).</summary>
public sealed class PyEllipsis
{
    private PyEllipsis()
    {
    }

    /// <summary>The one instance.</summary>
    public static PyEllipsis Instance { get; } = new();

    /// <summary>Returns Python's repr, <c>Ellipsis</c>.</summary>
    /// <returns><c>Ellipsis</c>.</returns>
    public override string ToString() => "Ellipsis";
}

namespace PyStd.Subprocess;

/// <summary>The kinds of <see cref="Redirect"/>.</summary>
internal enum RedirectKind
{
    Inherit,
    Pipe,
    DevNull,
    Stdout,
    Descriptor,
    Handle,
    Stream,
    File,
}

using System.Runtime.InteropServices;

namespace PyStd.Pty;

/// <summary>
/// Holds a reference on a <see cref="SafeHandle"/> for the length of one system call, so a
/// concurrent <c>Dispose</c> cannot close (and the kernel reuse) the descriptor mid-call.
/// Throws <see cref="ObjectDisposedException"/> when the handle is already closed.
/// </summary>
internal readonly ref struct FdLease
{
    private readonly SafeHandle _handle;

    /// <summary>Takes the reference.</summary>
    /// <param name="handle">The descriptor's handle.</param>
    public FdLease(SafeHandle handle)
    {
        bool added = false;
        handle.DangerousAddRef(ref added);
        _handle = handle;
        Fd = (int)handle.DangerousGetHandle();
    }

    /// <summary>The descriptor number.</summary>
    public int Fd { get; }

    /// <summary>Releases the reference.</summary>
    public void Dispose() => _handle.DangerousRelease();
}

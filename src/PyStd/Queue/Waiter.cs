namespace PyStd.Queue;

/// <summary>
/// One thread (or one async operation) waiting on a <see cref="WaitList"/>. Links and
/// <see cref="IsLinked"/> are only touched with the owning queue's lock held, so "notified" versus
/// "timed out" is decided in one place: the notifier unlinks under the lock, a waiter that finds
/// itself still linked when it comes back for the lock has timed out (or been cancelled) and
/// unlinks itself — the same protocol as CPython's <c>threading.Condition</c> waiter deque.
/// </summary>
internal abstract class Waiter
{
    internal Waiter? Next;
    internal Waiter? Prev;
    internal bool IsLinked;

    /// <summary>Wakes the waiter; called by the notifier after unlinking it, lock held.</summary>
    internal abstract void Wake();
}

/// <summary>
/// A blocked thread. One per thread, reused (a thread waits on one condition at a time), so a
/// blocking get or put allocates nothing after the thread's first wait.
/// <see cref="ManualResetEventSlim"/> spins briefly before it sleeps, which keeps a producer/consumer
/// hand-off off the kernel when the other side is quick.
/// </summary>
#pragma warning disable CA1001 // One per thread for the thread's lifetime; the event's kernel handle is created lazily and rarely.
internal sealed class ThreadWaiter : Waiter
#pragma warning restore CA1001
{
    [ThreadStatic]
    private static ThreadWaiter? t_current;

    internal readonly ManualResetEventSlim Event = new(false, spinCount: 64);

    /// <summary>The calling thread's waiter, reset and ready to link.</summary>
    internal static ThreadWaiter Current
    {
        get
        {
            ThreadWaiter w = t_current ??= new ThreadWaiter();
            w.Event.Reset();
            return w;
        }
    }

    internal override void Wake() => Event.Set();
}

/// <summary>An awaiting async operation; completes its task when notified.</summary>
internal sealed class AsyncWaiter : Waiter
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<AsyncWaiter> _cancel;

    /// <param name="list">Which of the owner's wait lists it is linked on.</param>
    /// <param name="cancel">Takes the owner's lock, unlinks the waiter if it is still linked, and wakes it.</param>
    internal AsyncWaiter(int list, Action<AsyncWaiter> cancel)
    {
        List = list;
        _cancel = cancel;
    }

    /// <summary>Which of the owner's wait lists it is linked on.</summary>
    internal int List { get; }

    internal override void Wake() => _completion.TrySetResult();

    /// <summary>
    /// Waits until notified or until <paramref name="token"/> fires (which unlinks the waiter).
    /// Never throws for cancellation: the caller re-checks its predicate under the lock first, so a
    /// notify that raced with the cancellation is never lost.
    /// </summary>
    internal async Task WaitAsync(CancellationToken token)
    {
        if (!token.CanBeCanceled)
        {
            await _completion.Task.ConfigureAwait(false);
            return;
        }

        using CancellationTokenRegistration registration = token.UnsafeRegister(
            static state => ((AsyncWaiter)state!)._cancel((AsyncWaiter)state!), this);
        await _completion.Task.ConfigureAwait(false);
    }
}

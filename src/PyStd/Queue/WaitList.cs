using System.Runtime.CompilerServices;

namespace PyStd.Queue;

/// <summary>
/// A condition variable over a queue's lock, as CPython's <c>threading.Condition(self.mutex)</c>:
/// a FIFO of waiters that <see cref="NotifyOne"/> and <see cref="NotifyAll"/> wake. Every member
/// must be called with the owning lock held; <see cref="Wait"/> releases it while it sleeps and
/// takes it back before it returns. A notify with nobody waiting costs one field read.
/// </summary>
internal struct WaitList
{
    private Waiter? _head;
    private Waiter? _tail;

    /// <summary>True when at least one waiter is linked.</summary>
    internal readonly bool HasWaiters
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _head is not null;
    }

    /// <summary>The number of linked waiters (lock held); for tests and diagnostics.</summary>
    internal readonly int Count
    {
        get
        {
            int n = 0;
            for (Waiter? w = _head; w is not null; w = w.Next)
            {
                n++;
            }

            return n;
        }
    }

    /// <summary>Appends a waiter (lock held).</summary>
    internal void Link(Waiter w)
    {
        w.Next = null;
        w.Prev = _tail;
        if (_tail is null)
        {
            _head = w;
        }
        else
        {
            _tail.Next = w;
        }

        _tail = w;
        w.IsLinked = true;
    }

    /// <summary>Removes a waiter that is still linked (lock held).</summary>
    internal void Unlink(Waiter w)
    {
        if (w.Prev is null)
        {
            _head = w.Next;
        }
        else
        {
            w.Prev.Next = w.Next;
        }

        if (w.Next is null)
        {
            _tail = w.Prev;
        }
        else
        {
            w.Next.Prev = w.Prev;
        }

        w.Next = null;
        w.Prev = null;
        w.IsLinked = false;
    }

    /// <summary>Wakes the longest-waiting waiter, if any (lock held).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void NotifyOne()
    {
        Waiter? w = _head;
        if (w is not null)
        {
            Unlink(w);
            w.Wake();
        }
    }

    /// <summary>Wakes every waiter (lock held).</summary>
    internal void NotifyAll()
    {
        while (_head is Waiter w)
        {
            Unlink(w);
            w.Wake();
        }
    }

    /// <summary>
    /// Releases <paramref name="gate"/>, sleeps until notified or until <paramref name="deadline"/>
    /// (see <see cref="Deadline"/>), and takes <paramref name="gate"/> back. Like
    /// <c>Condition.wait</c>, callers re-check their predicate afterwards; the return value only
    /// says whether a notify arrived.
    /// </summary>
    internal bool Wait(Lock gate, long deadline)
    {
        ThreadWaiter w = ThreadWaiter.Current;
        Link(w);
        gate.Exit();
        bool notified;
        try
        {
            if (deadline == Deadline.Never)
            {
                w.Event.Wait();
            }
            else
            {
                int ms;
                while ((ms = Deadline.RemainingMilliseconds(deadline)) > 0 && !w.Event.Wait(ms))
                {
                }
            }
        }
        finally
        {
            // Also on an exception (a thread interrupt): never leave this thread's waiter linked.
            gate.Enter();
            notified = !w.IsLinked;
            if (!notified)
            {
                Unlink(w);
            }
        }

        return notified;
    }
}

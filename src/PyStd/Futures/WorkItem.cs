namespace PyStd.Futures;

/// <summary>A submitted call and its future (CPython's <c>_WorkItem</c>).</summary>
internal abstract class WorkItem
{
    internal abstract Future Future { get; }

    /// <summary>Runs the call unless the future was cancelled, and settles the future.</summary>
    internal abstract void Run();
}

/// <summary>A call returning <typeparamref name="T"/>.</summary>
internal sealed class WorkItem<T>(Future<T> future, Func<T> call) : WorkItem
{
    internal override Future Future => future;

    internal override void Run()
    {
        if (!future.SetRunningOrNotifyCancel())
        {
            return;
        }

        T result;
        try
        {
            result = call();
        }
#pragma warning disable CA1031 // Every exception belongs to the future, as CPython's BaseException catch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            future.SetException(ex);
            return;
        }

        future.SetResult(result);
    }
}

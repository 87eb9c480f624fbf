using System.Diagnostics;

namespace PyStd.Tests.Queue;

internal static class QueueTestHelpers
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails after 20 s (a hang, not a timing).</summary>
    internal static void WaitUntil(Func<bool> condition, string what)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), $"timed out waiting until {what}");
            Thread.Sleep(2);
        }
    }

    /// <summary>Starts a background thread that records what <paramref name="body"/> threw (or null).</summary>
    internal static (Thread Thread, Func<Exception?> Outcome) Start(Action body)
    {
        Exception? outcome = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception ex)
            {
                outcome = ex;
            }
        })
        { IsBackground = true };
        thread.Start();
        return (thread, () => outcome);
    }

    internal static void JoinAll(IEnumerable<Thread> threads)
    {
        foreach (Thread t in threads)
        {
            Assert.True(t.Join(TimeSpan.FromSeconds(20)), $"thread {t.ManagedThreadId} still blocked");
        }
    }
}

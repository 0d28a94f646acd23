using System.Collections.Concurrent;
using InfraLint.Core.Scanning;

namespace InfraLint.Core.Tests.Scanning;

/// <summary>A streaming scan's sessions: one large session at a time, small ones beside it, each exactly once.</summary>
public class LargeSessionsInTurnTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void Small_sessions_run_while_a_large_one_does()
    {
        // Large 0 and 1, small 2 … 5. Large 0 ends only once a small one has started: with the large ones first in a
        // plain parallel loop, the second worker would wait for large 0 and nothing would start.
        using var smallStarted = new ManualResetEventSlim();
        bool sawSmall = false;

        LargeSessionsInTurn.Run(6, i => i < 2, workers: 2, CancellationToken.None, i =>
        {
            if (i >= 2) smallStarted.Set();
            else if (i == 0) sawSmall = smallStarted.Wait(Patience);
        });

        Assert.True(sawSmall);
    }

    [Fact]
    public void Every_session_runs_once_and_never_two_large_ones_at_a_time()
    {
        var runs = new ConcurrentBag<int>();
        var largeOrder = new ConcurrentQueue<int>();
        int largeRunning = 0, mostLargeAtOnce = 0;

        LargeSessionsInTurn.Run(40, i => i % 3 == 0, workers: 4, CancellationToken.None, i =>
        {
            runs.Add(i);
            if (i % 3 != 0)
            {
                Thread.SpinWait(2000);
                return;
            }
            largeOrder.Enqueue(i);
            int now = Interlocked.Increment(ref largeRunning);
            InterlockedMax(ref mostLargeAtOnce, now);
            Thread.Sleep(5);
            Interlocked.Decrement(ref largeRunning);
        });

        Assert.Equal(Enumerable.Range(0, 40), runs.OrderBy(i => i));
        Assert.Equal(1, mostLargeAtOnce);
        Assert.Equal(Enumerable.Range(0, 40).Where(i => i % 3 == 0), largeOrder);
    }

    [Fact]
    public void A_worker_waiting_for_the_large_session_takes_the_next_large_one_when_it_ends()
    {
        // Only large sessions: they run one after another on two workers, none is lost to the waiting worker.
        var order = new ConcurrentQueue<int>();

        LargeSessionsInTurn.Run(5, _ => true, workers: 2, CancellationToken.None, order.Enqueue);

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, order);
    }

    [Fact]
    public void The_first_failure_is_rethrown_as_it_was_and_no_session_starts_after_it()
    {
        var started = new ConcurrentBag<int>();

        var thrown = Assert.Throws<InvalidOperationException>(() =>
            LargeSessionsInTurn.Run(50, i => i == 0, workers: 1, CancellationToken.None, i =>
            {
                started.Add(i);
                if (i == 3) throw new InvalidOperationException("session 3");
            }));

        Assert.Equal("session 3", thrown.Message);
        Assert.Equal(new[] { 0, 1, 2, 3 }, started.OrderBy(i => i));
    }

    [Fact]
    public void A_cancelled_scan_stops_taking_sessions_and_says_so()
    {
        using var cancel = new CancellationTokenSource();
        var started = new ConcurrentBag<int>();

        Assert.Throws<OperationCanceledException>(() =>
            LargeSessionsInTurn.Run(50, _ => false, workers: 1, cancel.Token, i =>
            {
                started.Add(i);
                if (i == 2) cancel.Cancel();
            }));

        Assert.Equal(new[] { 0, 1, 2 }, started.OrderBy(i => i));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

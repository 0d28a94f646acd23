using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace InfraLint.Core.Scanning
{
    /// <summary>
    /// How a streaming scan runs its sessions: a large session holds its scope's facts, so only one runs at a time, and
    /// while it runs the other workers take the small sessions. A large session's rules run on one thread; before this,
    /// a worker that drew the next large session waited for the running one, and a core stood idle for those rules
    /// (at 100,000 files, about six seconds of waiting).
    /// </summary>
    internal static class LargeSessionsInTurn
    {
        /// <summary>
        /// Calls <paramref name="body"/> once for each of 0 … <paramref name="count"/> − 1 on up to <paramref name="workers"/>
        /// threads: the large ones one at a time in index order, the small ones in index order beside them. A worker that
        /// finds only large ones left while one runs waits for it. The first failure stops the workers from taking more and
        /// is rethrown as it was.
        /// </summary>
        public static void Run(int count, Func<int, bool> isLarge, int workers, CancellationToken cancellationToken, Action<int> body)
        {
            var gate = new object();
            var large = new Queue<int>();
            var small = new Queue<int>();
            for (int i = 0; i < count; i++) (isLarge(i) ? large : small).Enqueue(i);
            bool largeRunning = false;
            ExceptionDispatchInfo? failure = null;

            // The next session for a worker, or -1 when there is none left for it (or the scan failed or was cancelled).
            int Take(out bool taken)
            {
                lock (gate)
                {
                    while (true)
                    {
                        taken = false;
                        if (failure is not null || cancellationToken.IsCancellationRequested) return -1;
                        if (!largeRunning && large.Count > 0)
                        {
                            largeRunning = taken = true;
                            return large.Dequeue();
                        }
                        if (small.Count > 0) return small.Dequeue();
                        if (large.Count == 0) return -1;
                        Monitor.Wait(gate);
                    }
                }
            }

            void Work()
            {
                while (Take(out bool holdsLarge) is var session && session >= 0)
                {
                    try
                    {
                        body(session);
                    }
                    catch (Exception e)
                    {
                        lock (gate) failure ??= ExceptionDispatchInfo.Capture(e);
                    }
                    finally
                    {
                        lock (gate)
                        {
                            if (holdsLarge) largeRunning = false;
                            Monitor.PulseAll(gate);
                        }
                    }
                }
            }

            // Own threads, not the pool's: a large session reads its files on the pool while the workers wait or work.
            var threads = Enumerable.Range(0, Math.Max(1, Math.Min(workers, count)))
                .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToArray();
            Task.WaitAll(threads);
            failure?.Throw();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}

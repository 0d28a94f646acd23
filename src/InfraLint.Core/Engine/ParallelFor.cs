using System;
using System.Threading.Tasks;

namespace InfraLint.Core.Engine
{
    /// <summary><see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> that fails as a sequential loop would.</summary>
    internal static class ParallelFor
    {
        /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1; what the first failing call threw is rethrown as it was (a host reports its type and message), not wrapped.</summary>
        public static void Run(int count, ParallelOptions options, Action<int> body)
        {
            try
            {
                Parallel.For(0, count, options, body);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }
    }
}

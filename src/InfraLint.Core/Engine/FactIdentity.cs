using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace InfraLint.Core.Engine
{
    /// <summary>
    /// Facts compared as NRules compares them: by identity. Two workloads with equal fields in two files are two facts,
    /// whatever their own equality says.
    /// </summary>
    internal sealed class FactIdentity : IEqualityComparer<object>
    {
        public static readonly FactIdentity Instance = new FactIdentity();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}

using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace InfraLint.Core.Engine
{
    /// <summary>
    /// Objects compared by identity, whatever their own equality says: facts as NRules compares them (two workloads with
    /// equal fields in two files are two facts), and syntax nodes whose equality compares their whole content.
    /// </summary>
    public sealed class Identity : IEqualityComparer<object>
    {
        public static readonly Identity Instance = new Identity();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}

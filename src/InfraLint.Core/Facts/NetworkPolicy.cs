using System;
using System.Collections.Generic;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>A Kubernetes NetworkPolicy (or an equivalent firewall policy scoped to a namespace).</summary>
    public sealed class NetworkPolicy : InfraResource
    {
        public NetworkPolicy(string format, string kind, string name, string @namespace, SourceSpan span)
            : base(format, kind, name, @namespace, span)
        {
        }

        public IReadOnlyDictionary<string, string> PodSelector { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public IReadOnlyList<string> PolicyTypes { get; set; } = Array.Empty<string>();
    }
}

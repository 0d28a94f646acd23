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

        public IReadOnlyDictionary<string, string> PodSelector { get => _podSelector; set => _podSelector = ReadOnlyMaps.Kept(value); }

        private IReadOnlyDictionary<string, string> _podSelector = ReadOnlyMaps.Empty<string>();

        public IReadOnlyList<string> PolicyTypes { get; set; } = Array.Empty<string>();
    }
}

using System;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;

namespace InfraLint.Yaml
{
    /// <summary>Parses a YAML file once and lets each YAML dialect (Kubernetes, …) read its documents.</summary>
    public sealed class YamlAdapter : IAdapter
    {
        public bool Accepts(string path) =>
            path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

        public AdapterResult Read(SourceText source) => AdapterResult.Empty; // replaced by the real adapter
    }
}

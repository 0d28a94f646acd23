using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using InfraLint.Core.Findings;

namespace InfraLint.Core.Engine
{
    /// <summary>
    /// Every rule's metadata, collected from the <c>public static readonly RuleDescriptor Descriptor</c>
    /// that each rule class declares next to its logic. This is the one source of rule metadata.
    /// </summary>
    public sealed class RuleCatalog
    {
        private readonly Dictionary<string, RuleDescriptor> _byId;

        public RuleCatalog(IEnumerable<RuleDescriptor> rules)
        {
            _byId = new Dictionary<string, RuleDescriptor>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in rules)
            {
                if (_byId.ContainsKey(rule.Id))
                    throw new InvalidOperationException($"Rule id {rule.Id} is declared twice.");
                _byId.Add(rule.Id, rule);
            }
            All = _byId.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        }

        public IReadOnlyList<RuleDescriptor> All { get; }

        public RuleDescriptor? Find(string id) => _byId.TryGetValue(id, out var rule) ? rule : null;

        public static RuleCatalog FromAssemblies(IEnumerable<Assembly> assemblies) =>
            new RuleCatalog(assemblies.SelectMany(a => a.GetTypes()).Select(DescriptorOf).Where(d => d is not null)!);

        public static RuleDescriptor? DescriptorOf(Type type) =>
            type.GetField("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as RuleDescriptor;
    }
}

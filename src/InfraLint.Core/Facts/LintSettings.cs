using System;
using System.Collections.Generic;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// The configuration rules read (inserted into every session as one fact), so a rule's thresholds
    /// come from <c>.infralint.yaml</c> rather than constants in the rule.
    /// </summary>
    public sealed class LintSettings
    {
        public static LintSettings Default { get; } = new LintSettings();

        /// <summary>IL2011 also fires on tagged images that have no <c>@sha256:</c> digest.</summary>
        public bool RequireImageDigests { get; init; }

        /// <summary>Labels/tags every GPU or storage resource must carry (IL1011).</summary>
        public IReadOnlyList<string> CostLabels { get; init; } = new[] { "team", "cost-center", "model" };

        /// <summary>Namespace assumed for namespaced Kubernetes objects that name none.</summary>
        public string DefaultNamespace { get; init; } = "default";

        public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    }
}

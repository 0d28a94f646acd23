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

        /// <summary>
        /// Labels or annotations a training job or model artifact must carry for lineage (IL4004): the dataset
        /// it was trained on, the code revision, and the model version it produces.
        /// </summary>
        public IReadOnlyList<string> LineageLabels { get; init; } = new[] { "infralint.dev/dataset", "app.kubernetes.io/version", "infralint.dev/model-version" };

        /// <summary>Namespace assumed for namespaced Kubernetes objects that name none.</summary>
        public string DefaultNamespace { get; init; } = "default";

        /// <summary>IL2002 also fires on storage encrypted with a provider-owned or AWS-managed key rather than a customer-managed one.</summary>
        public bool RequireCustomerManagedKeys { get; init; }

        /// <summary>Shortest log retention in days that IL4002 accepts (EU AI Act Art. 19 asks for at least six months).</summary>
        public int MinLogRetentionDays { get; init; } = DefaultMinLogRetentionDays;

        public const int DefaultMinLogRetentionDays = 180;

        /// <summary>Regions resources may be placed in (IL4006); empty allows all.</summary>
        public IReadOnlyList<string> AllowedRegions { get; init; } = Array.Empty<string>();

        /// <summary>Per-rule overrides from configuration, by rule id.</summary>
        public IReadOnlyDictionary<string, RuleOverride> Rules { get; init; } = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase);

        public bool IsEnabled(Findings.RuleDescriptor rule)
        {
            if (!Rules.TryGetValue(rule.Id, out var o)) return rule.EnabledByDefault;
            if (o.Severity == Findings.Severity.None) return false;
            return o.Enabled ?? (o.Severity is not null || rule.EnabledByDefault);
        }

        public Findings.Severity SeverityOf(Findings.RuleDescriptor rule) =>
            Rules.TryGetValue(rule.Id, out var o) && o.Severity is Findings.Severity severity ? severity : rule.DefaultSeverity;
    }

    /// <summary>What configuration says about one rule; null members keep the rule's defaults.</summary>
    public sealed record RuleOverride(bool? Enabled, Findings.Severity? Severity);
}

using System;
using System.Collections.Generic;
using InfraLint.Core.Scheduling;
using InfraLint.Core.Sizing;
using InfraLint.Core.Sizing.Catalog;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// The configuration rules read (inserted into every session as one fact), so a rule's thresholds
    /// come from <c>.infralint.yaml</c> rather than constants in the rule.
    /// </summary>
    public sealed record LintSettings
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

        /// <summary>
        /// IL3006 also reports a missing CPU limit. Off by default: a CPU limit is a CFS quota, and a server that
        /// uses its quota early in a period is throttled until the next one, which adds latency even when the host
        /// has idle CPUs; a missing memory limit is reported either way.
        /// </summary>
        public bool RequireCpuLimits { get; init; }

        /// <summary>
        /// Absence-of-hardening and limit findings (IL2006 without no-new-privileges, IL2007 without a user, IL3004,
        /// IL3006) also on workloads taken to run on a developer workstation (<see cref="ComputeWorkload.WorkstationStack"/>),
        /// for teams that run such stacks on shared or production hosts.
        /// </summary>
        public bool JudgeWorkstationStacks { get; init; }

        /// <summary>Shortest log retention in days that IL4002 accepts (EU AI Act Art. 19 asks for at least six months).</summary>
        public int MinLogRetentionDays { get; init; } = DefaultMinLogRetentionDays;

        public const int DefaultMinLogRetentionDays = 180;

        /// <summary>Regions resources may be placed in (IL4006); empty allows all.</summary>
        public IReadOnlyList<string> AllowedRegions { get; init; } = Array.Empty<string>();

        private SizingCatalog? _catalog;

        /// <summary>Accelerators, instance types with prices, and model architectures the capacity rules size with (IL1001–IL1011).</summary>
        public SizingCatalog Catalog
        {
            get => _catalog ?? SizingCatalog.Default;
            init => _catalog = value;
        }

        /// <summary>The sizing model's options; <see cref="SizingOptions.Buffer"/> (default 30%) is the headroom over peak.</summary>
        public SizingOptions Sizing { get; init; } = SizingOptions.Default;

        /// <summary>
        /// Catalog name of the accelerator to assume when a manifest does not say which GPU a workload gets
        /// (no GPU-product or instance-type node label). Null (the default): capacity rules skip such workloads
        /// rather than guess; when set, their messages and properties say the accelerator was assumed.
        /// </summary>
        public string? DefaultAccelerator { get; init; }

        /// <summary>
        /// Time-per-output-token objective assumed when a profile states no latency objective (100 ms, about ten
        /// tokens a second, the pace people read at), so capacity is never sized at a batch no interactive user would accept.
        /// </summary>
        public double DefaultTimePerOutputTokenMs { get; init; } = 100;

        /// <summary>IL1003 reports a cheaper accelerator only when it saves at least this share of the monthly cost (0.30 = 30%).</summary>
        public double CheaperAcceleratorThreshold { get; init; } = 0.30;

        /// <summary>When training should not start (IL1007); default Monday–Friday 08:00–20:00 UTC.</summary>
        public PeakWindow PeakHours { get; init; } = PeakWindow.Default;

        /// <summary>
        /// Which rules run when configuration does not name them: the recommended set (high precision, actionable;
        /// the default) or all of them, including rules that are off by default.
        /// </summary>
        public RuleSelection RuleSet { get; init; } = RuleSelection.Recommended;

        /// <summary>Per-rule overrides from configuration, by rule id.</summary>
        public IReadOnlyDictionary<string, RuleOverride> Rules { get; init; } = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// These settings with <paramref name="ruleIds"/> turned on by id, as <c>IL2002: {enabled: true}</c> would: whatever
        /// the rule set, and opted in on their own if they wait for InfraLint's vocabulary. A configured severity is kept.
        /// </summary>
        public LintSettings Enabling(IEnumerable<string> ruleIds)
        {
            var rules = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in Rules) rules[entry.Key] = entry.Value;
            foreach (var id in ruleIds) rules[id] = rules.TryGetValue(id, out var o) ? o with { Enabled = true } : new RuleOverride(true, null);
            return this with { Rules = rules };
        }

        public bool IsEnabled(Findings.RuleDescriptor rule)
        {
            bool selected = RuleSet == RuleSelection.All || (rule.EnabledByDefault && rule.Recommended);
            if (!Rules.TryGetValue(rule.Id, out var o)) return selected;
            if (o.Severity == Findings.Severity.None) return false;
            return o.Enabled ?? (o.Severity is not null || selected);
        }

        public Findings.Severity SeverityOf(Findings.RuleDescriptor rule) =>
            Rules.TryGetValue(rule.Id, out var o) && o.Severity is Findings.Severity severity ? severity : rule.DefaultSeverity;
    }

    /// <summary>The catalog's rule sets (<c>ruleSet:</c> in configuration, <c>--rule-set</c> on the command line).</summary>
    public enum RuleSelection
    {
        /// <summary>Rules that are on by default and in the recommended set: the findings people act on.</summary>
        Recommended,

        /// <summary>Every rule, and rules that only ask for InfraLint's own vocabulary run without it.</summary>
        All,
    }

    /// <summary>What configuration says about one rule; null members keep the rule's defaults.</summary>
    public sealed record RuleOverride(bool? Enabled, Findings.Severity? Severity);
}

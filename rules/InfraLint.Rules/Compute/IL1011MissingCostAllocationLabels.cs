using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// GPU and storage bills are only attributable when the resources carry the organisation's cost labels.
    /// Kubernetes cost tools (OpenCost, Kubecost) allocate by pod labels, so a label on the pod template counts as
    /// well as one on the workload. Spellings differ between clouds (<c>cost-center</c>, <c>CostCenter</c>,
    /// <c>cost_center</c>), so names are compared ignoring case and separators. No fix: a placeholder value
    /// would pass the check and attribute nothing.
    /// </summary>
    [Name(Id)]
    public sealed class IL1011MissingCostAllocationLabels : Rule
    {
        public const string Id = "IL1011";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Missing cost-allocation labels",
            "A GPU workload or a storage resource lacks one or more of the configured cost-allocation labels or tags (default: team, cost-center, model), so its spend cannot be attributed.",
            Severity.Note,
            Precision.High,
            new[] { "cost", "governance", "labels" });

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;

            When()
                .Exists<Adoption>(a => a.Covers(Id))
                .Match(() => settings)
                .Match(() => workload, w => ProvisionedAccelerators.UsesAccelerators(w, settings.Catalog), w => Missing(w, settings).Length > 0);

            Then()
                .Do(ctx => ctx.Report(Report(workload, Missing(workload, settings))));
        }

        internal static string[] Missing(InfraResource resource, LintSettings settings)
        {
            // Labels InfraLint cannot see (a variable, an intrinsic, tags applied at a scope) are unknown, never "no labels".
            if (resource.LabelsUnknown || resource is ComputeWorkload w && w.Pods.Any(p => p.LabelsUnknown)) return Array.Empty<string>();
            var have = new HashSet<string>(resource.Labels.Where(l => l.Value.IsUnknown || (l.Value.Value?.Trim().Length ?? 0) > 0).Select(l => Normalize(l.Key)), StringComparer.Ordinal);
            if (resource is ComputeWorkload workload)
                foreach (var pod in workload.Pods)
                    foreach (var label in pod.Labels.Where(l => l.Value.Trim().Length > 0))
                        have.Add(Normalize(label.Key));
            return settings.CostLabels.Where(l => !have.Contains(Normalize(l))).ToArray();
        }

        private static string Normalize(string key)
        {
            // A prefixed key (example.com/team) names the same label as its last segment.
            int slash = key.LastIndexOf('/');
            string name = slash >= 0 ? key.Substring(slash + 1) : key;
            return new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        }

        internal static Finding Report(InfraResource resource, string[] missing) =>
            new Finding(
                Descriptor,
                $"{Wording.Of(resource)} has no {string.Join(", ", missing)} {(missing.Length == 1 ? "label" : "labels")} (or tags), so its cost cannot be allocated; add {(missing.Length == 1 ? "it" : "them")} with real values.",
                resource.Span,
                $"{resource.Id}:labels",
                resource,
                properties: new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["missing"] = string.Join(",", missing),
                    ["present"] = string.Join(",", resource.Labels.Keys.OrderBy(k => k, StringComparer.Ordinal)),
                });
    }

    /// <summary>The same for storage: buckets, file systems, databases, volumes.</summary>
    [Name(IL1011MissingCostAllocationLabels.Id + ".storage")]
    public sealed class IL1011MissingStorageCostLabels : Rule
    {
        public override void Define()
        {
            LintSettings settings = default!;
            StorageResource storage = default!;

            When()
                .Exists<Adoption>(a => a.Covers(IL1011MissingCostAllocationLabels.Id))
                .Match(() => settings)
                .Match(() => storage, s => IL1011MissingCostAllocationLabels.Missing(s, settings).Length > 0);

            Then()
                .Do(ctx => ctx.Report(IL1011MissingCostAllocationLabels.Report(storage, IL1011MissingCostAllocationLabels.Missing(storage, settings))));
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// Without a NetworkPolicy every pod in the namespace accepts traffic from every pod in the cluster: a
    /// model server, its weights and its GPUs are one compromised neighbour away. The finding is about the
    /// namespace, so it is made once per namespace (grouping the AI workloads in it) and placed on the first
    /// of them, where the related locations list the rest.
    /// </summary>
    [Name(Id)]
    public sealed class IL2013NoNetworkPolicy : Rule
    {
        public const string Id = "IL2013";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No network policy",
            "A namespace runs AI workloads (model servers, training jobs, GPU pods) and no NetworkPolicy is declared for it, so every pod in the cluster can reach them.",
            Severity.Warning,
            Precision.Medium,
            new[] { "security", "network", "zero-trust", "kubernetes" },
            securitySeverity: 5.5,
            controls: new[]
            {
                FrameworkControl.Cis("5.3.2", "Ensure that all Namespaces have Network Policies defined"),
                FrameworkControl.Nist("SC-7", "Boundary Protection"),
            });

        public override void Define()
        {
            IGrouping<string, ComputeWorkload> workloads = default!;

            When()
                .Query(() => workloads, q => q
                    // Cluster-scoped objects (a ClusterTrainingRuntime) run nothing in a namespace of their own.
                    .Match<ComputeWorkload>(w => w.IsAiWorkload, w => w.Namespace != "")
                    .GroupBy(w => w.Namespace))
                .Not<NetworkPolicy>(p => p.Namespace == workloads.Key);

            Then()
                .Do(ctx => ctx.Report(Report(workloads.Key, workloads)));
        }

        private static Finding Report(string @namespace, IEnumerable<ComputeWorkload> workloads)
        {
            var ordered = workloads
                .OrderBy(w => w.File, StringComparer.Ordinal)
                .ThenBy(w => w.Span.StartOffset)
                .ThenBy(w => w.Id, StringComparer.Ordinal)
                .ToArray();
            var first = ordered[0];
            string others = ordered.Length == 1 ? string.Empty : $" and {ordered.Length - 1} more AI workload{(ordered.Length == 2 ? string.Empty : "s")}";
            return new Finding(
                Descriptor,
                $"Namespace '{@namespace}' runs {Wording.Of(first)}{others} but no NetworkPolicy is declared for it; add a default-deny policy and allow only the traffic the workloads need.",
                first.Span,
                $"Namespace/{@namespace}:networkPolicy",
                first,
                related: ordered.Skip(1).Select(w => new RelatedLocation(w.Span, $"{Wording.Of(w)} also runs in namespace '{@namespace}'.")).ToArray(),
                properties: new Dictionary<string, string>
                {
                    ["namespace"] = @namespace,
                    ["workloads"] = string.Join(",", ordered.Select(w => w.Id)),
                });
        }
    }
}

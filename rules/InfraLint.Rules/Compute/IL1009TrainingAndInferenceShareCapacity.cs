using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// A training job that lands on the nodes serving inference takes their GPUs (and their memory bandwidth)
    /// when a batch starts, and serving latency spikes. Two GPU workloads in one namespace share capacity when
    /// neither pins a node pool (both land in the default pool) or when the node labels they require agree.
    /// Reported once per training workload, at its placement, with every inference workload it can share
    /// nodes with as a related location (a per-pair finding multiplies in a folder of many manifests).
    /// </summary>
    [Name(Id)]
    public sealed class IL1009TrainingAndInferenceShareCapacity : Rule
    {
        public const string Id = "IL1009";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Training and inference share capacity",
            "A training (or batch) workload and an inference workload with GPUs run in the same namespace and can land on the same nodes: neither requires node labels, or the labels they require agree. Training then competes with serving for GPUs.",
            Severity.Warning,
            Precision.Medium,
            new[] { "compute", "gpu", "isolation", "training", "inference" },
            recommended: false);

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload training = default!;
            IEnumerable<ComputeWorkload> inferences = default!;

            When()
                .Match(() => settings)
                .Match(() => training, w => w.Role == WorkloadRole.Training || w.Role == WorkloadRole.BatchInference, w => w.UsesAccelerators, w => w.Namespace.Length > 0)
                .Query(() => inferences, q => q
                    .Match<ComputeWorkload>(w => w.Role == WorkloadRole.Inference, w => w.UsesAccelerators, w => w.Namespace == training.Namespace, w => w.Format == training.Format,
                        w => SameDeployment(training, w, settings), w => Overlap(training, w) != null)
                    .Collect()
                    .Where(c => c.Any()));

            Then()
                .Do(ctx => ctx.Report(Report(training, inferences)));
        }

        /// <summary>
        /// Manifests that name no namespace land in whatever namespace they are applied to, so two of them are
        /// only taken to share one when they sit in the same directory (applied together); an explicit namespace
        /// is shared wherever it is written.
        /// </summary>
        private static bool SameDeployment(ComputeWorkload a, ComputeWorkload b, LintSettings settings) =>
            a.Namespace != settings.DefaultNamespace
            || string.Equals(Directory(a.File), Directory(b.File), StringComparison.Ordinal);

        private static string Directory(string file)
        {
            int slash = Math.Max(file.LastIndexOf('/'), file.LastIndexOf('\\'));
            return slash < 0 ? string.Empty : file.Substring(0, slash);
        }

        /// <summary>Node labels the main (GPU) pod template requires.</summary>
        private static IReadOnlyDictionary<string, IReadOnlyList<string>> Placement(ComputeWorkload workload) =>
            workload.Pods.OrderByDescending(p => p.Containers.Sum(c => c.Resources.AcceleratorCount)).First().RequiredNodeLabels;

        /// <summary>Why the two can share nodes, or null when their required labels keep them apart (or say nothing comparable).</summary>
        internal static string? Overlap(ComputeWorkload a, ComputeWorkload b)
        {
            var x = Placement(a);
            var y = Placement(b);
            if (x.Count == 0 && y.Count == 0) return "neither requires node labels, so both land in the default node pool";
            var shared = x.Keys.Intersect(y.Keys, StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToArray();
            if (shared.Length == 0) return null;
            foreach (var key in shared)
                if (!x[key].Intersect(y[key], StringComparer.Ordinal).Any()) return null;
            return "both require " + string.Join(", ", shared.Select(k => $"{k}={string.Join(",", x[k].Intersect(y[k], StringComparer.Ordinal))}"));
        }

        private static Finding Report(ComputeWorkload training, IEnumerable<ComputeWorkload> inferences)
        {
            var partners = inferences.OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.Span.StartLine).ToList();
            var inference = partners[0];
            string others = partners.Count == 1 ? string.Empty : $" (and {partners.Count - 1} more inference workload{(partners.Count == 2 ? "" : "s")})";
            string why = Overlap(training, inference)!;
            var pod = training.Pods.OrderByDescending(p => p.Containers.Sum(c => c.Resources.AcceleratorCount)).First();
            var at = pod.Placement?.Span ?? training.Span;
            return new Finding(
                Descriptor,
                $"{(training.Role == WorkloadRole.Training ? "Training" : "Batch")} {Wording.Of(training)} and inference {Wording.Of(inference)}{others} in namespace '{training.Namespace}' can share GPU nodes: {why}. Give training its own node pool (a node selector and a taint it tolerates) so it cannot take serving capacity.",
                at,
                $"{training.Id}:placement",
                training,
                related: partners.Select(p => new RelatedLocation(p.Span, $"inference {Wording.Of(p)}")).ToArray(),
                properties: new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["training"] = training.Id,
                    ["inference"] = string.Join(", ", partners.Select(p => p.Id)),
                    ["overlap"] = why,
                });
        }
    }
}

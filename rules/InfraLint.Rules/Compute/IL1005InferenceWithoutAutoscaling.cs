using System.Collections.Generic;
using System.Globalization;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// An inference service with a fixed replica count is sized for one traffic level: idle GPUs off-peak,
    /// dropped requests at peak. The autoscaler may live in another file, so this is a join over the scan.
    /// </summary>
    [Name(Id)]
    public sealed class IL1005InferenceWithoutAutoscaling : Rule
    {
        public const string Id = "IL1005";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Inference without autoscaling",
            "A long-running inference service has a fixed replica count and nothing scales it (no HorizontalPodAutoscaler, KEDA ScaledObject or built-in min/max replicas), so it is over-provisioned off-peak and saturated at peak.",
            Severity.Warning,
            Precision.Medium,
            new[] { "compute", "cost", "autoscaling", "inference" },
            recommended: false);

        public override void Define()
        {
            ComputeWorkload workload = default!;

            When()
                .Match(() => workload, w => w.Role == WorkloadRole.Inference, w => w.IsLongRunning, w => w.InlineAutoscaling == null, w => !CountUnknown(w.Replicas))
                .Not<Autoscaler>(a => a.Targets(workload));

            Then()
                .Do(ctx => ctx.Report(Report(workload)));
        }

        /// <summary>A count computed elsewhere (a parameter, a variable) may be anything: it is not "the default of 1".</summary>
        private static bool CountUnknown(Located<int?> replicas) => replicas.IsUnknown || (replicas.IsPresent && replicas.Value is null);

        private static Finding Report(ComputeWorkload workload)
        {
            var replicas = workload.Replicas;
            string count = replicas.IsPresent && replicas.Value is int n
                ? $"a fixed replica count of {n}"
                : "the default replica count of 1";
            return new Finding(
                Descriptor,
                $"Inference {Wording.Of(workload)} runs {count} and no autoscaler targets it; add one (a HorizontalPodAutoscaler, KEDA ScaledObject or Application Auto Scaling target) so capacity follows traffic.",
                replicas.Span,
                Wording.PathOf(workload, replicas),
                workload,
                properties: new Dictionary<string, string>
                {
                    ["replicas"] = replicas.IsPresent && replicas.Value is int r ? r.ToString(CultureInfo.InvariantCulture) : "default",
                    ["roleReason"] = workload.RoleReason ?? string.Empty,
                });
        }
    }
}

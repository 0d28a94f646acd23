using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>Something that scales a workload: HorizontalPodAutoscaler, KEDA ScaledObject, an ASG policy.</summary>
    public sealed class Autoscaler : InfraResource
    {
        public Autoscaler(string format, string kind, string name, string @namespace, SourceSpan span, string targetKind, Located<string> targetName)
            : base(format, kind, name, @namespace, span)
        {
            TargetKind = targetKind;
            TargetName = targetName;
        }

        public string TargetKind { get; }

        public Located<string> TargetName { get; }

        public Located<int?> MinReplicas { get; set; } = null!;

        public Located<int?> MaxReplicas { get; set; } = null!;

        /// <summary>
        /// The metric of the target's pods it scales on when that metric must come from a metrics pipeline
        /// (an HPA <c>Pods</c> metric such as <c>vllm_num_requests_running</c>, a KEDA Prometheus trigger):
        /// evidence that something collects the pods' metrics. Null for CPU/memory or no metrics.
        /// </summary>
        public string? PodMetric { get; set; }

        /// <summary>Target name when the source names it through something we cannot evaluate: the autoscaler may target any resource of its kind.</summary>
        public const string AnyTarget = "*";

        public bool Targets(InfraResource resource) =>
            resource.Namespace == Namespace
            && (resource.Name == TargetName.Value || TargetName.Value == AnyTarget)
            && (string.IsNullOrEmpty(TargetKind) || resource.Kind == TargetKind);
    }
}

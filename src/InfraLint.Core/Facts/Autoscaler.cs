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

        /// <summary>Target name when the source names it through something we cannot evaluate: the autoscaler may target any resource of its kind.</summary>
        public const string AnyTarget = "*";

        public bool Targets(InfraResource resource) =>
            resource.Namespace == Namespace
            && (resource.Name == TargetName.Value || TargetName.Value == AnyTarget)
            && (string.IsNullOrEmpty(TargetKind) || resource.Kind == TargetKind);
    }
}

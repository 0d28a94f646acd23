using System;
using System.Collections.Generic;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// The demand side of a workload, which infrastructure files rarely state: what model it serves or
    /// trains, the traffic and latency it must meet, its training budget. Declared in an AIWorkload spec
    /// document or in <c>infralint.dev/*</c> annotations; the sizing model reads it.
    /// </summary>
    public sealed class WorkloadProfile : InfraResource
    {
        public WorkloadProfile(string format, string kind, string name, string @namespace, SourceSpan span)
            : base(format, kind, name, @namespace, span)
        {
        }

        /// <summary>True when the profile came from annotations on the workload itself rather than a spec document.</summary>
        public bool FromAnnotations { get; set; }

        public Located<WorkloadRole?> Role { get; set; } = null!;

        public Located<string?> ModelName { get; set; } = null!;

        /// <summary>Parameter count when given explicitly (overrides the catalog's).</summary>
        public Located<double?> Parameters { get; set; } = null!;

        /// <summary>Normalized precision name: fp32, bf16, fp16, fp8, int8, int4.</summary>
        public Located<string?> Precision { get; set; } = null!;

        public Located<double?> PeakRequestsPerSecond { get; set; } = null!;

        public Located<double?> InputTokens { get; set; } = null!;

        public Located<double?> OutputTokens { get; set; } = null!;

        public Located<double?> Concurrency { get; set; } = null!;

        public Located<double?> P99LatencyMs { get; set; } = null!;

        /// <summary>p95 latency objective; either percentile counts as a latency SLO (IL3003).</summary>
        public Located<double?> P95LatencyMs { get; set; } = null!;

        public Located<double?> TimeToFirstTokenMs { get; set; } = null!;

        public Located<double?> TrainingTokens { get; set; } = null!;

        public Located<double?> DeadlineHours { get; set; } = null!;

        public Located<string?> TrainingSchedule { get; set; } = null!;

        public Located<bool?> Critical { get; set; } = null!;

        public Located<string?> DriftMonitor { get; set; } = null!;

        /// <summary>Data-quality monitor (<c>monitoring.dataQuality</c>); like drift, <c>none</c> declares there is none.</summary>
        public Located<string?> DataQualityMonitor { get; set; } = null!;

        public Located<string?> MetricsBackend { get; set; } = null!;

        /// <summary>Alerts the workload's monitoring raises (<c>monitoring.alerts</c>), e.g. <c>p99-latency</c>, <c>drift</c>.</summary>
        public IReadOnlyList<Located<string>> Alerts { get; set; } = Array.Empty<Located<string>>();

        /// <summary>Experiment tracker or model registry the training job reports to (<c>tracking</c>), e.g. <c>mlflow</c>; <c>none</c> declares there is none.</summary>
        public Located<string?> Tracking { get; set; } = null!;

        /// <summary>The <c>monitoring</c> key (or the profile's anchor when there is none): where monitoring findings point.</summary>
        public SourceSpan? MonitoringSpan { get; set; }

        /// <summary>The <c>slo</c> key, when the profile has one.</summary>
        public SourceSpan? SloSpan { get; set; }

        public Located<string?> Dataset { get; set; } = null!;

        public Located<string?> DatasetVersion { get; set; } = null!;

        /// <summary>The stages of the profile's data pipeline (<c>pipeline.stages</c>), in order.</summary>
        public IReadOnlyList<PipelineStage> Stages { get; set; } = Array.Empty<PipelineStage>();

        /// <summary>True when the monitor value names a monitor (present and not <c>none</c>), or is decided elsewhere (unknown).</summary>
        public static bool Declares(Located<string?> monitor) =>
            monitor.IsUnknown
            || (monitor.IsPresent && !string.IsNullOrWhiteSpace(monitor.Value) && !string.Equals(monitor.Value!.Trim(), "none", StringComparison.OrdinalIgnoreCase));

        public bool HasDriftMonitoring => Declares(DriftMonitor) || Declares(DataQualityMonitor);

        public bool HasLatencyObjective => !P99LatencyMs.IsMissing || !P95LatencyMs.IsMissing;

        /// <summary>The provisioned resources this profile describes; for annotation profiles, the annotated workload.</summary>
        public IReadOnlyList<ProfileTarget> Targets { get; set; } = Array.Empty<ProfileTarget>();

        public bool Describes(InfraResource resource)
        {
            foreach (var target in Targets)
                if (target.Matches(resource)) return true;
            return false;
        }
    }

    /// <summary>One <c>targets</c> entry of a spec: which resource the profile is about.</summary>
    public sealed class ProfileTarget
    {
        public ProfileTarget(WorkloadProfile profile, string kind, string name, string @namespace, SourceSpan span)
        {
            Profile = profile;
            Kind = kind;
            Name = name;
            Namespace = @namespace;
            Span = span;
        }

        public WorkloadProfile Profile { get; }

        /// <summary>Empty matches any kind.</summary>
        public string Kind { get; }

        public string Name { get; }

        public string Namespace { get; }

        public SourceSpan Span { get; }

        /// <summary>
        /// False when the target names no namespace and took the spec's. Only Kubernetes has namespaces a user
        /// writes; CloudFormation and compose resources are scoped by their file, so such a target matches them
        /// by kind and name alone.
        /// </summary>
        public bool NamespaceGiven { get; init; } = true;

        public bool Matches(InfraResource resource) => Matches(resource.Name, resource.Namespace, resource.Format, resource.Kind);

        /// <summary><see cref="Matches(InfraResource)"/> for a resource known only by these four (a file a scan reads again later).</summary>
        public bool Matches(string name, string @namespace, string format, string kind) =>
            string.Equals(name, Name, StringComparison.Ordinal)
            && (string.Equals(@namespace, Namespace, StringComparison.Ordinal)
                || (!NamespaceGiven && format != SourceFormat.Kubernetes && format != SourceFormat.WorkloadSpec))
            && (Kind.Length == 0 || string.Equals(kind, Kind, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => $"{(Kind.Length == 0 ? "*" : Kind)}/{Namespace}/{Name}";
    }
}

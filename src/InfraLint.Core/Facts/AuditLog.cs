using System;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// A record of who did what: a CloudTrail trail, a cluster's audit log, a model endpoint's
    /// request/response capture. <see cref="Enabled"/> false or missing is an audit gap (IL4001).
    /// </summary>
    public sealed class AuditLog : InfraResource
    {
        public AuditLog(string format, string kind, string name, string @namespace, SourceSpan span, string audits)
            : base(format, kind, name, @namespace, span)
        {
            Audits = audits;
        }

        /// <summary>What is audited, in words: "AWS API calls", "EKS API server", "inference requests of endpoint X".</summary>
        public string Audits { get; }

        public Located<bool?> Enabled { get; set; } = null!;

        /// <summary>Where a fix turns it on; null when that is not one key.</summary>
        public EditTarget? Enable { get; set; }
    }

    /// <summary>A log store with a retention period (CloudWatch log group, bucket lifecycle).</summary>
    public sealed class LogStore : InfraResource
    {
        public LogStore(string format, string kind, string name, string @namespace, SourceSpan span)
            : base(format, kind, name, @namespace, span)
        {
        }

        /// <summary>Days kept; missing means kept forever.</summary>
        public Located<int?> RetentionDays { get; set; } = null!;

        /// <summary>
        /// Why the store holds only provisioning tooling's events and none of the AI system's (the log group of the
        /// function behind a CloudFormation custom resource); null for an ordinary log store.
        /// </summary>
        public string? ProvisioningOnly { get; set; }
    }

    /// <summary>A model-quality, data-quality or drift monitor attached to a deployed model (SageMaker MonitoringSchedule).</summary>
    public sealed class ModelMonitor : InfraResource
    {
        public ModelMonitor(string format, string kind, string name, string @namespace, SourceSpan span, string? monitoredName)
            : base(format, kind, name, @namespace, span)
        {
            MonitoredName = monitoredName;
        }

        /// <summary>Name (or template logical id) of the monitored endpoint; null when unknown, which counts as monitoring any.</summary>
        public string? MonitoredName { get; }

        /// <summary>
        /// A monitoring service deployed for the whole cluster (an Evidently or Alibi Detect server): it may
        /// watch models in any namespace of its own format, so it counts for all of them.
        /// </summary>
        public bool ClusterWide { get; init; }

        /// <summary>The monitoring tool, where the source says (SageMaker Model Monitor, Evidently, WhyLabs…).</summary>
        public string? Tool { get; init; }

        public bool Monitors(InfraResource resource) =>
            string.Equals(resource.Format, Format, StringComparison.Ordinal)
            && (ClusterWide || resource.Namespace == Namespace)
            && (MonitoredName is null || MonitoredName == resource.Name);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    public enum WorkloadRole
    {
        Unknown,
        Inference,
        Training,
        BatchInference,
    }

    /// <summary>
    /// Something that runs containers: a Deployment, a Job, a KServe InferenceService, a RayCluster, a
    /// compose service. It has one or more pod templates (a RayCluster has a head and worker groups).
    /// </summary>
    public sealed class ComputeWorkload : InfraResource
    {
        public ComputeWorkload(string format, string kind, string name, string @namespace, SourceSpan span)
            : base(format, kind, name, @namespace, span)
        {
        }

        public WorkloadRole Role { get; set; }

        /// <summary>Why the role was assigned ("image vllm/vllm-openai", "annotation infralint.dev/role", "kind PyTorchJob").</summary>
        public string? RoleReason { get; set; }

        /// <summary>Top-level replica count (missing means the platform default, usually 1).</summary>
        public Located<int?> Replicas { get; set; } = null!;

        /// <summary>True for long-running services (Deployments, StatefulSets, inference CRDs) that an autoscaler can target.</summary>
        public bool IsLongRunning { get; set; }

        /// <summary>
        /// The workload scales itself (KServe min/max replicas with min &lt; max, Ray autoscaler); null when it
        /// relies on an external autoscaler.
        /// </summary>
        public string? InlineAutoscaling { get; set; }

        /// <summary>Cloud instance type the workload runs on (CloudFormation, SageMaker); missing for Kubernetes pods.</summary>
        public Located<string?>? InstanceType { get; set; }

        /// <summary>spot or on-demand, where the source says so.</summary>
        public Located<string?>? CapacityType { get; set; }

        /// <summary>Cron schedule for scheduled jobs (CronJob <c>spec.schedule</c>).</summary>
        public Located<string?>? Schedule { get; set; }

        /// <summary>Time zone the schedule is read in (CronJob <c>spec.timeZone</c>); missing means UTC, the controller's default.</summary>
        public Located<string?>? ScheduleTimeZone { get; set; }

        /// <summary>
        /// A pool of machines for other workloads to run on (an EKS node group, a launch template) rather than a
        /// workload itself: capacity rules judge the workloads placed on it, not the pool.
        /// </summary>
        public bool IsNodePool { get; set; }

        public IReadOnlyList<PodTemplate> Pods { get; set; } = Array.Empty<PodTemplate>();

        public IEnumerable<Container> Containers => Pods.SelectMany(p => p.Containers);

        /// <summary>Accelerators requested by one replica of the main pod template (sum over its containers).</summary>
        public int AcceleratorsPerReplica =>
            Pods.Count == 0 ? 0 : Pods.Max(p => p.Containers.Sum(c => c.Resources.AcceleratorCount));

        public bool UsesAccelerators => Pods.Any(p => p.Containers.Any(c => c.Resources.AcceleratorCount > 0));

        /// <summary>A workload the AI-specific rules care about: it has a known AI role or asks for accelerators.</summary>
        public bool IsAiWorkload => Role != WorkloadRole.Unknown || UsesAccelerators;
    }
}

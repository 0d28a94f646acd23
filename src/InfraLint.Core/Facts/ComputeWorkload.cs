using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

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
        public string? RoleReason { get => _roleReason; set => _roleReason = value is null ? null : SharedStrings.Of(value); }

        private string? _roleReason;

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

        /// <summary>How a new version replaces running replicas (Deployment <c>spec.strategy.type</c>: RollingUpdate or Recreate); null where the source has no such setting.</summary>
        public Located<string?>? RolloutStrategy { get; set; }

        /// <summary><c>spec.strategy.rollingUpdate.maxUnavailable</c> as written (<c>1</c>, <c>25%</c>); where a fix writes it when missing.</summary>
        public Located<string?>? RolloutMaxUnavailable { get; set; }

        /// <summary>
        /// Serving metrics are collected without anything in this source wiring a collector (SageMaker sends
        /// CloudWatch metrics; KServe and Knative export through their own queue proxy; compose services are
        /// scraped from the collector's own configuration); null when the source must wire one.
        /// </summary>
        public string? MetricsCollectedElsewhere { get; set; }

        /// <summary>
        /// A template that other resources instantiate (a Kubeflow TrainingRuntime), not a job that runs by
        /// itself: job-level rules (lineage, tracking) judge the job that uses it.
        /// </summary>
        public bool IsTemplate { get; set; }

        /// <summary>The platform records each run's parameters and metrics itself (a Katib experiment's trials); null otherwise.</summary>
        public string? BuiltInExperimentTracking { get; set; }

        /// <summary>A stored model that endpoints serve (a SageMaker Model) rather than a running service.</summary>
        public bool IsModelArtifact { get; set; }

        /// <summary>
        /// Where the model's lineage is already recorded outside labels (a SageMaker model created from a Model Registry
        /// model package, which records its training job, data and version); null when only labels would record it.
        /// </summary>
        public string? LineageRecordedElsewhere { get; set; }

        /// <summary>
        /// The network boundary of a workload that does not run in a Kubernetes namespace, as its platform sets it (a
        /// SageMaker model's VpcConfig and EnableNetworkIsolation); null where a NetworkPolicy in the namespace is the boundary.
        /// </summary>
        public NetworkBoundary? NetworkBoundary { get; set; }

        /// <summary>
        /// Why this workload's network boundary is judged elsewhere and not by a NetworkPolicy in its namespace (a SageMaker
        /// endpoint runs its model's containers, whose boundary is the model's); null when nothing says so.
        /// </summary>
        public string? NetworkBoundaryElsewhere { get; set; }

        /// <summary>
        /// Time zone the schedule is read in (CronJob <c>spec.timeZone</c>). Missing means the local time zone of the
        /// kube-controller-manager, which is UTC on most managed control planes but is not guaranteed to be.
        /// </summary>
        public Located<string?>? ScheduleTimeZone { get; set; }

        /// <summary>
        /// A pool of machines for other workloads to run on (an EKS node group, a launch template) rather than a
        /// workload itself: capacity rules judge the workloads placed on it, not the pool.
        /// </summary>
        public bool IsNodePool { get; set; }

        /// <summary>How the platform spells the container settings rules name in messages; Kubernetes's unless the mapper says otherwise.</summary>
        public SettingSpelling Spelling { get; set; } = SettingSpelling.Kubernetes;

        /// <summary>
        /// Why the workload is taken to run on a developer's workstation rather than on shared hosts (a compose stack
        /// that declares no Swarm deployment), or null. On a workstation the only user is the developer who started
        /// it, so findings about hardening or limits it merely leaves out are noise there; explicit dangers (a
        /// privileged container, root by name, host namespaces) are reported all the same.
        /// </summary>
        public string? WorkstationStack { get; set; }

        public IReadOnlyList<PodTemplate> Pods { get; set; } = Array.Empty<PodTemplate>();

        public IEnumerable<Container> Containers => Pods.SelectMany(p => p.Containers);

        /// <summary>Accelerators requested by one replica of the main pod template (sum over its containers).</summary>
        public int AcceleratorsPerReplica =>
            Pods.Count == 0 ? 0 : Pods.Max(p => p.Containers.Sum(c => c.Resources.AcceleratorCount));

        public bool UsesAccelerators
        {
            get
            {
                // Asked by many rules' conditions for every workload of a session: loops, not a query.
                for (int p = 0; p < Pods.Count; p++)
                    for (int c = 0; c < Pods[p].Containers.Count; c++)
                        if (Pods[p].Containers[c].Resources.AcceleratorCount > 0) return true;
                return false;
            }
        }

        /// <summary>
        /// The cluster benchmark or HPC program the workload runs instead of training a model (NCCL tests, the MPI
        /// pi example, LAMMPS), or null; see <see cref="Knowledge.Benchmarks"/>.
        /// </summary>
        public string? Benchmark =>
            Knowledge.Benchmarks.Describe(
                Containers.Select(c => c.Image?.Value),
                Containers.SelectMany(c => c.Command.Concat(c.Args.Select(a => a.Value))));

        /// <summary>A workload the AI-specific rules care about: it has a known AI role or asks for accelerators.</summary>
        public bool IsAiWorkload => Role != WorkloadRole.Unknown || UsesAccelerators;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;

namespace InfraLint.Core.Knowledge
{
    /// <summary>How Kubernetes pods ask for spot or preemptible nodes on each platform.</summary>
    public static class SpotCapacity
    {
        /// <summary>Node label → values that mean spot/preemptible capacity.</summary>
        private static readonly (string Label, string[] Values)[] SpotLabels =
        {
            ("eks.amazonaws.com/capacityType", new[] { "SPOT" }),
            ("karpenter.sh/capacity-type", new[] { "spot" }),
            ("cloud.google.com/gke-spot", new[] { "true" }),
            ("cloud.google.com/gke-preemptible", new[] { "true" }),
            ("kubernetes.azure.com/scalesetpriority", new[] { "spot" }),
            ("node.kubernetes.io/lifecycle", new[] { "spot", "preemptible" }),
        };

        /// <summary>Taints spot nodes carry; tolerating one means the pod is meant to run there.</summary>
        private static readonly string[] SpotTaints =
        {
            "cloud.google.com/gke-spot",
            "cloud.google.com/gke-preemptible",
            "kubernetes.azure.com/scalesetpriority",
            "karpenter.sh/capacity-type",
            "eks.amazonaws.com/capacityType",
        };

        /// <summary>
        /// How the pod reaches spot capacity (required or preferred node label, or a toleration of a spot taint),
        /// or null when nothing in it does.
        /// </summary>
        public static string? SpotEvidence(PodTemplate pod)
        {
            foreach (var (label, values) in SpotLabels)
            {
                if (pod.RequiredNodeLabels.TryGetValue(label, out var required) && required.Any(v => values.Contains(v, StringComparer.OrdinalIgnoreCase)))
                    return $"node label {label}={string.Join(",", required)}";
                if (pod.PreferredNodeLabels.TryGetValue(label, out var preferred) && preferred.Any(v => values.Contains(v, StringComparer.OrdinalIgnoreCase)))
                    return $"preferred node label {label}={string.Join(",", preferred)}";
            }
            foreach (var toleration in pod.Tolerations)
            {
                string key = toleration.Split('=')[0];
                string? value = toleration.Contains("=") ? toleration.Substring(key.Length + 1) : null;
                if (SpotTaints.Contains(key, StringComparer.Ordinal)
                    && (value is null || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("spot", StringComparison.OrdinalIgnoreCase)))
                    return $"toleration {toleration}";
            }
            return null;
        }

        /// <summary>True when the workload can use spot capacity: its capacity type says so, or one of its pod templates reaches spot nodes.</summary>
        public static bool UsesSpot(ComputeWorkload workload) =>
            workload.CapacityType?.Value is string capacity
                ? capacity.Equals("spot", StringComparison.OrdinalIgnoreCase)
                : workload.Pods.Any(p => SpotEvidence(p) is not null);

        /// <summary>True when the workload's capacity type is unknowable (an intrinsic decides it).</summary>
        public static bool CapacityUnknown(ComputeWorkload workload) =>
            workload.CapacityType is { IsPresent: true, Value: null };

        /// <summary>
        /// SageMaker-managed capacity (<c>ml.*</c> instance types) does offer spot, but decides it outside the workload:
        /// a HyperPod cluster's instance group takes Spot capacity in its <c>CapacityRequirements</c>, and a training
        /// job asks for Managed Spot Training with <c>EnableManagedSpotTraining</c> (SageMaker API reference, checked
        /// 2026-11-30). A pod on HyperPod nodes or a workload on an <c>ml.*</c> type cannot show which it gets, so its
        /// capacity is unknown here. Returns where it is decided, or null.
        /// </summary>
        public static string? SpotDecidedElsewhere(ComputeWorkload workload)
        {
            if (workload.InstanceType?.Value is string type && type.StartsWith("ml.", StringComparison.OrdinalIgnoreCase))
                return $"instance type {type} is SageMaker-managed: spot is chosen by the SageMaker job (EnableManagedSpotTraining) or the HyperPod instance group (CapacityRequirements)";
            foreach (var pod in workload.Pods)
                foreach (var key in ProvisionedAccelerators.InstanceTypeLabels)
                    if (pod.RequiredNodeLabels.TryGetValue(key, out var values) && values.Count > 0 && values.All(v => v.StartsWith("ml.", StringComparison.OrdinalIgnoreCase)))
                        return $"node label {key}={string.Join(",", values)} selects SageMaker HyperPod nodes, whose instance group decides spot or on-demand (CapacityRequirements)";
            return null;
        }

        /// <summary>Node label keys whose values choose between spot and on-demand nodes.</summary>
        public static IEnumerable<string> CapacityLabels => SpotLabels.Select(l => l.Label);
    }
}

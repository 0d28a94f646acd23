using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using InfraLint.Core.Facts;
using InfraLint.Core.Sizing.Catalog;

namespace InfraLint.Core.Knowledge
{
    /// <summary>What accelerators one replica of a workload gets, and how InfraLint knows.</summary>
    /// <param name="Accelerator">The chip, or null when the source does not say.</param>
    /// <param name="Instance">The instance type the replica runs on, when one is named and in the catalog.</param>
    /// <param name="GpusPerReplica">Accelerators one replica gets (its request, or the instance's count for a whole-instance replica).</param>
    /// <param name="Evidence">Where the answer came from (<c>node label nvidia.com/gpu.product=NVIDIA-L4</c>), or why there is none.</param>
    /// <param name="Assumed">True when the accelerator is the configured default rather than read from the source.</param>
    public sealed record ProvisionedHardware(AcceleratorSpec? Accelerator, InstanceTypeSpec? Instance, int GpusPerReplica, string Evidence, bool Assumed)
    {
        public bool IsKnown => Accelerator is not null;
    }

    /// <summary>
    /// Identifies the accelerator a workload runs on from what the source says: Kubernetes node labels the
    /// pod requires (GPU product, GKE accelerator, Karpenter GPU name, instance type), or the instance type
    /// of a cloud resource (EC2, EKS node group, SageMaker <c>ml.*</c>). It never guesses: with nothing to go
    /// on the accelerator is unknown unless a default is configured, and then the result says it was assumed.
    /// </summary>
    public static class ProvisionedAccelerators
    {
        /// <summary>Node labels whose value names the accelerator chip (values are listed per chip in the catalog).</summary>
        public static readonly IReadOnlyList<string> ProductLabels = new[]
        {
            "nvidia.com/gpu.product",
            "cloud.google.com/gke-accelerator",
            "karpenter.k8s.aws/instance-gpu-name",
            "amd.com/gpu.product-name",
            "cloud.google.com/gke-tpu-accelerator",
            "aws.amazon.com/neuron.product",
        };

        /// <summary>Node labels whose value names the cloud instance type.</summary>
        public static readonly IReadOnlyList<string> InstanceTypeLabels = new[]
        {
            "node.kubernetes.io/instance-type",
            "beta.kubernetes.io/instance-type",
        };

        /// <summary>AWS, GCP and Azure instance families that carry accelerators, for types the catalog does not price.</summary>
        private static readonly Regex GpuInstanceFamily = new Regex(
            @"^(ml\.)?(p[2-6][a-z]*|g[3-6][a-z]*|inf[12]|trn[12][a-z]*|dl[12][a-z]*)\.|^(a2|a3|g2|ct[0-9][a-z]*)-|^Standard_N[CDV]",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>True for an instance type that carries accelerators (in the catalog, or of a known GPU family).</summary>
        public static bool IsAcceleratorInstance(string? instanceType, SizingCatalog catalog) =>
            !string.IsNullOrWhiteSpace(instanceType) && (catalog.FindInstance(instanceType!) is not null || GpuInstanceFamily.IsMatch(instanceType!.Trim()));

        /// <summary>
        /// Accelerators provisioned per replica: requested in the pod (Kubernetes, compose), or the whole
        /// instance's accelerators when a replica is an instance (EC2, node groups, SageMaker endpoints).
        /// </summary>
        public static int PerReplica(ComputeWorkload workload, SizingCatalog catalog)
        {
            if (workload.AcceleratorsPerReplica > 0) return workload.AcceleratorsPerReplica;
            return workload.InstanceType?.Value is string type && catalog.FindInstance(type) is { } instance ? instance.AcceleratorCount : 0;
        }

        /// <summary>True when the workload asks for accelerators or runs on an accelerator instance type.</summary>
        public static bool UsesAccelerators(ComputeWorkload workload, SizingCatalog catalog) =>
            workload.UsesAccelerators || IsAcceleratorInstance(workload.InstanceType?.Value, catalog);

        public static ProvisionedHardware Identify(ComputeWorkload workload, SizingCatalog catalog, string? defaultAccelerator = null)
        {
            int perReplica = PerReplica(workload, catalog);
            var found = FromInstanceType(workload, catalog) ?? FromNodeLabels(workload, catalog, perReplica);
            if (found is { IsKnown: true }) return found;
            string why = found?.Evidence ?? "the source names no GPU product or instance type";
            if (defaultAccelerator is not null && catalog.FindAccelerator(defaultAccelerator) is { } assumed)
                return new ProvisionedHardware(assumed, null, perReplica, $"assumed {assumed.Name} (sizing.defaultAccelerator) because {why}", Assumed: true);
            return new ProvisionedHardware(null, null, perReplica, why, Assumed: false);
        }

        private static ProvisionedHardware? FromInstanceType(ComputeWorkload workload, SizingCatalog catalog)
        {
            if (workload.InstanceType?.Value is not string type) return null;
            var instance = catalog.FindInstance(type);
            if (instance is null)
                return IsAcceleratorInstance(type, catalog)
                    ? new ProvisionedHardware(null, null, 0, $"instance type '{type}' is not in the sizing catalog", false)
                    : null;
            return new ProvisionedHardware(catalog.FindAccelerator(instance.Accelerator), instance, PerReplica(workload, catalog), $"instance type {instance.Name}", false);
        }

        /// <summary>From the main pod template's required node labels (the template with the most accelerators).</summary>
        private static ProvisionedHardware? FromNodeLabels(ComputeWorkload workload, SizingCatalog catalog, int perReplica)
        {
            var pod = workload.Pods.OrderByDescending(p => p.Containers.Sum(c => c.Resources.AcceleratorCount)).FirstOrDefault();
            if (pod is null) return null;
            var labels = pod.RequiredNodeLabels;

            foreach (var key in InstanceTypeLabels)
            {
                if (!labels.TryGetValue(key, out var values) || values.Count == 0) continue;
                var instances = values.Select(v => catalog.FindInstance(v)).ToArray();
                if (instances.Any(i => i is null))
                    return new ProvisionedHardware(null, null, perReplica, $"node label {key}={string.Join(",", values)} names an instance type the sizing catalog does not have", false);
                var accelerators = instances.Select(i => i!.Accelerator).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                if (accelerators.Length > 1)
                    return new ProvisionedHardware(null, null, perReplica, $"node label {key} allows instance types with different accelerators ({string.Join(", ", accelerators)})", false);
                return new ProvisionedHardware(
                    catalog.FindAccelerator(accelerators[0]),
                    instances.Length == 1 ? instances[0] : null,
                    perReplica,
                    $"node label {key}={string.Join(",", values)}",
                    false);
            }

            foreach (var key in ProductLabels)
            {
                if (!labels.TryGetValue(key, out var values) || values.Count == 0) continue;
                var chips = values.Select(v => ByLabel(catalog, key, v)).ToArray();
                if (chips.Any(c => c is null))
                    return new ProvisionedHardware(null, null, perReplica, $"node label {key}={string.Join(",", values)} names a GPU the sizing catalog does not have", false);
                var distinct = chips.Select(c => c!.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                if (distinct.Length > 1)
                    return new ProvisionedHardware(null, null, perReplica, $"node label {key} allows different GPUs ({string.Join(", ", distinct)})", false);
                return new ProvisionedHardware(chips[0], null, perReplica, $"node label {key}={string.Join(",", values)}", false);
            }

            return null;
        }

        private static AcceleratorSpec? ByLabel(SizingCatalog catalog, string key, string value) =>
            catalog.Accelerators.FirstOrDefault(a =>
                a.Labels.TryGetValue(key, out var known) && known.Any(k => string.Equals(k, value.Trim(), StringComparison.OrdinalIgnoreCase)));
    }
}

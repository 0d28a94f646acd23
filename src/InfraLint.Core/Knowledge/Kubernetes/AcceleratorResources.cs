using System;

namespace InfraLint.Core.Knowledge
{
    /// <summary>Kubernetes extended resource names that stand for accelerators.</summary>
    public static class AcceleratorResources
    {
        private static readonly string[] Exact =
        {
            "nvidia.com/gpu",
            "amd.com/gpu",
            "gpu.intel.com/i915",
            "gpu.intel.com/xe",
            "habana.ai/gaudi",
            "google.com/tpu",
            "aws.amazon.com/neuron",
            "aws.amazon.com/neuroncore",
            "aws.amazon.com/neurondevice",
        };

        public static bool IsAccelerator(string resourceName)
        {
            if (string.IsNullOrEmpty(resourceName)) return false;
            foreach (var name in Exact)
                if (string.Equals(name, resourceName, StringComparison.OrdinalIgnoreCase)) return true;
            // MIG slices are advertised as nvidia.com/mig-1g.10gb etc.; shared GPUs as nvidia.com/gpu.shared.
            return resourceName.StartsWith("nvidia.com/mig-", StringComparison.OrdinalIgnoreCase)
                || resourceName.StartsWith("nvidia.com/gpu", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Extended resources (anything with a domain prefix that is not kubernetes.io) must be requested
        /// with an equal limit: they cannot be overcommitted.
        /// </summary>
        public static bool IsExtendedResource(string resourceName) =>
            resourceName.IndexOf('/') > 0
            && !resourceName.StartsWith("kubernetes.io/", StringComparison.OrdinalIgnoreCase)
            && !resourceName.StartsWith("requests.", StringComparison.OrdinalIgnoreCase)
            && !resourceName.StartsWith("hugepages-", StringComparison.OrdinalIgnoreCase);
    }
}

using System;
using System.Linq;
using InfraLint.Core.Sizing.Catalog;

namespace InfraLint.Core.Sizing
{
    /// <summary>Finds the accelerator and instance type a request names, with user-facing errors.</summary>
    internal static class HardwareResolver
    {
        /// <summary>Accelerator from its name, or from the instance type when only that is given; both must agree.</summary>
        public static (AcceleratorSpec Accelerator, InstanceTypeSpec? Instance) Resolve(SizingCatalog catalog, string? acceleratorName, string? instanceName)
        {
            InstanceTypeSpec? instance = null;
            if (!string.IsNullOrWhiteSpace(instanceName))
            {
                instance = catalog.FindInstance(instanceName!)
                    ?? throw new SizingInputException($"Unknown instance type '{instanceName!.Trim()}'. Known: {string.Join(", ", catalog.Instances.Select(i => i.Name))}.");
            }

            AcceleratorSpec? accelerator = null;
            if (!string.IsNullOrWhiteSpace(acceleratorName))
            {
                accelerator = catalog.FindAccelerator(acceleratorName!) ?? catalog.FindAcceleratorByLabel(acceleratorName!)
                    ?? throw new SizingInputException($"Unknown accelerator '{acceleratorName!.Trim()}'. Known: {string.Join(", ", catalog.Accelerators.Select(a => a.Name))}.");
            }

            if (accelerator is null && instance is not null) accelerator = catalog.FindAccelerator(instance.Accelerator);
            if (accelerator is null) throw new SizingInputException("Give an accelerator (e.g. h100-sxm) or an instance type.");
            if (instance is not null && !string.Equals(instance.Accelerator, accelerator.Name, StringComparison.OrdinalIgnoreCase))
                throw new SizingInputException($"Instance type '{instance.Name}' carries {instance.Accelerator}, not {accelerator.Name}.");
            return (accelerator, instance);
        }
    }
}

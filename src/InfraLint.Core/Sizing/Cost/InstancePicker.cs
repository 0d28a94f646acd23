using System;
using System.Linq;
using InfraLint.Core.Sizing.Catalog;

namespace InfraLint.Core.Sizing.Cost
{
    /// <summary>Chooses and prices instances for a number of replicas of a given width.</summary>
    public static class InstancePicker
    {
        /// <summary>
        /// The cheapest way (on-demand) to host <paramref name="replicas"/> replicas of <paramref name="gpusPerReplica"/>
        /// accelerators: on <paramref name="required"/> when given, else on any catalog instance carrying the
        /// accelerator (managed-service hosting only when <see cref="SizingOptions.IncludeManagedServiceInstances"/>).
        /// Replicas pack whole into instances; a replica wider than an instance takes several. Ties go to the
        /// alphabetically first name so the answer is deterministic. Null when no instance carries the accelerator.
        /// </summary>
        public static InstanceChoice? Cheapest(
            SizingCatalog catalog,
            AcceleratorSpec accelerator,
            int gpusPerReplica,
            int replicas,
            SizingOptions options,
            InstanceTypeSpec? required = null)
        {
            if (gpusPerReplica < 1) throw new ArgumentOutOfRangeException(nameof(gpusPerReplica));
            if (replicas < 0) throw new ArgumentOutOfRangeException(nameof(replicas));
            var candidates = required is not null
                ? new[] { required }
                : catalog.InstancesWith(accelerator).Where(i => options.IncludeManagedServiceInstances || !i.IsManagedService).ToArray();

            return candidates
                .Select(instance => Price(instance, gpusPerReplica, replicas))
                .OrderBy(c => c.OnDemandUsdPerHour)
                .ThenBy(c => c.Instance.Name, StringComparer.Ordinal)
                .FirstOrDefault();
        }

        /// <summary>Instances and hourly price for the replicas on one instance type.</summary>
        public static InstanceChoice Price(InstanceTypeSpec instance, int gpusPerReplica, int replicas)
        {
            int count;
            if (instance.AcceleratorCount >= gpusPerReplica)
            {
                var perInstance = instance.AcceleratorCount / gpusPerReplica;
                count = (replicas + perInstance - 1) / perInstance;
            }
            else
            {
                var perReplica = (gpusPerReplica + instance.AcceleratorCount - 1) / instance.AcceleratorCount;
                count = replicas * perReplica;
            }

            return new InstanceChoice(
                instance,
                count,
                count * instance.OnDemandUsdPerHour,
                instance.SpotUsdPerHour is double spot ? count * spot : null);
        }
    }
}

using InfraLint.Core.Sizing.Catalog;

namespace InfraLint.Core.Sizing.Cost
{
    /// <summary>The instance type a deployment would run on, how many, and what that costs per hour.</summary>
    /// <param name="Instance">The instance type.</param>
    /// <param name="InstanceCount">Whole instances needed to hold every replica (replicas never straddle a partly used instance).</param>
    /// <param name="OnDemandUsdPerHour">All instances together, on-demand.</param>
    /// <param name="SpotUsdPerHour">All instances together at the typical spot price, or null when there is none.</param>
    public sealed record InstanceChoice(
        InstanceTypeSpec Instance,
        int InstanceCount,
        double OnDemandUsdPerHour,
        double? SpotUsdPerHour);
}

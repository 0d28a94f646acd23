using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// A place where a resource is pinned to a cloud region in the source itself: an availability zone
    /// written as a literal, a pod that requires nodes with a region label. Regions chosen at deploy time
    /// (the stack's region, a cluster's location) are not in the file and so are not placements.
    /// </summary>
    public sealed class RegionPlacement
    {
        public RegionPlacement(InfraResource resource, Located<string> region, string via)
        {
            Resource = resource;
            Region = region;
            Via = via;
        }

        /// <summary>The resource that is placed.</summary>
        public InfraResource Resource { get; }

        /// <summary>The region code (<c>eu-west-1</c>), located at the value it was read from.</summary>
        public Located<string> Region { get; }

        /// <summary>How the source pins it, in words: "availability zone us-east-1a", "node label topology.kubernetes.io/region".</summary>
        public string Via { get; }

        public override string ToString() => $"{Resource.Id} in {Region.Value} ({Via})";
    }
}

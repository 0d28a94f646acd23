using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// The network boundary a platform puts around containers it runs outside Kubernetes namespaces: whether they are
    /// cut off from the network, and whether they run in a private network of the owner's. Each attribute's
    /// <see cref="Located{T}.Name"/> is the setting as the source spells it (<c>EnableNetworkIsolation</c>, <c>VpcConfig</c>).
    /// </summary>
    public sealed class NetworkBoundary
    {
        public NetworkBoundary(Located<bool?> isolated, Located<bool?> privateNetwork, string platform)
        {
            Isolated = isolated;
            PrivateNetwork = privateNetwork;
            Platform = platform;
        }

        /// <summary>No inbound or outbound network calls reach the containers (true), or they may (false or missing).</summary>
        public Located<bool?> Isolated { get; }

        /// <summary>The containers run in the owner's private network, whose security groups govern their traffic (present); missing when they run on the platform's own network.</summary>
        public Located<bool?> PrivateNetwork { get; }

        /// <summary>What the containers run on, for messages ("SageMaker").</summary>
        public string Platform { get; }

        /// <summary>Neither isolated nor in a private network, as far as the source shows; unknown settings never count as open.</summary>
        public bool IsOpen => (Isolated.IsMissing || Isolated is { IsPresent: true, Value: false }) && PrivateNetwork.IsMissing;
    }
}

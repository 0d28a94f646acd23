using InfraLint.Core.Facts;
using InfraLint.Core.Locations;

namespace InfraLint.Rules
{
    /// <summary>How messages name things and how findings name what they are about, so every rule says it the same way.</summary>
    internal static class Wording
    {
        /// <summary><c>Deployment 'vllm'</c>.</summary>
        public static string Of(InfraResource resource) => $"{resource.Kind} '{resource.Name}'";

        /// <summary><c>container 'server' of Deployment 'vllm'</c> (init containers say so).</summary>
        public static string Of(Container container) =>
            $"{(container.IsInit ? "init container" : "container")} '{container.Name.Value}' of {Of(container.Workload)}";

        /// <summary>The finding's stable identity: the resource plus the logical path of the attribute.</summary>
        public static string PathOf<T>(InfraResource resource, Located<T> attribute) => $"{resource.Id}:{attribute.Path}";

        public static string PathOf(Container container, string suffix) => $"{container.Workload.Id}:{container.Path}{suffix}";
    }
}

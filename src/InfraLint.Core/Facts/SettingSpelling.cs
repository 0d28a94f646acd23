namespace InfraLint.Core.Facts
{
    /// <summary>
    /// How a platform spells the container settings that rules name in messages, so a finding tells its reader
    /// what to write in the file they have open (<c>security_opt: [no-new-privileges:true]</c> in compose,
    /// <c>allowPrivilegeEscalation: false</c> in a pod spec). Mappers choose the spelling; rules only quote it and
    /// never ask which format they are reading. The defaults are Kubernetes's, which every pod-spec front end
    /// (YAML manifests, Helm output, the C# KubernetesClient models) shares.
    /// </summary>
    public sealed class SettingSpelling
    {
        public static SettingSpelling Kubernetes { get; } = new SettingSpelling();

        /// <summary>What the container's processes would escape to: <c>node</c> or <c>host</c>.</summary>
        public string Host { get; init; } = "node";

        /// <summary>The escalation setting by name, for finding properties: <c>allowPrivilegeEscalation</c>.</summary>
        public string Escalation { get; init; } = "allowPrivilegeEscalation";

        /// <summary>The setting that forbids escalation, as written.</summary>
        public string EscalationForbidden { get; init; } = "allowPrivilegeEscalation: false";

        /// <summary>The setting that explicitly allows it, as written.</summary>
        public string EscalationAllowed { get; init; } = "allowPrivilegeEscalation: true";

        /// <summary>Why leaving it out allows escalation.</summary>
        public string EscalationDefault { get; init; } = "Kubernetes defaults it to true";

        /// <summary>The fix's description, when the mapper can write the setting.</summary>
        public string EscalationFix { get; init; } = "Set allowPrivilegeEscalation to false";

        /// <summary>The user setting by name (<c>runAsUser</c>).</summary>
        public string User { get; init; } = "runAsUser";

        /// <summary>Where a container's own user setting lives, and where the one it inherits lives.</summary>
        public string ContainerUserScope { get; init; } = "its securityContext";

        public string InheritedUserScope { get; init; } = "its pod's securityContext";

        /// <summary>What a container that says nothing about its user fails to say.</summary>
        public string NoNonRootUser { get; init; } = "does not set runAsNonRoot: true and sets no non-zero runAsUser";

        /// <summary>What happens then: the image decides.</summary>
        public string ImageUserDefault { get; init; } = "so it runs as root if its image does";

        /// <summary>The host-namespace settings as a finding quotes them.</summary>
        public string HostNetwork { get; init; } = "hostNetwork: true";

        public string HostPid { get; init; } = "hostPID: true";

        public string HostIpc { get; init; } = "hostIPC: true";

        /// <summary>
        /// The one health check the platform has instead of separate readiness and liveness probes
        /// (<c>healthcheck:</c>), or null where readiness and liveness are separate settings.
        /// </summary>
        public string? HealthCheck { get; init; }

        /// <summary>What a missing single health check costs, and what the file cannot show.</summary>
        public string? HealthCheckConsequence { get; init; }

        /// <summary>The CPU and memory limits as the reader would write them.</summary>
        public string CpuLimit { get; init; } = "resources.limits.cpu";

        public string MemoryLimit { get; init; } = "resources.limits.memory";
    }
}

using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>A pod that shares the node's network, process or IPC namespace can see and reach everything on the node.</summary>
    [Name(Id)]
    public sealed class IL2008HostNamespacesShared : SimpleCheck<PodTemplate>
    {
        public const string Id = "IL2008";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Host namespaces shared",
            "A pod sets hostNetwork, hostPID or hostIPC (a compose service network_mode, pid or ipc: host), sharing the node's network, process or IPC namespace and escaping pod isolation.",
            Severity.Error,
            Precision.VeryHigh,
            new[] { "security", "kubernetes", "isolation" },
            securitySeverity: 8.0,
            controls: new[]
            {
                FrameworkControl.Cis("5.2.3", "Minimize the admission of containers wishing to share the host process ID namespace"),
                FrameworkControl.Cis("5.2.4", "Minimize the admission of containers wishing to share the host IPC namespace"),
                FrameworkControl.Cis("5.2.5", "Minimize the admission of containers wishing to share the host network namespace"),
                FrameworkControl.Nist("SC-39", "Process Isolation"),
            });

        /// <summary>Every pod template declares its host namespaces, if only by leaving them out (false).</summary>
        protected override bool Applies(PodTemplate pod, LintSettings settings) => true;

        protected override IEnumerable<Finding> Judge(PodTemplate pod, LintSettings settings) => Findings(pod);

        private static IEnumerable<Finding> Findings(PodTemplate pod)
        {
            var spelling = pod.Workload.Spelling;
            foreach (var (flag, name, written) in new[] { (pod.HostNetwork, "hostNetwork", spelling.HostNetwork), (pod.HostPid, "hostPID", spelling.HostPid), (pod.HostIpc, "hostIPC", spelling.HostIpc) })
            {
                if (flag.Value != true) continue;
                yield return new Finding(
                    Descriptor,
                    $"{pod.Workload.Kind} '{pod.Workload.Name}' sets {written}; its containers share the {spelling.Host}'s {Namespace(name)} namespace.",
                    flag.Span,
                    $"{pod.Workload.Id}:{flag.Path}",
                    pod.Workload,
                    fixes: Fix.Set(flag.Edit, false, $"Set {name} to false"));
            }
        }

        private static string Namespace(string flag) => flag switch
        {
            "hostNetwork" => "network",
            "hostPID" => "process ID",
            _ => "IPC",
        };
    }
}

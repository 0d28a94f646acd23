using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// Without a NetworkPolicy every pod in the namespace accepts traffic from every pod in the cluster: a
    /// model server, its weights and its GPUs are one compromised neighbour away. The finding is about the
    /// namespace, so it is made once per namespace (grouping the AI workloads in it) and placed on the first
    /// of them, where the related locations list the rest.
    /// </summary>
    [Name(Id)]
    public sealed class IL2013NoNetworkPolicy : Rule
    {
        public const string Id = "IL2013";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No network policy",
            "A Kubernetes namespace runs AI workloads (model servers, training jobs, GPU pods) and no NetworkPolicy is declared for it, so every pod in the cluster can reach them; on platforms that set the boundary themselves, a model's containers are neither network-isolated nor placed in a private network (a SageMaker model without EnableNetworkIsolation or VpcConfig).",
            Severity.Warning,
            Precision.Medium,
            new[] { "security", "network", "zero-trust", "kubernetes" },
            securitySeverity: 5.5,
            controls: new[]
            {
                FrameworkControl.Cis("5.3.2", "Ensure that all Namespaces have Network Policies defined"),
                FrameworkControl.Nist("SC-7", "Boundary Protection"),
            });

        public override void Define()
        {
            LintSettings settings = default!;
            IGrouping<string, ComputeWorkload> workloads = default!;
            IEnumerable<NetworkPolicy> policies = default!;

            // Every AI workload of the namespace is judged, whether a policy covers it or not: the policies are collected, not negated.
            When()
                .Match(() => settings, s => s.IsEnabled(Descriptor))
                .Query(() => workloads, q => q
                    .Match<ComputeWorkload>(w => w.IsAiWorkload, w => RunsPodsInANamespace(w))
                    .GroupBy(w => w.Namespace))
                .Query(() => policies, q => q
                    .Match<NetworkPolicy>(p => p.Namespace == workloads.Key)
                    .Collect());

            Then()
                .Do(ctx => Record(ctx, workloads, policies));
        }

        private static void Record(NRules.RuleModel.IContext context, IGrouping<string, ComputeWorkload> workloads, IEnumerable<NetworkPolicy> policies)
        {
            foreach (var workload in workloads) context.Evaluated(Descriptor, workload);
            if (!policies.Any()) context.Report(Report(workloads.Key, workloads));
        }

        /// <summary>
        /// NetworkPolicies govern pods in a namespace. Cluster-scoped objects (a ClusterTrainingRuntime) and
        /// sources without namespaces (compose) have none; a workload on cloud instances, whose containers the
        /// platform runs, or whose platform sets its own boundary (a SageMaker model's VpcConfig, judged by
        /// <see cref="IL2013OpenNetworkBoundary"/>; the endpoint that serves it) has its network boundary elsewhere.
        /// </summary>
        private static bool RunsPodsInANamespace(ComputeWorkload workload) =>
            workload.Namespace.Length > 0
            && workload.NetworkBoundary == null
            && workload.NetworkBoundaryElsewhere == null
            && workload.InstanceType == null
            && !(workload.Containers.Any() && workload.Containers.All(c => c.ManagedByPlatform));

        private static Finding Report(string @namespace, IEnumerable<ComputeWorkload> workloads)
        {
            var ordered = workloads
                .OrderBy(w => w.File, StringComparer.Ordinal)
                .ThenBy(w => w.Span.StartOffset)
                .ThenBy(w => w.Id, StringComparer.Ordinal)
                .ToArray();
            var first = ordered[0];
            string others = ordered.Length == 1 ? string.Empty : $" and {ordered.Length - 1} more AI workload{(ordered.Length == 2 ? string.Empty : "s")}";
            return new Finding(
                Descriptor,
                $"Namespace '{@namespace}' runs {Wording.Of(first)}{others} but no NetworkPolicy is declared for it; add a default-deny policy and allow only the traffic the workloads need.",
                first.Span,
                $"Namespace/{@namespace}:networkPolicy",
                first,
                related: ordered.Skip(1).Select(w => new RelatedLocation(w.Span, $"{Wording.Of(w)} also runs in namespace '{@namespace}'.")).ToArray(),
                properties: new Dictionary<string, string>
                {
                    ["namespace"] = @namespace,
                    ["workloads"] = string.Join(",", ordered.Select(w => w.Id)),
                });
        }
    }

    /// <summary>
    /// The same boundary where the platform sets it instead of a NetworkPolicy: a model whose containers are neither cut
    /// off from the network nor placed in the owner's private network runs on the platform's network and may call out
    /// anywhere (on SageMaker: no <c>EnableNetworkIsolation</c>, no <c>VpcConfig</c>; AWS Config's
    /// sagemaker-model-in-vpc check asks for the same). Settings computed elsewhere are not judged.
    /// </summary>
    [Name(IL2013NoNetworkPolicy.Id + ".boundary")]
    public sealed class IL2013OpenNetworkBoundary : SimpleCheck<ComputeWorkload>
    {
        public IL2013OpenNetworkBoundary()
            : base(IL2013NoNetworkPolicy.Descriptor)
        {
        }

        protected override bool Applies(ComputeWorkload workload, LintSettings settings) => workload.IsAiWorkload && workload.NetworkBoundary != null;

        protected override IEnumerable<Finding> Judge(ComputeWorkload workload, LintSettings settings)
        {
            if (workload.NetworkBoundary!.IsOpen) yield return Report(workload, workload.NetworkBoundary);
        }

        private static Finding Report(ComputeWorkload workload, NetworkBoundary boundary)
        {
            var isolated = boundary.Isolated;
            string isolation = isolated.IsPresent ? $"{isolated.Name} is false" : $"{isolated.Name} is not set";
            var at = isolated.IsPresent ? isolated.Span : workload.Span;
            return new Finding(
                IL2013NoNetworkPolicy.Descriptor,
                $"{Wording.Of(workload)} runs its containers on {boundary.Platform}'s own network with outbound access: {isolation} and no {boundary.PrivateNetwork.Name} places them in your network. Set {boundary.PrivateNetwork.Name} (private subnets and security groups) so your network rules govern their traffic, or {isolated.Name}: true if the containers need no network.",
                at,
                $"{workload.Id}:{(isolated.IsPresent ? isolated.Path : boundary.PrivateNetwork.Path)}",
                workload,
                properties: new Dictionary<string, string>
                {
                    ["platform"] = boundary.Platform,
                    ["isolation"] = isolated.IsPresent ? "false" : "missing",
                });
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Observability
{
    /// <summary>
    /// A model server takes minutes to load its weights and can hang with its GPU memory full. Without a
    /// readiness probe traffic reaches it before the model is loaded; without a liveness probe a wedged
    /// server is never restarted.
    /// </summary>
    [Name(Id)]
    public sealed class IL3004NoHealthProbes : Rule
    {
        public const string Id = "IL3004";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No health probes",
            "A serving pod (of an inference service, or of a long-running service whose container declares ports) has no readiness probe on any container (a compose service no healthcheck:, not judged on workstation stacks), so it gets traffic before the model is loaded.",
            Severity.Warning,
            Precision.High,
            new[] { "observability", "reliability", "kubernetes" });

        public override void Define()
        {
            LintSettings settings = default!;
            Container container = default!;

            When()
                .Match(() => settings)
                .Match(
                    () => container,
                    c => IsServing(c),
                    c => !c.ProbesManagedElsewhere && !c.ManagedByPlatform,
                    c => Ungated(c.Pod),
                    c => FirstServing(c),
                    c => Workstations.OmissionsJudged(c.Workload, settings));

            Then()
                .Do(ctx => ctx.Report(Report(container)));
        }

        /// <summary>
        /// The kubelet marks a pod ready when all its containers are, so one readiness probe (on the server, or on a proxy
        /// in front of it) keeps traffic away until the pod can answer. A pod with none is reported once, at its first
        /// serving container. A missing liveness probe alone is not reported: restarting a server that is slow rather than
        /// hung is a judgement the pod's owner makes, and on real files it was never worth a finding (docs/precision.md).
        /// </summary>
        private static bool Ungated(PodTemplate pod) => pod.Containers.All(c => c.IsInit || c.ReadinessProbe == null);

        private static bool FirstServing(Container container) =>
            container.Pod.Containers.First(IsServing) == container;

        /// <summary>
        /// A container of an inference workload serves, except in a worker template beside a leader or head (LeaderWorkerSet
        /// workers, Ray worker groups), which takes part in the model but is not what traffic reaches unless it declares ports.
        /// </summary>
        private static bool IsServing(Container container) =>
            !container.IsInit
            && ((container.Workload.Role == WorkloadRole.Inference && (!IsWorkerTemplate(container.Pod) || container.Ports.Count > 0))
                || (container.Workload.IsLongRunning && container.Ports.Count > 0));

        private static bool IsWorkerTemplate(PodTemplate pod) =>
            pod.Workload.Pods.Count > 1 && pod.Role.StartsWith("worker", System.StringComparison.OrdinalIgnoreCase);

        private static Finding Report(Container container)
        {
            // A platform with one health check (compose's healthcheck:) has no readiness and liveness to tell apart.
            if (container.Workload.Spelling.HealthCheck is string check)
                return Report(container, $"sets no {check}, {container.Workload.Spelling.HealthCheckConsequence}");
            string missing = container.ReadinessProbe == null && container.LivenessProbe == null
                ? "neither a readiness nor a liveness probe"
                : container.ReadinessProbe == null ? "no readiness probe" : "no liveness probe";
            string consequence = container.ReadinessProbe == null
                ? "it receives traffic before it is ready"
                : "a hung server is never restarted";
            return Report(container, $"has {missing}, so {consequence}");
        }

        private static Finding Report(Container container, string problem)
        {
            return new Finding(
                Descriptor,
                $"The {Wording.Of(container)} serves traffic but {problem}.",
                container.Name.Span,
                Wording.PathOf(container, ".probes"),
                container.Workload,
                properties: new Dictionary<string, string>
                {
                    ["readinessProbe"] = container.ReadinessProbe == null ? "missing" : "present",
                    ["livenessProbe"] = container.LivenessProbe == null ? "missing" : "present",
                });
        }
    }
}

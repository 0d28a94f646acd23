using System.Collections.Generic;
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
            "A serving container (of an inference service, or of a long-running service that declares ports) has no readiness or no liveness probe (a compose service no healthcheck:, not judged on workstation stacks), so it gets traffic before the model is loaded or is never restarted when it hangs.",
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
                    c => c.ReadinessProbe == null || c.LivenessProbe == null,
                    c => Workstations.OmissionsJudged(c.Workload, settings));

            Then()
                .Do(ctx => ctx.Report(Report(container)));
        }

        private static bool IsServing(Container container) =>
            !container.IsInit
            && (container.Workload.Role == WorkloadRole.Inference || (container.Workload.IsLongRunning && container.Ports.Count > 0));

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

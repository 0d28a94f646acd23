using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Observability
{
    /// <summary>
    /// Without a latency objective nobody can say whether a model server is fast enough, size it, or be woken
    /// when it is not. The objective is a p99 or p95 target in the workload's profile (the sizing model uses it
    /// too), or an alert on a latency metric that covers the workload: a PrometheusRule alert whose expression
    /// names it (or selects no labels at all), or a CloudWatch alarm on the endpoint's latency.
    /// </summary>
    [Name(Id)]
    public sealed class IL3003NoLatencySlo : Rule
    {
        public const string Id = "IL3003";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No latency SLO",
            "An inference service has no p95/p99 latency objective in its workload profile and no alert on a latency metric covers it, so slow responses are neither defined nor noticed.",
            Severity.Note,
            Precision.Medium,
            new[] { "observability", "slo", "latency", "inference" });

        public override void Define()
        {
            ComputeWorkload workload = default!;

            When()
                .Exists<Adoption>(a => a.Covers(Id))
                .Match(() => workload, w => IL3001NoDriftMonitoring.IsDeployedModel(w))
                .Not<AlertRule>(a => a.IsLatency && a.Covers(workload))
                .Not<WorkloadProfile>(p => p.Describes(workload));

            Then()
                .Do(ctx => ctx.Report(new Finding(
                    Descriptor,
                    $"Inference {Wording.Of(workload)} has no latency objective: no workload profile gives a p99 or p95 target and no latency alert covers it. Declare the objective (spec.slo.p99LatencyMs or the infralint.dev/p99-latency-ms annotation) and alert when it is breached.",
                    workload.Span,
                    $"{workload.Id}:slo.latency",
                    workload)));
        }
    }

    /// <summary>The profile side of IL3003: an inference profile with no p99/p95 latency target and no latency alert covering its targets.</summary>
    [Name(IL3003NoLatencySlo.Id + ".profile")]
    public sealed class IL3003NoLatencySloInProfile : Rule
    {
        public override void Define()
        {
            WorkloadProfile profile = default!;
            IEnumerable<ComputeWorkload> described = default!;

            When()
                .Match(() => profile, p => !p.HasLatencyObjective)
                .Query(() => described, q => q.Match<ComputeWorkload>(w => profile.Describes(w)).Collect())
                .Having(() => IL3001NoDriftMonitoring.IsAboutServing(profile, described))
                .Not<AlertRule>(a => a.IsLatency && described.Any(w => a.Covers(w)));

            Then()
                .Do(ctx => ctx.Report(Report(profile)));
        }

        private static Finding Report(WorkloadProfile profile)
        {
            string what = profile.FromAnnotations ? $"The workload profile in the annotations of '{profile.Name}'" : $"AIWorkload '{profile.Name}'";
            string where = profile.FromAnnotations ? $"the {profile.P99LatencyMs.Name} annotation" : $"{profile.P99LatencyMs.Name} (or p95LatencyMs)";
            return new Finding(
                IL3003NoLatencySlo.Descriptor,
                $"{what} serves a model but gives no p99 or p95 latency objective and no latency alert covers its targets; set {where} so the service can be sized and alerted on.",
                profile.SloSpan ?? profile.Span,
                $"{profile.Id}:slo.latency",
                profile);
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Observability
{
    /// <summary>
    /// A model server's own metrics (queue depth, tokens per second, time to first token, GPU cache use) are
    /// how anyone learns it is saturated or failing. They reach a collector when a PodMonitor selects the
    /// pods, when a ServiceMonitor selects a Service that selects them, or when the pods (or that Service)
    /// carry <c>prometheus.io/scrape: "true"</c>; the three may live in different files, so this is a join.
    /// Platforms that export metrics themselves (SageMaker, KServe, Knative) are not judged, nor workloads an
    /// autoscaler scales on their pods' own metrics (the metrics pipeline exists, configured elsewhere).
    /// </summary>
    [Name(Id)]
    public sealed class IL3002NoMetricsScraping : Rule
    {
        public const string Id = "IL3002";

        private const string ScrapeAnnotation = "prometheus.io/scrape";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No metrics scraping",
            "An inference service exposes its metrics to no collector: no PodMonitor selects its pods, no ServiceMonitor selects a Service in front of them, and neither the pods nor that Service carry prometheus.io/scrape: \"true\", so saturation and errors are invisible.",
            Severity.Warning,
            Precision.Medium,
            new[] { "observability", "metrics", "prometheus", "kubernetes" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.NistAiRmf, "MEASURE 2.4", "The functionality and behavior of the AI system and its components are monitored when in production"),
            },
            recommended: false);

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;
            IEnumerable<Endpoint> services = default!;
            IEnumerable<MetricsCollector> collectors = default!;
            IEnumerable<Autoscaler> autoscalers = default!;

            // Everything that shows the metrics are collected is gathered, not negated, so a scraped model is recorded as judged too.
            When()
                .Match(() => settings, s => s.IsEnabled(Descriptor))
                .Match(
                    () => workload,
                    w => IL3001NoDriftMonitoring.IsDeployedModel(w),
                    w => w.MetricsCollectedElsewhere == null,
                    w => w.Pods.Count > 0)
                .Query(() => services, q => q
                    .Match<Endpoint>(e => e.Namespace == workload.Namespace, e => e.SelectsPodsOf(workload))
                    .Collect())
                .Query(() => collectors, q => q
                    .Match<MetricsCollector>(c => c.Watches(workload.Namespace))
                    .Collect())
                // An autoscaler that scales the workload on its pods' own metrics proves something collects them.
                .Query(() => autoscalers, q => q
                    .Match<Autoscaler>(a => a.PodMetric != null && a.Targets(workload))
                    .Collect());

            Then()
                .Do(ctx => ctx.Evaluated(Descriptor, workload))
                .Do(ctx => IL3001NoDriftMonitoring.ReportUnless(
                    ctx,
                    workload.Pods.Any(p => IsScrapeAnnotated(p.Annotations)) || IsScraped(workload, services, collectors) || autoscalers.Any(),
                    () => Report(workload, services)));
        }

        private static bool IsScrapeAnnotated(IReadOnlyDictionary<string, string> annotations) =>
            annotations.TryGetValue(ScrapeAnnotation, out var value) && value.Trim().ToLowerInvariant() == "true";

        private static bool IsScraped(ComputeWorkload workload, IEnumerable<Endpoint> services, IEnumerable<MetricsCollector> collectors)
        {
            var serviceList = services.ToList();
            if (serviceList.Any(s => IsScrapeAnnotated(s.Annotations.ToDictionary(kv => kv.Key, kv => kv.Value.Value)))) return true;
            foreach (var collector in collectors)
            {
                if (collector.SelectsPods ? workload.Pods.Any(p => collector.Selects(p.Labels))
                    : serviceList.Any(s => collector.Selects(s.Labels.ToDictionary(kv => kv.Key, kv => kv.Value.Value))))
                    return true;
            }
            return false;
        }

        private static Finding Report(ComputeWorkload workload, IEnumerable<Endpoint> services)
        {
            // Collect() gives the services in the order they reached the session, which follows file reading: sorted,
            // the message, related locations and properties are the same in every run and every shard.
            // Two Services of one id (in two files) are told apart by where they are: the order never depends on how the facts arrived.
            var serviceList = services.OrderBy(s => s.Id, System.StringComparer.Ordinal).ThenBy(s => s.Span.File, System.StringComparer.Ordinal).ThenBy(s => s.Span.StartOffset).ToList();
            string via = serviceList.Count == 0
                ? "no PodMonitor selects its pods and no Service selects them for a ServiceMonitor to find"
                : $"no PodMonitor selects its pods and no ServiceMonitor selects {(serviceList.Count == 1 ? "Service" : "Services")} {string.Join(", ", serviceList.Select(s => $"'{s.Name}'"))} in front of them";
            return new Finding(
                Descriptor,
                $"Inference {Wording.Of(workload)} exposes its metrics to no collector: {via}, and its pod template has no prometheus.io/scrape: \"true\" annotation. Add a PodMonitor or ServiceMonitor (or the scrape annotations your Prometheus honours) so latency, queueing and errors are measured.",
                workload.Span,
                $"{workload.Id}:metrics",
                workload,
                related: serviceList.Select(s => new RelatedLocation(s.Span, $"Service '{s.Name}' selects the pods of {Wording.Of(workload)}.")).ToArray(),
                properties: new Dictionary<string, string>
                {
                    ["services"] = string.Join(",", serviceList.Select(s => s.Id)),
                });
        }
    }
}

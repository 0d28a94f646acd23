using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Observability
{
    /// <summary>
    /// A deployed model degrades silently when the data it sees drifts from the data it was trained on; only a
    /// monitor that compares the two notices. The monitor may be declared in a workload profile, be a SageMaker
    /// MonitoringSchedule for the endpoint, or be a monitoring service or reporting client InfraLint recognises
    /// (Evidently, NannyML, WhyLabs, Arize, Alibi Detect, Fiddler, a KServe inference logger), so this is a
    /// join over the scan. Workloads that a profile describes are judged by the profile (the companion rule),
    /// so each model is reported once.
    /// </summary>
    [Name(Id)]
    public sealed class IL3001NoDriftMonitoring : Rule
    {
        public const string Id = "IL3001";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No drift monitoring",
            "A deployed model (an inference service or endpoint) has no drift or data-quality monitor: no profile declares monitoring.drift, no SageMaker MonitoringSchedule covers the endpoint, and no monitoring service InfraLint recognises is deployed or wired to it, so degradation in production goes unnoticed.",
            Severity.Warning,
            Precision.Medium,
            new[] { "observability", "mlops", "monitoring", "drift" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 72", "Post-market monitoring by providers and post-market monitoring plan for high-risk AI systems"),
                new FrameworkControl(FrameworkControl.NistAiRmf, "MEASURE 2.4", "The functionality and behavior of the AI system and its components are monitored when in production"),
                new FrameworkControl(FrameworkControl.NistAiRmf, "MANAGE 4.1", "Post-deployment AI system monitoring plans are implemented"),
                new FrameworkControl(FrameworkControl.Iso42001, "A.6.2.6", "AI system operation and monitoring"),
            });

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;
            IEnumerable<ModelMonitor> monitors = default!;

            // A workload a profile describes is judged through the profile; the monitors are collected, not negated, so
            // a monitored model is recorded as judged too.
            When()
                .Exists<Adoption>(a => a.Covers(Id))
                .Match(() => settings, s => s.IsEnabled(Descriptor))
                .Match(() => workload, w => IsDeployedModel(w))
                .Not<WorkloadProfile>(p => p.Describes(workload))
                .Query(() => monitors, q => q.Match<ModelMonitor>(m => m.Monitors(workload)).Collect());

            Then()
                .Do(ctx => ctx.Evaluated(Descriptor, workload))
                .Do(ctx => ReportUnless(ctx, monitors.Any(), () => Report(workload)));
        }

        /// <summary>A model that serves traffic until stopped: not a batch job, not a stored model, not a template.</summary>
        internal static bool IsDeployedModel(ComputeWorkload workload) =>
            workload.Role == WorkloadRole.Inference && workload.IsLongRunning && !workload.IsTemplate;

        /// <summary>
        /// A profile is about a deployed model when it says its role is inference, or says no role and
        /// describes a deployed model.
        /// </summary>
        /// <summary>Reports the finding unless the judged thing <paramref name="holds"/>.</summary>
        internal static void ReportUnless(NRules.RuleModel.IContext context, bool holds, Func<Finding> finding)
        {
            if (!holds) context.Report(finding());
        }

        internal static bool IsAboutServing(WorkloadProfile profile, IEnumerable<ComputeWorkload> described) =>
            profile.Role.IsPresent
                ? profile.Role.Value == WorkloadRole.Inference
                : described.Any(IsDeployedModel);

        private static Finding Report(ComputeWorkload workload) => new Finding(
            Descriptor,
            $"Inference {Wording.Of(workload)} serves a model that nothing monitors for drift or data quality: no model monitor covers it and no workload profile declares monitoring.drift. Attach one (SageMaker Model Monitor, Evidently, NannyML, WhyLabs, Alibi Detect…) and declare it in an AIWorkload spec or the infralint.dev/drift-monitor annotation.",
            workload.Span,
            $"{workload.Id}:monitoring.drift",
            workload,
            properties: new Dictionary<string, string>
            {
                ["roleReason"] = workload.RoleReason ?? string.Empty,
            });
    }

    /// <summary>
    /// The profile side of IL3001: an inference profile (a spec, or annotations on the workload) whose
    /// monitoring declares neither drift nor data quality, or declares <c>none</c>, and no monitor covers
    /// the workloads it describes.
    /// </summary>
    [Name(IL3001NoDriftMonitoring.Id + ".profile")]
    public sealed class IL3001NoDriftMonitoringInProfile : Rule
    {
        public override void Define()
        {
            LintSettings settings = default!;
            WorkloadProfile profile = default!;
            IEnumerable<ComputeWorkload> described = default!;
            IEnumerable<ModelMonitor> monitors = default!;

            When()
                .Match(() => settings, s => s.IsEnabled(IL3001NoDriftMonitoring.Descriptor))
                .Match(() => profile)
                .Query(() => described, q => q.Match<ComputeWorkload>(w => profile.Describes(w)).Collect())
                .Having(() => IL3001NoDriftMonitoring.IsAboutServing(profile, described))
                .Query(() => monitors, q => q.Match<ModelMonitor>(m => described.Any(w => m.Monitors(w))).Collect());

            Then()
                .Do(ctx => ctx.Evaluated(IL3001NoDriftMonitoring.Descriptor, profile))
                .Do(ctx => IL3001NoDriftMonitoring.ReportUnless(ctx, profile.HasDriftMonitoring || monitors.Any(), () => Report(profile)));
        }

        private static Finding Report(WorkloadProfile profile)
        {
            bool declaredNone = profile.DriftMonitor.IsPresent || profile.DataQualityMonitor.IsPresent;
            var at = profile.DriftMonitor.IsPresent ? profile.DriftMonitor.Span
                : profile.DataQualityMonitor.IsPresent ? profile.DataQualityMonitor.Span
                : profile.MonitoringSpan ?? profile.Span;
            string what = profile.FromAnnotations ? $"The workload profile in the annotations of '{profile.Name}'" : $"AIWorkload '{profile.Name}'";
            string says = declaredNone ? "declares no drift monitor (none)" : "declares no drift or data-quality monitor";
            return new Finding(
                IL3001NoDriftMonitoring.Descriptor,
                $"{what} serves a model and {says}, and no model monitor covers its targets; set {profile.DriftMonitor.Name} to the monitor that compares production inputs and predictions with the training data.",
                at,
                $"{profile.Id}:monitoring.drift",
                profile,
                properties: new Dictionary<string, string>
                {
                    ["drift"] = profile.DriftMonitor.IsPresent ? profile.DriftMonitor.Value ?? string.Empty : "missing",
                    ["dataQuality"] = profile.DataQualityMonitor.IsPresent ? profile.DataQualityMonitor.Value ?? string.Empty : "missing",
                });
        }
    }
}

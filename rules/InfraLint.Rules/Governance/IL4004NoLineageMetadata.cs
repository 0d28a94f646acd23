using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Governance
{
    /// <summary>
    /// Technical documentation and logs must let an auditor go from a model to the data and code that produced
    /// it. The cheapest place to record that is on the training job and the stored model themselves, as labels
    /// or annotations (a dataset URI is not a valid label value, so annotations count). Which keys are required
    /// is configuration (<c>lineageLabels</c>); the default asks for the dataset, the code revision
    /// (<c>app.kubernetes.io/version</c>, which Kubernetes defines as "a SemVer, revision hash, etc.") and the
    /// model version the job produces. A model created from a model registry's package (a SageMaker
    /// <c>ModelPackageName</c>) already has that lineage in the registry and is not asked for labels.
    /// </summary>
    [Name(Id)]
    public sealed class IL4004NoLineageMetadata : Rule
    {
        public const string Id = "IL4004";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No lineage metadata",
            "A training job or stored model lacks the configured lineage labels or annotations (default: infralint.dev/dataset, app.kubernetes.io/version for the code revision, infralint.dev/model-version), so the model cannot be traced to its data and code.",
            Severity.Note,
            Precision.Medium,
            new[] { "governance", "lineage", "documentation", "mlops" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 11", "Technical documentation"),
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 12", "Record-keeping"),
            });

        public override void Define()
        {
            ComputeWorkload workload = default!;
            LintSettings settings = default!;

            When()
                .Exists<Adoption>(a => a.Covers(Id))
                .Match(() => settings, s => s.IsEnabled(Descriptor))
                .Match(
                    () => workload,
                    w => (w.Role == WorkloadRole.Training && !w.IsTemplate && w.Benchmark == null) || w.IsModelArtifact,
                    w => w.LineageRecordedElsewhere == null);

            Then()
                .Do(ctx => ctx.Evaluated(Descriptor, workload))
                .Do(ctx => ReportMissing(ctx, workload, settings));
        }

        private static void ReportMissing(NRules.RuleModel.IContext context, ComputeWorkload workload, LintSettings settings)
        {
            var missing = Missing(workload, settings);
            if (missing.Any()) context.Report(Report(workload, missing));
        }

        /// <summary>
        /// Configured keys found neither as a label nor as an annotation, on the workload or its pod templates; none when
        /// its labels may come from elsewhere (CDK's <c>Tags.Of</c>, Pulumi's default tags, a map computed in code), as for IL1011.
        /// </summary>
        private static string[] Missing(ComputeWorkload workload, LintSettings settings) =>
            workload.LabelsUnknown || workload.Pods.Any(p => p.LabelsUnknown) ? System.Array.Empty<string>() : settings.LineageLabels
                .Where(key => !workload.Labels.ContainsKey(key)
                    && !workload.Annotations.ContainsKey(key)
                    && !workload.Pods.Any(p => p.Labels.ContainsKey(key) || p.Annotations.ContainsKey(key)))
                .ToArray();

        private static Finding Report(ComputeWorkload workload, string[] missing)
        {
            string what = workload.IsModelArtifact ? "Model" : "Training job";
            return new Finding(
                Descriptor,
                $"{what} {Wording.Of(workload)} carries no lineage {(missing.Length == 1 ? "label" : "labels")} {string.Join(", ", missing)}; label or annotate it with the dataset, code revision and model version so the model can be traced to what produced it.",
                workload.Span,
                $"{workload.Id}:lineage",
                workload,
                properties: new Dictionary<string, string> { ["missing"] = string.Join(",", missing) });
        }
    }
}

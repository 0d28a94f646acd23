using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Governance
{
    /// <summary>
    /// A model can only be reproduced, audited or explained if the exact data it was trained on can be found
    /// again. A dataset named by a mutable location (an S3 prefix, a Hugging Face dataset without a revision)
    /// may hold different data tomorrow. A pin is a <c>data.version</c>, or one in the URI itself: an S3
    /// <c>versionId</c>, a GCS generation, a DVC or Hugging Face revision, a release-named prefix.
    /// </summary>
    [Name(Id)]
    public sealed class IL4003DatasetNotVersioned : Rule
    {
        public const string Id = "IL4003";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Dataset not versioned",
            "A training job's dataset, or a pipeline stage that feeds training, reads data with no version pin (no data.version, no S3 versionId, DVC or Hugging Face revision, or versioned prefix), so the training data cannot be identified again.",
            Severity.Warning,
            Precision.High,
            new[] { "governance", "data", "reproducibility", "mlops" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 10", "Data and data governance"),
                new FrameworkControl(FrameworkControl.Iso42001, "A.7.5", "Data provenance"),
            });

        public override void Define()
        {
            WorkloadProfile profile = default!;

            When()
                .Match(
                    () => profile,
                    p => p.Dataset.IsPresent && !string.IsNullOrWhiteSpace(p.Dataset.Value),
                    p => p.DatasetVersion.IsMissing || (p.DatasetVersion.IsPresent && string.IsNullOrWhiteSpace(p.DatasetVersion.Value)),
                    p => DataSources.VersionPin(p.Dataset.Value) == null);

            Then()
                .Do(ctx => ctx.Report(Report(profile)));
        }

        private static Finding Report(WorkloadProfile profile) => new Finding(
            Descriptor,
            $"Dataset '{profile.Dataset.Value}' of {(profile.FromAnnotations ? $"the workload '{profile.Name}'" : $"AIWorkload '{profile.Name}'")} has no version pin; set {profile.DatasetVersion.Name} (or pin the URI: ?versionId=…, @revision, a versioned prefix) so the training data can be found again.",
            profile.Dataset.Span,
            $"{profile.Id}:{profile.Dataset.Path}",
            profile,
            properties: new Dictionary<string, string> { ["dataset"] = profile.Dataset.Value ?? string.Empty });
    }

    /// <summary>
    /// The pipeline side of IL4003: a stage that feeds training reads a source with no version pin. Streams
    /// are not judged (a stream has no version), nor sources that name another stage of the same pipeline.
    /// </summary>
    [Name(IL4003DatasetNotVersioned.Id + ".stage")]
    public sealed class IL4003DatasetNotVersionedInPipeline : Rule
    {
        public override void Define()
        {
            PipelineStage stage = default!;

            When()
                .Match(
                    () => stage,
                    s => s.FeedsTrainingData,
                    s => s.Source.IsPresent && !string.IsNullOrWhiteSpace(s.Source.Value),
                    s => !s.IsStreaming,
                    s => s.SourcePin == null,
                    s => !s.Profile.Stages.Any(o => o != s && o.Name.Value == s.Source.Value));

            Then()
                .Do(ctx => ctx.Report(Report(stage)));
        }

        private static Finding Report(PipelineStage stage) => new Finding(
            IL4003DatasetNotVersioned.Descriptor,
            $"Stage '{stage.Name.Value}' of AIWorkload '{stage.Profile.Name}' feeds training from '{stage.Source.Value}' with no version pin; add a version to the stage (or pin the URI: ?versionId=…, @revision, a versioned prefix) so the training data can be found again.",
            stage.Source.Span,
            $"{stage.Profile.Id}:{stage.Source.Path}",
            stage.Profile,
            properties: new Dictionary<string, string> { ["source"] = stage.Source.Value ?? string.Empty });
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
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
    public sealed class IL4003DatasetNotVersioned : SimpleCheck<WorkloadProfile>
    {
        public const string Id = "IL4003";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Dataset not versioned",
            "A training job's dataset (in its profile, or a dataset URI in a training container's environment or arguments), or a pipeline stage that feeds training, reads data with no version pin (no data.version, no S3 versionId, DVC or Hugging Face revision, or versioned prefix), so the training data cannot be identified again.",
            Severity.Warning,
            Precision.High,
            new[] { "governance", "data", "reproducibility", "mlops" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 10", "Data and data governance"),
                new FrameworkControl(FrameworkControl.Iso42001, "A.7.5", "Data provenance"),
            });

        /// <summary>A profile that names a dataset; whether it pins a version is the judgement.</summary>
        protected override bool Applies(WorkloadProfile profile, LintSettings settings) =>
            profile.Dataset.IsPresent && !string.IsNullOrWhiteSpace(profile.Dataset.Value) && !profile.DatasetVersion.IsUnknown;

        protected override IEnumerable<Finding> Judge(WorkloadProfile profile, LintSettings settings)
        {
            if ((profile.DatasetVersion.IsMissing || string.IsNullOrWhiteSpace(profile.DatasetVersion.Value)) && DataSources.VersionPin(profile.Dataset.Value) == null)
                yield return Report(profile);
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
    public sealed class IL4003DatasetNotVersionedInPipeline : SimpleCheck<PipelineStage>
    {
        public IL4003DatasetNotVersionedInPipeline()
            : base(IL4003DatasetNotVersioned.Descriptor)
        {
        }

        protected override bool Applies(PipelineStage stage, LintSettings settings) =>
            stage.FeedsTrainingData
            && stage.Source.IsPresent && !string.IsNullOrWhiteSpace(stage.Source.Value)
            && !stage.IsStreaming
            && !stage.Profile.Stages.Any(o => o != stage && o.Name.Value == stage.Source.Value);

        protected override IEnumerable<Finding> Judge(PipelineStage stage, LintSettings settings)
        {
            if (stage.SourcePin == null) yield return Report(stage);
        }

        private static Finding Report(PipelineStage stage) => new Finding(
            IL4003DatasetNotVersioned.Descriptor,
            $"Stage '{stage.Name.Value}' of AIWorkload '{stage.Profile.Name}' feeds training from '{stage.Source.Value}' with no version pin; add a version to the stage (or pin the URI: ?versionId=…, @revision, a versioned prefix) so the training data can be found again.",
            stage.Source.Span,
            $"{stage.Profile.Id}:{stage.Source.Path}",
            stage.Profile,
            properties: new Dictionary<string, string> { ["source"] = stage.Source.Value ?? string.Empty });
    }

    /// <summary>
    /// The container side of IL4003: a training job that passes its dataset's location to a container, in an
    /// environment variable or an argument (<c>TRAIN_DATA=s3://…</c>, <c>--data_path=gs://…</c>), with no version pin
    /// and no version declared beside it. A job a profile describes with a dataset or a dataset version is judged
    /// through the profile instead; locations computed elsewhere are not judged.
    /// </summary>
    [Name(IL4003DatasetNotVersioned.Id + ".container")]
    public sealed class IL4003DatasetNotVersionedInContainer : Rule
    {
        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;
            IEnumerable<WorkloadProfile> profiles = default!;

            When()
                .Match(() => settings, s => s.IsEnabled(IL4003DatasetNotVersioned.Descriptor))
                .Match(() => workload, w => w.Role == WorkloadRole.Training, w => !w.IsTemplate, w => w.Benchmark == null, w => Locates(w))
                .Query(() => profiles, q => q.Match<WorkloadProfile>(p => p.Describes(workload)).Collect())
                .Having(() => profiles.All(p => p.Dataset.IsMissing && p.DatasetVersion.IsMissing));

            Then()
                .Do(ctx => ctx.Evaluated(IL4003DatasetNotVersioned.Descriptor, workload))
                .Do(ctx => ctx.Report(Unpinned(workload).Select(Report)));
        }

        /// <summary>Whether some container passes a dataset location: what the rule judges (a job that passes none has nothing to pin).</summary>
        private static bool Locates(ComputeWorkload workload) => workload.Containers.Where(c => !c.IsInit).Any(c => Locations(c).Any());

        /// <summary>Each container's first unpinned dataset location, with how it is passed.</summary>
        internal static IEnumerable<(Container Container, Located<string> Value, string Via)> Unpinned(ComputeWorkload workload)
        {
            foreach (var container in workload.Containers.Where(c => !c.IsInit))
            {
                if (container.Env.Any(e => DataSources.NamesDatasetVersion(e.Name.Value))
                    || container.Args.Any(a => DataSources.NamesDatasetVersion(Flag(a.Value)))) continue;
                var found = Locations(container).FirstOrDefault(l => DataSources.VersionPin(l.Value.Value) == null);
                if (found.Value is not null) yield return (container, found.Value, found.Via);
            }
        }

        private static IEnumerable<(Located<string> Value, string Via)> Locations(Container container)
        {
            foreach (var env in container.Env)
                if (env.Value is { IsPresent: true, Value: string text } value && DataSources.IsDatasetLocation(env.Name.Value, text))
                    yield return (Located<string>.Present(text, value.Span, value.Path), $"environment variable {env.Name.Value}");
            var args = container.Args;
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i].Value;
                int eq = arg.IndexOf('=');
                if (arg.StartsWith("-", StringComparison.Ordinal) && eq > 0)
                {
                    if (DataSources.IsDatasetLocation(arg.Substring(0, eq), arg.Substring(eq + 1)))
                        yield return (Located<string>.Present(arg.Substring(eq + 1), args[i].Span, args[i].Path), $"argument {arg.Substring(0, eq)}");
                }
                else if (arg.StartsWith("-", StringComparison.Ordinal) && i + 1 < args.Count && DataSources.IsDatasetLocation(arg, args[i + 1].Value))
                {
                    yield return (args[i + 1], $"argument {arg}");
                }
            }
        }

        private static string Flag(string arg) => arg.StartsWith("-", StringComparison.Ordinal) && arg.IndexOf('=') is int eq && eq > 0 ? arg.Substring(0, eq) : arg;

        private static Finding Report((Container Container, Located<string> Value, string Via) found) => new Finding(
            IL4003DatasetNotVersioned.Descriptor,
            $"Training {Wording.Of(found.Container)} reads dataset '{found.Value.Value}' ({found.Via}) with no version pin; pin the URI (?versionId=…, @revision, a versioned prefix) or declare its version (infralint.dev/dataset-version) so the training data can be found again.",
            found.Value.Span,
            $"{found.Container.Workload.Id}:{found.Value.Path}",
            found.Container.Workload,
            properties: new Dictionary<string, string> { ["dataset"] = found.Value.Value, ["via"] = found.Via });
    }
}

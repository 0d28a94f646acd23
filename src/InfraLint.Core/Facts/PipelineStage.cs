using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>What a data-pipeline stage does (<c>pipeline.stages[].type</c>).</summary>
    public enum StageType
    {
        Unknown,
        Ingest,
        Transform,
        Validate,
        Train,
        Stream,
    }

    /// <summary>
    /// One stage of a workload's data pipeline, declared in the AIWorkload spec's <c>pipeline.stages</c>:
    /// where its data comes from and which gates (schema, quality checks, dead letters) it has.
    /// Inserted as its own fact; <see cref="Profile"/> gives the pipeline it belongs to.
    /// </summary>
    public sealed class PipelineStage
    {
        public PipelineStage(WorkloadProfile profile, int index, Located<string> name, SourceSpan span, string path)
        {
            Profile = profile;
            Index = index;
            Name = name;
            Span = span;
            Path = path;
        }

        public WorkloadProfile Profile { get; }

        /// <summary>Position in <c>pipeline.stages</c>; stages run in this order.</summary>
        public int Index { get; }

        public Located<string> Name { get; }

        /// <summary>The stage's mapping.</summary>
        public SourceSpan Span { get; }

        /// <summary>Logical path, e.g. <c>spec.pipeline.stages[0]</c>.</summary>
        public string Path { get; }

        public Located<StageType> Type { get; set; } = null!;

        /// <summary>Where the stage reads from: <c>s3://raw/clicks/</c>, <c>kafka://clicks</c>, <c>hf://datasets/org/name</c>.</summary>
        public Located<string?> Source { get; set; } = null!;

        /// <summary>An explicit version pin for the source (<c>version</c>), beside any pin in the URI itself.</summary>
        public Located<string?> Version { get; set; } = null!;

        /// <summary>A schema file the stage validates records against (<c>schema</c>).</summary>
        public Located<string?> Schema { get; set; } = null!;

        /// <summary>A tool that checks the schema (<c>schemaCheck</c>: great-expectations, deequ, pandera…).</summary>
        public Located<string?> SchemaCheck { get; set; } = null!;

        /// <summary>Quality checks the stage runs (<c>qualityChecks</c>); an empty list is no gate.</summary>
        public IReadOnlyList<Located<string>> QualityChecks { get; set; } = Array.Empty<Located<string>>();

        public Located<bool?> FeedsTraining { get; set; } = null!;

        /// <summary>Where records that fail go (<c>deadLetter</c>).</summary>
        public Located<string?> DeadLetter { get; set; } = null!;

        /// <summary>A streaming consumer: type <c>stream</c>, or a source on a streaming system (Kafka, Kinesis, Pub/Sub…).</summary>
        public bool IsStreaming => Type.Value == StageType.Stream || DataSources.IsStream(Source.Value);

        public bool ChecksSchema => HasText(Schema) || HasText(SchemaCheck);

        /// <summary>A quality gate: quality checks on the stage, or a <c>validate</c> stage with checks or a schema.</summary>
        public bool IsQualityGate => QualityChecks.Count > 0 || (Type.Value == StageType.Validate && ChecksSchema);

        /// <summary>Training consumes this stage's data: it says <c>feedsTraining: true</c> or it is a <c>train</c> stage.</summary>
        public bool FeedsTrainingData => FeedsTraining.Value == true || Type.Value == StageType.Train;

        /// <summary>The version the source is pinned to, from <see cref="Version"/> or from the URI; null when unpinned.</summary>
        public string? SourcePin => HasText(Version) ? Version.Value : DataSources.VersionPin(Source.Value);

        /// <summary>Stages of the same pipeline that run after this one.</summary>
        public IEnumerable<PipelineStage> Later => Profile.Stages.Where(s => s.Index > Index);

        private static bool HasText(Located<string?> value) => value.IsPresent && !string.IsNullOrWhiteSpace(value.Value);

        public override string ToString() => $"{Profile.Id}:{Path} ({Name.Value})";
    }
}

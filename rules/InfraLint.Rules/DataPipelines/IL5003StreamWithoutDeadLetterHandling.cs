using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.DataPipelines
{
    /// <summary>
    /// A stream consumer meets a record it cannot process sooner or later. Without a dead-letter path it either
    /// stops (and the partition backs up) or drops the record (and the loss is invisible). A stage is a stream
    /// consumer when its type is <c>stream</c> or its source is on a streaming system (Kafka, Kinesis, Pub/Sub…).
    /// </summary>
    [Name(Id)]
    public sealed class IL5003StreamWithoutDeadLetterHandling : SimpleCheck<PipelineStage>
    {
        public const string Id = "IL5003";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Stream without dead-letter handling",
            "A streaming stage (type stream, or a Kafka, Kinesis or Pub/Sub source) has no deadLetter destination, so a record it cannot process either halts the stream or is silently dropped.",
            Severity.Warning,
            Precision.High,
            new[] { "data-pipeline", "streaming", "reliability" });

        protected override bool Applies(PipelineStage stage, LintSettings _) => stage.IsStreaming && !stage.DeadLetter.IsUnknown;

        protected override IEnumerable<Finding> Judge(PipelineStage stage, LintSettings _)
        {
            if (stage.DeadLetter.IsMissing || string.IsNullOrWhiteSpace(stage.DeadLetter.Value)) yield return Report(stage);
        }

        private static Finding Report(PipelineStage stage) => new Finding(
            Descriptor,
            $"Streaming stage '{stage.Name.Value}' of AIWorkload '{stage.Profile.Name}'{(stage.Source.IsPresent ? $" (source '{stage.Source.Value}')" : string.Empty)} has no deadLetter; route records it cannot process to a dead-letter topic or bucket so they are neither lost nor blocking.",
            stage.Name.Span,
            $"{stage.Profile.Id}:{stage.Path}.deadLetter",
            stage.Profile,
            properties: new Dictionary<string, string> { ["stage"] = stage.Name.Value });
    }
}

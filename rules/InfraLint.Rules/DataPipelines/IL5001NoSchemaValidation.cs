using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.DataPipelines
{
    /// <summary>
    /// Data enters a pipeline at its ingest and stream stages; a renamed column or a changed type that is not
    /// caught there flows silently into features and training. A stage checks its schema with <c>schema</c>
    /// (a schema file) or <c>schemaCheck</c> (a validation tool); a later <c>validate</c> stage that checks the
    /// schema covers the stages before it.
    /// </summary>
    [Name(Id)]
    public sealed class IL5001NoSchemaValidation : SimpleCheck<PipelineStage>
    {
        public const string Id = "IL5001";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No schema validation",
            "A data-pipeline stage that ingests or consumes a stream has no schema check (no schema file, no schemaCheck tool, and no later validate stage that checks the schema), so malformed records reach features and training.",
            Severity.Warning,
            Precision.High,
            new[] { "data-pipeline", "data-quality", "schema" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.Iso42001, "A.7.4", "Quality of data for AI systems"),
            });

        protected override bool Applies(PipelineStage stage, LintSettings _) => stage.Type.Value == StageType.Ingest || stage.IsStreaming;

        protected override IEnumerable<Finding> Judge(PipelineStage stage, LintSettings _)
        {
            if (!stage.ChecksSchema && !stage.Later.Any(l => l.Type.Value == StageType.Validate && l.ChecksSchema)) yield return Report(stage);
        }

        private static Finding Report(PipelineStage stage) => new Finding(
            Descriptor,
            $"Stage '{stage.Name.Value}' of AIWorkload '{stage.Profile.Name}' {(stage.IsStreaming ? "consumes a stream" : "ingests data")}{(stage.Source.IsPresent ? $" from '{stage.Source.Value}'" : string.Empty)} with no schema check; give it a schema (Avro, JSON Schema, Protobuf) or a schemaCheck tool so malformed records are rejected at the boundary.",
            stage.Name.Span,
            $"{stage.Profile.Id}:{stage.Path}.schema",
            stage.Profile,
            properties: new Dictionary<string, string> { ["stage"] = stage.Name.Value });
    }
}

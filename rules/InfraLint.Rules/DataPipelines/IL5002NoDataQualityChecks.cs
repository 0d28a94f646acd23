using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.DataPipelines
{
    /// <summary>
    /// Training learns whatever the data says, including an empty partition, a column of nulls or a duplicated
    /// day. A pipeline that feeds training (a stage with <c>feedsTraining: true</c>, or a <c>train</c> stage)
    /// needs a quality gate somewhere: <c>qualityChecks</c> on a stage, or a <c>validate</c> stage. The finding
    /// is about the pipeline, so it is made once, at the first stage that feeds training.
    /// </summary>
    [Name(Id)]
    public sealed class IL5002NoDataQualityChecks : SimpleCheck<WorkloadProfile>
    {
        public const string Id = "IL5002";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No data-quality checks",
            "A data pipeline feeds training (a stage with feedsTraining: true, or a train stage) and no stage is a quality gate (qualityChecks, or a validate stage), so bad data trains the model unnoticed.",
            Severity.Warning,
            Precision.High,
            new[] { "data-pipeline", "data-quality", "training" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 10", "Data and data governance"),
                new FrameworkControl(FrameworkControl.Iso42001, "A.7.4", "Quality of data for AI systems"),
            });

        protected override bool Applies(WorkloadProfile profile, LintSettings _) => profile.Stages.Any(s => s.FeedsTrainingData);

        protected override IEnumerable<Finding> Judge(WorkloadProfile profile, LintSettings _)
        {
            if (!profile.Stages.Any(s => s.IsQualityGate)) yield return Report(profile);
        }

        private static Finding Report(WorkloadProfile profile)
        {
            var first = profile.Stages.First(s => s.FeedsTrainingData);
            return new Finding(
                Descriptor,
                $"The pipeline of AIWorkload '{profile.Name}' feeds training (stage '{first.Name.Value}') with no data-quality gate; add qualityChecks (row counts, null rates, ranges, freshness) to a stage, or a validate stage before training.",
                first.Name.Span,
                $"{profile.Id}:spec.pipeline.qualityChecks",
                profile,
                properties: new Dictionary<string, string>
                {
                    ["stages"] = string.Join(",", profile.Stages.Select(s => s.Name.Value)),
                });
        }
    }
}

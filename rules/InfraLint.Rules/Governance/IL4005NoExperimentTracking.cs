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
    /// A training run whose parameters, metrics and resulting model are not recorded cannot be compared,
    /// reproduced or promoted with evidence. InfraLint sees the wiring in the job itself: the environment a
    /// tracker's client reads (MLFLOW_TRACKING_URI, WANDB_*, NEPTUNE_*, COMET_*, CLEARML_*), the secret or
    /// config map it is loaded from, or a launcher argument naming the tracker; a profile may declare it
    /// (<c>tracking</c>). TensorBoard alone writes a log directory and is not counted.
    /// </summary>
    [Name(Id)]
    public sealed class IL4005NoExperimentTracking : Rule
    {
        public const string Id = "IL4005";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No experiment tracking",
            "A training job is not wired to an experiment tracker or model registry (MLflow, Weights & Biases, Neptune, Comet, ClearML, SageMaker Experiments): no tracker environment, secret or argument and no profile declaring tracking, so its runs and metrics are not recorded.",
            Severity.Note,
            Precision.Medium,
            new[] { "governance", "mlops", "experiment-tracking" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.NistAiRmf, "MEASURE 2.1", "Test sets, metrics, and details about the tools used during TEVV are documented"),
            },
            recommended: false);

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;
            IEnumerable<WorkloadProfile> declaring = default!;

            // The profiles that declare tracking are collected, not negated, so a tracked job is recorded as judged too.
            When()
                .Match(() => settings, s => s.IsEnabled(Descriptor))
                .Match(
                    () => workload,
                    w => w.Role == WorkloadRole.Training,
                    w => !w.IsTemplate,
                    w => w.Benchmark == null)
                .Query(() => declaring, q => q
                    .Match<WorkloadProfile>(p => p.Describes(workload) && WorkloadProfile.Declares(p.Tracking))
                    .Collect());

            Then()
                .Do(ctx => ctx.Evaluated(Descriptor, workload))
                .Do(ctx => ReportUntracked(ctx, workload, declaring));
        }

        private static void ReportUntracked(NRules.RuleModel.IContext context, ComputeWorkload workload, IEnumerable<WorkloadProfile> declaring)
        {
            if (workload.BuiltInExperimentTracking != null || Tracker(workload) != null || declaring.Any()) return;
            context.Report(new Finding(
                Descriptor,
                $"Training job {Wording.Of(workload)} reports to no experiment tracker or model registry: no MLFLOW_TRACKING_URI, WANDB_*, NEPTUNE_*, COMET_* or CLEARML_* environment, secret or argument. Wire it to one (or declare it with the infralint.dev/tracking annotation) so runs, metrics and models are recorded.",
                workload.Span,
                $"{workload.Id}:tracking",
                workload));
        }

        private static string? Tracker(ComputeWorkload workload)
        {
            var containers = workload.Containers.ToList();
            return ExperimentTrackers.ToolForEnvironment(containers.SelectMany(c => c.Env.Select(e => e.Name.Value)))
                ?? ExperimentTrackers.ToolForWords(containers.SelectMany(c => c.EnvFrom.Concat(c.Command).Concat(c.Args.Select(a => a.Value))));
        }
    }
}

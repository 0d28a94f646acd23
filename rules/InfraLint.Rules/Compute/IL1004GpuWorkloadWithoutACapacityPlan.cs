using System.Collections.Generic;
using System.Globalization;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Knowledge;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// Infrastructure files say what is provisioned, not what it is for. Without a profile (model and traffic)
    /// nobody can say whether the GPUs are right-sized, and IL1001–IL1003 stay silent; this rule says so.
    /// Node pools are judged through the workloads placed on them, so they are not asked for a plan.
    /// </summary>
    [Name(Id)]
    public sealed class IL1004GpuWorkloadWithoutACapacityPlan : Rule
    {
        public const string Id = "IL1004";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "GPU workload without a capacity plan",
            "A workload requests GPUs (or runs on a GPU instance type) but no workload profile states its model and demand, so its utilisation and cost cannot be forecast and the capacity rules cannot check it.",
            Severity.Note,
            Precision.High,
            new[] { "compute", "cost", "gpu", "capacity", "planning" });

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;

            When()
                .Exists<Adoption>(a => a.Covers(Id))
                .Match(() => settings)
                .Match(() => workload, w => !w.IsNodePool, w => ProvisionedAccelerators.UsesAccelerators(w, settings.Catalog))
                .Not<WorkloadProfile>(p => p.Describes(workload) && (!p.ModelName.IsMissing || !p.Parameters.IsMissing));

            Then()
                .Do(ctx => ctx.Report(Report(workload, settings)));
        }

        private static Finding Report(ComputeWorkload workload, LintSettings settings)
        {
            var gpus = CapacityCase.GpuAttribute(workload);
            int perReplica = ProvisionedAccelerators.PerReplica(workload, settings.Catalog);
            string asks = workload.UsesAccelerators
                ? $"requests {perReplica} GPU(s) per replica"
                : $"runs on GPU instance type {workload.InstanceType?.Value}";
            string keys = workload.Role is WorkloadRole.Training or WorkloadRole.BatchInference
                ? "infralint.dev/model and infralint.dev/training-tokens"
                : "infralint.dev/model, infralint.dev/peak-rps and infralint.dev/p99-latency-ms";
            return new Finding(
                Descriptor,
                $"{Wording.Of(workload)} {asks} but no workload profile states its model and demand; declare {keys} (as annotations, labels or tags, or in an AIWorkload spec that targets it) so its capacity can be checked.",
                workload.Span,
                $"{workload.Id}:profile",
                workload,
                properties: new Dictionary<string, string>
                {
                    ["gpusPerReplica"] = perReplica.ToString(CultureInfo.InvariantCulture),
                    ["gpuAttribute"] = gpus.Path,
                    ["instanceType"] = workload.InstanceType?.Value ?? string.Empty,
                });
        }
    }
}

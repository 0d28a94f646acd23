using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// The shared match of the capacity rules (IL1001–IL1003): a workload with accelerators, every profile
    /// that describes it and the autoscalers that target it. Each rule only says how it judges the case.
    /// </summary>
    public abstract class CapacityRule : Rule
    {
        public sealed override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;
            IEnumerable<WorkloadProfile> profiles = default!;
            IEnumerable<Autoscaler> scalers = default!;
            Finding? finding = default;

            When()
                .Match(() => settings)
                .Match(() => workload, w => !w.IsNodePool, w => w.UsesAccelerators || w.InstanceType != null)
                .Query(() => profiles, q => q.Match<WorkloadProfile>(p => p.Describes(workload)).Collect().Where(c => c.Any()))
                .Query(() => scalers, q => q.Match<Autoscaler>(a => a.Targets(workload)).Collect())
                .Let(() => finding, () => Judge(CapacityCase.For(workload, profiles, scalers, settings)))
                .Having(() => finding != null);

            Then()
                .Do(ctx => ctx.Report(finding!));
        }

        /// <summary>The finding this rule reports for the case, or null.</summary>
        internal abstract Finding? Judge(CapacityCase? capacity);
    }
}

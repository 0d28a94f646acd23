using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Compute
{
    /// <summary>
    /// The shared match of the capacity rules (IL1001–IL1003): the <see cref="CapacityCase"/> of an accelerated inference
    /// workload, built once by <see cref="CapacityCaseRule"/>. Each rule only says which cases it can judge and how; the
    /// base records the workload as evaluated for every case the rule can judge, whatever the verdict.
    /// </summary>
    public abstract class CapacityRule : Rule
    {
        private readonly RuleDescriptor _rule;

        protected CapacityRule()
        {
            _rule = RuleCatalog.DescriptorOf(GetType()) ?? throw new InvalidOperationException($"{GetType().Name} declares no public static Descriptor.");
        }

        public sealed override void Define()
        {
            LintSettings settings = default!;
            CapacityCase capacity = default!;

            When()
                .Match(() => settings, s => s.IsEnabled(_rule))
                .Match(() => capacity, c => Applies(c));

            Then()
                .Do(ctx => ctx.Evaluated(_rule, capacity.Workload))
                .Do(ctx => Report(ctx, Judge(capacity)));
        }

        /// <summary>Whether the rule can judge the case at all (false: neither a finding nor evidence that it holds).</summary>
        internal virtual bool Applies(CapacityCase capacity) => true;

        /// <summary>The finding this rule reports for the case, or null.</summary>
        internal abstract Finding? Judge(CapacityCase capacity);

        private static void Report(NRules.RuleModel.IContext context, Finding? finding)
        {
            if (finding is not null) context.Report(finding);
        }
    }

    /// <summary>
    /// Sizes each accelerated inference workload once per session: it joins the workload with every profile that
    /// describes it and the autoscalers that target it, and inserts the <see cref="CapacityCase"/> (when the workload
    /// can be sized) for IL1001–IL1003 to judge. It reports nothing itself.
    /// </summary>
    [Name(CapacityCaseName)]
    public sealed class CapacityCaseRule : Rule
    {
        /// <summary>A derivation, not a check: named <c>facts.*</c> so the catalog conventions tell it from the rules.</summary>
        public const string CapacityCaseName = "facts.capacity-case";

        public override void Define()
        {
            LintSettings settings = default!;
            ComputeWorkload workload = default!;
            IEnumerable<WorkloadProfile> profiles = default!;
            IEnumerable<Autoscaler> scalers = default!;
            CapacityCase? capacity = default;

            When()
                .Match(() => settings)
                .Match(() => workload, w => !w.IsNodePool, w => w.UsesAccelerators || w.InstanceType != null)
                .Query(() => profiles, q => q.Match<WorkloadProfile>(p => p.Describes(workload)).Collect().Where(c => c.Any()))
                .Query(() => scalers, q => q.Match<Autoscaler>(a => a.Targets(workload)).Collect())
                .Let(() => capacity, () => CapacityCase.For(workload, profiles, scalers, settings))
                .Having(() => capacity != null);

            Then()
                .Do(ctx => ctx.InsertLinked(capacity!, capacity!));
        }
    }
}

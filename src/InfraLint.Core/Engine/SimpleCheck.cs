using System;
using System.Collections.Generic;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace InfraLint.Core.Engine
{
    /// <summary>
    /// A rule about one fact at a time (a container, a pod template, a bucket, a listener), written as its catalog
    /// sentence: <see cref="Applies"/> says what the rule looks at, <see cref="Judge"/> what is wrong with it. The base
    /// matches every applicable fact of an enabled rule, records that the rule evaluated it (<see cref="Evaluated"/>:
    /// the ground of "holds" when it yields nothing) and reports what the judgement yields, both linked to the match.
    /// </summary>
    /// <typeparam name="TFact">
    /// The fact judged: an <see cref="InfraResource"/>, or a part of one <see cref="Evaluated.Of"/> knows (<see cref="Container"/>,
    /// <see cref="PodTemplate"/>, <see cref="PipelineStage"/>, <see cref="AccessStatement"/>, <see cref="RegionPlacement"/>); any other
    /// type overrides <see cref="Evaluation"/>.
    /// </typeparam>
    public abstract class SimpleCheck<TFact> : Rule
        where TFact : class
    {
        /// <param name="rule">
        /// The descriptor the findings and evaluations belong to; by default the class's own <c>Descriptor</c>. A companion
        /// check that reports under another rule's id (<c>IL2003.bucket</c>) passes that rule's.
        /// </param>
        protected SimpleCheck(RuleDescriptor? rule = null)
        {
            Checked = rule ?? RuleCatalog.DescriptorOf(GetType())
                ?? throw new InvalidOperationException($"{GetType().Name} declares no public static Descriptor and was given none.");
        }

        /// <summary>The rule this check reports and records for.</summary>
        protected RuleDescriptor Checked { get; }

        public sealed override void Define()
        {
            LintSettings settings = default!;
            TFact fact = default!;

            // A disabled rule judges nothing, so it records nothing: an auditor must not read "holds" for a control that was off.
            When()
                .Match(() => settings, s => s.IsEnabled(Checked))
                .Match(() => fact, f => Applies(f, settings));

            Then()
                .Do(ctx => Record(ctx, fact, settings));
        }

        /// <summary>
        /// Whether the rule judges this fact at all. A fact the rule cannot judge (the value that decides is unknown, the
        /// platform owns the setting) does not apply: it is neither a finding nor evidence that the control holds.
        /// </summary>
        protected abstract bool Applies(TFact fact, LintSettings settings);

        /// <summary>What is wrong with an applicable fact; nothing when the rule holds for it.</summary>
        protected abstract IEnumerable<Finding> Judge(TFact fact, LintSettings settings);

        /// <summary>What the evaluation of <paramref name="fact"/> names; override for a fact type <see cref="Evaluated.Of"/> does not know.</summary>
        protected virtual Evaluated Evaluation(TFact fact) => Evaluated.Of(Checked, fact);

        private void Record(IContext context, TFact fact, LintSettings settings)
        {
            // The session's report is asked for once: this runs for every fact every simple check matches.
            var report = SessionReport.Of(context);
            if (RuleContextExtensions.Records(report)) context.Record(report, Evaluation(fact));
            context.Report(report, Judge(fact, settings));
        }
    }
}

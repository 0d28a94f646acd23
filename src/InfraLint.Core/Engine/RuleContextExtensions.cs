using System.Collections.Generic;
using InfraLint.Core.Findings;
using NRules.RuleModel;

namespace InfraLint.Core.Engine
{
    /// <summary>How a rule's action reports: findings become linked facts, which NRules retracts by itself if the match goes away.</summary>
    public static class RuleContextExtensions
    {
        public static void Report(this IContext context, Finding finding) => context.InsertLinked(finding, finding);

        public static void Report(this IContext context, IEnumerable<Finding> findings)
        {
            foreach (var finding in findings) context.InsertLinked(finding, finding);
        }

        /// <summary>
        /// Records that <paramref name="rule"/> judged <paramref name="judged"/> (a resource or a part of one), whatever
        /// the verdict. <see cref="SimpleCheck{TFact}"/> does this for every fact it matches; a rule that joins several
        /// facts calls it for the one it judges, so the scan can tell "holds" from "had nothing to look at". A session that
        /// records no evaluations (<see cref="EvaluationRecording"/>) ignores it.
        /// </summary>
        public static void Evaluated(this IContext context, RuleDescriptor rule, object judged)
        {
            if (!EvaluationRecording.In(context)) return;
            var evaluation = Findings.Evaluated.Of(rule, judged);
            context.InsertLinked(evaluation, evaluation);
        }
    }
}

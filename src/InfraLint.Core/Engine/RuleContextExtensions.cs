using System.Collections.Generic;
using InfraLint.Core.Findings;
using NRules.RuleModel;

namespace InfraLint.Core.Engine
{
    /// <summary>How a rule's action reports: into its session's <see cref="SessionReport"/> (in a session of other code, as linked facts).</summary>
    public static class RuleContextExtensions
    {
        public static void Report(this IContext context, Finding finding)
        {
            if (SessionReport.Of(context) is { } report) report.Findings.Add(finding);
            else context.InsertLinked(finding, finding);
        }

        public static void Report(this IContext context, IEnumerable<Finding> findings)
        {
            var report = SessionReport.Of(context);
            foreach (var finding in findings)
            {
                if (report is not null) report.Findings.Add(finding);
                else context.InsertLinked(finding, finding);
            }
        }

        /// <summary>
        /// Records that <paramref name="rule"/> judged <paramref name="judged"/> (a resource or a part of one), whatever
        /// the verdict. <see cref="SimpleCheck{TFact}"/> does this for every fact it matches; a rule that joins several
        /// facts calls it for the one it judges, so the scan can tell "holds" from "had nothing to look at". A session that
        /// records no evaluations (<see cref="SessionReport.RecordsEvaluations"/>) ignores it.
        /// </summary>
        public static void Evaluated(this IContext context, RuleDescriptor rule, object judged)
        {
            var report = SessionReport.Of(context);
            if (report is { RecordsEvaluations: false }) return;
            var evaluation = Findings.Evaluated.Of(rule, judged);
            if (report is null) context.InsertLinked(evaluation, evaluation);
            else report.Evaluations.Add(evaluation);
        }
    }
}

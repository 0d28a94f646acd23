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

        public static void Report(this IContext context, IEnumerable<Finding> findings) => context.Report(SessionReport.Of(context), findings);

        /// <summary>
        /// Records that <paramref name="rule"/> judged <paramref name="judged"/> (a resource or a part of one), whatever
        /// the verdict. <see cref="SimpleCheck{TFact}"/> does this for every fact it matches; a rule that joins several
        /// facts calls it for the one it judges, so the scan can tell "holds" from "had nothing to look at". A session that
        /// records no evaluations (<see cref="SessionReport.RecordsEvaluations"/>) ignores it.
        /// </summary>
        public static void Evaluated(this IContext context, RuleDescriptor rule, object judged)
        {
            var report = SessionReport.Of(context);
            if (Records(report)) context.Record(report, Findings.Evaluated.Of(rule, judged));
        }

        /// <summary>Reports into <paramref name="report"/>, the session's (<see cref="SessionReport.Of"/>), asked for once by the caller.</summary>
        internal static void Report(this IContext context, SessionReport? report, IEnumerable<Finding> findings)
        {
            if (report is not null)
            {
                report.Findings.AddRange(findings);
                return;
            }
            foreach (var finding in findings) context.InsertLinked(finding, finding);
        }

        /// <summary>Whether a session keeps evaluations: an evaluation need not be made for one that drops it.</summary>
        internal static bool Records(SessionReport? report) => report is not { RecordsEvaluations: false };

        /// <summary>Keeps <paramref name="evaluation"/> in <paramref name="report"/> (the caller checked <see cref="Records"/>).</summary>
        internal static void Record(this IContext context, SessionReport? report, Evaluated evaluation)
        {
            if (report is not null) report.Evaluations.Add(evaluation);
            else context.InsertLinked(evaluation, evaluation);
        }
    }
}

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
    }
}

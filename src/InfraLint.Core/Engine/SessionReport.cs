using System;
using System.Collections.Generic;
using InfraLint.Core.Findings;
using NRules.Extensibility;
using NRules.RuleModel;

namespace InfraLint.Core.Engine
{
    /// <summary>
    /// What the actions of one session <see cref="RuleEngine"/> runs report: its findings and, when asked for, what its
    /// rules evaluated (<see cref="Evaluated"/>; only an output that tells "holds" from "not evaluated" reads them, SARIF
    /// and compliance evidence). The session hands it to the actions as their dependency resolver.
    /// </summary>
    /// <remarks>
    /// A finding was once a linked fact of the session, which NRules retracts if the match that made it goes away. In
    /// InfraLint's sessions no match goes away: every fact is inserted before the rules fire, and what actions insert
    /// (findings, evaluations, the capacity cases IL1001–IL1003 match) only adds matches. So the findings are kept here,
    /// in the order the linked facts had, and the session's working memory does not track 16,000 of them for a
    /// 10,000-file scan. A session made by other code (a test's) has no report: actions insert linked facts, as before.
    /// </remarks>
    internal sealed class SessionReport : IDependencyResolver
    {
        public SessionReport(bool recordsEvaluations) => RecordsEvaluations = recordsEvaluations;

        public bool RecordsEvaluations { get; }

        public List<Finding> Findings { get; } = new List<Finding>();

        public List<Evaluated> Evaluations { get; } = new List<Evaluated>();

        /// <summary>The report of the session firing this action; null in a session <see cref="RuleEngine"/> did not make.</summary>
        public static SessionReport? Of(IContext context)
        {
            try
            {
                return context.Resolve(typeof(SessionReport)) as SessionReport;
            }
            catch (InvalidOperationException)
            {
                // NRules' own resolver resolves nothing.
                return null;
            }
        }

        public object Resolve(IResolutionContext context, Type serviceType) =>
            serviceType == typeof(SessionReport)
                ? this
                : throw new InvalidOperationException($"InfraLint's rule sessions provide no {serviceType.Name}.");
    }
}

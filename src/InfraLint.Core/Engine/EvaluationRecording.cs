using System;
using NRules.Extensibility;
using NRules.RuleModel;

namespace InfraLint.Core.Engine
{
    /// <summary>
    /// Whether a session records what its rules evaluated (<see cref="Findings.Evaluated"/>). Only an output that tells
    /// "holds" from "not evaluated" reads them (SARIF, compliance evidence); for any other, recording is a linked fact per
    /// rule and judged fact that costs the session memory and time and that nobody reads. The session hands it to the
    /// rules' actions, which ask it before they record.
    /// </summary>
    internal sealed class EvaluationRecording : IDependencyResolver
    {
        public static readonly EvaluationRecording On = new EvaluationRecording(true);
        public static readonly EvaluationRecording Off = new EvaluationRecording(false);

        private EvaluationRecording(bool records) => Records = records;

        public bool Records { get; }

        /// <summary>Whether the session firing this action records evaluations: yes in a session <see cref="RuleEngine"/> did not make.</summary>
        public static bool In(IContext context)
        {
            try
            {
                return !(context.Resolve(typeof(EvaluationRecording)) is EvaluationRecording { Records: false });
            }
            catch (InvalidOperationException)
            {
                // NRules' own resolver resolves nothing: a session compiled by other code records, as every session once did.
                return true;
            }
        }

        public object Resolve(IResolutionContext context, Type serviceType) =>
            serviceType == typeof(EvaluationRecording)
                ? this
                : throw new InvalidOperationException($"InfraLint's rule sessions provide no {serviceType.Name}.");
    }
}

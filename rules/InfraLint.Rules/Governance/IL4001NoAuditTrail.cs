using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Governance
{
    /// <summary>
    /// Without an audit trail nobody can reconstruct who changed the AI system or what it was asked and
    /// answered. A model endpoint's record of its inferences is its request/response capture, so a SageMaker
    /// endpoint config without DataCaptureConfig is reported here as well as a stopped trail.
    /// </summary>
    [Name(Id)]
    public sealed class IL4001NoAuditTrail : SimpleCheck<AuditLog>
    {
        public const string Id = "IL4001";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No audit trail",
            "An audit log is off or missing: a CloudTrail trail that is not logging, an EKS cluster without the audit log type, or a model endpoint that does not capture its inference requests and responses, so events cannot be traced after the fact.",
            Severity.Warning,
            Precision.High,
            new[] { "governance", "audit", "logging", "compliance" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 12", "Record-keeping"),
                FrameworkControl.Nist("AU-2", "Event Logging"),
                FrameworkControl.Nist("AU-12", "Audit Record Generation"),
                new FrameworkControl(FrameworkControl.Iso42001, "A.6.2.8", "AI system recording of event logs"),
            });

        /// <summary>An audit trail whose switch is decided elsewhere (a parameter) is not judged.</summary>
        protected override bool Applies(AuditLog log, LintSettings settings) => !log.Enabled.IsUnknown;

        protected override IEnumerable<Finding> Judge(AuditLog log, LintSettings settings)
        {
            if (log.Enabled.IsMissing || log.Enabled.Value == false) yield return Report(log);
        }

        private static Finding Report(AuditLog log)
        {
            var enabled = log.Enabled;
            string key = log.Enable?.Describe ?? enabled.Path.Substring(enabled.Path.LastIndexOf('.') + 1);
            string what = enabled.IsPresent ? $"turns off the audit record of {log.Audits} at {key}" : $"keeps no audit record of {log.Audits}: {key} is missing";
            return new Finding(
                Descriptor,
                $"{Wording.Of(log)} {what}, so what happened cannot be traced afterwards; turn it on.",
                enabled.Span,
                Wording.PathOf(log, enabled),
                log,
                fixes: Fix.Set(log.Enable, true, $"Set {key} to true"),
                properties: new Dictionary<string, string> { ["audits"] = log.Audits });
        }
    }
}

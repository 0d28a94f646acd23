using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// A privileged container is root on the node. Without <c>allowPrivilegeEscalation: false</c> a process
    /// can still gain privileges through setuid binaries, and Kubernetes defaults it to true, so the rule
    /// asks for the explicit <c>false</c>.
    /// </summary>
    [Name(Id)]
    public sealed class IL2006PrivilegedContainer : SimpleCheck<Container>
    {
        public const string Id = "IL2006";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Privileged container",
            "A container runs privileged (all capabilities and host devices), or does not forbid privilege escalation (allowPrivilegeEscalation: false; no-new-privileges in compose, not judged on workstation stacks), so a process in it can gain more privileges than it started with.",
            Severity.Error,
            Precision.High,
            new[] { "security", "kubernetes", "pod-security" },
            securitySeverity: 8.5,
            controls: new[]
            {
                FrameworkControl.Cis("5.2.2", "Minimize the admission of privileged containers"),
                FrameworkControl.Cis("5.2.6", "Minimize the admission of containers with allowPrivilegeEscalation"),
                FrameworkControl.Nist("AC-6", "Least Privilege"),
            });

        /// <summary>
        /// A container whose security context is the author's and that is judged: one with a finding (privileged, or
        /// escalation allowed, whether or not its privilege is known), or one whose two settings are both known, the only
        /// case where it holds (an unknown setting is neither a finding nor evidence that the control holds).
        /// </summary>
        protected override bool Applies(Container container, LintSettings settings) =>
            !container.SecurityContextManagedElsewhere && !container.ManagedByPlatform
            && (container.SecurityContext.Privileged.Value == true
                || EscalationAllowed(container, settings)
                || (!container.SecurityContext.Privileged.IsUnknown && !container.SecurityContext.AllowPrivilegeEscalation.IsUnknown));

        protected override IEnumerable<Finding> Judge(Container container, LintSettings settings) => Report(container, settings);

        /// <summary>
        /// Anything but an explicit false allows escalation (Kubernetes defaults it to true, Docker sets no
        /// no_new_privs unless asked); an unknown value is not judged, and leaving it out is not judged on a
        /// workstation stack, where an explicit allow still is.
        /// </summary>
        private static bool EscalationAllowed(Container container, LintSettings settings)
        {
            var escalation = container.SecurityContext.AllowPrivilegeEscalation;
            if (escalation.IsUnknown || escalation.Value == false) return false;
            return escalation.IsPresent || Workstations.OmissionsJudged(container.Workload, settings);
        }

        private static IEnumerable<Finding> Report(Container container, LintSettings settings)
        {
            var spelling = container.Workload.Spelling;
            var privileged = container.SecurityContext.Privileged;
            var escalation = container.SecurityContext.AllowPrivilegeEscalation;
            if (privileged.Value == true)
            {
                yield return new Finding(
                    Descriptor,
                    $"The {Wording.Of(container)} runs privileged: it has every capability and the {spelling.Host}'s devices, which is root on the {spelling.Host}.",
                    privileged.Span,
                    Wording.PathOf(container.Workload, privileged),
                    container.Workload,
                    fixes: Fix.Set(privileged.Edit, false, "Set privileged to false"),
                    properties: new Dictionary<string, string> { ["setting"] = "privileged" });

                // Privileged implies escalation, so an unset allowPrivilegeEscalation adds nothing to the finding
                // above; an explicit true is a second setting to change and gets its own finding.
                if (escalation.Value != true) yield break;
            }
            if (!EscalationAllowed(container, settings)) yield break;

            string why = escalation.Value == true ? $"sets {spelling.EscalationAllowed}"
                : escalation.IsPresent ? $"sets {spelling.Escalation} to a value that does not forbid escalation"
                : $"does not set {spelling.EscalationForbidden} ({spelling.EscalationDefault})";
            yield return new Finding(
                Descriptor,
                $"The {Wording.Of(container)} {why}, so setuid binaries can raise its privileges.",
                escalation.IsPresent ? escalation.Span : container.Name.Span,
                Wording.PathOf(container.Workload, escalation),
                container.Workload,
                fixes: Fix.Set(escalation.Edit, false, spelling.EscalationFix),
                properties: new Dictionary<string, string> { ["setting"] = spelling.Escalation });
        }
    }
}

using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
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
    public sealed class IL2006PrivilegedContainer : Rule
    {
        public const string Id = "IL2006";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Privileged container",
            "A container runs privileged (all capabilities and host devices), or does not set allowPrivilegeEscalation: false, so a process in it can gain more privileges than it started with.",
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

        public override void Define()
        {
            Container container = default!;

            When()
                .Match(
                    () => container,
                    c => !c.SecurityContextManagedElsewhere && !c.ManagedByPlatform,
                    c => c.SecurityContext.Privileged.Value == true || EscalationAllowed(c.SecurityContext.AllowPrivilegeEscalation));

            Then()
                .Do(ctx => ctx.Report(Report(container)));
        }

        /// <summary>Anything but an explicit false allows escalation (Kubernetes defaults it to true); an unknown value is not judged.</summary>
        private static bool EscalationAllowed(Located<bool?> escalation) => !escalation.IsUnknown && escalation.Value != false;

        private static IEnumerable<Finding> Report(Container container)
        {
            var privileged = container.SecurityContext.Privileged;
            var escalation = container.SecurityContext.AllowPrivilegeEscalation;
            if (privileged.Value == true)
            {
                yield return new Finding(
                    Descriptor,
                    $"The {Wording.Of(container)} runs privileged: it has every capability and the node's devices, which is root on the node.",
                    privileged.Span,
                    Wording.PathOf(container.Workload, privileged),
                    container.Workload,
                    fixes: Fix.Set(privileged.Edit, false, "Set privileged to false"),
                    properties: new Dictionary<string, string> { ["setting"] = "privileged" });

                // Privileged implies escalation, so an unset allowPrivilegeEscalation adds nothing to the finding
                // above; an explicit true is a second setting to change and gets its own finding.
                if (escalation.Value != true) yield break;
            }
            if (!EscalationAllowed(escalation)) yield break;

            string why = escalation.Value == true ? "sets allowPrivilegeEscalation: true"
                : escalation.IsPresent ? "sets allowPrivilegeEscalation to a value that is not false"
                : "does not set allowPrivilegeEscalation: false (Kubernetes defaults it to true)";
            yield return new Finding(
                Descriptor,
                $"The {Wording.Of(container)} {why}, so setuid binaries can raise its privileges.",
                escalation.IsPresent ? escalation.Span : container.Name.Span,
                Wording.PathOf(container.Workload, escalation),
                container.Workload,
                fixes: Fix.Set(escalation.Edit, false, "Set allowPrivilegeEscalation to false"),
                properties: new Dictionary<string, string> { ["setting"] = "allowPrivilegeEscalation" });
        }
    }
}

using System.Collections.Generic;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Security
{
    /// <summary>
    /// Root in a container is root on the node once anything breaks out. A container either says which
    /// non-root user it runs as, or asks the kubelet to refuse root (<c>runAsNonRoot: true</c>); without
    /// either it runs as whatever user the image names, which for most images is root.
    /// </summary>
    [Name(Id)]
    public sealed class IL2007ContainerRunsAsRoot : Rule
    {
        public const string Id = "IL2007";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Container runs as root",
            "A container runs as user 0, or neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser, so it runs as root whenever its image does.",
            Severity.Warning,
            Precision.High,
            new[] { "security", "kubernetes", "pod-security" },
            securitySeverity: 6.5,
            controls: new[]
            {
                FrameworkControl.Cis("5.2.7", "Minimize the admission of root containers"),
                FrameworkControl.Nist("AC-6", "Least Privilege"),
            });

        public override void Define()
        {
            Container container = default!;

            When()
                .Match(
                    () => container,
                    c => !c.SecurityContextManagedElsewhere && !c.ManagedByPlatform,
                    c => RunsAsRootUser(c) || RunsAsRootGroup(c));

            Then()
                .Do(ctx => ctx.Report(Findings(container)));
        }

        private static bool RunsAsRootUser(Container c) =>
            c.EffectiveRunAsUser.Value == 0 || (c.EffectiveRunAsNonRoot.Value != true && !c.EffectiveRunAsNonRoot.IsUnknown && c.EffectiveRunAsUser.IsMissing);

        /// <summary>GID 0 is the root group: a non-root UID with it reads and writes every file the image leaves group-root-writable.</summary>
        private static bool RunsAsRootGroup(Container c) => c.EffectiveRunAsGroup is { IsPresent: true, Value: 0 };

        private static IEnumerable<Finding> Findings(Container container)
        {
            if (RunsAsRootUser(container)) yield return Report(container);
            if (!RunsAsRootGroup(container)) yield break;
            var group = container.EffectiveRunAsGroup!;
            string where = container.SecurityContext.RunAsGroup is { IsPresent: true } ? "its securityContext" : "its pod's securityContext";
            yield return new Finding(
                Descriptor,
                $"The {Wording.Of(container)} runs with the root group: {where} sets runAsGroup: 0. Use a non-zero GID the image supports.",
                group.Span,
                Wording.PathOf(container.Workload, group),
                container.Workload,
                properties: new Dictionary<string, string> { ["runAsGroup"] = "0" });
        }

        private static Finding Report(Container container)
        {
            var user = container.EffectiveRunAsUser;
            if (user.Value == 0)
            {
                // No fix: runAsNonRoot: true next to runAsUser: 0 only stops the container from starting, and
                // which non-root UID the image works with is something only its owner knows.
                string where = container.SecurityContext.RunAsUser.IsPresent ? "its securityContext" : "its pod's securityContext";
                return new Finding(
                    Descriptor,
                    $"The {Wording.Of(container)} runs as root: {where} sets runAsUser: 0. Use a non-zero UID the image supports.",
                    user.Span,
                    Wording.PathOf(container.Workload, user),
                    container.Workload,
                    properties: new Dictionary<string, string> { ["runAsUser"] = "0" });
            }

            var nonRoot = container.SecurityContext.RunAsNonRoot;
            string state = container.EffectiveRunAsNonRoot.Value == false ? "sets runAsNonRoot: false" : "does not set runAsNonRoot: true";
            return new Finding(
                Descriptor,
                $"The {Wording.Of(container)} {state} and sets no non-zero runAsUser, so it runs as root if its image does.",
                container.Name.Span,
                Wording.PathOf(container.Workload, nonRoot),
                container.Workload,
                fixes: Fix.Set(nonRoot.Edit, true, "Set securityContext.runAsNonRoot to true (the kubelet then refuses to start the container as root)"),
                properties: new Dictionary<string, string> { ["runAsNonRoot"] = container.EffectiveRunAsNonRoot.Value?.ToString() ?? "unset" });
        }
    }
}

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
    public sealed class IL2007ContainerRunsAsRoot : SimpleCheck<Container>
    {
        public const string Id = "IL2007";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Container runs as root",
            "A container runs as user 0 (runAsUser: 0; user: root or 0 in compose), or neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser (a compose service sets no user:, not judged on workstation stacks), so it runs as root whenever its image does.",
            Severity.Warning,
            Precision.High,
            new[] { "security", "kubernetes", "pod-security" },
            securitySeverity: 6.5,
            controls: new[]
            {
                FrameworkControl.Cis("5.2.7", "Minimize the admission of root containers"),
                FrameworkControl.Nist("AC-6", "Least Privilege"),
            });

        /// <summary>A container whose user the author decides; an unknown user is neither a finding nor evidence that it holds.</summary>
        protected override bool Applies(Container container, LintSettings settings) =>
            !container.SecurityContextManagedElsewhere && !container.ManagedByPlatform
            && !(container.EffectiveRunAsUser.IsUnknown || (container.EffectiveRunAsUser.IsMissing && container.EffectiveRunAsNonRoot.IsUnknown));

        protected override IEnumerable<Finding> Judge(Container container, LintSettings settings) => Findings(container, settings);

        private static bool RunsAsRootUser(Container c, LintSettings settings) =>
            c.EffectiveRunAsUser.Value == 0 || (RootUnlessImageSays(c) && (c.EffectiveRunAsNonRoot.IsPresent || Workstations.OmissionsJudged(c.Workload, settings)));

        /// <summary>GID 0 is the root group: a non-root UID with it reads and writes every file the image leaves group-root-writable.</summary>
        /// <remarks>
        /// Beside an explicit <c>runAsUser: 0</c> the group adds nothing: root already owns every file, and the user finding
        /// says so (judged a duplicate twice in docs/precision.md).
        /// </remarks>
        private static bool RunsAsRootGroup(Container c) => c.EffectiveRunAsGroup is { IsPresent: true, Value: 0 } && c.EffectiveRunAsUser.Value != 0;

        private static IEnumerable<Finding> Findings(Container container, LintSettings settings)
        {
            if (RunsAsRootUser(container, settings)) yield return Report(container);
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

        /// <summary>
        /// Nothing refuses root and no user is named, so the image decides; an explicit runAsNonRoot: false is reported
        /// even on a workstation stack. A privileged container is not told it may run as root as well: IL2006 reports it
        /// at its flag (judged a duplicate 8 times in docs/precision.md), and once IL2006's fix turns privilege off, the
        /// next round of the same fix run judges the user.
        /// </summary>
        private static bool RootUnlessImageSays(Container c) =>
            c.EffectiveRunAsNonRoot.Value != true && !c.EffectiveRunAsNonRoot.IsUnknown && c.EffectiveRunAsUser.IsMissing
            && c.SecurityContext.Privileged.Value != true;

        private static Finding Report(Container container)
        {
            var spelling = container.Workload.Spelling;
            var user = container.EffectiveRunAsUser;
            if (user.Value == 0)
            {
                // No fix: runAsNonRoot: true next to runAsUser: 0 only stops the container from starting, and
                // which non-root UID the image works with is something only its owner knows.
                string where = container.SecurityContext.RunAsUser.IsPresent ? spelling.ContainerUserScope : spelling.InheritedUserScope;
                return new Finding(
                    Descriptor,
                    $"The {Wording.Of(container)} runs as root: {where} sets {spelling.User}: 0 (root). Use a non-zero UID the image supports.",
                    user.Span,
                    Wording.PathOf(container.Workload, user),
                    container.Workload,
                    properties: new Dictionary<string, string> { ["runAsUser"] = "0" });
            }

            var nonRoot = container.SecurityContext.RunAsNonRoot;
            string state = container.EffectiveRunAsNonRoot.Value == false ? $"sets runAsNonRoot: false and sets no non-zero {spelling.User}" : spelling.NoNonRootUser;
            return new Finding(
                Descriptor,
                $"The {Wording.Of(container)} {state}, {spelling.ImageUserDefault}.",
                container.Name.Span,
                Wording.PathOf(container.Workload, nonRoot),
                container.Workload,
                fixes: Fix.Set(nonRoot.Edit, true, "Set securityContext.runAsNonRoot to true (the kubelet then refuses to start the container as root)"),
                properties: new Dictionary<string, string> { ["runAsNonRoot"] = container.EffectiveRunAsNonRoot.Value?.ToString() ?? "unset" });
        }
    }
}

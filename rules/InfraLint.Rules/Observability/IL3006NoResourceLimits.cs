using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Observability
{
    /// <summary>
    /// A container without a memory limit can take the node's memory until the kernel kills something, and
    /// on a GPU node that something is often another team's model server. A missing CPU limit is a different
    /// judgement: a limit is a CFS quota that throttles a server in the periods it bursts, even on an idle node,
    /// so it is only asked for when the team says it wants them (requireCpuLimits).
    /// </summary>
    [Name(Id)]
    public sealed class IL3006NoResourceLimits : SimpleCheck<Container>
    {
        public const string Id = "IL3006";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No resource limits",
            "A container sets no memory limit (or no CPU limit, when requireCpuLimits asks for one), so it can take the node's memory or CPU from the pods beside it; not judged on workstation stacks.",
            Severity.Warning,
            Precision.High,
            new[] { "observability", "reliability", "resources", "kubernetes" },
            controls: new[]
            {
                FrameworkControl.Nist("SC-6", "Resource Availability"),
            });

        protected override bool Applies(Container container, LintSettings settings) =>
            !container.IsInit && !container.ManagedByPlatform && !container.ResourcesManagedElsewhere && Workstations.OmissionsJudged(container.Workload, settings);

        protected override IEnumerable<Finding> Judge(Container container, LintSettings settings)
        {
            var missing = Missing(container, settings).ToArray();
            if (missing.Length > 0) yield return Report(container, missing);
        }

        private static IEnumerable<string> Missing(Container container, LintSettings settings)
        {
            if (settings.RequireCpuLimits && !container.Resources.Limits.ContainsKey("cpu")) yield return "cpu";
            if (!container.Resources.Limits.ContainsKey("memory")) yield return "memory";
        }

        private static Finding Report(Container container, string[] missing)
        {
            var spelling = container.Workload.Spelling;
            string what = missing.Length == 2 ? "no CPU or memory limit" : $"no {(missing[0] == "cpu" ? "CPU" : "memory")} limit";
            string set = string.Join(" and ", missing.Select(m => m == "cpu" ? spelling.CpuLimit : spelling.MemoryLimit));
            return new Finding(
                Descriptor,
                $"The {Wording.Of(container)} sets {what}; set {set}.",
                container.Resources.Anchor,
                Wording.PathOf(container, ".resources.limits"),
                container.Workload,
                fixes: FromRequest(container, missing),
                properties: new Dictionary<string, string> { ["missing"] = string.Join(",", missing) });
        }

        /// <summary>
        /// When exactly one limit is missing and its request is set, the request is a limit the node is known
        /// to have room for (the scheduler reserved it). With both missing, two independent edits could each
        /// create the limits block, and with no request there is no number to offer.
        /// </summary>
        private static IReadOnlyList<Fix> FromRequest(Container container, string[] missing)
        {
            if (missing.Length != 1 || !container.Resources.Requests.TryGetValue(missing[0], out var request)) return Fix.None;
            return Fix.Set(container.Resources.LimitEdit?.Invoke(missing[0]), request.Value, $"Set limits.{missing[0]} to the request ({request.Value})");
        }
    }
}

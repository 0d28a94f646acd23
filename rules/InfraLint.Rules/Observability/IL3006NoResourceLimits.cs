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
    /// on a GPU node that something is often another team's model server; without a CPU limit it can starve
    /// the data loaders and tokenizers beside it.
    /// </summary>
    [Name(Id)]
    public sealed class IL3006NoResourceLimits : Rule
    {
        public const string Id = "IL3006";

        private static readonly string[] Required = { "cpu", "memory" };

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "No resource limits",
            "A container sets no CPU or no memory limit, so it can take the node's CPU or memory from the pods beside it.",
            Severity.Warning,
            Precision.High,
            new[] { "observability", "reliability", "resources", "kubernetes" },
            controls: new[]
            {
                FrameworkControl.Nist("SC-6", "Resource Availability"),
            });

        public override void Define()
        {
            Container container = default!;

            When()
                .Match(() => container, c => !c.IsInit, c => !c.ManagedByPlatform, c => !c.ResourcesManagedElsewhere, c => Missing(c).Any());

            Then()
                .Do(ctx => ctx.Report(Report(container, Missing(container).ToArray())));
        }

        private static IEnumerable<string> Missing(Container container) =>
            Required.Where(name => !container.Resources.Limits.ContainsKey(name));

        private static Finding Report(Container container, string[] missing)
        {
            string what = missing.Length == 2 ? "no CPU or memory limit" : $"no {(missing[0] == "cpu" ? "CPU" : "memory")} limit";
            return new Finding(
                Descriptor,
                $"The {Wording.Of(container)} sets {what}; set resources.limits.{string.Join(" and resources.limits.", missing)}.",
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

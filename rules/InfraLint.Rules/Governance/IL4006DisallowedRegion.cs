using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Governance
{
    /// <summary>
    /// Data residency: personal data (prompts, training data) may only leave the EU under GDPR Chapter V. The rule
    /// only judges what the file itself pins to a region; the region a stack or cluster is deployed to is chosen
    /// outside the file and is not seen. It does nothing until allowedRegions is configured.
    /// </summary>
    [Name(Id)]
    public sealed class IL4006DisallowedRegion : SimpleCheck<RegionPlacement>
    {
        public const string Id = "IL4006";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Disallowed region",
            "A resource is pinned to a region outside the configured allowedRegions (a literal availability zone, a pod's required region node label), which can move data out of the jurisdiction it must stay in.",
            Severity.Error,
            Precision.High,
            new[] { "governance", "data-residency", "compliance" },
            controls: new[]
            {
                new FrameworkControl("GDPR (Regulation (EU) 2016/679)", "Art. 44", "General principle for transfers"),
            });

        /// <summary>Without allowedRegions in the configuration there is no residency policy to hold or fail.</summary>
        protected override bool Applies(RegionPlacement placement, LintSettings settings) => settings.AllowedRegions.Count > 0;

        protected override IEnumerable<Finding> Judge(RegionPlacement placement, LintSettings settings)
        {
            if (!IsAllowed(placement.Region.Value, settings.AllowedRegions)) yield return Report(placement, settings.AllowedRegions);
        }

        /// <summary>An exact region name, or a prefix ending in <c>*</c> (<c>eu-*</c>), case-insensitive.</summary>
        public static bool IsAllowed(string region, IReadOnlyList<string> allowed) =>
            allowed.Any(a => a.EndsWith("*", StringComparison.Ordinal)
                ? region.StartsWith(a.Substring(0, a.Length - 1), StringComparison.OrdinalIgnoreCase)
                : string.Equals(region, a.Trim(), StringComparison.OrdinalIgnoreCase));

        private static Finding Report(RegionPlacement placement, IReadOnlyList<string> allowed) =>
            new Finding(
                Descriptor,
                $"{Wording.Of(placement.Resource)} is placed in {placement.Region.Value} ({placement.Via}), which is not an allowed region ({string.Join(", ", allowed)}); move it to an allowed region.",
                placement.Region.Span,
                Wording.PathOf(placement.Resource, placement.Region),
                placement.Resource,
                properties: new Dictionary<string, string> { ["region"] = placement.Region.Value, ["via"] = placement.Via });
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Governance
{
    /// <summary>
    /// The EU AI Act asks providers and deployers of high-risk AI systems to keep automatically generated logs
    /// for at least six months, hence the default of 180 days. A log group with no retention keeps its events
    /// forever and is not reported, nor is the log group of a function that only backs a CloudFormation custom
    /// resource (provisioning tooling, not the AI system). CloudWatch accepts only a fixed set of retention periods, so the fix picks
    /// the smallest allowed one that meets the minimum.
    /// </summary>
    [Name(Id)]
    public sealed class IL4002LogRetentionTooShort : SimpleCheck<LogStore>
    {
        public const string Id = "IL4002";

        /// <summary>The values CloudWatch Logs accepts for RetentionInDays.</summary>
        public static readonly int[] AllowedRetentionDays =
            { 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 };

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Log retention too short",
            "A log store deletes its events sooner than the configured minimum retention (minLogRetentionDays, default 180 days), so the logs of the AI system are gone before an incident or audit needs them.",
            Severity.Warning,
            Precision.VeryHigh,
            new[] { "governance", "logging", "retention", "compliance" },
            controls: new[]
            {
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 19", "Automatically generated logs"),
                new FrameworkControl(FrameworkControl.EuAiAct, "Art. 26(6)", "Obligations of deployers of high-risk AI systems"),
                FrameworkControl.Nist("AU-11", "Audit Record Retention"),
            },
            recommended: false);

        protected override bool Applies(LogStore store, LintSettings _) => store.ProvisioningOnly == null && !store.RetentionDays.IsUnknown;

        protected override IEnumerable<Finding> Judge(LogStore store, LintSettings settings)
        {
            if (store.RetentionDays.IsPresent && store.RetentionDays.Value < settings.MinLogRetentionDays)
                yield return Report(store, settings.MinLogRetentionDays);
        }

        /// <summary>The smallest retention CloudWatch accepts that keeps logs at least <paramref name="minimum"/> days; null above the largest.</summary>
        public static int? SmallestAllowedAtLeast(int minimum) =>
            AllowedRetentionDays.Where(d => d >= minimum).Select(d => (int?)d).FirstOrDefault();

        private static Finding Report(LogStore store, int minimum)
        {
            var retention = store.RetentionDays;
            int? target = SmallestAllowedAtLeast(minimum);
            return new Finding(
                Descriptor,
                $"{Wording.Of(store)} keeps logs for {retention.Value} days, less than the required {minimum}; keep them at least {minimum} days{(target is int t && t != minimum ? $" ({t} is the nearest period the service accepts)" : string.Empty)}.",
                retention.Span,
                Wording.PathOf(store, retention),
                store,
                fixes: target is int days ? Fix.Set(retention.Edit, days, $"Set retention to {days} days") : Fix.None,
                properties: new Dictionary<string, string>
                {
                    ["retentionDays"] = retention.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    ["minimumDays"] = minimum.ToString(CultureInfo.InvariantCulture),
                });
        }
    }
}

using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Findings;
using InfraLint.Core.Scanning;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Input
{
    /// <summary>
    /// A waiver with a date is a promise to look again; once the day has passed (in UTC) the suppression stops applying,
    /// and this finding at the directive says why its findings came back. It cannot itself be suppressed in source: a
    /// comment that silenced it would make the expiry meaningless. Configuration can still turn it off.
    /// </summary>
    [Name(Id)]
    public sealed class IL0004ExpiredSuppression : Rule
    {
        public const string Id = "IL0004";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Expired suppression",
            "A suppression's '(until yyyy-MM-dd)' date has passed (UTC), so it no longer applies and the findings it covered are reported again.",
            Severity.Warning,
            Precision.VeryHigh,
            new[] { "input", "suppression", "audit" },
            suppressibleInSource: false);

        public override void Define()
        {
            SuppressionDirective directive = default!;

            When()
                .Match(() => directive, d => d.Expired);

            Then()
                .Do(ctx => ctx.Report(new Finding(
                    Descriptor,
                    $"This suppression{Of(directive)} expired at the end of {directive.Until:yyyy-MM-dd} (UTC), so it no longer applies; "
                    + "fix what it covered, or renew it with a reason and a new date.",
                    directive.Span,
                    "suppression:" + directive.Span.StartLine)));
        }

        private static string Of(SuppressionDirective directive) =>
            directive.RuleIds.Count == 0 ? " of every rule" : " of " + string.Join(", ", directive.RuleIds.Select(id => id.ToUpperInvariant()));
    }
}

using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Scanning;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Input
{
    /// <summary>
    /// Adapters and the configuration loader turn bad values into <see cref="ConfigProblem"/> facts
    /// (a negative request rate, an unknown precision, an unknown key); this rule reports them where they are.
    /// </summary>
    [Name(Id)]
    public sealed class IL0002ConfigurationProblem : Rule
    {
        public const string Id = "IL0002";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Configuration problem",
            "A configuration file, workload profile or suppression has an unknown key or a bad value, so InfraLint cannot apply it as written.",
            Severity.Error,
            Precision.VeryHigh,
            new[] { "input", "configuration" });

        public override void Define()
        {
            ConfigProblem problem = default!;

            When()
                .Match(() => problem);

            Then()
                .Do(ctx => ctx.Report(new Finding(Descriptor, problem.Message, problem.Span, "config:" + problem.Span.StartLine)));
        }
    }

    /// <summary>A suppression that names a rule id no rule has silences nothing, usually because of a typo.</summary>
    [Name(IL0002ConfigurationProblem.Id + ".suppression")]
    public sealed class IL0002UnknownRuleInSuppression : Rule
    {
        public override void Define()
        {
            SuppressionDirective directive = default!;

            When()
                .Match(() => directive, d => UnknownIds(d).Any());

            Then()
                .Do(ctx => ctx.Report(new Finding(
                    IL0002ConfigurationProblem.Descriptor,
                    $"The suppression names {string.Join(", ", UnknownIds(directive))}, which no InfraLint rule has; it suppresses nothing for that id.",
                    directive.Span,
                    "suppression:" + directive.Span.StartLine)));
        }

        private static string[] UnknownIds(SuppressionDirective directive) =>
            directive.RuleIds.Where(id => RuleSet.Catalog.Find(id) == null).ToArray();
    }
}

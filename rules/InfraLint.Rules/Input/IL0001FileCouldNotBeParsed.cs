using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Input
{
    /// <summary>Adapters turn unreadable input into <see cref="ParseFailure"/> facts; this rule is how they reach the user.</summary>
    [Name(Id)]
    public sealed class IL0001FileCouldNotBeParsed : Rule
    {
        public const string Id = "IL0001";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "File could not be parsed",
            "The file (or one document in it) is not valid YAML, not valid UTF-8, or exceeds a size, depth or alias limit, so nothing in it was checked.",
            Severity.Error,
            Precision.VeryHigh,
            new[] { "input", "parse" },
            suppressibleInSource: false);

        public override void Define()
        {
            ParseFailure failure = default!;

            When()
                .Match(() => failure);

            Then()
                .Do(ctx => ctx.Report(new Finding(Descriptor, failure.Message, failure.Span, "parse")));
        }
    }
}

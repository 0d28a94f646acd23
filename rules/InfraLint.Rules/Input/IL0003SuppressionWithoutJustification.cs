using InfraLint.Core.Engine;
using InfraLint.Core.Findings;
using InfraLint.Core.Scanning;
using NRules.Fluent.Dsl;

namespace InfraLint.Rules.Input
{
    /// <summary>
    /// Auditors ask why a control was waived; a suppression that says nothing leaves them no answer.
    /// Off by default because many teams suppress first and document later.
    /// </summary>
    [Name(Id)]
    public sealed class IL0003SuppressionWithoutJustification : Rule
    {
        public const string Id = "IL0003";

        public static readonly RuleDescriptor Descriptor = new RuleDescriptor(
            Id,
            "Suppression without justification",
            "An inline suppression comment gives no reason after '--', so a reviewer or auditor cannot tell why the finding was waived.",
            Severity.Note,
            Precision.VeryHigh,
            new[] { "input", "suppression", "audit" },
            enabledByDefault: false);

        public override void Define()
        {
            SuppressionDirective directive = default!;

            When()
                .Match(() => directive, d => d.Justification == null);

            Then()
                .Do(ctx => ctx.Report(new Finding(
                    Descriptor,
                    "This suppression gives no reason; add one after '--', e.g. '# infralint-disable-next-line IL2006 -- needs NET_ADMIN for RDMA'.",
                    directive.Span,
                    "suppression:" + directive.Span.StartLine)));
        }
    }
}

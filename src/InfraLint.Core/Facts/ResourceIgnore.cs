using System.Collections.Generic;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// One waiver written as data in a resource's metadata: <c>{id: IL2001, reason: …, until: 2027-03-31}</c> at
    /// <see cref="Span"/>. <see cref="Until"/> is the text as written; the suppression reader decides whether it is a date.
    /// </summary>
    public sealed record ResourceIgnore(SourceSpan Span, IReadOnlyList<string> RuleIds, string? Reason, string? Until);
}

using System.Collections.Generic;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Scanning
{
    /// <summary>Reads one kind of source file into normalized facts. Never throws on bad input: it emits a ParseFailure.</summary>
    public interface IAdapter
    {
        /// <summary>Whether this adapter reads files with this path (by extension); content-based skipping happens in Read.</summary>
        bool Accepts(string path);

        AdapterResult Read(SourceText source);
    }

    /// <summary>What an adapter found in one file.</summary>
    public sealed class AdapterResult
    {
        public AdapterResult(IReadOnlyList<object> facts, IReadOnlyList<SuppressionDirective> suppressions)
        {
            Facts = facts;
            Suppressions = suppressions;
        }

        public static AdapterResult Empty { get; } = new AdapterResult(new object[0], new SuppressionDirective[0]);

        public IReadOnlyList<object> Facts { get; }

        public IReadOnlyList<SuppressionDirective> Suppressions { get; }
    }

    /// <summary>
    /// An inline suppression comment: <c># infralint-disable-next-line IL2001 -- reason (until 2027-03-31)</c> (applies to
    /// <see cref="Line"/>) or <c># infralint-disable-file IL2001 -- reason</c> (<see cref="Line"/> null).
    /// An empty <see cref="RuleIds"/> list suppresses every rule.
    /// </summary>
    public sealed record SuppressionDirective(SourceSpan Span, int? Line, IReadOnlyList<string> RuleIds, string? Justification)
    {
        /// <summary>
        /// Set when the directive is part of a resource's own metadata (a Kubernetes annotation, a compose label):
        /// it then covers the findings about that resource, wherever they point, instead of lines of its file.
        /// </summary>
        public InfraResource? Subject { get; init; }

        /// <summary>The last day the directive applies, through the end of that day in UTC; null when it never expires.</summary>
        public System.DateTime? Until { get; init; }

        /// <summary>Why the directive's expiry could not be read (IL0002); such a directive applies to nothing.</summary>
        public string? UntilProblem { get; init; }

        /// <summary>Set by the scanner for the day it scans on: the expiry has passed, so the directive applies to nothing (IL0004).</summary>
        public bool Expired { get; init; }

        /// <summary>Whether the directive can suppress anything: its expiry, if any, was read and has not passed.</summary>
        public bool Applies => UntilProblem is null && !Expired;

        /// <summary>The directive as it stands on <paramref name="today"/> (a UTC date): expired after its last day.</summary>
        public SuppressionDirective On(System.DateTime today) =>
            Until is { } last && today.Date > last.Date ? this with { Expired = true } : this;

        public bool Covers(string ruleId, int line) =>
            Applies && (Line is null || Line == line) && (RuleIds.Count == 0 || Contains(ruleId));

        public bool Covers(Finding finding) =>
            Applies
            && (Subject is null
                ? string.Equals(Span.File, finding.Location.File, System.StringComparison.Ordinal) && Covers(finding.RuleId, finding.Location.StartLine)
                : ReferenceEquals(Subject, finding.Subject) && (RuleIds.Count == 0 || Contains(finding.RuleId)));

        private bool Contains(string ruleId)
        {
            foreach (var id in RuleIds)
                if (string.Equals(id, ruleId, System.StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}

using System.Collections.Generic;
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
    /// An inline suppression comment: <c># infralint-disable-next-line IL2001 -- reason</c> (applies to
    /// <see cref="Line"/>) or <c># infralint-disable-file IL2001 -- reason</c> (<see cref="Line"/> null).
    /// An empty <see cref="RuleIds"/> list suppresses every rule.
    /// </summary>
    public sealed record SuppressionDirective(SourceSpan Span, int? Line, IReadOnlyList<string> RuleIds, string? Justification)
    {
        public bool Covers(string ruleId, int line) =>
            (Line is null || Line == line) && (RuleIds.Count == 0 || Contains(ruleId));

        private bool Contains(string ruleId)
        {
            foreach (var id in RuleIds)
                if (string.Equals(id, ruleId, System.StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Findings
{
    /// <summary>A related place that explains a finding (the autoscaler that is missing its target, the other workload in the namespace).</summary>
    public sealed record RelatedLocation(SourceSpan Span, string Message);

    /// <summary>Why a finding is not counted: an inline comment or an annotation, with the reason given there.</summary>
    public sealed record Suppression(string Kind, string? Justification, SourceSpan Span)
    {
        /// <summary>The last day (UTC) the suppression applies; null when it does not expire.</summary>
        public DateTime? Until { get; init; }
    }

    /// <summary>One rule's verdict on one place. Outputs render findings; they never re-derive them.</summary>
    public sealed class Finding
    {
        public Finding(
            RuleDescriptor rule,
            string message,
            SourceSpan location,
            string logicalPath,
            InfraResource? subject = null,
            IReadOnlyList<RelatedLocation>? related = null,
            IReadOnlyList<Fix>? fixes = null,
            IReadOnlyDictionary<string, string>? properties = null)
        {
            Rule = rule ?? throw new ArgumentNullException(nameof(rule));
            Message = message;
            Location = location;
            LogicalPath = logicalPath;
            Subject = subject;
            SubjectId = subject?.Id;
            Related = related ?? Array.Empty<RelatedLocation>();
            Fixes = fixes ?? Array.Empty<Fix>();
            Properties = properties ?? NoProperties;
            Severity = rule.DefaultSeverity;
        }

        public RuleDescriptor Rule { get; }

        public string RuleId => Rule.Id;

        /// <summary>The rule's default severity unless configuration changed it.</summary>
        public Severity Severity { get; set; }

        public string Message { get; private set; }

        public SourceSpan Location { get; }

        /// <summary>
        /// Identity of what the finding is about, independent of line numbers
        /// (<c>Deployment/serving/vllm:spec.template.spec.containers[vllm].image</c>); the basis of fingerprints.
        /// </summary>
        public string LogicalPath { get; private set; }

        /// <summary>The resource the finding is about; null for a finding about none, and once a streaming scan released it (<see cref="SubjectId"/> stays).</summary>
        public InfraResource? Subject { get; private set; }

        /// <summary><see cref="InfraResource.Id"/> of the subject, or null: kept when the subject itself is released.</summary>
        public string? SubjectId { get; }

        public IReadOnlyList<RelatedLocation> Related { get; private set; }

        public IReadOnlyList<Fix> Fixes { get; }

        /// <summary>Inputs and intermediate numbers behind the message, shown by <c>infralint explain</c>.</summary>
        public IReadOnlyDictionary<string, string> Properties { get; private set; }

        public Suppression? Suppression { get; set; }

        // Shared by every finding without properties: a scan may keep hundreds of thousands of findings until it reports them.
        private static readonly IReadOnlyDictionary<string, string> NoProperties = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

        public bool IsSuppressed => Suppression is not null;

        /// <summary>
        /// Lets the subject go once nothing will ask for it: a scan that reads its files again scope by scope keeps only
        /// what outputs show, so the facts of a finished scope can be collected.
        /// </summary>
        internal void ReleaseSubject() => Subject = null;

        /// <summary>
        /// Takes an equal map of properties from <paramref name="shared"/> instead of its own: findings of one rule often
        /// carry the same few values, and a scan keeps every finding until it reports.
        /// </summary>
        internal void ShareProperties(System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> shared)
        {
            if (Properties.Count == 0)
            {
                Properties = NoProperties;
                return;
            }
            // Keys and values are joined with characters no property holds; equal maps in another order are not shared.
            string key = string.Join("\u0000", Properties.Select(p => p.Key + "\u0001" + p.Value));
            Properties = shared.GetOrAdd(key, Properties);
        }

        /// <summary>Hides the scan's secrets in every text the finding carries, before any output sees it.</summary>
        internal void Mask(Knowledge.SecretMask mask)
        {
            Message = mask.Apply(Message);
            LogicalPath = mask.Apply(LogicalPath);
            // Copied only where a secret was hidden: most findings carry none, and the copies would all live to the end.
            if (Related.Any(r => !ReferenceEquals(mask.Apply(r.Message), r.Message)))
                Related = Related.Select(r => r with { Message = mask.Apply(r.Message) }).ToArray();
            if (Properties.Any(p => !ReferenceEquals(mask.Apply(p.Value), p.Value)))
                Properties = Properties.ToDictionary(p => p.Key, p => mask.Apply(p.Value));
        }

        public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {RuleId}: {Message}";
    }
}

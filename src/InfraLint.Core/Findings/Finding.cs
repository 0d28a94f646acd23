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
            _message = message;
            Location = location;
            _logicalPath = logicalPath;
            Subject = subject;
            SubjectId = subject?.Id;
            _related = related ?? Array.Empty<RelatedLocation>();
            _fixes = fixes ?? Array.Empty<Fix>();
            _properties = properties ?? NoProperties;
            Severity = rule.DefaultSeverity;
        }

        public RuleDescriptor Rule { get; }

        public string RuleId => Rule.Id;

        /// <summary>The rule's default severity unless configuration changed it.</summary>
        public Severity Severity { get; set; }

        public string Message => _bodies is null ? _message! : Body().Message;

        public SourceSpan Location { get; }

        /// <summary>
        /// Identity of what the finding is about, independent of line numbers
        /// (<c>Deployment/serving/vllm:spec.template.spec.containers[vllm].image</c>); the basis of fingerprints.
        /// </summary>
        public string LogicalPath => _bodies is null ? _logicalPath! : _logicalPath is { } afterSubject ? SubjectId + ":" + afterSubject : Body().LogicalPath;

        /// <summary>The resource the finding is about; null for a finding about none, and once a streaming scan released it (<see cref="SubjectId"/> stays).</summary>
        public InfraResource? Subject { get; private set; }

        /// <summary><see cref="InfraResource.Id"/> of the subject, or null: kept when the subject itself is released.</summary>
        public string? SubjectId { get; }

        public IReadOnlyList<RelatedLocation> Related => _bodies is null ? _related! : Body().Related;

        public IReadOnlyList<Fix> Fixes => _bodies is null ? _fixes! : Body().Fixes;

        /// <summary>Inputs and intermediate numbers behind the message, shown by <c>infralint explain</c>.</summary>
        public IReadOnlyDictionary<string, string> Properties => _bodies is null ? _properties! : Body().Properties;

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
            if (_bodies is not null) return;
            if (_properties!.Count == 0)
            {
                _properties = NoProperties;
                return;
            }
            // Keys and values are joined with characters no property holds; equal maps in another order are not shared.
            string key = string.Join("\u0000", _properties.Select(p => p.Key + "\u0001" + p.Value));
            _properties = shared.GetOrAdd(key, _properties);
        }

        /// <summary>
        /// Hides the scan's secrets in every text the finding carries, before any output sees it. A body kept outside
        /// (<see cref="KeepBodyIn"/>) was masked with the scan's mask before it was kept.
        /// </summary>
        internal void Mask(Knowledge.SecretMask mask)
        {
            if (_bodies is not null) return;
            _message = mask.Apply(_message!);
            _logicalPath = mask.Apply(_logicalPath!);
            // Copied only where a secret was hidden: most findings carry none, and the copies would all live to the end.
            if (_related!.Any(r => !ReferenceEquals(mask.Apply(r.Message), r.Message)))
                _related = _related!.Select(r => r with { Message = mask.Apply(r.Message) }).ToArray();
            if (_properties!.Any(p => !ReferenceEquals(mask.Apply(p.Value), p.Value)))
                _properties = _properties!.ToDictionary(p => p.Key, p => mask.Apply(p.Value));
        }

        /// <summary>
        /// Masks the finding with the scan's secrets and moves its body to <paramref name="bodies"/>, keeping here what
        /// ordering, suppression and the outputs' counts read (rule, severity, location, subject). Where the body cannot
        /// be kept there, the finding keeps it in memory.
        /// </summary>
        internal void KeepBodyIn(IFindingBodies bodies, Knowledge.SecretMask mask)
        {
            Mask(mask);
            if (_bodies is not null || !bodies.TryKeep(new FindingBody(_message!, _logicalPath!, _related!, _fixes!, _properties!), out long at)) return;
            _at = at;
            _bodies = bodies;
            _message = null;
            // The path stays, as the part after the subject's id (that part repeats over resources, and is shared): the
            // fingerprints read every finding's path before the report reads its body, and a second read of every body
            // was most of a 100,000-file report's time.
            _logicalPath = SubjectId is { } id && _logicalPath!.Length > id.Length && _logicalPath[id.Length] == ':' && _logicalPath.StartsWith(id, StringComparison.Ordinal)
                ? Tree.SharedStrings.Of(_logicalPath.Substring(id.Length + 1))
                : null;
            _related = null;
            _fixes = null;
            _properties = null;
        }

        private string? _message;
        // Before the body is kept outside, the logical path; after, its part after SubjectId and ':' (null when it has no such part).
        private string? _logicalPath;
        private IReadOnlyList<RelatedLocation>? _related;
        private IReadOnlyList<Fix>? _fixes;
        private IReadOnlyDictionary<string, string>? _properties;
        private IFindingBodies? _bodies;
        private long _at;

        // An output reads a finding's message, path, fixes and properties one after another: the last body read on this
        // thread is kept, so that is one read, and no other body stays in memory.
        [ThreadStatic]
        private static Finding? _lastOwner;

        [ThreadStatic]
        private static FindingBody? _lastBody;

        private FindingBody Body()
        {
            if (ReferenceEquals(_lastOwner, this) && _lastBody is { } body) return body;
            body = _bodies!.Read(_at);
            _lastOwner = this;
            _lastBody = body;
            return body;
        }

        public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {RuleId}: {Message}";
    }
}

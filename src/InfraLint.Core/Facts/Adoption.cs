using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    /// <summary>
    /// The scanned repository speaks InfraLint's own vocabulary: a workload spec, an <c>infralint.dev/*</c> label,
    /// annotation or tag anywhere, or a configuration that asks for every rule. Rules whose only remedy is that
    /// vocabulary (a capacity plan, cost labels, a drift or latency declaration) speak only when it exists: on a
    /// repository that never opted in, every one of their findings was noise in the precision sample
    /// (docs/precision.md). A rule the configuration enables by id is opted in on its own.
    /// </summary>
    public sealed class Adoption
    {
        public const string VocabularyPrefix = "infralint.dev/";

        private readonly IReadOnlyCollection<string> _rulesEnabledById;

        private Adoption(string? reason, SourceSpan? where, IReadOnlyCollection<string> rulesEnabledById)
        {
            Reason = reason;
            Where = where;
            _rulesEnabledById = rulesEnabledById;
        }

        /// <summary>Why the whole repository counts as opted in ("workload spec at …"), or null when only some rules are.</summary>
        public string? Reason { get; }

        /// <summary>The first place the vocabulary was seen, when it was seen in a file.</summary>
        public SourceSpan? Where { get; }

        public bool Covers(string ruleId) => Reason is not null || _rulesEnabledById.Contains(ruleId);

        /// <summary>What the facts of a scan and its settings say, or null when nothing opted in.</summary>
        public static Adoption? Detect(IEnumerable<object> facts, LintSettings settings)
        {
            var enabled = settings.Rules.Where(r => r.Value.Enabled == true)
                .Select(r => r.Key).ToArray();
            if (settings.RuleSet == RuleSelection.All) return new Adoption("the configuration selects every rule (ruleSet: all)", null, enabled);
            foreach (var fact in facts)
            {
                if (fact is WorkloadProfile profile)
                    return new Adoption($"{(profile.FromAnnotations ? "infralint.dev/* annotations" : "a workload spec")} at {profile.Span}", profile.Span, enabled);
                if (fact is InfraResource resource && Vocabulary(resource) is Located<string> seen)
                    return new Adoption($"{seen.Path} at {seen.Span}", seen.Span, enabled);
                if (fact is VocabularyUse use)
                    return new Adoption($"{use.Key} at {use.Where}", use.Where, enabled);
            }
            return enabled.Length == 0 ? null : new Adoption(null, null, enabled);
        }

        private static Located<string>? Vocabulary(InfraResource resource) =>
            resource.Annotations.Concat(resource.Labels)
                .Where(e => e.Key.StartsWith(VocabularyPrefix, StringComparison.Ordinal))
                .Select(e => e.Value)
                .FirstOrDefault();
    }

    /// <summary>
    /// InfraLint's vocabulary on something no platform mapper turns into a resource (an <c>infralint.dev/*</c> annotation
    /// on a ConfigMap or a Namespace): it still says the repository opted in.
    /// </summary>
    public sealed class VocabularyUse
    {
        public VocabularyUse(string key, SourceSpan where)
        {
            Key = key;
            Where = where;
        }

        public string Key { get; }

        public SourceSpan Where { get; }
    }
}

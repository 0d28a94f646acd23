using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Scanning;

namespace InfraLint.Platforms.Suppressions
{
    /// <summary>
    /// Reads the waivers a resource carries itself, each covering the findings about that resource wherever in the scan
    /// they point:
    /// <list type="bullet">
    /// <item><c>infralint.dev/ignore: "IL2001,IL3004"</c> in its annotations (compose services take them from their labels):
    /// ids separated by commas or spaces, any case, <c>*</c> for every rule; optionally followed, as in a comment, by a
    /// reason and an expiry: <c>"IL2008 -- node debugging (until 2027-03-31)"</c>;</item>
    /// <item>the entries of a CloudFormation resource's <c>Metadata.infralint.ignore</c> (<see cref="InfraResource.Ignores"/>).</item>
    /// </list>
    /// </summary>
    public static class IgnoreAnnotation
    {
        public const string Key = "infralint.dev/ignore";

        public static IEnumerable<SuppressionDirective> Read(IEnumerable<object> facts)
        {
            foreach (var resource in facts.OfType<InfraResource>())
            {
                foreach (var ignore in resource.Ignores)
                {
                    DateTime? until = null;
                    string? problem = null;
                    if (ignore.Until is { } text)
                    {
                        if (SuppressionText.TryParseDate(text, out var day)) until = day;
                        else problem = SuppressionText.DateProblem(text);
                    }
                    yield return new SuppressionDirective(ignore.Span, null, ignore.RuleIds, ignore.Reason) { Subject = resource, Until = until, UntilProblem = problem };
                }
                if (!resource.Annotations.TryGetValue(Key, out var annotation)) continue;
                var parsed = SuppressionText.Parse(annotation.Value ?? string.Empty);
                var ids = parsed.IdsText.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
                // An empty value names no rule, so it must not become a directive, where no ids means every rule.
                if (ids.Length == 0) continue;
                var covered = ids.Contains("*") ? Array.Empty<string>() : ids;
                yield return new SuppressionDirective(annotation.Span, null, covered, parsed.Justification ?? $"annotation {Key}")
                {
                    Subject = resource,
                    Until = parsed.Until,
                    UntilProblem = parsed.UntilProblem,
                };
            }
        }
    }
}

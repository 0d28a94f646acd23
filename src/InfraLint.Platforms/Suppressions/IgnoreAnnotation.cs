using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Scanning;

namespace InfraLint.Platforms.Suppressions
{
    /// <summary>
    /// Reads <c>infralint.dev/ignore: "IL2001,IL3004"</c> (ids separated by commas or spaces, any case; <c>*</c> for
    /// every rule) from a resource's annotations, which compose services take from their labels. The directive
    /// covers the findings about that resource, wherever in the scan they point.
    /// </summary>
    public static class IgnoreAnnotation
    {
        public const string Key = "infralint.dev/ignore";

        public static IEnumerable<SuppressionDirective> Read(IEnumerable<object> facts)
        {
            foreach (var resource in facts.OfType<InfraResource>())
            {
                if (!resource.Annotations.TryGetValue(Key, out var ignore)) continue;
                var ids = (ignore.Value ?? string.Empty).Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
                // An empty value names no rule, so it must not become a directive, where no ids means every rule.
                if (ids.Length == 0) continue;
                var covered = ids.Contains("*") ? Array.Empty<string>() : ids;
                yield return new SuppressionDirective(ignore.Span, null, covered, $"annotation {Key}") { Subject = resource };
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;

namespace InfraLint.Yaml.Suppressions
{
    /// <summary>
    /// Reads <c># infralint-disable-next-line IL2001,IL2006 -- reason</c>, <c># infralint-disable-line …</c>
    /// (trailing, same line) and <c># infralint-disable-file …</c>. No ids means every rule.
    /// </summary>
    public static class SuppressionComments
    {
        private static readonly Regex Directive = new Regex(
            @"#\s*infralint-disable-(?<scope>next-line|line|file)\b(?<ids>[^\r\n]*?)(?:\s+--\s*(?<why>[^\r\n]*))?\s*$",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private static readonly Regex RuleId = new Regex(@"\bIL\d{4}\b", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        public static IReadOnlyList<SuppressionDirective> Read(SourceText source)
        {
            if (source.Text.IndexOf("infralint-disable", StringComparison.Ordinal) < 0) return Array.Empty<SuppressionDirective>();
            var result = new List<SuppressionDirective>();
            for (int line = 1; line <= source.LineCount; line++)
            {
                string text = source.LineText(line);
                var match = Directive.Match(text);
                if (!match.Success) continue;
                var ids = new List<string>();
                foreach (Match id in RuleId.Matches(match.Groups["ids"].Value)) ids.Add(id.Value.ToUpperInvariant());
                string? why = match.Groups["why"].Success && match.Groups["why"].Value.Trim().Length > 0 ? match.Groups["why"].Value.Trim() : null;
                int start = source.LineStart(line) + match.Index;
                var span = source.Span(start, start + match.Length);
                int? target = match.Groups["scope"].Value switch
                {
                    "file" => null,
                    "line" => line,
                    _ => NextContentLine(source, line),
                };
                result.Add(new SuppressionDirective(span, target, ids, why));
            }
            return result;
        }

        private static int NextContentLine(SourceText source, int line)
        {
            for (int next = line + 1; next <= source.LineCount; next++)
            {
                string t = source.LineText(next).Trim();
                if (t.Length > 0 && !t.StartsWith("#", StringComparison.Ordinal)) return next;
            }
            return line + 1;
        }
    }
}

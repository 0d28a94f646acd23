using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Scanning
{
    /// <summary>
    /// Suppression comments in any format with line comments, given its comment marker (<c>#</c> in YAML, <c>//</c> in
    /// C#): <c>infralint-disable-next-line IL2001,IL2006 -- reason (until 2027-03-31)</c>, <c>infralint-disable-line …</c>
    /// (trailing, same line) and <c>infralint-disable-file …</c>. No ids means every rule; the rest is
    /// <see cref="SuppressionText"/>.
    /// </summary>
    public static class CommentDirectives
    {
        public static IReadOnlyList<SuppressionDirective> Read(SourceText source, string marker)
        {
            if (source.Text.IndexOf("infralint-disable", StringComparison.Ordinal) < 0) return Array.Empty<SuppressionDirective>();
            var directive = new Regex(
                Regex.Escape(marker) + @"\s*infralint-disable-(?<scope>next-line|line|file)\b(?<rest>[^\r\n]*?)\s*$",
                RegexOptions.CultureInvariant);
            var result = new List<SuppressionDirective>();
            for (int line = 1; line <= source.LineCount; line++)
            {
                string text = source.LineText(line);
                var match = directive.Match(text);
                if (!match.Success) continue;
                var parsed = SuppressionText.Parse(match.Groups["rest"].Value);
                int start = source.LineStart(line) + match.Index;
                var span = source.Span(start, start + match.Length);
                int? target = match.Groups["scope"].Value switch
                {
                    "file" => null,
                    "line" => line,
                    _ => NextContentLine(source, line, marker),
                };
                result.Add(new SuppressionDirective(span, target, parsed.RuleIds, parsed.Justification)
                {
                    Until = parsed.Until,
                    UntilProblem = parsed.UntilProblem,
                });
            }
            return result;
        }

        private static int NextContentLine(SourceText source, int line, string marker)
        {
            for (int next = line + 1; next <= source.LineCount; next++)
            {
                string t = source.LineText(next).Trim();
                if (t.Length > 0 && !t.StartsWith(marker, StringComparison.Ordinal)) return next;
            }
            return line + 1;
        }
    }
}

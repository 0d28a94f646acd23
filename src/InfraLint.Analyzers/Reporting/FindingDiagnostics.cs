using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace InfraLint.Analyzers.Reporting
{
    /// <summary>Turns findings into Roslyn diagnostics: the finding's message, severity and place, the rule's descriptor.</summary>
    internal static class FindingDiagnostics
    {
        /// <summary>The finding's logical path (its identity, independent of lines): what the code fix looks for on the current document.</summary>
        public const string LogicalPathProperty = "InfraLint.LogicalPath";

        /// <summary>Present when the finding has a mechanical fix: its description, the code action's title.</summary>
        public const string FixProperty = "InfraLint.Fix";

        /// <summary>
        /// The diagnostic of a finding, or null when it is suppressed in source (a YAML comment or annotation) or has no
        /// severity. <paramref name="locate"/> maps a span to a place of this compilation (a C# tree, an AdditionalFile) or
        /// to <see cref="Location.None"/>. Whether it is shown is then Roslyn's: <c>.editorconfig</c> severities,
        /// <c>#pragma</c> and <c>[SuppressMessage]</c> apply to it like to any compiler warning.
        /// </summary>
        /// <param name="enabled">
        /// Whether InfraLint's configuration (or a Roslyn severity) turned the rule on: a rule outside the recommended set
        /// has a descriptor disabled by default, and is shown when the configuration asked for it.
        /// </param>
        public static Diagnostic? Create(Finding finding, bool enabled, Func<SourceSpan, Location> locate)
        {
            if (finding.IsSuppressed) return null;
            if (!RuleDiagnosticsById.TryGetValue(finding.RuleId, out var descriptor)) return null;
            DiagnosticSeverity severity;
            switch (finding.Severity)
            {
                case Severity.Error: severity = DiagnosticSeverity.Error; break;
                case Severity.Warning: severity = DiagnosticSeverity.Warning; break;
                case Severity.Note: severity = DiagnosticSeverity.Info; break;
                default: return null;
            }
            var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            properties[LogicalPathProperty] = finding.LogicalPath;
            if (finding.Fixes.Count > 0) properties[FixProperty] = finding.Fixes[0].Description;
            var related = finding.Related.Select(r => locate(r.Span)).Where(l => l != Location.None).ToArray();
            return Diagnostic.Create(
                descriptor.Id,
                descriptor.Category,
                finding.Message,
                severity,
                descriptor.DefaultSeverity,
                isEnabledByDefault: enabled,
                warningLevel: severity == DiagnosticSeverity.Error ? 0 : 1,
                title: descriptor.Title,
                description: descriptor.Description,
                helpLink: descriptor.HelpLinkUri,
                location: locate(finding.Location),
                additionalLocations: related,
                customTags: descriptor.CustomTags,
                properties: properties.ToImmutable());
        }

        private static readonly ImmutableDictionary<string, DiagnosticDescriptor> RuleDiagnosticsById =
            RuleDiagnostics.All.ToImmutableDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

        /// <summary>A span of a C# file of the compilation, clamped to its text.</summary>
        public static Location InTree(SyntaxTree tree, SourceSpan span)
        {
            var length = tree.Length;
            var start = Math.Min(Math.Max(span.StartOffset, 0), length);
            var end = Math.Min(Math.Max(span.EndOffset, start), length);
            return Location.Create(tree, TextSpan.FromBounds(start, end));
        }

        /// <summary>A span of an AdditionalFile: its path, offsets and 0-based lines and columns.</summary>
        public static Location InFile(string path, SourceSpan span)
        {
            var start = Math.Max(span.StartOffset, 0);
            var end = Math.Max(span.EndOffset, start);
            var lines = new LinePositionSpan(
                new LinePosition(Math.Max(span.StartLine - 1, 0), Math.Max(span.StartColumn - 1, 0)),
                new LinePosition(Math.Max(span.EndLine - 1, 0), Math.Max(span.EndColumn - 1, 0)));
            return Location.Create(path, TextSpan.FromBounds(start, end), lines);
        }
    }
}

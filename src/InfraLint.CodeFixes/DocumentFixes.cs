using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using InfraLint.Analyzers.Hosting;
using InfraLint.Analyzers.Reporting;
using InfraLint.Core.Engine;
using InfraLint.Core.Findings;
using InfraLint.Core.Fixes;
using InfraLint.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Text = InfraLint.Core.Locations.SourceText;

namespace InfraLint.CodeFixes
{
    /// <summary>
    /// The fixes of a C# document, recomputed on its current text with the analyzer's own reading and evaluation
    /// (<see cref="CompilationAnalysis.FindingsIn"/>): a diagnostic names its finding by rule id and logical path
    /// (<see cref="FindingDiagnostics.LogicalPathProperty"/>), which survive edits elsewhere in the file, where its
    /// offsets would not. A fix that would give the file a syntax error it did not have is never applied.
    /// </summary>
    internal static class DocumentFixes
    {
        public const string FixProperty = FindingDiagnostics.FixProperty;

        /// <summary>As <c>infralint fix</c>: rescanning after each round picks up fixes that overlapped one applied before.</summary>
        private const int MaxRounds = 5;

        /// <summary>The document with the fix of the diagnostic's finding applied, or null when there is none (any more) or it would not parse.</summary>
        public static async Task<Fixed?> FixOneAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var findings = await FindingsAsync(document, diagnostic.Id, cancellationToken).ConfigureAwait(false);
            var finding = Match(findings, diagnostic);
            if (finding is null) return null;
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changed = Apply(document, text, new[] { finding.Fixes[0] });
            return changed is null ? null : new Fixed(document.WithText(changed), finding.Fixes[0].Description);
        }

        /// <summary>
        /// Fix All in one document: the fixes of the diagnostics' findings (one rule, matched by logical path), applied in
        /// rounds on a rescanned document until none is left. A round whose result would not parse ends it.
        /// </summary>
        public static async Task<Document?> FixAllAsync(Document document, ImmutableHashSet<string> ruleIds, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var wanted = diagnostics.Where(d => ruleIds.Contains(d.Id)).ToArray();
            if (wanted.Length == 0) return document;
            var paths = new HashSet<(string Rule, string Path)>(wanted.Select(d => (d.Id, LogicalPath(d))).Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!)));
            var current = document;
            for (int round = 0; round < MaxRounds; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fixes = new List<Fix>();
                foreach (var rule in wanted.Select(d => d.Id).Distinct(StringComparer.Ordinal))
                {
                    var findings = await FindingsAsync(current, rule, cancellationToken).ConfigureAwait(false);
                    fixes.AddRange(findings
                        .Where(f => paths.Contains((f.RuleId, f.LogicalPath)) || (round == 0 && wanted.Any(d => SameSpan(f, d))))
                        .Select(f => f.Fixes[0]));
                }
                if (fixes.Count == 0) break;
                var text = await current.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var changed = Apply(current, text, fixes);
                if (changed is null) break;
                current = current.WithText(changed);
            }
            return current;
        }

        /// <summary>
        /// One analysis per compilation, as the analyzer has: the lightbulb asks again for each caret move and Fix All for
        /// each document, and a compilation's files read into the same facts every time. A new text is a new compilation.
        /// </summary>
        private static readonly ConditionalWeakTable<Compilation, CompilationAnalysis> Analyses = new ConditionalWeakTable<Compilation, CompilationAnalysis>();

        /// <summary>The findings with a fix of the rule's reach located in the document, on the document's current compilation.</summary>
        private static async Task<IReadOnlyList<Finding>> FindingsAsync(Document document, string ruleId, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (tree is null || compilation is null) return Array.Empty<Finding>();
            var reach = AnalyzerEngine.Engine.Reach.TryGetValue(ruleId, out var r) ? r : RuleReach.Resource;
            var options = document.Project.AnalyzerOptions;
            var analysis = Analyses.GetValue(compilation, c => new CompilationAnalysis(c, options, cancellationToken));
            return analysis.FindingsIn(tree, reach, cancellationToken)
                .Where(f => string.Equals(f.RuleId, ruleId, StringComparison.OrdinalIgnoreCase) && !f.IsSuppressed && f.Fixes.Count > 0)
                .ToArray();
        }

        /// <summary>The finding a diagnostic was made from: the same logical path, else (a path that is not unique) the same place.</summary>
        private static Finding? Match(IReadOnlyList<Finding> findings, Diagnostic diagnostic)
        {
            var path = LogicalPath(diagnostic);
            var byPath = findings.Where(f => string.Equals(f.LogicalPath, path, StringComparison.Ordinal)).ToArray();
            if (byPath.Length == 1) return byPath[0];
            return (byPath.Length > 1 ? byPath : findings).FirstOrDefault(f => SameSpan(f, diagnostic));
        }

        private static string? LogicalPath(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(FindingDiagnostics.LogicalPathProperty, out var path) ? path : null;

        private static bool SameSpan(Finding finding, Diagnostic diagnostic) =>
            finding.Location.StartOffset == diagnostic.Location.SourceSpan.Start && finding.Location.EndOffset == diagnostic.Location.SourceSpan.End;

        /// <summary>
        /// The text with the fixes applied as <c>infralint fix</c> applies them (<see cref="FixApplier"/>: whole fixes,
        /// overlapping ones left for the next round), or null when nothing applies or the result has more syntax errors.
        /// </summary>
        private static SourceText? Apply(Document document, SourceText text, IEnumerable<Fix> fixes) =>
            Apply(document.FilePath ?? document.Name, text, fixes);

        internal static SourceText? Apply(string path, SourceText text, IEnumerable<Fix> fixes)
        {
            var before = text.ToString();
            var outcome = FixApplier.Apply(before, fixes);
            if (outcome.Applied.Count == 0 || string.Equals(outcome.Text, before, StringComparison.Ordinal)) return null;
            if (CSharpAdapter.SyntaxErrors(new Text(path, outcome.Text)) > CSharpAdapter.SyntaxErrors(new Text(path, before))) return null;
            var changes = outcome.Applied
                .SelectMany(f => f.Edits)
                .GroupBy(e => (e.Span.StartOffset, e.Span.EndOffset, e.NewText))
                .Select(g => g.First())
                .OrderBy(e => e.Span.StartOffset)
                .Select(e => new TextChange(TextSpan.FromBounds(e.Span.StartOffset, e.Span.EndOffset), e.NewText));
            var changed = text.WithChanges(changes);
            // The changes are FixApplier's own edits; if Roslyn's text disagrees with its result, no fix is better than a wrong one.
            return string.Equals(changed.ToString(), outcome.Text, StringComparison.Ordinal) ? changed : null;
        }

        /// <summary>A document with one fix applied, and the fix's description (the code action's title).</summary>
        public sealed class Fixed
        {
            public Fixed(Document document, string title)
            {
                Document = document;
                Title = title;
            }

            public Document Document { get; }

            public string Title { get; }
        }
    }
}

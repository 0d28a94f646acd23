using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using InfraLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace InfraLint.CodeFixes
{
    /// <summary>
    /// The lightbulb of InfraLint's findings in C#: the finding's own fix, the edits <c>infralint fix</c> makes,
    /// recomputed on the document as it is now (the diagnostic may be older than the text). See <see cref="DocumentFixes"/>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InfraLintCodeFixProvider))]
    [Shared]
    public sealed class InfraLintCodeFixProvider : CodeFixProvider
    {
        /// <summary>
        /// The rules whose findings carry a fix, all of which the C# front end can write (KubernetesClient, CDK, Pulumi):
        /// the edit targets are the located tree's, whatever the format. IL2002 has none (the encryption it asks for is
        /// another resource). A test keeps this in step with the rules that build a fix.
        /// </summary>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleDiagnostics.IL1001.Id,
            RuleDiagnostics.IL1002.Id,
            RuleDiagnostics.IL1006.Id,
            RuleDiagnostics.IL1008.Id,
            RuleDiagnostics.IL1010.Id,
            RuleDiagnostics.IL2001.Id,
            RuleDiagnostics.IL2004.Id,
            RuleDiagnostics.IL2006.Id,
            RuleDiagnostics.IL2007.Id,
            RuleDiagnostics.IL2008.Id,
            RuleDiagnostics.IL2012.Id,
            RuleDiagnostics.IL3005.Id,
            RuleDiagnostics.IL3006.Id,
            RuleDiagnostics.IL4001.Id,
            RuleDiagnostics.IL4002.Id);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        private static readonly FixAllProvider FixAll = FixAllProvider.Create(
            (context, document, diagnostics) => DocumentFixes.FixAllAsync(document, RulesOf(context), diagnostics, context.CancellationToken),
            ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics.Where(d => FixableDiagnosticIds.Contains(d.Id)))
            {
                var fixedDocument = await DocumentFixes.FixOneAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (fixedDocument is null) continue;
                var title = diagnostic.Properties.TryGetValue(DocumentFixes.FixProperty, out var description) && !string.IsNullOrEmpty(description)
                    ? description!
                    : fixedDocument.Title;
                var result = fixedDocument.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(result), EquivalenceKey(diagnostic.Id)),
                    diagnostic);
            }
        }

        /// <summary>The rule whose fix was chosen (its equivalence key), else every rule Fix All was asked for.</summary>
        private static ImmutableHashSet<string> RulesOf(FixAllContext context)
        {
            var key = context.CodeActionEquivalenceKey;
            if (key is not null && key.StartsWith(KeyPrefix, StringComparison.Ordinal)) return ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, key.Substring(KeyPrefix.Length));
            return context.DiagnosticIds;
        }

        private const string KeyPrefix = "InfraLint.";

        /// <summary>One key per rule: Fix All applies the fixes of the rule that was chosen, not of every rule.</summary>
        public static string EquivalenceKey(string ruleId) => KeyPrefix + ruleId;
    }
}

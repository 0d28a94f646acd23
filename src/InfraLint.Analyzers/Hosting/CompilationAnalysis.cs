using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using InfraLint.Analyzers.Reporting;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InfraLint.Analyzers.Hosting
{
    /// <summary>
    /// InfraLint over one compilation, the way a scan runs over files: each C# file and each YAML/JSON AdditionalFile is
    /// read once into facts as the compiler reaches it, and its rules that look at one resource are reported right
    /// away (what an editor shows as you type); at compilation end all facts are evaluated together and the rules that
    /// look across resources are reported (IDEs show those with full-solution analysis).
    /// </summary>
    internal sealed class CompilationAnalysis
    {
        /// <summary>CloudFormation takes templates of at most 1 MB: a bigger JSON AdditionalFile (a lock file) is none of ours.</summary>
        private const int LargestTemplate = 1_000_000;

        private readonly Compilation _compilation;
        private readonly AnalyzerSettings _settings;
        private readonly ConcurrentDictionary<string, Read> _read = new ConcurrentDictionary<string, Read>(StringComparer.Ordinal);
        private readonly Dictionary<string, SyntaxTree> _trees;

        public CompilationAnalysis(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _settings = new AnalyzerSettings(compilation, options, cancellationToken);
            _trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
                if (!_trees.ContainsKey(tree.FilePath)) _trees.Add(tree.FilePath, tree);
        }

        /// <summary>One source as read: its facts and the options its findings are judged with.</summary>
        private sealed class Read
        {
            public Read(AdapterResult result, IReadOnlyList<KeyValuePair<string, string>> options)
            {
                Result = result;
                Options = options;
            }

            public AdapterResult Result { get; }

            public IReadOnlyList<KeyValuePair<string, string>> Options { get; }
        }

        public void AnalyzeSourceFile(SemanticModelAnalysisContext context)
        {
            var model = context.SemanticModel;
            var tree = model.SyntaxTree;
            if (_settings.Excludes(tree.FilePath)) return;
            var source = new SourceText(tree.FilePath, tree.GetText(context.CancellationToken).ToString());
            var result = AnalyzerEngine.CSharp.ReadWithModel(source, model);
            var options = _settings.OptionsOf(tree);
            _read[tree.FilePath] = new Read(result, options);
            if (result.Facts.Count == 0) return;
            var configured = _settings.ForFile(options, tree, context.CancellationToken);
            foreach (var diagnostic in Diagnostics(new[] { result }, new[] { tree.FilePath }, configured, RuleReach.Resource, configurationFacts: false, context.CancellationToken))
                context.ReportDiagnostic(diagnostic);
        }

        public void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context)
        {
            var file = context.AdditionalFile;
            if (AnalyzerSettings.IsConfiguration(file) || !AnalyzerEngine.ManifestAdapters.Any(a => a.Accepts(file.Path)) || _settings.Excludes(file.Path)) return;
            var text = file.GetText(context.CancellationToken);
            if (text is null) return;  // the compiler reports an AdditionalFile it cannot read (CS8035)
            if (text.Length > LargestTemplate && file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return;
            var result = Scanner.Read(AnalyzerEngine.ManifestAdapters, new SourceText(file.Path, text.ToString()));
            var options = _settings.OptionsOf(file);
            _read[file.Path] = new Read(result, options);
            if (result.Facts.Count == 0) return;
            var configured = _settings.ForFile(options, null, context.CancellationToken);
            foreach (var diagnostic in Diagnostics(new[] { result }, new[] { file.Path }, configured, RuleReach.Resource, configurationFacts: false, context.CancellationToken))
                context.ReportDiagnostic(diagnostic);
        }

        public void AnalyzeAcrossFiles(CompilationAnalysisContext context)
        {
            var read = _read.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
            var configured = _settings.ForCompilation(read.Where(r => r.Value.Result.Facts.Count > 0).Select(r => r.Value.Options), context.CancellationToken);
            if (configured.Problems.Count == 0 && read.All(r => r.Value.Result.Facts.Count == 0)) return;
            foreach (var diagnostic in Diagnostics(read.Select(r => r.Value.Result).ToArray(), read.Select(r => r.Key).ToArray(), configured, RuleReach.AcrossResources, configurationFacts: true, context.CancellationToken))
                context.ReportDiagnostic(diagnostic);
        }

        /// <summary>
        /// The findings of the rules of one reach over these sources, as diagnostics. The rules of the other reach are
        /// switched off for the run: their findings come from the other pass.
        /// </summary>
        private IEnumerable<Diagnostic> Diagnostics(IReadOnlyList<AdapterResult> sources, IReadOnlyList<string> files, Configured configured, RuleReach reach, bool configurationFacts, CancellationToken cancellationToken)
        {
            var engine = AnalyzerEngine.Engine;
            var run = OnlyReach(configured.Settings, engine, reach);
            var scanner = new Scanner(engine, AnalyzerEngine.ManifestAdapters, run, configurationFacts ? configured.Problems.ToArray<object>() : null);
            var result = scanner.Evaluate(sources, files, cancellationToken);
            foreach (var finding in result.Findings)
            {
                var diagnostic = FindingDiagnostics.Create(finding, configured.Settings.IsEnabled(finding.Rule), Locate);
                if (diagnostic is not null) yield return diagnostic;
            }
        }

        /// <summary>The configured settings with every rule of the other reach turned off, severities kept.</summary>
        private static LintSettings OnlyReach(LintSettings settings, RuleEngine engine, RuleReach reach)
        {
            var rules = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in settings.Rules) rules[entry.Key] = entry.Value;
            foreach (var rule in engine.Catalog.All)
            {
                var own = engine.Reach.TryGetValue(rule.Id, out var r) ? r : RuleReach.Resource;
                if (own != reach) rules[rule.Id] = new RuleOverride(false, rules.TryGetValue(rule.Id, out var o) ? o.Severity : null);
            }
            return settings with { Rules = rules };
        }

        private Location Locate(SourceSpan span)
        {
            if (_trees.TryGetValue(span.File, out var tree)) return FindingDiagnostics.InTree(tree, span);
            if (span.File == AnalyzerSettings.OptionsPath) return Location.None;
            return _read.ContainsKey(span.File) || span.File == _settings.ConfigurationFile?.Path ? FindingDiagnostics.InFile(span.File, span) : Location.None;
        }
    }
}

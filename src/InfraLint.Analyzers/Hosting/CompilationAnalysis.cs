using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
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
        private readonly AnalyzerOptions _options;
        private readonly ImmutableArray<AdditionalText> _additionalFiles;
        private readonly AnalyzerSettings _settings;
        private readonly ConcurrentDictionary<string, Read> _read = new ConcurrentDictionary<string, Read>(StringComparer.Ordinal);
        private readonly Dictionary<string, SyntaxTree> _trees;

        public CompilationAnalysis(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _options = options;
            _additionalFiles = options.AdditionalFiles;
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
            foreach (var diagnostic in Diagnostics(SourceFile(context.SemanticModel, context.CancellationToken)))
                context.ReportDiagnostic(diagnostic);
        }

        public void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context)
        {
            foreach (var diagnostic in Diagnostics(AdditionalFile(context.AdditionalFile, context.CancellationToken)))
                context.ReportDiagnostic(diagnostic);
        }

        public void AnalyzeAcrossFiles(CompilationAnalysisContext context)
        {
            foreach (var diagnostic in Diagnostics(AcrossFiles(context.CancellationToken)))
                context.ReportDiagnostic(diagnostic);
        }

        /// <summary>
        /// The findings of one C# file of this compilation for the rules of one reach, computed as the analyzer computes
        /// them: for <see cref="RuleReach.Resource"/> the file alone, for <see cref="RuleReach.AcrossResources"/> every
        /// C# file and AdditionalFile of the compilation read first (what the compilation-end pass sees), then the
        /// findings located in the file. The code fixes recompute their edits on the current document with it.
        /// </summary>
        public IReadOnlyList<Finding> FindingsIn(SyntaxTree tree, RuleReach reach, CancellationToken cancellationToken)
        {
            if (reach == RuleReach.Resource) return SourceFile(_compilation.GetSemanticModel(tree), cancellationToken).Findings;
            foreach (var other in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A file read before (an earlier fix on this compilation) has the same text: its facts stand.
                if (_read.ContainsKey(other.FilePath)) continue;
                if (_settings.Excludes(other.FilePath)) continue;
                if (other == tree || !IsGenerated(other, cancellationToken)) ReadSourceFile(_compilation.GetSemanticModel(other), cancellationToken);
            }
            foreach (var file in _additionalFiles)
                if (!_read.ContainsKey(file.Path)) AdditionalFile(file, cancellationToken, evaluate: false);
            return AcrossFiles(cancellationToken).Findings.Where(f => string.Equals(f.Location.File, tree.FilePath, StringComparison.Ordinal)).ToArray();
        }

        /// <summary>Reads one C# file into facts (kept for the compilation-end pass) and evaluates its rules that look at one resource.</summary>
        private Evaluated SourceFile(SemanticModel model, CancellationToken cancellationToken)
        {
            var tree = model.SyntaxTree;
            if (_settings.Excludes(tree.FilePath)) return Evaluated.Nothing;
            var read = ReadSourceFile(model, cancellationToken);
            if (read.Result.Facts.Count == 0) return Evaluated.Nothing;
            var configured = _settings.ForFile(read.Options, tree, cancellationToken);
            return Evaluate(new[] { read.Result }, new[] { tree.FilePath }, configured, RuleReach.Resource, configurationFacts: false, cancellationToken);
        }

        private Read ReadSourceFile(SemanticModel model, CancellationToken cancellationToken)
        {
            var tree = model.SyntaxTree;
            var source = new SourceText(tree.FilePath, tree.GetText(cancellationToken).ToString());
            var read = new Read(AnalyzerEngine.CSharp.ReadWithModel(source, model), _settings.OptionsOf(tree));
            _read[tree.FilePath] = read;
            return read;
        }

        /// <summary>Reads one YAML or JSON AdditionalFile into facts and, unless only reading, evaluates its rules that look at one resource.</summary>
        private Evaluated AdditionalFile(AdditionalText file, CancellationToken cancellationToken, bool evaluate = true)
        {
            if (!AnalyzerEngine.IsManifest(file) || _settings.Excludes(file.Path)) return Evaluated.Nothing;
            var text = file.GetText(cancellationToken);
            if (text is null) return Evaluated.Nothing;  // the compiler reports an AdditionalFile it cannot read (CS8035)
            if (text.Length > LargestTemplate && file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return Evaluated.Nothing;
            var result = Scanner.Read(AnalyzerEngine.ManifestAdapters, new SourceText(file.Path, text.ToString()));
            var options = _settings.OptionsOf(file);
            _read[file.Path] = new Read(result, options);
            if (result.Facts.Count == 0 || !evaluate) return Evaluated.Nothing;
            var configured = _settings.ForFile(options, null, cancellationToken);
            return Evaluate(new[] { result }, new[] { file.Path }, configured, RuleReach.Resource, configurationFacts: false, cancellationToken);
        }

        /// <summary>Evaluates the facts of every source read so far with the rules that look across resources.</summary>
        private Evaluated AcrossFiles(CancellationToken cancellationToken)
        {
            var read = _read.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
            var configured = _settings.ForCompilation(read.Where(r => r.Value.Result.Facts.Count > 0).Select(r => r.Value.Options), cancellationToken);
            if (configured.Problems.Count == 0 && read.All(r => r.Value.Result.Facts.Count == 0)) return Evaluated.Nothing;
            return Evaluate(read.Select(r => r.Value.Result).ToArray(), read.Select(r => r.Key).ToArray(), configured, RuleReach.AcrossResources, configurationFacts: true, cancellationToken);
        }

        /// <summary>
        /// The findings of the rules of one reach over these sources. The rules of the other reach are switched off for
        /// the run: their findings come from the other pass.
        /// </summary>
        private static Evaluated Evaluate(IReadOnlyList<AdapterResult> sources, IReadOnlyList<string> files, Configured configured, RuleReach reach, bool configurationFacts, CancellationToken cancellationToken)
        {
            var engine = AnalyzerEngine.Engine;
            var run = OnlyReach(configured.Settings, engine, reach);
            var scanner = new Scanner(engine, AnalyzerEngine.ManifestAdapters, run, configurationFacts ? configured.Problems.ToArray<object>() : null);
            return new Evaluated(scanner.Evaluate(sources, files, cancellationToken).Findings, configured);
        }

        private IEnumerable<Diagnostic> Diagnostics(Evaluated evaluated)
        {
            foreach (var finding in evaluated.Findings)
            {
                var diagnostic = FindingDiagnostics.Create(finding, evaluated.Configured!.Settings.IsEnabled(finding.Rule), Locate);
                if (diagnostic is not null) yield return diagnostic;
            }
        }

        /// <summary>Findings and the settings they were judged with (whether a rule is on decides how its diagnostic is created).</summary>
        private sealed class Evaluated
        {
            public static readonly Evaluated Nothing = new Evaluated(Array.Empty<Finding>(), null);

            public Evaluated(IReadOnlyList<Finding> findings, Configured? configured)
            {
                Findings = findings;
                Configured = configured;
            }

            public IReadOnlyList<Finding> Findings { get; }

            public Configured? Configured { get; }
        }

        /// <summary>
        /// Generated code the analyzer is not called for (<see cref="GeneratedCodeAnalysisFlags.None"/>), by the
        /// compiler's own conventions: the <c>generated_code</c> option, the file name, an <c>&lt;auto-generated&gt;</c> header.
        /// </summary>
        private bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (_options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue("generated_code", out var flag))
                return string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
            var name = tree.FilePath.Substring(tree.FilePath.Replace('\\', '/').LastIndexOf('/') + 1);
            if (GeneratedSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) || name.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase))
                return true;
            foreach (var trivia in tree.GetRoot(cancellationToken).GetLeadingTrivia())
            {
                var comment = trivia.ToString();
                if (comment.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0 || comment.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0) return true;
            }
            return false;
        }

        private static readonly string[] GeneratedSuffixes = { ".designer.cs", ".generated.cs", ".g.cs", ".g.i.cs" };

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
            return _read.ContainsKey(span.File) || _settings.ConfigurationPaths.Contains(span.File) ? FindingDiagnostics.InFile(span.File, span) : Location.None;
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.Extensions.FileSystemGlobbing;

namespace InfraLint.Analyzers.Hosting
{
    /// <summary>
    /// InfraLint's settings for one compilation, read by the CLI's own code (<see cref="ConfigLoader"/>): the
    /// <c>.infralint.yaml</c> given as an AdditionalFile, then the <c>infralint_*</c> options of <c>.editorconfig</c> or
    /// <c>.globalconfig</c> over it, then the rules a <c>dotnet_diagnostic.ILxxxx.severity</c> turns on (as
    /// <c>ILxxxx: {enabled: true}</c> would). Severities and suppressions stay Roslyn's: it applies them to what is reported.
    /// </summary>
    internal sealed class AnalyzerSettings
    {
        /// <summary>Where problems in <c>infralint_*</c> options are located; the host reports them without a location, by option name.</summary>
        public const string OptionsPath = "<infralint_* analyzer options>";

        private readonly Compilation _compilation;
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly LoadedConfig? _file;
        private readonly ConcurrentDictionary<string, Configured> _byOptions = new ConcurrentDictionary<string, Configured>(StringComparer.Ordinal);

        public AnalyzerSettings(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _options = options.AnalyzerConfigOptionsProvider;
            var configurations = options.AdditionalFiles
                .Where(IsConfiguration)
                .OrderBy(f => f.Path.Length)
                .ThenBy(f => f.Path, StringComparer.Ordinal)
                .ToArray();
            ConfigurationFile = configurations.FirstOrDefault();
            ConfigurationPaths = new HashSet<string>(configurations.Select(f => f.Path), StringComparer.Ordinal);
            // The CLI reads one configuration too; one the analyzer was given and does not read is said, not ignored.
            _ignored = configurations.Skip(1).Select(f => new ConfigProblem(
                SourceSpan.FileStart(f.Path),
                $"Only one .infralint.yaml is read for a project: {ConfigurationFile!.Path}, the one nearest the root. This one is not read; merge its settings into that one.")).ToArray();
            if (ConfigurationFile?.GetText(cancellationToken) is { } text)
            {
                var additional = options.AdditionalFiles;
                _file = ConfigLoader.Load(
                    new SourceText(ConfigurationFile.Path, text.ToString()),
                    id => AnalyzerEngine.Catalog.Find(id) is not null,
                    relative => ReadBeside(additional, ConfigurationFile.Path, relative, cancellationToken));
                if (_file.Excludes.Count > 0)
                {
                    _excludes = new Matcher(StringComparison.Ordinal);
                    _excludes.AddIncludePatterns(_file.Excludes);
                }
            }
        }

        /// <summary>
        /// Whether <c>.infralint.yaml</c>'s <c>exclude</c> globs (relative to its folder, as in the CLI) leave this file out.
        /// </summary>
        public bool Excludes(string path) =>
            _excludes is not null && _excludes.Match(Directory(ConfigurationFile!.Path), path.Replace('\\', '/')).HasMatches;

        private readonly Matcher? _excludes;

        private readonly IReadOnlyList<ConfigProblem> _ignored;

        /// <summary>Every <c>.infralint.yaml</c> among the AdditionalFiles, read or not: where configuration problems are located.</summary>
        public IReadOnlyCollection<string> ConfigurationPaths { get; }

        /// <summary>The <c>.infralint.yaml</c> read (the one nearest the root when several are given), if any.</summary>
        public AdditionalText? ConfigurationFile { get; }

        public static bool IsConfiguration(AdditionalText file) =>
            string.Equals(FileName(file.Path), ConfigLoader.FileName, StringComparison.OrdinalIgnoreCase);

        /// <summary>The <c>infralint_*</c> options of one C# file (its <c>.editorconfig</c> sections and the global options).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> OptionsOf(SyntaxTree tree) => InfraLintOptions(_options.GetOptions(tree));

        /// <summary>The <c>infralint_*</c> options of one AdditionalFile.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> OptionsOf(AdditionalText file) => InfraLintOptions(_options.GetOptions(file));

        /// <summary>The settings for the findings of one file: its options, and the rules Roslyn severities turn on for it.</summary>
        public Configured ForFile(IReadOnlyList<KeyValuePair<string, string>> options, SyntaxTree? tree, CancellationToken cancellationToken)
        {
            var configured = _byOptions.GetOrAdd(Key(options), _ => Configure(options));
            var turnedOn = RoslynEnabled(tree is null ? Array.Empty<SyntaxTree>() : new[] { tree }, cancellationToken);
            return turnedOn.Count == 0 ? configured : configured.Enabling(turnedOn);
        }

        /// <summary>
        /// The settings of rules that look across files: the options every analyzed file agrees on (an <c>[*]</c> section,
        /// a <c>.globalconfig</c>), else the global options alone, which is then said as an IL0002; and every rule a Roslyn
        /// severity turns on for any file (Roslyn still applies each file's severity to what is reported there).
        /// </summary>
        public Configured ForCompilation(IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> perFile, CancellationToken cancellationToken)
        {
            var distinct = perFile.GroupBy(Key, StringComparer.Ordinal).Select(g => g.First()).Take(2).ToArray();
            Configured configured;
            if (distinct.Length == 1)
            {
                configured = _byOptions.GetOrAdd(Key(distinct[0]), _ => Configure(distinct[0]));
            }
            else
            {
                var global = InfraLintOptions(_options.GlobalOptions);
                configured = _byOptions.GetOrAdd(Key(global), _ => Configure(global));
                if (distinct.Length > 1) configured = configured.With(DisagreementProblem());
            }
            var turnedOn = RoslynEnabled(_compilation.SyntaxTrees, cancellationToken);
            return turnedOn.Count == 0 ? configured : configured.Enabling(turnedOn);
        }

        private static ConfigProblem DisagreementProblem() => new ConfigProblem(
            SourceSpan.FileStart(OptionsPath),
            "Files of this project set different infralint_* options; rules that look across files use the global ones (.globalconfig). Set the options once for all files.");

        private Configured Configure(IReadOnlyList<KeyValuePair<string, string>> options)
        {
            var basis = _file?.Settings ?? LintSettings.Default;
            var problems = new List<ConfigProblem>(_file?.Problems ?? Array.Empty<ConfigProblem>());
            problems.AddRange(_ignored);
            if (options.Count == 0) return new Configured(basis, problems);
            var written = OptionKeys.ToConfiguration(options, OptionsPath);
            var loaded = ConfigLoader.Load(written.Source, id => AnalyzerEngine.Catalog.Find(id) is not null, basis: basis);
            problems.AddRange(loaded.Problems.Select(p => new ConfigProblem(p.Span, $"{p.Message} (option {written.OptionAt(p.Span.StartLine)})")));
            return new Configured(loaded.Settings, problems);
        }

        /// <summary>The rules a Roslyn severity (<c>dotnet_diagnostic.IL1006.severity = warning</c>, <c>/warnaserror:IL1006</c>) turns on.</summary>
        private IReadOnlyList<string> RoslynEnabled(IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
        {
            var specific = _compilation.Options.SpecificDiagnosticOptions;
            var provider = _compilation.Options.SyntaxTreeOptionsProvider;
            var on = new List<string>();
            foreach (var rule in AnalyzerEngine.Catalog.All)
            {
                if (TurnsOn(specific.TryGetValue(rule.Id, out var command) ? command : ReportDiagnostic.Default)
                    || (provider is not null && provider.TryGetGlobalDiagnosticValue(rule.Id, cancellationToken, out var global) && TurnsOn(global))
                    || (provider is not null && trees.Any(tree => provider.TryGetDiagnosticValue(tree, rule.Id, cancellationToken, out var perTree) && TurnsOn(perTree))))
                    on.Add(rule.Id);
            }
            return on;
        }

        private static bool TurnsOn(ReportDiagnostic report) => report != ReportDiagnostic.Default && report != ReportDiagnostic.Suppress;

        private static IReadOnlyList<KeyValuePair<string, string>> InfraLintOptions(AnalyzerConfigOptions options)
        {
            var found = new List<KeyValuePair<string, string>>();
            foreach (var key in options.Keys)
            {
                if (!OptionKeys.IsInfraLintOption(key)) continue;
                if (options.TryGetValue(key, out var value)) found.Add(new KeyValuePair<string, string>(key, value));
            }
            return found.OrderBy(o => o.Key, StringComparer.Ordinal).ToArray();
        }

        private static string Key(IReadOnlyList<KeyValuePair<string, string>> options) =>
            string.Join("\n", options.Select(o => o.Key + "=" + o.Value));

        /// <summary>
        /// A file <c>.infralint.yaml</c> names (<c>sizing.catalog</c>), from the AdditionalFiles only: an analyzer reads no
        /// other file. Null when it is not among them, which the configuration reports at the key that named it.
        /// </summary>
        private static string? ReadBeside(ImmutableArray<AdditionalText> files, string configuration, string relative, CancellationToken cancellationToken)
        {
            var wanted = Normalize(Directory(configuration) + "/" + relative.Replace('\\', '/'));
            var file = files.FirstOrDefault(f => string.Equals(Normalize(f.Path.Replace('\\', '/')), wanted, StringComparison.Ordinal));
            return file?.GetText(cancellationToken)?.ToString();
        }

        private static string Directory(string path)
        {
            var slash = path.Replace('\\', '/').LastIndexOf('/');
            return slash < 0 ? "." : path.Substring(0, slash).Replace('\\', '/');
        }

        private static string FileName(string path) => path.Substring(path.Replace('\\', '/').LastIndexOf('/') + 1);

        /// <summary>Resolves <c>.</c> and <c>..</c> segments, textually.</summary>
        private static string Normalize(string path)
        {
            var parts = new List<string>();
            foreach (var part in path.Split('/'))
            {
                if (part == "." || (part.Length == 0 && parts.Count > 0)) continue;
                if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
                else parts.Add(part);
            }
            return string.Join("/", parts);
        }
    }

    /// <summary>Settings as configured for some files, with the problems found in their configuration.</summary>
    internal sealed class Configured
    {
        public Configured(LintSettings settings, IReadOnlyList<ConfigProblem> problems)
        {
            Settings = settings;
            Problems = problems;
        }

        public LintSettings Settings { get; }

        public IReadOnlyList<ConfigProblem> Problems { get; }

        public Configured Enabling(IEnumerable<string> ruleIds) => new Configured(Settings.Enabling(ruleIds), Problems);

        public Configured With(ConfigProblem problem) => new Configured(Settings, Problems.Concat(new[] { problem }).ToArray());
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;
using InfraLint.Core.Findings;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Scanning
{
    /// <summary>A file to scan: where to read it and how findings should name it.</summary>
    public sealed record ScanInput(string FullPath, string DisplayPath);

    /// <summary>
    /// The pipeline: read files in parallel → adapters → facts → one engine session → suppressions → sorted findings.
    /// </summary>
    public sealed class Scanner
    {
        /// <summary>Larger files are reported as IL0001 rather than parsed: no infrastructure file is this big, and a parser bomb might be.</summary>
        public const long MaxFileBytes = 8 * 1024 * 1024;

        public const string IgnoreAnnotation = "infralint.dev/ignore";

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly RuleEngine _engine;
        private readonly IReadOnlyList<IAdapter> _adapters;
        private readonly LintSettings _settings;
        private readonly IReadOnlyList<object> _configurationFacts;

        /// <param name="configurationFacts">Facts about the configuration itself (its ConfigProblems), evaluated with every scan.</param>
        public Scanner(RuleEngine engine, IReadOnlyList<IAdapter> adapters, LintSettings? settings = null, IReadOnlyList<object>? configurationFacts = null)
        {
            _engine = engine;
            _adapters = adapters;
            _settings = settings ?? LintSettings.Default;
            _configurationFacts = configurationFacts ?? Array.Empty<object>();
        }

        public bool Accepts(string path) => _adapters.Any(a => a.Accepts(path));

        public ScanResult Scan(IReadOnlyList<ScanInput> inputs)
        {
            var clock = Stopwatch.StartNew();
            var results = new ConcurrentBag<AdapterResult>();
            inputs.AsParallel().ForAll(input => results.Add(ReadOne(input)));
            return Evaluate(results.ToArray(), inputs.Select(i => i.DisplayPath).ToArray(), clock);
        }

        /// <summary>Scans in-memory text (tests, the analyzer host): same pipeline, no file system.</summary>
        public ScanResult ScanTexts(IEnumerable<SourceText> sources)
        {
            var clock = Stopwatch.StartNew();
            var list = sources.ToArray();
            return Evaluate(list.Select(Adapt).ToArray(), list.Select(s => s.Path).ToArray(), clock);
        }

        private ScanResult Evaluate(AdapterResult[] adapted, IReadOnlyList<string> files, Stopwatch clock)
        {
            var directives = adapted.SelectMany(r => r.Suppressions).ToArray();
            // Directives are facts too, so rules can judge them (IL0003 without a reason, IL0002 unknown rule ids).
            var findings = _engine.Evaluate(adapted.SelectMany(r => r.Facts).Concat(directives).Concat(_configurationFacts), _settings)
                .Where(f => _settings.IsEnabled(f.Rule))
                .ToList();
            foreach (var finding in findings) finding.Severity = _settings.SeverityOf(finding.Rule);
            ApplySuppressions(findings, directives);
            var sorted = findings
                .OrderBy(f => f.Location.File, StringComparer.Ordinal)
                .ThenBy(f => f.Location.StartLine)
                .ThenBy(f => f.Location.StartColumn)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToArray();
            return new ScanResult(sorted, files, clock.Elapsed);
        }

        private AdapterResult ReadOne(ScanInput input)
        {
            string display = input.DisplayPath;
            try
            {
                var info = new FileInfo(input.FullPath);
                if (info.Length > MaxFileBytes)
                    return Failure(display, $"File is {info.Length:N0} bytes; InfraLint reads files up to {MaxFileBytes:N0} bytes.");
                byte[] bytes = File.ReadAllBytes(input.FullPath);
                string text;
                try
                {
                    int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                    text = StrictUtf8.GetString(bytes, skip, bytes.Length - skip);
                }
                catch (DecoderFallbackException e)
                {
                    return Failure(display, $"File is not valid UTF-8 (byte offset {e.Index}).");
                }
                return Adapt(new SourceText(display, text));
            }
            catch (IOException e)
            {
                return Failure(display, $"File could not be read: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                return Failure(display, $"File could not be read: {e.Message}");
            }
        }

        private AdapterResult Adapt(SourceText source)
        {
            var facts = new List<object>();
            var suppressions = new List<SuppressionDirective>();
            foreach (var adapter in _adapters)
            {
                if (!adapter.Accepts(source.Path)) continue;
                var result = adapter.Read(source);
                facts.AddRange(result.Facts);
                suppressions.AddRange(result.Suppressions);
            }
            return new AdapterResult(facts, suppressions);
        }

        private static AdapterResult Failure(string path, string message) =>
            new AdapterResult(new object[] { new ParseFailure(SourceSpan.FileStart(path), message) }, Array.Empty<SuppressionDirective>());

        private static void ApplySuppressions(IEnumerable<Finding> findings, IReadOnlyList<SuppressionDirective> directives)
        {
            var byFile = directives.GroupBy(d => d.Span.File).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            foreach (var finding in findings)
            {
                if (finding.RuleId == "IL0001") continue; // a file that cannot be parsed cannot be trusted to suppress its own parse error
                if (byFile.TryGetValue(finding.Location.File, out var fileDirectives))
                {
                    var directive = fileDirectives.FirstOrDefault(d => d.Covers(finding.RuleId, finding.Location.StartLine));
                    if (directive is not null)
                    {
                        finding.Suppression = new Suppression("inSource", directive.Justification, directive.Span);
                        continue;
                    }
                }
                if (finding.Subject is not null && finding.Subject.Annotations.TryGetValue(IgnoreAnnotation, out var ignore))
                {
                    var ids = ignore.Value.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
                    if (ids.Any(id => string.Equals(id, finding.RuleId, StringComparison.OrdinalIgnoreCase) || id == "*"))
                        finding.Suppression = new Suppression("inSource", $"annotation {IgnoreAnnotation}", ignore.Span);
                }
            }
        }
    }
}

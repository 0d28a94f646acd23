using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Core.Tree;
using InfraLint.Json.Syntax;

namespace InfraLint.Json
{
    /// <summary>
    /// Reads CloudFormation templates written in JSON (<c>*.template</c>, and <c>*.json</c> that are templates) into the
    /// located tree and lets the first document reader that recognises the root object turn it into facts.
    /// </summary>
    /// <remarks>
    /// A repository holds far more JSON that is not infrastructure (package.json, tsconfig.json, lock files, fixtures)
    /// than templates, and a broken one is not ours to report. So a <c>.json</c> file is only parsed when its text
    /// contains <c>"AWSTemplateFormatVersion"</c> or <c>"Resources"</c> (one ordinal substring search, no parse), and its
    /// syntax errors are reported only then; a <c>.template</c> file is always a template. A valid file that no reader
    /// recognises reports nothing. JSON has no comments, so there are no inline suppressions.
    /// </remarks>
    public sealed class JsonAdapter : IAdapter
    {
        private static readonly string[] TemplateMarkers = { "\"AWSTemplateFormatVersion\"", "\"Resources\"" };

        private readonly IReadOnlyList<Func<TreeMapping, SourceText, IEnumerable<object>?>> _readers;
        private readonly Func<IReadOnlyList<object>, IEnumerable<SuppressionDirective>> _directives;

        /// <param name="readers">
        /// Each returns the facts of a root object in its format, or null when the object is not its format; the first
        /// non-null answer wins.
        /// </param>
        /// <param name="directives">Suppressions the facts themselves carry (a resource's ignore tag); JSON has no comments.</param>
        public JsonAdapter(IEnumerable<Func<TreeMapping, SourceText, IEnumerable<object>?>> readers, Func<IReadOnlyList<object>, IEnumerable<SuppressionDirective>>? directives = null)
        {
            if (readers is null) throw new ArgumentNullException(nameof(readers));
            _readers = readers.ToArray();
            _directives = directives ?? (_ => Array.Empty<SuppressionDirective>());
        }

        public bool Accepts(string path) =>
            path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".template", StringComparison.OrdinalIgnoreCase);

        public AdapterResult Read(SourceText source)
        {
            try
            {
                return ReadTemplate(source);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The parser turns what it expects into failures; this is for what nobody expected, so that one file
                // cannot end the scan of all the others.
                return Result(new ParseFailure(SourceSpan.FileStart(source.Path), $"InfraLint could not interpret this file ({e.GetType().Name}: {e.Message}); it was not checked."));
            }
        }

        /// <summary>Whether a file may be a CloudFormation template, decided without parsing it.</summary>
        public static bool MayBeTemplate(SourceText source) =>
            source.Path.EndsWith(".template", StringComparison.OrdinalIgnoreCase)
            || TemplateMarkers.Any(marker => source.Text.IndexOf(marker, StringComparison.Ordinal) >= 0);

        private AdapterResult ReadTemplate(SourceText source)
        {
            if (!MayBeTemplate(source)) return AdapterResult.Empty;
            var parsed = JsonTree.Parse(source);
            if (parsed.Failure is not null) return Result(parsed.Failure);
            if (parsed.Root is not TreeMapping root) return AdapterResult.Empty;
            foreach (var reader in _readers)
            {
                try
                {
                    // Materialised here, so a lazy reader's exception is caught for this document too.
                    var facts = reader(root, source)?.ToList();
                    if (facts is not null) return new AdapterResult(facts, _directives(facts).ToArray());
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A reader bug must not take the scan down; say plainly that this document was not checked.
                    return Result(new ParseFailure(root.HeadSpan, $"InfraLint could not interpret this document ({e.GetType().Name}: {e.Message}); it was not checked."));
                }
            }
            return AdapterResult.Empty;
        }

        private static AdapterResult Result(ParseFailure failure) =>
            new AdapterResult(new object[] { failure }, Array.Empty<SuppressionDirective>());
    }
}

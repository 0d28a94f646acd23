using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Parsing
{
    /// <summary>
    /// Loads every document of a YAML file while refusing input that would hurt us: nesting deeper than
    /// <see cref="MaxDepth"/> (the representation model recurses, and a stack overflow cannot be caught)
    /// and aliases whose expansion exceeds <see cref="MaxExpandedNodes"/> (the "billion laughs" bomb).
    /// A syntax error in one document does not hide the documents around it.
    /// </summary>
    public static class YamlDocumentLoader
    {
        public const int MaxDepth = 128;

        public const long MaxExpandedNodes = 1_000_000;

        private static readonly Regex LocationPrefix = new Regex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.Compiled);

        public static (IReadOnlyList<YamlDocument> Documents, IReadOnlyList<ParseFailure> Failures) Load(SourceText source)
        {
            var events = new List<ParsingEvent>();
            var failure = Check(source, source.Text, events);
            if (failure is null)
            {
                // The checked events are replayed into the representation model: the text is scanned once.
                var stream = new YamlStream();
                failure = TryLoad(source, stream, new ReplayParser(events));
                if (failure is null) return (stream.Documents.ToList(), Array.Empty<ParseFailure>());
            }

            // Salvage: parse document by document so one broken document does not hide the others.
            var documents = new List<YamlDocument>();
            var failures = new List<ParseFailure>();
            foreach (var (start, text) in SplitDocuments(source.Text))
            {
                // Blank out what precedes the document (keeping line breaks) so marks stay absolute.
                string padded = Blank(source.Text, start) + text;
                var docEvents = new List<ParsingEvent>();
                var docFailure = Check(source, padded, docEvents);
                if (docFailure is not null)
                {
                    failures.Add(docFailure);
                    continue;
                }
                var stream = new YamlStream();
                docFailure = TryLoad(source, stream, new ReplayParser(docEvents));
                if (docFailure is not null) failures.Add(docFailure);
                else documents.AddRange(stream.Documents);
            }
            if (failures.Count == 0) failures.Add(failure); // the split was too naive to find it: report the whole-file error
            return (documents, failures);
        }

        /// <summary>Builds the representation model; it rejects some things the parser accepts, such as duplicate keys.</summary>
        private static ParseFailure? TryLoad(SourceText source, YamlStream stream, IParser parser)
        {
            try
            {
                stream.Load(parser);
                return null;
            }
            catch (YamlException ex)
            {
                return Fail(source, ex.Start, "YAML error: " + LocationPrefix.Replace(ex.Message, string.Empty));
            }
        }

        /// <summary>Walks the event stream (the parser is iterative, so this is safe on any input) and returns the first problem.</summary>
        private static ParseFailure? Check(SourceText source, string text, List<ParsingEvent> events)
        {
            var parser = new Parser(new StringReader(text));
            var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
            var open = new Stack<Frame>();
            long total = 0;
            Mark last = Mark.Empty;
            try
            {
                while (parser.MoveNext())
                {
                    var e = parser.Current!;
                    events.Add(e);
                    last = e.End;
                    switch (e)
                    {
                        case DocumentStart:
                            anchorSizes.Clear();
                            break;
                        case AnchorAlias alias:
                        {
                            long size = anchorSizes.TryGetValue(alias.Value.Value, out var s) ? s : 1;
                            total += size;
                            foreach (var frame in open) frame.Count += size;
                            if (total > MaxExpandedNodes)
                                return Fail(source, e.Start, $"Aliases expand to more than {MaxExpandedNodes:N0} nodes (an alias bomb); the document was not read.");
                            break;
                        }
                        case Scalar scalar:
                            total++;
                            foreach (var frame in open) frame.Count++;
                            if (!scalar.Anchor.IsEmpty) anchorSizes[scalar.Anchor.Value] = 1;
                            break;
                        case NodeEvent node when e is MappingStart || e is SequenceStart:
                            total++;
                            foreach (var frame in open) frame.Count++;
                            open.Push(new Frame(node.Anchor.IsEmpty ? null : node.Anchor.Value));
                            if (open.Count > MaxDepth)
                                return Fail(source, e.Start, $"Nesting is deeper than {MaxDepth} levels; the document was not read.");
                            break;
                        case MappingEnd:
                        case SequenceEnd:
                        {
                            var frame = open.Pop();
                            if (frame.Anchor is not null) anchorSizes[frame.Anchor] = frame.Count + 1;
                            break;
                        }
                    }
                }
                return null;
            }
            catch (YamlException ex)
            {
                return Fail(source, ex.Start, "YAML syntax error: " + LocationPrefix.Replace(ex.Message, string.Empty));
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner throws this on some malformed input instead of a YamlException; the
                // best position we have is just after the last event it could read.
                return Fail(source, last, "YAML syntax error: the text after this point could not be scanned.");
            }
        }

        private static ParseFailure Fail(SourceText source, Mark mark, string message)
        {
            int offset = Math.Min(source.Text.Length, Math.Max(0, (int)mark.Index));
            int line = (int)mark.Line;
            int column = (int)mark.Column;
            if (line < 1) line = 1;
            if (column < 1) column = 1;
            return new ParseFailure(new SourceSpan(source.Path, line, column, line, column, offset, offset), message);
        }

        /// <summary>Splits at <c>---</c> lines; each piece keeps its absolute start offset.</summary>
        private static IEnumerable<(int Start, string Text)> SplitDocuments(string text)
        {
            int start = 0, pos = 0;
            while (pos < text.Length)
            {
                int end = text.IndexOf('\n', pos);
                if (end < 0) end = text.Length;
                string lineText = text.Substring(pos, end - pos).TrimEnd('\r');
                if (pos > start && (lineText == "---" || lineText.StartsWith("--- ", StringComparison.Ordinal)))
                {
                    yield return (start, text.Substring(start, pos - start));
                    start = pos;
                }
                pos = end + 1;
            }
            if (start < text.Length) yield return (start, text.Substring(start));
        }

        private static string Blank(string text, int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = text[i] == '\n' || text[i] == '\r' ? text[i] : ' ';
            return new string(chars);
        }

        /// <summary>Feeds already parsed events to the representation model.</summary>
        private sealed class ReplayParser : IParser
        {
            private readonly List<ParsingEvent> _events;
            private int _index = -1;

            public ReplayParser(List<ParsingEvent> events) => _events = events;

            public ParsingEvent? Current => _index >= 0 && _index < _events.Count ? _events[_index] : null;

            public bool MoveNext() => ++_index < _events.Count;
        }

        private sealed class Frame
        {
            public Frame(string? anchor) => Anchor = anchor;

            public string? Anchor { get; }

            public long Count { get; set; }
        }
    }
}

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
    /// A syntax error in one document does not hide the documents around it, and nothing a file
    /// contains makes this throw: every problem is a <see cref="ParseFailure"/> placed where it is.
    /// </summary>
    public static class YamlDocumentLoader
    {
        public const int MaxDepth = 128;

        /// <summary>How many nodes aliases may add when expanded; the nodes written out in the file do not count.</summary>
        public const long MaxExpandedNodes = 1_000_000;

        private static readonly Regex LocationPrefix = new Regex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*");

        public static (IReadOnlyList<YamlDocument> Documents, IReadOnlyList<ParseFailure> Failures) Load(SourceText source)
        {
            var (documents, _, failures) = LoadWithStarts(source);
            return (documents, failures);
        }

        /// <summary>Like <see cref="Load"/>, with where each document starts (its <c>---</c>, or its first node when implicit).</summary>
        public static (IReadOnlyList<YamlDocument> Documents, IReadOnlyList<SourceSpan> Starts, IReadOnlyList<ParseFailure> Failures) LoadWithStarts(SourceText source)
        {
            // Before YamlDotNet scans anything on two threads at once (a property read, once initialised).
            _ = YamlDotNetBuilders.PerThread;
            // The thread's list from its previous file, taken while in use (a nested load makes its own); else about one event
            // for every 8 characters of a manifest (the bench trees, the corpus): sized once instead of doubling.
            var events = _threadEvents ?? new List<ParsingEvent>(Math.Min(source.Text.Length / 8 + 16, 1 << 20));
            _threadEvents = null;
            var duplicates = new List<ParseFailure>();
            ParseFailure? failure;
            try
            {
                failure = Check(source, new Piece(0, source.Text.Length, 0), source.Text, events, duplicates);
                if (failure is null && duplicates.Count == 0)
                {
                    // The checked events are replayed into the representation model: the text is scanned once.
                    var stream = new YamlStream();
                    failure = TryLoad(source, stream, events);
                    if (failure is null) return (stream.Documents.ToList(), Starts(source, events), Array.Empty<ParseFailure>());
                }
            }
            finally
            {
                // Emptied, so that it keeps no document alive; one grown by a huge file is not kept for the rest of the scan.
                events.Clear();
                if (events.Capacity <= MaxKeptEvents) _threadEvents = events;
            }

            // Salvage: parse document by document so one broken document does not hide the others. Each piece
            // is parsed on its own and its marks are moved to where it sits in the file, which keeps the work
            // linear in the file's size however many documents follow the error.
            var documents = new List<YamlDocument>();
            var starts = new List<SourceSpan>();
            var failures = new List<ParseFailure>();
            int linesBefore = 0, counted = 0;
            foreach (var (start, text) in SplitDocuments(source.Text))
            {
                linesBefore += LineBreaks(source.Text, counted, start);
                counted = start;
                if (start == 0 && text.Length == source.Text.Length)
                {
                    // One document: reading it again would find the same problems at the same cost.
                    failures.AddRange(duplicates.Where(d => failure is null || d.Span.StartOffset < failure.Span.StartOffset));
                    if (failure is not null) failures.Add(failure);
                    break;
                }
                var docEvents = new List<ParsingEvent>();
                var docDuplicates = new List<ParseFailure>();
                var docFailure = Check(source, new Piece(start, start + text.Length, linesBefore), text, docEvents, docDuplicates);
                if (docFailure is not null || docDuplicates.Count > 0)
                {
                    // Every duplicate key of the document is reported, not only the first (the document is not read).
                    failures.AddRange(docDuplicates.Where(d => docFailure is null || d.Span.StartOffset < docFailure.Span.StartOffset));
                    if (docFailure is not null) failures.Add(docFailure);
                    continue;
                }
                var stream = new YamlStream();
                docFailure = TryLoad(source, stream, docEvents);
                if (docFailure is not null)
                {
                    failures.Add(docFailure);
                    continue;
                }
                documents.AddRange(stream.Documents);
                starts.AddRange(Starts(source, docEvents));
            }
            // The split was too naive to find it: report the whole-file error.
            if (failures.Count == 0) failures.AddRange(failure is null ? duplicates : new[] { failure });
            return (documents, starts, failures);
        }

        /// <summary>Builds the representation model; it rejects some things the parser accepts, such as duplicate keys.</summary>
        private static ParseFailure? TryLoad(SourceText source, YamlStream stream, List<ParsingEvent> events)
        {
            var replay = new ReplayParser(events);
            try
            {
                stream.Load(replay);
                return null;
            }
            catch (YamlException ex)
            {
                // Some of its exceptions carry no position (Mark.Empty); the event it stopped at is the best we have.
                var at = ex.Start.Index == 0 && ex.Start.Line == 1 && ex.Start.Column == 1 ? replay.Position : ex.Start;
                return Fail(source, at, "YAML error: " + LocationPrefix.Replace(ex.Message, string.Empty));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // YamlDotNet's parser sometimes emits an event stream its own model cannot build ("unsupported
                // type"); Check refuses the shapes we know of, and this catches the ones we do not.
                return Fail(source, replay.Position, $"YAML syntax error: the YAML library could not read the text here ({ex.GetType().Name}: {ex.Message}).");
            }
        }

        /// <summary>
        /// Walks the event stream of one piece of the file (the parser is iterative, so this is safe on any input),
        /// moves its events to their place in the file, and returns the first problem.
        /// </summary>
        /// <param name="duplicates">Receives every key a mapping repeats, each at its repetition; the walk goes on past them.</param>
        private static ParseFailure? Check(SourceText source, Piece piece, string text, List<ParsingEvent> events, List<ParseFailure> duplicates)
        {
            // CloudFormation, cfn-lint and PyYAML do not check how far a double-quoted scalar's continuation lines are
            // indented (folding drops their leading white space, so it cannot change the value); YAML 1.2 and YamlDotNet
            // do. Such a scalar is read again with its short lines indented, and every mark is moved back to the text.
            var layout = new Reindented(text);
            long work = 0, budget = 2L * text.Length + 1_000_000; // a retry rescans the text before its scalar
            int duplicatesBefore = duplicates.Count;
            ParseFailure? strict = null; // the last re-indented scalar read as YAML 1.2 reads it
            int strictLineEnd = -1;
            bool speculate = true;
            while (true)
            {
                events.Clear();
                duplicates.RemoveRange(duplicatesBefore, duplicates.Count - duplicatesBefore);
                var failure = Check(source, piece, layout, events, duplicates, out var underIndented);
                // A guess that turns out wrong is dropped and the scalars are found one retry at a time.
                if (layout.Guessed && (failure is not null && underIndented is null || failure is null && !layout.GuessesHold(events, piece.Start)))
                {
                    layout.DropGuesses();
                    speculate = false;
                    continue;
                }
                if (failure is null) return null;
                if (underIndented is { } scalar && (work += scalar.Index) > budget)
                {
                    if (layout.Guessed)
                    {
                        layout.DropGuesses();
                        continue;
                    }
                    return new ParseFailure(failure.Span, "YAML syntax error: this double-quoted string goes on over lines indented less than YAML allows. "
                        + "InfraLint reads such strings as CloudFormation does, but this file has too many of them to read in reasonable time; indent the lines that continue a string further than the key it belongs to.");
                }
                if (underIndented is { } quote && layout.TryIndent(quote, out int lineEnd))
                {
                    strict = failure;
                    strictLineEnd = piece.Start + lineEnd;
                    // Files that do this tend to do it often, and each retry rescans the file up to its scalar: the
                    // later ones are guessed from the text at once, and the parse that follows confirms the guesses.
                    if (speculate) layout.Guess(lineEnd);
                    speculate = false;
                    continue;
                }
                if (layout.Guessed)
                {
                    layout.DropGuesses();
                    continue;
                }
                // A retry that fails on the re-indented scalar's closing line (or before) was not reading what the author
                // meant: most often a missing closing quote, which then pairs with the next string's opening one.
                if (underIndented is null && strict is not null && failure.Span.StartOffset <= strictLineEnd) return strict;
                return failure;
            }
        }

        private static ParseFailure? Check(SourceText source, Piece piece, Reindented layout, List<ParsingEvent> events, List<ParseFailure> duplicates, out Mark? underIndented)
        {
            underIndented = null;
            var parser = new Parser(layout.Reader());
            var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
            var open = _frames ??= new Frames();
            open.Clear();
            long nodes = 0; // nodes of the document as a reader walking it sees them, aliases expanded
            long expanded = 0; // of which aliases added
            Mark last = piece.Move(layout.Restore(Mark.Empty));
            try
            {
                while (parser.MoveNext())
                {
                    var e = piece.Move(layout.Restore(parser.Current!));
                    events.Add(e);
                    if ((e is NodeEvent || e is AnchorAlias) && open.Count > 0) open.Peek().Child(e.Start);
                    switch (e)
                    {
                        case DocumentStart:
                            anchorSizes.Clear();
                            nodes = 0;
                            break;
                        case AnchorAlias alias:
                        {
                            string name = alias.Value.Value;
                            if (!anchorSizes.TryGetValue(name, out long size))
                            {
                                if (open.AnyAnchored(name))
                                    return Fail(source, e.Start, $"YAML error: the alias *{name} refers to the node that contains it, a loop InfraLint cannot read.");
                                return Fail(source, e.Start, $"YAML error: the alias *{name} refers to no anchor defined before it (write &{name} on a node earlier in the same document).");
                            }
                            nodes += size;
                            expanded += size;
                            if (expanded > MaxExpandedNodes)
                                return Fail(source, e.Start, $"Aliases expand to more than {MaxExpandedNodes:N0} nodes (an alias bomb); the document was not read.");
                            break;
                        }
                        case Scalar scalar:
                            nodes++;
                            if (!scalar.Anchor.IsEmpty) anchorSizes[scalar.Anchor.Value] = 1;
                            if (open.Count > 0 && open.Peek() is { IsMapping: true } owner && owner.Children % 2 == 1
                                && owner.FirstKeyAt(scalar.Value, e.Start) is { } first)
                                duplicates.Add(Fail(source, e.Start, $"YAML error: Duplicate key {scalar.Value}: the mapping already sets it at line {first.Line}, and YAML allows a key once (the document was not read)."));
                            break;
                        case NodeEvent node when e is MappingStart || e is SequenceStart:
                            nodes++;
                            open.Push(e is MappingStart, node.Anchor.IsEmpty ? null : node.Anchor.Value, nodes);
                            if (open.Count > MaxDepth)
                                return Fail(source, e.Start, $"Nesting is deeper than {MaxDepth} levels; the document was not read.");
                            break;
                        case MappingEnd:
                        case SequenceEnd:
                        {
                            // YamlDotNet's parser can end a mapping after a key with no value, or close the wrong
                            // collection; its own representation model then throws an ArgumentException.
                            if (open.Count == 0 || open.Peek().IsMapping != e is MappingEnd)
                                return Fail(source, e.Start, "YAML syntax error: the YAML library could not tell which mapping or list ends here.");
                            var frame = open.Pop();
                            if (frame.IsMapping && frame.Children % 2 == 1)
                                return Fail(source, frame.LastChild, "YAML syntax error: the mapping entry here has no value the YAML library could read.");
                            if (frame.Anchor is not null) anchorSizes[frame.Anchor] = nodes - frame.NodesAtStart + 1;
                            break;
                        }
                    }
                    last = e.End;
                }
                return null;
            }
            catch (YamlException ex)
            {
                var at = piece.Move(layout.Restore(ex.Start));
                string message = LocationPrefix.Replace(ex.Message, string.Empty);
                if (message.IndexOf("double-quoted scalar", StringComparison.OrdinalIgnoreCase) >= 0 && message.IndexOf("indentation", StringComparison.OrdinalIgnoreCase) >= 0)
                    underIndented = ex.Start;
                if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
                    return Fail(source, TabAfter(source, piece, at), "YAML syntax error: a tab is used for indentation here; YAML indents with spaces only.");
                if (message.IndexOf("quoted scalar", StringComparison.OrdinalIgnoreCase) >= 0 && message.IndexOf("end of stream", StringComparison.OrdinalIgnoreCase) >= 0)
                    return Fail(source, at, "YAML syntax error: the quoted string that starts here has no closing quote.");
                if (message.IndexOf("quoted scalar", StringComparison.OrdinalIgnoreCase) >= 0 && message.IndexOf("indentation", StringComparison.OrdinalIgnoreCase) >= 0)
                    return Fail(source, at, "YAML syntax error: the quoted string that starts here has no closing quote on its line, and the next line is not indented to continue it.");
                return Fail(source, at, "YAML syntax error: " + message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // YamlDotNet's scanner throws InvalidOperationException (and could throw others) on some malformed
                // input instead of a YamlException; the best position we have is just after the last event it read.
                return Fail(source, last, "YAML syntax error: the text after this point could not be scanned.");
            }
        }

        /// <summary>
        /// YamlDotNet reports a tab in indentation at the start of the enclosing mapping or at the end of the previous
        /// scalar; the user needs the tab itself: the first one in a line's indentation from the line of the report on.
        /// </summary>
        private static Mark TabAfter(SourceText source, Piece piece, Mark reported)
        {
            string text = source.Text;
            int from = Math.Min(Math.Max(piece.Start, (int)reported.Index), piece.End);
            while (from > piece.Start && text[from - 1] != '\n' && text[from - 1] != '\r') from--;
            bool indentation = true;
            for (int i = from; i < piece.End; i++)
            {
                char c = text[i];
                if (c == '\n' || c == '\r') indentation = true;
                else if (c == '\t' && indentation) return MarkAt(source, i);
                else if (c != ' ') indentation = false;
            }
            return reported;
        }

        private static Mark MarkAt(SourceText source, int offset)
        {
            var (line, column) = source.LineColumn(offset);
            return new Mark(offset, line, column);
        }

        private static IReadOnlyList<SourceSpan> Starts(SourceText source, List<ParsingEvent> events)
        {
            var starts = new List<SourceSpan>();
            foreach (var e in events)
                if (e is DocumentStart) starts.Add(At(source, e.Start));
            return starts;
        }

        private static ParseFailure Fail(SourceText source, Mark mark, string message) => new ParseFailure(At(source, mark), message);

        private static SourceSpan At(SourceText source, Mark mark)
        {
            int offset = Math.Min(source.Text.Length, Math.Max(0, (int)mark.Index));
            int line = (int)mark.Line;
            int column = (int)mark.Column;
            if (line < 1) line = 1;
            if (column < 1) column = 1;
            return new SourceSpan(source.Path, line, column, line, column, offset, offset);
        }

        /// <summary>Line breaks as YamlDotNet counts them (CR LF is one) in <c>text[from..to)</c>.</summary>
        private static int LineBreaks(string text, int from, int to)
        {
            int count = 0;
            for (int i = from; i < to; i++)
            {
                char c = text[i];
                if (c == '\r' && i + 1 < to && text[i + 1] == '\n') continue;
                if (c == '\n' || c == '\r' || c == '\x85' || c == '\u2028' || c == '\u2029') count++;
            }
            return count;
        }

        /// <summary>Splits at <c>---</c> lines; each piece keeps its absolute start offset and starts at a line start.</summary>
        private static IEnumerable<(int Start, string Text)> SplitDocuments(string text)
        {
            int start = 0, pos = 0;
            while (pos < text.Length)
            {
                int end = text.IndexOf('\n', pos);
                if (end < 0) end = text.Length;
                if (pos > start && IsDocumentMarker(text, pos, end))
                {
                    yield return (start, text.Substring(start, pos - start));
                    start = pos;
                }
                pos = end + 1;
            }
            if (start < text.Length) yield return (start, text.Substring(start));
        }

        private static bool IsDocumentMarker(string text, int pos, int end)
        {
            if (end > pos && text[end - 1] == '\r') end--;
            if (end - pos < 3 || string.CompareOrdinal(text, pos, "---", 0, 3) != 0) return false;
            return end - pos == 3 || text[pos + 3] == ' ';
        }

        /// <summary>
        /// Where a piece of the file sits in it. A piece starts at a line start, so moving its marks to the file
        /// adds the offset and the lines before it and leaves columns alone.
        /// </summary>
        private readonly struct Piece
        {
            public Piece(int start, int end, int linesBefore)
            {
                Start = start;
                End = end;
                LinesBefore = linesBefore;
            }

            public int Start { get; }

            public int End { get; }

            public int LinesBefore { get; }

            public Mark Move(Mark mark) =>
                Start == 0 && LinesBefore == 0 ? mark : new Mark(mark.Index + Start, Math.Max(1, mark.Line) + LinesBefore, Math.Max(1, mark.Column));

            public ParsingEvent Move(ParsingEvent e) => Start == 0 && LinesBefore == 0 ? e : WithMarks(e, Move(e.Start), Move(e.End));
        }

        private static ParsingEvent WithMarks(ParsingEvent e, Mark s, Mark n)
        {
            switch (e)
            {
                case Scalar x: return new Scalar(x.Anchor, x.Tag, x.Value, x.Style, x.IsPlainImplicit, x.IsQuotedImplicit, s, n, x.IsKey);
                case MappingStart x: return new MappingStart(x.Anchor, x.Tag, x.IsImplicit, x.Style, s, n);
                case SequenceStart x: return new SequenceStart(x.Anchor, x.Tag, x.IsImplicit, x.Style, s, n);
                case MappingEnd: return new MappingEnd(s, n);
                case SequenceEnd: return new SequenceEnd(s, n);
                case AnchorAlias x: return new AnchorAlias(x.Value, s, n);
                case DocumentStart x: return new DocumentStart(x.Version, x.Tags, x.IsImplicit, s, n);
                case DocumentEnd x: return new DocumentEnd(x.IsImplicit, s, n);
                case StreamStart: return new StreamStart(s, n);
                case StreamEnd: return new StreamEnd(s, n);
                case Comment x: return new Comment(x.Value, x.IsInline, s, n);
                default: return e; // a kind of event newer than this code: better a mark relative to its piece than a crash
            }
        }

        /// <summary>
        /// A piece's text as the parser reads it: the text with spaces added at the start of some lines of
        /// double-quoted scalars. Spaces are only ever added after the ones already there, so marks move back by
        /// a binary search; lines are not added, so a mark keeps its line.
        /// </summary>
        private sealed class Reindented
        {
            private readonly string _text;
            private readonly List<Insertion> _insertions = new List<Insertion>();
            private readonly List<(int Quote, int LastInsertion)> _guesses = new List<(int, int)>();

            public Reindented(string text) => _text = text;

            public TextReader Reader() => _insertions.Count == 0 ? new StringReader(_text) : new InsertingReader(_text, _insertions);

            /// <summary>
            /// Indents every continuation line of the double-quoted scalar whose opening quote the parser put at
            /// <paramref name="quote"/> so that it starts right of the quote, which is right of every block the scalar
            /// sits in. False when that would accept what CloudFormation rejects (a document marker inside the
            /// string, no closing quote) or there is nothing to indent.
            /// </summary>
            /// <param name="closingLineEnd">Where the line with the closing quote ends, in the piece's own text.</param>
            public bool TryIndent(Mark quote, out int closingLineEnd)
            {
                closingLineEnd = -1;
                int open = RestoreOffset((int)quote.Index);
                int after = _insertions.Count == 0 ? 0 : _insertions[_insertions.Count - 1].Offset;
                if (open < after || open >= _text.Length || _text[open] != '"') return false;
                // Spaces before the text: one column right of the quote, which is right of every block the scalar is in.
                var found = new List<Insertion>();
                int close = Scan(open, Math.Max(1, (int)quote.Column), quote.Line, found, out _);
                if (close < 0 || found.Count == 0) return false;
                Add(found, -1);
                closingLineEnd = LineEnd(close);
                return true;
            }

            public bool Guessed => _guesses.Count > 0;

            /// <summary>
            /// Guesses the later double-quoted scalars that need indenting from the lines after <paramref name="from"/>
            /// (a line end): a value or list item that opens a double quote it does not close on its line. A guess is
            /// wrong where the quote is not a scalar's (in a block scalar, a comment, a single-quoted string); then the
            /// parse fails or <see cref="GuessesHold"/> says so.
            /// </summary>
            public void Guess(int from)
            {
                long line = LineOf(from);
                int blockIndent = -1; // the indentation of a block scalar's header while its lines are skipped
                int i = from;
                while (i < _text.Length)
                {
                    if (_text[i] == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n') i++;
                    if (IsBreak(_text[i])) { i++; line++; }
                    int start = i, indent = 0;
                    while (start + indent < _text.Length && _text[start + indent] == ' ') indent++;
                    int end = LineEnd(start);
                    i = end;
                    int at = start + indent;
                    if (at >= end) continue;
                    if (blockIndent >= 0 && indent > blockIndent) continue;
                    blockIndent = -1;
                    while (at + 1 < end && _text[at] == '-' && _text[at + 1] == ' ')
                        for (at += 2; at < end && _text[at] == ' ';) at++;
                    int quote = at < end && _text[at] == '"' ? at : ValueStart(at, end);
                    if (quote < 0 || quote >= end) continue;
                    if (_text[quote] == '|' || _text[quote] == '>')
                    {
                        blockIndent = indent;
                        continue;
                    }
                    if (_text[quote] != '"') continue;
                    var found = new List<Insertion>();
                    int close = Scan(quote, quote - start + 1, line, found, out long closeLine);
                    if (close < 0) return; // no closing quote: the parse will say where
                    if (found.Count > 0)
                    {
                        _guesses.Add((quote, found[found.Count - 1].Offset));
                        Add(found, _guesses.Count - 1);
                    }
                    i = LineEnd(close);
                    line = closeLine;
                }
            }

            /// <summary>True when every guessed quote opened a double-quoted scalar that goes on past the lines indented for it.</summary>
            public bool GuessesHold(List<ParsingEvent> events, int pieceStart)
            {
                // A scalar starts at its tag or anchor when it has one (!Sub "…"), so its quote is the first one after its start.
                var scalars = new List<(int Start, int End)>();
                foreach (var e in events)
                    if (e is Scalar { Style: ScalarStyle.DoubleQuoted })
                        scalars.Add(((int)e.Start.Index - pieceStart, (int)e.End.Index - pieceStart));
                int next = 0;
                foreach (var (quote, last) in _guesses)
                {
                    while (next < scalars.Count && scalars[next].End <= quote) next++;
                    if (next == scalars.Count) return false;
                    var (start, end) = scalars[next];
                    if (start > quote || end <= last || _text.IndexOf('"', start, quote - start) >= 0) return false;
                }
                return true;
            }

            public void DropGuesses()
            {
                var kept = _insertions.Where(x => x.Guess < 0).ToList();
                _insertions.Clear();
                _guesses.Clear();
                Add(kept, -1);
            }

            private void Add(List<Insertion> found, int guess)
            {
                int cum = _insertions.Count == 0 ? 0 : _insertions[_insertions.Count - 1].Cumulative;
                foreach (var insertion in found)
                {
                    cum += insertion.Count;
                    _insertions.Add(insertion with { Cumulative = cum, Guess = guess });
                }
            }

            /// <summary>Where a block mapping value starts on a line holding <c>key: value</c> (after a plain key), or -1.</summary>
            private int ValueStart(int at, int end)
            {
                if (at >= end || "\"'#{[&*!|>%@`".IndexOf(_text[at]) >= 0) return -1;
                for (int i = at; i + 1 < end; i++)
                {
                    char c = _text[i];
                    if (c == '#' && _text[i - 1] == ' ') return -1;
                    if (c != ':' || _text[i + 1] != ' ') continue;
                    for (i += 2; i < end && _text[i] == ' ';) i++;
                    // A tag or an anchor before the value (DisplayName: !Sub "…").
                    while (i < end && (_text[i] == '!' || _text[i] == '&'))
                    {
                        while (i < end && _text[i] != ' ') i++;
                        while (i < end && _text[i] == ' ') i++;
                    }
                    return i;
                }
                return -1;
            }

            private int LineEnd(int at)
            {
                while (at < _text.Length && !IsBreak(_text[at])) at++;
                return at;
            }

            private long LineOf(int offset) => 1 + LineBreaks(_text, 0, offset);

            /// <summary>
            /// Reads the double-quoted scalar opened at <paramref name="open"/> up to its closing quote, which it returns
            /// (-1 when there is none, or a document marker ends it first), and lists the continuation lines that need
            /// spaces to be indented <paramref name="target"/> columns.
            /// </summary>
            private int Scan(int open, int target, long line, List<Insertion> found, out long closeLine)
            {
                closeLine = line;
                for (int i = open + 1; i < _text.Length; i++)
                {
                    char c = _text[i];
                    if (c == '"')
                    {
                        closeLine = line;
                        return i;
                    }
                    if (c == '\\' && i + 1 < _text.Length)
                    {
                        if (!IsBreak(_text[i + 1])) { i++; continue; } // an escape; an escaped line break is a break
                        c = _text[++i];
                    }
                    if (!IsBreak(c)) continue;
                    if (c == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n') i++;
                    line++;
                    int start = i + 1, spaces = 0;
                    while (start + spaces < _text.Length && _text[start + spaces] == ' ') spaces++;
                    int first = start + spaces;
                    while (first < _text.Length && _text[first] == '\t') first++;
                    // PyYAML stops a quoted scalar at a document marker; an empty line needs no indentation.
                    if (spaces == 0 && IsDocumentMarker(_text, start)) return -1;
                    if (first >= _text.Length || IsBreak(_text[first]) || spaces >= target) continue;
                    found.Add(new Insertion(start, target - spaces, line, 0, -1));
                }
                return -1; // no closing quote: the strict error says so
            }

            public Mark Restore(Mark mark)
            {
                int i = Last((int)mark.Index);
                if (i < 0) return mark;
                var at = _insertions[i];
                int patchedStart = at.Offset + at.Cumulative - at.Count;
                int offset = mark.Index < patchedStart + at.Count ? at.Offset : (int)mark.Index - at.Cumulative;
                long column = mark.Line == at.Line ? Math.Max(1, mark.Column - at.Count) : mark.Column;
                return new Mark(offset, mark.Line, column);
            }

            public ParsingEvent Restore(ParsingEvent e) => _insertions.Count == 0 ? e : WithMarks(e, Restore(e.Start), Restore(e.End));

            private int RestoreOffset(int index)
            {
                int i = Last(index);
                return i < 0 ? index : Math.Max(_insertions[i].Offset, index - _insertions[i].Cumulative);
            }

            /// <summary>The last insertion that starts at or before <paramref name="index"/> in the text the parser reads.</summary>
            private int Last(int index)
            {
                int lo = 0, hi = _insertions.Count - 1, found = -1;
                while (lo <= hi)
                {
                    int mid = (lo + hi) >>> 1;
                    var at = _insertions[mid];
                    if (at.Offset + at.Cumulative - at.Count <= index) { found = mid; lo = mid + 1; }
                    else hi = mid - 1;
                }
                return found;
            }

            private static bool IsBreak(char c) => c == '\n' || c == '\r' || c == '\x85' || c == '\u2028' || c == '\u2029';

            private static bool IsDocumentMarker(string text, int at) =>
                at + 3 <= text.Length
                && (string.CompareOrdinal(text, at, "---", 0, 3) == 0 || string.CompareOrdinal(text, at, "...", 0, 3) == 0)
                && (at + 3 == text.Length || text[at + 3] == ' ' || text[at + 3] == '\t' || IsBreak(text[at + 3]));
        }

        /// <param name="Offset">Where, in the original text, the spaces go (a line start).</param>
        /// <param name="Line">The line, as the parser counts, from 1 in the piece.</param>
        /// <param name="Cumulative">Spaces added up to and including these.</param>
        /// <param name="Guess">The guess these spaces belong to, or -1 when the parser asked for them.</param>
        private readonly record struct Insertion(int Offset, int Count, long Line, int Cumulative, int Guess);

        /// <summary>Reads the text with the insertions' spaces, without building the longer string.</summary>
        private sealed class InsertingReader : TextReader
        {
            private readonly string _text;
            private readonly List<Insertion> _insertions;
            private int _position, _next, _spaces;

            public InsertingReader(string text, List<Insertion> insertions)
            {
                _text = text;
                _insertions = insertions;
            }

            public override int Peek()
            {
                if (_spaces > 0 || _next < _insertions.Count && _insertions[_next].Offset == _position) return ' ';
                return _position < _text.Length ? _text[_position] : -1;
            }

            public override int Read()
            {
                int c = Peek();
                if (c < 0) return c;
                if (_spaces == 0 && _next < _insertions.Count && _insertions[_next].Offset == _position) _spaces = _insertions[_next++].Count;
                if (_spaces > 0) _spaces--;
                else _position++;
                return c;
            }

            public override int Read(char[] buffer, int index, int count)
            {
                int written = 0;
                while (written < count)
                {
                    if (_spaces == 0 && _next < _insertions.Count && _insertions[_next].Offset == _position) _spaces = _insertions[_next++].Count;
                    if (_spaces > 0)
                    {
                        int n = Math.Min(_spaces, count - written);
                        for (int k = 0; k < n; k++) buffer[index + written + k] = ' ';
                        _spaces -= n;
                        written += n;
                        continue;
                    }
                    int until = _next < _insertions.Count ? _insertions[_next].Offset : _text.Length;
                    int take = Math.Min(until - _position, count - written);
                    if (take <= 0) break;
                    _text.CopyTo(_position, buffer, index + written, take);
                    _position += take;
                    written += take;
                }
                return written;
            }
        }

        /// <summary>Feeds already parsed events to the representation model.</summary>
        private sealed class ReplayParser : IParser
        {
            private readonly List<ParsingEvent> _events;
            private int _index = -1;

            public ReplayParser(List<ParsingEvent> events) => _events = events;

            public ParsingEvent? Current => _index >= 0 && _index < _events.Count ? _events[_index] : null;

            /// <summary>Where the model stopped reading, for errors that carry no position of their own.</summary>
            public Mark Position => _events.Count == 0 ? Mark.Empty : _events[Math.Min(Math.Max(_index, 0), _events.Count - 1)].Start;

            public bool MoveNext() => ++_index < _events.Count;
        }

        // The frames of the thread's last file: the next file reuses them (15 MB of key arrays at 10,000 files otherwise).
        [ThreadStatic]
        private static Frames? _frames;

        /// <summary>The thread's event list, reused from file to file (a new one for every file was 9 MB of a 10,000-file scan).</summary>
        [ThreadStatic]
        private static List<ParsingEvent>? _threadEvents;

        private const int MaxKeptEvents = 1 << 16;

        /// <summary>
        /// The open mappings and sequences, innermost last. A frame is reused by the next collection opened at its depth
        /// (a popped frame is read before anything is pushed): a document opens a frame for every mapping, and at 10,000
        /// files new frames and their key arrays were 50 MB of allocations.
        /// </summary>
        private sealed class Frames
        {
            private readonly List<Frame> _frames = new List<Frame>();

            public int Count { get; private set; }

            public void Clear() => Count = 0;

            public Frame Peek() => _frames[Count - 1];

            public Frame Pop() => _frames[--Count];

            public void Push(bool isMapping, string? anchor, long nodesAtStart)
            {
                if (Count == _frames.Count) _frames.Add(new Frame());
                _frames[Count++].Open(isMapping, anchor, nodesAtStart);
            }

            public bool AnyAnchored(string name)
            {
                for (int i = 0; i < Count; i++)
                    if (_frames[i].Anchor == name) return true;
                return false;
            }
        }

        private sealed class Frame
        {
            public void Open(bool isMapping, string? anchor, long nodesAtStart)
            {
                IsMapping = isMapping;
                Anchor = anchor;
                NodesAtStart = nodesAtStart;
                Children = 0;
                LastChild = default;
                _fewCount = 0;
                _keys = null;
            }

            public bool IsMapping { get; private set; }

            public string? Anchor { get; private set; }

            public long NodesAtStart { get; private set; }

            public int Children { get; private set; }

            public Mark LastChild { get; private set; }

            public void Child(Mark start)
            {
                Children++;
                LastChild = start;
            }

            // Most mappings have a handful of keys: those are compared one by one, and a map is made only for a large one.
            private const int SmallMapping = 8;
            private (string Key, Mark At)[]? _few;
            private int _fewCount;
            private Dictionary<string, Mark>? _keys;

            /// <summary>Where the mapping first set <paramref name="key"/> when it sets it again now; null the first time.</summary>
            public Mark? FirstKeyAt(string key, Mark at)
            {
                if (_keys is not null)
                {
                    if (_keys.TryGetValue(key, out var first)) return first;
                    _keys.Add(key, at);
                    return null;
                }
                _few ??= new (string, Mark)[SmallMapping];
                for (int i = 0; i < _fewCount; i++)
                    if (string.Equals(_few[i].Key, key, StringComparison.Ordinal)) return _few[i].At;
                if (_fewCount < SmallMapping)
                {
                    _few[_fewCount++] = (key, at);
                    return null;
                }
                _keys = new Dictionary<string, Mark>(2 * SmallMapping, StringComparer.Ordinal);
                foreach (var (k, m) in _few) _keys.Add(k, m);
                _keys.Add(key, at);
                return null;
            }
        }
    }
}

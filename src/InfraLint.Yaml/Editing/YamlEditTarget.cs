using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using InfraLint.Core.Engine;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Editing
{
    /// <summary>
    /// Sets a value at a key path below a mapping, editing only the characters that must change: an
    /// existing scalar is replaced in place; a missing key (and any missing parent mappings) is inserted
    /// as new lines after the mapping's last entry at the mapping's own indentation, so comments,
    /// ordering and formatting elsewhere are untouched. A key the mapping gets from a merge key (<c>&lt;&lt;: *defaults</c>) is
    /// set by a local override in the merging mapping, never in the shared anchor; below a merged key nothing is set,
    /// since a local override of it would replace the whole merged mapping (merges are shallow).
    /// </summary>
    public sealed class YamlEditTarget : EditTarget
    {
        private static readonly Regex PlainSafe = new Regex(@"^[A-Za-z_/][A-Za-z0-9_./:@-]*$");

        // The file's line map, not its text: all a fix needs to turn the offsets below into spans.
        private readonly SourceLines _lines;
        private readonly string[] _path;

        // What an edit will do, decided from the YAML when the target is made. The nodes themselves are not kept: a target
        // lives as long as its fact, and a node would keep its whole document alive until then. A scan keeps about ten
        // targets per file, so they hold offsets and an index into the path rather than a span and a second array.
        private readonly int _replaceStart = -1;
        private readonly int _replaceEnd = -1;

        /// <summary>The index of the first key to insert; -1 when nothing is inserted (the key is there, or it is merged in).</summary>
        private readonly int _missingFrom = -1;

        private readonly Insertion? _insertion;

        public YamlEditTarget(SourceText source, YamlMappingNode parent, params string[] path)
            : this(source, parent, path, null)
        {
        }

        /// <param name="insertions">
        /// Where keys go into each mapping, by node identity (<see cref="NewInsertions"/>): shared by the targets of one file,
        /// which find the same mapping again and again.
        /// </param>
        internal YamlEditTarget(SourceText source, YamlMappingNode parent, string[] path, Dictionary<object, Insertion>? insertions)
        {
            if (path.Length == 0) throw new ArgumentException("An edit needs at least one key.", nameof(path));
            _lines = source.Lines;
            _path = path;
            var (mapping, i) = DeepestExisting(parent, path, path.Length - 1);
            var existing = mapping.Get(path[i]);
            if (existing is not null)
            {
                // Only a scalar at the very end can be replaced; anything else (a null parent, a list) is not ours to rewrite.
                if (i == path.Length - 1) (_replaceStart, _replaceEnd) = Replaceable(existing, source);
            }
            // A key merged in from an anchor (`<<: *defaults`) is shared by every mapping that merges it: not ours to extend.
            else if (i == path.Length - 1 || mapping.Merged(path[i]) is null)
            {
                _missingFrom = i;
                _insertion = InsertionInto(mapping, source, insertions);
            }
        }

        private YamlEditTarget(SourceLines lines, string[] path, (int Start, int End) replace, int missingFrom, Insertion? insertion)
        {
            _lines = lines;
            _path = path;
            (_replaceStart, _replaceEnd) = replace;
            _missingFrom = missingFrom;
            _insertion = insertion;
        }

        /// <summary>
        /// What <c>new YamlEditTarget(source, parent, prefix + key)</c> is, for any one key, decided now. It keeps what the walk
        /// along <paramref name="prefix"/> found and the spans of the last mapping's values, not the nodes: a fact keeps it
        /// (to set a label or a limit) and must not keep its document alive with it.
        /// </summary>
        internal static Func<string, EditTarget?> KeySetter(SourceText source, YamlMappingNode parent, string[] prefix)
        {
            var lines = source.Lines;
            var (mapping, i) = DeepestExisting(parent, prefix, prefix.Length);
            if (i < prefix.Length)
            {
                // The walk stops before the prefix ends: what exists, what is blocked and where keys go are the same for every key.
                bool inserts = mapping.Get(prefix[i]) is null && mapping.Merged(prefix[i]) is null;
                var insertion = inserts ? InsertionInto(mapping, source, null) : null;
                return key => new YamlEditTarget(lines, prefix.Append(key).ToArray(), NoReplace, inserts ? i : -1, insertion);
            }
            // The prefix exists: a key is replaced in place when it has a value, inserted after the mapping's entries when missing.
            var values = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            foreach (var entry in mapping.Children)
                if (entry.Key is YamlScalarNode { Value: { } name } && !values.ContainsKey(name)) values[name] = Replaceable(entry.Value, source);
            var after = InsertionInto(mapping, source, null);
            return key => values.TryGetValue(key, out var replace)
                ? new YamlEditTarget(lines, prefix.Append(key).ToArray(), replace, -1, null)
                : new YamlEditTarget(lines, prefix.Append(key).ToArray(), NoReplace, prefix.Length, after);
        }

        private static readonly (int, int) NoReplace = (-1, -1);

        internal static Dictionary<object, Insertion> NewInsertions() => new Dictionary<object, Insertion>(Identity.Instance);

        /// <summary>The offsets of a value that can be replaced in place (a scalar written with some text), or (-1, -1).</summary>
        private static (int Start, int End) Replaceable(YamlNode node, SourceText source) =>
            node is YamlScalarNode scalar && scalar.Value is not null && scalar.Span(source) is { Length: > 0 } span ? (span.StartOffset, span.EndOffset) : NoReplace;

        public override string Describe => string.Join(".", _path);

        public override IReadOnlyList<TextEdit> Set(object value)
        {
            if (_replaceStart >= 0) return new[] { new TextEdit(_lines.Span(_replaceStart, _replaceEnd), Render(value)) };
            return _missingFrom >= 0 ? Insert(MissingKeys, value, asList: false) : Array.Empty<TextEdit>();
        }

        /// <summary>Creates the key (which must be missing) holding a one-item list: <c>key:\n  - item</c>.</summary>
        internal IReadOnlyList<TextEdit> InsertList(object item) =>
            _missingFrom >= 0 ? Insert(MissingKeys, item, asList: true) : Array.Empty<TextEdit>();

        private string[] MissingKeys => _missingFrom == 0 ? _path : _path.Skip(_missingFrom).ToArray();

        /// <summary>The deepest mapping on the path that exists, walking the first <paramref name="walk"/> keys, and the index of the first key below it.</summary>
        private static (YamlMappingNode Mapping, int Index) DeepestExisting(YamlMappingNode parent, string[] path, int walk)
        {
            var mapping = parent;
            int i = 0;
            while (i < walk && mapping.Get(path[i]) is YamlMappingNode child)
            {
                mapping = child;
                i++;
            }
            return (mapping, i);
        }

        /// <summary>Where keys missing from a mapping are written: after its last entry (block) or before its closing brace (flow).</summary>
        internal sealed class Insertion
        {
            public bool Flow { get; init; }

            /// <summary>The offset the new text goes in at; -1 when the mapping offers no place (an empty block mapping, an unbalanced flow one).</summary>
            public int At { get; init; }

            public int Indent { get; init; }

            public bool HasEntries { get; init; }
        }

        private static Insertion InsertionInto(YamlMappingNode mapping, SourceText source, Dictionary<object, Insertion>? insertions)
        {
            // No lock: a file's targets are made while its tree is read, on the one thread that reads it (facts keep no tree).
            if (insertions is null) return InsertionInto(mapping, source);
            if (!insertions.TryGetValue(mapping, out var insertion)) insertions[mapping] = insertion = InsertionInto(mapping, source);
            return insertion;
        }

        private static Insertion InsertionInto(YamlMappingNode mapping, SourceText source)
        {
            if (mapping.Style == MappingStyle.Flow)
            {
                int end = FlowEnd(YamlNodes.Offset(mapping.Start, source), source.Text) - 1;
                bool closes = end >= 0 && source.Text[end] == '}';
                return new Insertion { Flow = true, At = closes ? end : -1, HasEntries = mapping.Children.Count > 0 };
            }
            var first = mapping.Children.Keys.FirstOrDefault();
            if (first is null) return new Insertion { At = -1 };
            var (line, _) = source.LineColumn(LastContentOffset(mapping, source));
            return new Insertion { At = source.LineEnd(line), Indent = (int)first.Start.Column - 1 };
        }

        private IReadOnlyList<TextEdit> Insert(string[] keys, object value, bool asList)
        {
            var insertion = _insertion!;
            if (insertion.At < 0) return Array.Empty<TextEdit>();
            if (insertion.Flow) return InsertFlow(insertion, keys, asList ? new[] { value } : value);
            int indent = insertion.Indent;
            string nl = _lines.NewLine;
            var text = new StringBuilder();
            for (int k = 0; k < keys.Length; k++)
            {
                text.Append(nl).Append(' ', indent + 2 * k).Append(Key(keys[k])).Append(':');
                if (k < keys.Length - 1) continue;
                if (asList) text.Append(nl).Append(' ', indent + 2 * k + 2).Append("- ").Append(Render(value));
                else text.Append(' ').Append(Render(value));
            }
            return new[] { new TextEdit(_lines.Span(insertion.At, insertion.At), text.ToString()) };
        }

        private IReadOnlyList<TextEdit> InsertFlow(Insertion insertion, string[] keys, object value)
        {
            string nested = Render(value);
            for (int k = keys.Length - 1; k >= 0; k--)
                nested = k == keys.Length - 1 ? $"{Key(keys[k])}: {nested}" : $"{Key(keys[k])}: {{{nested}}}";
            string text = insertion.HasEntries ? ", " + nested : nested;
            return new[] { new TextEdit(_lines.Span(insertion.At, insertion.At), text) };
        }

        /// <summary>Offset just past the last character written for the mapping's last entry (descending to its last scalar).</summary>
        private static int LastContentOffset(YamlNode node, SourceText source)
        {
            while (true)
            {
                switch (node)
                {
                    case YamlMappingNode m when m.Children.Count > 0 && m.Style != MappingStyle.Flow:
                    {
                        var last = m.Children[m.Children.Count - 1];
                        // A value written as an alias (`<<: *defaults`) is the anchor's node, somewhere before: the entry ends on its key's line.
                        if (YamlNodes.Offset(last.Value.Start, source) < YamlNodes.Offset(last.Key.Start, source))
                        {
                            var (keyLine, _) = source.LineColumn(YamlNodes.Offset(last.Key.Start, source));
                            int lineEnd = source.LineEnd(keyLine);
                            while (lineEnd > 0 && char.IsWhiteSpace(source.Text[lineEnd - 1])) lineEnd--;
                            return Math.Max(lineEnd - 1, 0);
                        }
                        node = last.Value;
                        continue;
                    }
                    case YamlSequenceNode s when s.Children.Count > 0 && s.Style != SequenceStyle.Flow:
                        node = s.Children.Last();
                        continue;
                }
                // YamlDotNet gives collections no end mark of their own, so a flow collection is measured by bracket matching.
                int end = node is YamlScalarNode ? YamlNodes.Offset(node.End, source) : FlowEnd(YamlNodes.Offset(node.Start, source), source.Text);
                while (end > 0 && char.IsWhiteSpace(source.Text[end - 1])) end--;
                return Math.Max(end - 1, 0);
            }
        }

        /// <summary>Offset just past the bracket that closes the flow collection opening at <paramref name="start"/>; -1 if unbalanced.</summary>
        private static int FlowEnd(int start, string text)
        {
            if (start >= text.Length || (text[start] != '{' && text[start] != '[')) return start;
            int depth = 0;
            char quote = '\0';
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (quote != '\0')
                {
                    if (c == '\\' && quote == '"') i++;
                    else if (c == quote) quote = '\0';
                    continue;
                }
                switch (c)
                {
                    case '"':
                    case '\'':
                        quote = c;
                        break;
                    case '{':
                    case '[':
                        depth++;
                        break;
                    case '}':
                    case ']':
                        if (--depth == 0) return i + 1;
                        break;
                }
            }
            return -1;
        }

        private static string Key(string key) => PlainSafe.IsMatch(key) ? key : Quote(key);

        /// <summary>Renders a value as a YAML scalar that reads back as the same type.</summary>
        public static string Render(object value)
        {
            switch (value)
            {
                case bool b:
                    return b ? "true" : "false";
                case int or long or short or byte:
                    return Convert.ToString(value, CultureInfo.InvariantCulture)!;
                case double d:
                    return d.ToString("R", CultureInfo.InvariantCulture);
                case object[] items:
                    return "[" + string.Join(", ", items.Select(Render)) + "]";
                case string s:
                    bool ambiguous = YamlNodes.IsNull(s) || YamlNodes.Bool(new YamlScalarNode(s)) is not null
                        || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                    return !ambiguous && PlainSafe.IsMatch(s) ? s : Quote(s);
                default:
                    return Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        private static string Quote(string s) =>
            "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
    }
}

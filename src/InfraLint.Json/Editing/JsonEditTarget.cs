using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Json.Syntax;

namespace InfraLint.Json.Editing
{
    /// <summary>
    /// Sets a value at a key path below an object, editing only the characters that must change: an existing scalar is
    /// replaced in place; a missing key (and any missing parent objects) becomes a new member after the last member of
    /// the deepest object that exists, with a comma after its predecessor, at the indentation of its siblings, or inline
    /// when the object is written on one line.
    /// </summary>
    public sealed class JsonEditTarget : EditTarget
    {
        private readonly string[] _path;

        // What an edit will do, decided from the tree when the target is made: a fact keeps its targets to the end of the
        // scan, and one that kept a mapping would keep the file's whole tree alive.
        private readonly SourceSpan? _replace;

        /// <summary>The index of the first key to insert; -1 when nothing is inserted.</summary>
        private readonly int _missingFrom = -1;

        private readonly JsonInsertion? _insertion;

        internal JsonEditTarget(SourceText source, TreeMapping parent, params string[] path)
        {
            if (path.Length == 0) throw new ArgumentException("An edit needs at least one key.", nameof(path));
            _path = path;
            var mapping = parent;
            int i = 0;
            while (i < path.Length - 1 && mapping.Get(path[i]) is TreeMapping child)
            {
                mapping = child;
                i++;
            }
            var existing = mapping.Get(path[i]);
            if (existing is null)
            {
                _missingFrom = i;
                _insertion = JsonInsertion.Into(source, mapping);
            }
            // Only a scalar at the very end can be replaced; an object, an array or a scalar on the way is not ours to rewrite.
            else if (i == path.Length - 1 && existing is TreeScalar scalar)
                _replace = scalar.Span;
        }

        public override string Describe => string.Join(".", _path);

        public override IReadOnlyList<TextEdit> Set(object value)
        {
            string? rendered = JsonText.Render(value);
            if (rendered is null) return Array.Empty<TextEdit>();
            if (_replace is not null) return new[] { new TextEdit(_replace, rendered) };
            return _insertion is null ? Array.Empty<TextEdit>() : _insertion.Edits(_path.Skip(_missingFrom).ToArray(), rendered);
        }

        /// <summary>
        /// Where members go into one object and how they are laid out, decided from the tree: after the last member (with a
        /// comma), inline when the object is written on one line, else on a line of its own at the members' indentation.
        /// </summary>
        internal sealed class JsonInsertion
        {
            private readonly SourceLines _lines;
            private readonly int _open;
            private readonly int _lastMemberEnd;
            private readonly bool _inline;
            private readonly string _indent;
            private readonly string _step;

            private JsonInsertion(SourceText source, int open, int lastMemberEnd, bool inline, string indent, string step)
            {
                _lines = source.Lines;
                _open = open;
                _lastMemberEnd = lastMemberEnd;
                _inline = inline;
                _indent = indent;
                _step = step;
            }

            /// <summary>Null when the mapping is not a JSON object of this file.</summary>
            public static JsonInsertion? Into(SourceText source, TreeMapping mapping)
            {
                if (mapping.Origin is not JsonOrigin origin) return null;
                if (mapping.Span.StartLine == mapping.Span.EndLine)
                    return new JsonInsertion(source, mapping.Span.StartOffset, origin.LastMemberEnd, true, string.Empty, string.Empty);
                string outer = JsonLayout.Indent(source, mapping.Span.StartLine);
                string? siblings = null;
                foreach (var entry in mapping.Entries)
                {
                    if (!JsonLayout.FirstOnLine(source, entry.Key.Span.StartOffset)) continue;
                    siblings = JsonLayout.Indent(source, entry.Key.Span.StartLine);
                    break;
                }
                string step = JsonLayout.Step(source, outer, siblings);
                return new JsonInsertion(source, mapping.Span.StartOffset, origin.LastMemberEnd, false, siblings ?? outer + step, step);
            }

            /// <summary>Inserts <paramref name="keys"/> (the first missing in the object, the rest nested objects) holding the JSON text <paramref name="value"/>.</summary>
            public IReadOnlyList<TextEdit> Edits(string[] keys, string value)
            {
                if (keys.Length == 0) return Array.Empty<TextEdit>();
                bool empty = _lastMemberEnd < 0;
                if (_inline)
                {
                    string member = Inline(keys, 0, value);
                    return empty ? Edit(_lines, _open + 1, member) : Edit(_lines, _lastMemberEnd, ", " + member);
                }
                string nl = _lines.NewLine;
                var text = new StringBuilder();
                text.Append(empty ? string.Empty : ",").Append(nl).Append(_indent);
                Block(text, keys, 0, value, _indent, _step, nl);
                return Edit(_lines, empty ? _open + 1 : _lastMemberEnd, text.ToString());
            }
        }

        private static string Inline(string[] keys, int k, string value) =>
            JsonText.Quote(keys[k]) + ": " + (k == keys.Length - 1 ? value : "{" + Inline(keys, k + 1, value) + "}");

        private static void Block(StringBuilder text, string[] keys, int k, string value, string indent, string step, string nl)
        {
            text.Append(JsonText.Quote(keys[k])).Append(": ");
            if (k == keys.Length - 1)
            {
                text.Append(value);
                return;
            }
            text.Append('{').Append(nl).Append(indent).Append(step);
            Block(text, keys, k + 1, value, indent + step, step, nl);
            text.Append(nl).Append(indent).Append('}');
        }

        private static IReadOnlyList<TextEdit> Edit(SourceLines source, int at, string text) =>
            new[] { new TextEdit(source.Span(at, at), text) };
    }
}

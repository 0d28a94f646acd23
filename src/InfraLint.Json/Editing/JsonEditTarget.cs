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
        private readonly SourceText _source;
        private readonly TreeMapping _parent;
        private readonly string[] _path;

        internal JsonEditTarget(SourceText source, TreeMapping parent, params string[] path)
        {
            if (path.Length == 0) throw new ArgumentException("An edit needs at least one key.", nameof(path));
            _source = source;
            _parent = parent;
            _path = path;
        }

        public override string Describe => string.Join(".", _path);

        public override IReadOnlyList<TextEdit> Set(object value)
        {
            string? rendered = JsonText.Render(value);
            if (rendered is null) return Array.Empty<TextEdit>();
            var mapping = _parent;
            int i = 0;
            while (i < _path.Length - 1 && mapping.Get(_path[i]) is TreeMapping child)
            {
                mapping = child;
                i++;
            }
            var existing = mapping.Get(_path[i]);
            if (existing is null) return Insert(_source, mapping, _path.Skip(i).ToArray(), rendered);
            // Only a scalar at the very end can be replaced; an object, an array or a scalar on the way is not ours to rewrite.
            if (i != _path.Length - 1 || existing is not TreeScalar scalar) return Array.Empty<TextEdit>();
            return new[] { new TextEdit(scalar.Span, rendered) };
        }

        /// <summary>Inserts <paramref name="keys"/> (the first missing in <paramref name="mapping"/>, the rest nested objects) holding the JSON text <paramref name="value"/>.</summary>
        internal static IReadOnlyList<TextEdit> Insert(SourceText source, TreeMapping mapping, string[] keys, string value)
        {
            if (mapping.Origin is not JsonOrigin origin || keys.Length == 0) return Array.Empty<TextEdit>();
            int open = mapping.Span.StartOffset;
            bool empty = origin.LastMemberEnd < 0;
            if (mapping.Span.StartLine == mapping.Span.EndLine)
            {
                string member = Inline(keys, 0, value);
                return empty ? Edit(source, open + 1, member) : Edit(source, origin.LastMemberEnd, ", " + member);
            }

            string outer = JsonLayout.Indent(source, mapping.Span.StartLine);
            string? siblings = null;
            foreach (var entry in mapping.Entries)
            {
                if (!JsonLayout.FirstOnLine(source, entry.Key.Span.StartOffset)) continue;
                siblings = JsonLayout.Indent(source, entry.Key.Span.StartLine);
                break;
            }
            string step = JsonLayout.Step(source, outer, siblings);
            string indent = siblings ?? outer + step;
            string nl = source.NewLine;
            var text = new StringBuilder();
            text.Append(empty ? string.Empty : ",").Append(nl).Append(indent);
            Block(text, keys, 0, value, indent, step, nl);
            return Edit(source, empty ? open + 1 : origin.LastMemberEnd, text.ToString());
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

        private static IReadOnlyList<TextEdit> Edit(SourceText source, int at, string text) =>
            new[] { new TextEdit(source.Span(at, at), text) };
    }
}

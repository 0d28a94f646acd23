using System;
using System.Collections.Generic;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Json.Syntax;

namespace InfraLint.Json.Editing
{
    /// <summary>
    /// An attribute a format expresses as an item in an array: setting it to <see cref="WhenValue"/> appends
    /// <see cref="Item"/> to the array at the key (creating it as <c>"key": ["item"]</c>); any other value has no
    /// mechanical edit.
    /// </summary>
    public sealed class JsonListAppendTarget : ListAppendTarget
    {
        private readonly SourceLines _lines;

        // Decided from the tree when the target is made, without keeping the owner (it would keep the file's tree alive):
        // the new array's place when the key is missing, else where the item goes and what comes before it.
        private readonly JsonEditTarget.JsonInsertion? _create;
        private readonly int _appendAt = -1;
        private readonly string _before = string.Empty;

        internal JsonListAppendTarget(SourceText source, TreeMapping owner, string key, string item, object whenValue)
            : base(key, item, whenValue)
        {
            _lines = source.Lines;
            var list = owner.Get(Key);
            if (list is null)
            {
                _create = JsonEditTarget.JsonInsertion.Into(source, owner);
                return;
            }
            if (list is not TreeSequence sequence || sequence.Origin is not JsonOrigin origin) return;

            int open = sequence.Span.StartOffset;
            bool multiLine = sequence.Span.StartLine != sequence.Span.EndLine;
            if (origin.LastMemberEnd < 0)
            {
                _appendAt = open + 1;
                if (multiLine) _before = source.NewLine + JsonLayout.Indent(source, sequence.Span.StartLine) + JsonLayout.Unit(source);
                return;
            }
            var last = sequence.Items[sequence.Items.Count - 1];
            _appendAt = origin.LastMemberEnd;
            // An array with one item a line gets a new line; one written inline stays inline.
            _before = multiLine && last.Span.StartLine != sequence.Span.StartLine && JsonLayout.FirstOnLine(source, last.Span.StartOffset)
                ? "," + source.NewLine + JsonLayout.Indent(source, last.Span.StartLine)
                : ", ";
        }

        protected override IReadOnlyList<TextEdit> Append()
        {
            string item = JsonText.Quote(Item);
            if (_create is not null) return _create.Edits(new[] { Key }, "[" + item + "]");
            return _appendAt < 0 ? Array.Empty<TextEdit>() : Edit(_appendAt, _before + item);
        }

        private IReadOnlyList<TextEdit> Edit(int at, string text) => new[] { new TextEdit(_lines.Span(at, at), text) };
    }
}

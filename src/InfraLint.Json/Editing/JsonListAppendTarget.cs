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
        private readonly SourceText _source;
        private readonly TreeMapping _owner;

        internal JsonListAppendTarget(SourceText source, TreeMapping owner, string key, string item, object whenValue)
            : base(key, item, whenValue)
        {
            _source = source;
            _owner = owner;
        }

        protected override IReadOnlyList<TextEdit> Append()
        {
            string item = JsonText.Quote(Item);
            var list = _owner.Get(Key);
            if (list is null) return JsonEditTarget.Insert(_source, _owner, new[] { Key }, "[" + item + "]");
            if (list is not TreeSequence sequence || sequence.Origin is not JsonOrigin origin) return Array.Empty<TextEdit>();

            int open = sequence.Span.StartOffset;
            bool multiLine = sequence.Span.StartLine != sequence.Span.EndLine;
            if (origin.LastMemberEnd < 0)
            {
                if (!multiLine) return Edit(open + 1, item);
                string outer = JsonLayout.Indent(_source, sequence.Span.StartLine);
                return Edit(open + 1, _source.NewLine + outer + JsonLayout.Unit(_source) + item);
            }
            var last = sequence.Items[sequence.Items.Count - 1];
            // An array with one item a line gets a new line; one written inline stays inline.
            if (multiLine && last.Span.StartLine != sequence.Span.StartLine && JsonLayout.FirstOnLine(_source, last.Span.StartOffset))
                return Edit(origin.LastMemberEnd, "," + _source.NewLine + JsonLayout.Indent(_source, last.Span.StartLine) + item);
            return Edit(origin.LastMemberEnd, ", " + item);
        }

        private IReadOnlyList<TextEdit> Edit(int at, string text) => new[] { new TextEdit(_source.Span(at, at), text) };
    }
}

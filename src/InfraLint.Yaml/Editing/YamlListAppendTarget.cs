using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Parsing;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Editing
{
    /// <summary>
    /// An attribute that a format expresses as an item in a list, e.g. compose's
    /// <c>security_opt: [no-new-privileges:true]</c> for "allowPrivilegeEscalation: false". Setting the
    /// attribute to <see cref="WhenValue"/> appends <see cref="Item"/> (creating the list if needed);
    /// any other value has no mechanical edit.
    /// </summary>
    public sealed class YamlListAppendTarget : ListAppendTarget
    {
        private readonly SourceText _source;
        private readonly YamlMappingNode _owner;

        public YamlListAppendTarget(SourceText source, YamlMappingNode owner, string key, string item, object whenValue)
            : base(key, item, whenValue)
        {
            _source = source;
            _owner = owner;
        }

        protected override IReadOnlyList<TextEdit> Append()
        {
            var list = _owner.Get(Key);
            if (list is null) return new YamlEditTarget(_source, _owner, Key).InsertList(Item);
            if (list is not YamlSequenceNode sequence || sequence.Children.Count == 0) return Array.Empty<TextEdit>();
            var last = sequence.Children.Last();
            if (last is not YamlScalarNode lastScalar) return Array.Empty<TextEdit>();
            var lastSpan = lastScalar.Span(_source);
            if (sequence.Style == SequenceStyle.Flow)
                return new[] { new TextEdit(_source.Span(lastSpan.EndOffset, lastSpan.EndOffset), ", " + YamlEditTarget.Render(Item)) };
            // Block list: a new "- item" line at the column of the last item's dash.
            int dashColumn = Math.Max(1, lastSpan.StartColumn - 2);
            int at = _source.LineEnd(lastSpan.EndLine);
            string text = _source.NewLine + new string(' ', dashColumn - 1) + "- " + YamlEditTarget.Render(Item);
            return new[] { new TextEdit(_source.Span(at, at), text) };
        }
    }
}

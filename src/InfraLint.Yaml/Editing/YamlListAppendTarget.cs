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
        private readonly SourceLines _lines;

        // Decided from the YAML when the target is made, without keeping the node (it would keep its document alive).
        private readonly YamlEditTarget? _create;
        private readonly int _appendAt = -1;
        private readonly string? _appendPrefix;

        public YamlListAppendTarget(SourceText source, YamlMappingNode owner, string key, string item, object whenValue)
            : base(key, item, whenValue)
        {
            _lines = source.Lines;
            var list = owner.Get(Key);
            if (list is null)
            {
                _create = new YamlEditTarget(source, owner, Key);
                return;
            }
            if (list is not YamlSequenceNode sequence || sequence.Children.Count == 0) return;
            if (sequence.Children.Last() is not YamlScalarNode lastScalar) return;
            var lastSpan = lastScalar.Span(source);
            if (sequence.Style == SequenceStyle.Flow)
            {
                _appendAt = lastSpan.EndOffset;
                _appendPrefix = ", ";
                return;
            }
            // Block list: a new "- item" line at the column of the last item's dash.
            int dashColumn = Math.Max(1, lastSpan.StartColumn - 2);
            _appendAt = source.LineEnd(lastSpan.EndLine);
            _appendPrefix = source.NewLine + new string(' ', dashColumn - 1) + "- ";
        }

        protected override IReadOnlyList<TextEdit> Append()
        {
            if (_create is not null) return _create.InsertList(Item);
            if (_appendAt < 0 || _appendPrefix is null) return Array.Empty<TextEdit>();
            return new[] { new TextEdit(_lines.Span(_appendAt, _appendAt), _appendPrefix + YamlEditTarget.Render(Item)) };
        }
    }
}

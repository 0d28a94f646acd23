using System;
using System.Collections.Generic;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Editing
{
    /// <summary>
    /// Replaces one existing scalar (a list item such as a container argument) in place, keeping its quoting
    /// style, so <c>["--dtype", "float32"]</c> becomes <c>["--dtype", "bfloat16"]</c> and nothing else moves.
    /// </summary>
    public sealed class YamlScalarEditTarget : EditTarget
    {
        private readonly SourceText _source;
        private readonly YamlScalarNode _node;
        private readonly string _path;

        public YamlScalarEditTarget(SourceText source, YamlScalarNode node, string path)
        {
            _source = source;
            _node = node;
            _path = path;
        }

        public override string Describe => _path;

        public override IReadOnlyList<TextEdit> Set(object value)
        {
            var span = _node.Span(_source);
            if (span.Length == 0 || _node.Style is ScalarStyle.Literal or ScalarStyle.Folded) return Array.Empty<TextEdit>();
            string text = value is string s
                ? _node.Style switch
                {
                    ScalarStyle.DoubleQuoted => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
                    ScalarStyle.SingleQuoted => "'" + s.Replace("'", "''") + "'",
                    _ => YamlEditTarget.Render(s),
                }
                : YamlEditTarget.Render(value);
            return new[] { new TextEdit(span, text) };
        }
    }
}

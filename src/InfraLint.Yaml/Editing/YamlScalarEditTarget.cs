using System;
using System.Collections.Generic;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
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
        // The span and the quoting are taken when the target is made: the node would keep its whole document alive.
        private readonly SourceSpan _span;
        private readonly ScalarStyle _style;
        private readonly string _path;

        public YamlScalarEditTarget(SourceText source, YamlScalarNode node, string path)
        {
            _span = node.Span(source);
            _style = node.Style;
            _path = SharedStrings.Of(path);
        }

        public override string Describe => _path;

        public override IReadOnlyList<TextEdit> Set(object value)
        {
            var span = _span;
            if (span.Length == 0 || _style is ScalarStyle.Literal or ScalarStyle.Folded) return Array.Empty<TextEdit>();
            string text = value is string s
                ? _style switch
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

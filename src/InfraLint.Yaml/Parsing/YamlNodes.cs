using System;
using System.Collections.Generic;
using System.Globalization;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Parsing
{
    /// <summary>Small, null-tolerant accessors over the YamlDotNet representation model, with exact spans.</summary>
    public static class YamlNodes
    {
        public static YamlNode? Get(this YamlMappingNode? mapping, string key) =>
            IndexOf(mapping, key) is int i and >= 0 ? mapping!.Children[i].Value : null;

        // By index: enumerating a mapping's children boxes an enumerator, and edit targets look keys up by the hundred thousand.
        private static int IndexOf(YamlMappingNode? mapping, string key)
        {
            if (mapping is null) return -1;
            var children = mapping.Children;
            for (int i = 0; i < children.Count; i++)
                if (children[i].Key is YamlScalarNode k && string.Equals(k.Value, key, StringComparison.Ordinal)) return i;
            return -1;
        }

        /// <summary>
        /// A YAML 1.1 merge key (<c>&lt;&lt;: *defaults</c>): a plain <c>&lt;&lt;</c> (or one tagged <c>!!merge</c>), never a quoted one.
        /// </summary>
        public static bool IsMergeKey(YamlNode key) =>
            key is YamlScalarNode { Value: "<<" } scalar
            && (scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific)
                || !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:merge");

        /// <summary>The mappings a merge key's value names, in order of precedence: one mapping, or a list of them.</summary>
        public static IEnumerable<YamlMappingNode> MergeSources(YamlNode value)
        {
            if (value is YamlMappingNode single) yield return single;
            else if (value is YamlSequenceNode list)
                foreach (var item in list.Children)
                    if (item is YamlMappingNode mapping) yield return mapping;
        }

        /// <summary>The value <paramref name="key"/> gets from the mapping's merge keys when the mapping does not set it itself; null otherwise.</summary>
        public static YamlNode? Merged(this YamlMappingNode? mapping, string key)
        {
            if (mapping is null || mapping.Get(key) is not null) return null;
            foreach (var entry in mapping.Children)
            {
                if (!IsMergeKey(entry.Key)) continue;
                foreach (var source in MergeSources(entry.Value))
                    if ((source.Get(key) ?? source.Merged(key)) is YamlNode value) return value;
            }
            return null;
        }

        public static YamlScalarNode? KeyNode(this YamlMappingNode? mapping, string key) =>
            IndexOf(mapping, key) is int i and >= 0 ? (YamlScalarNode)mapping!.Children[i].Key : null;

        public static YamlMappingNode? Map(this YamlMappingNode? mapping, string key) => mapping.Get(key) as YamlMappingNode;

        public static YamlSequenceNode? Seq(this YamlMappingNode? mapping, string key) => mapping.Get(key) as YamlSequenceNode;

        public static YamlScalarNode? ScalarNode(this YamlMappingNode? mapping, string key) => mapping.Get(key) as YamlScalarNode;

        /// <summary>The scalar's text, or null when absent, not a scalar, or YAML null (<c>~</c>, <c>null</c>, empty).</summary>
        public static string? Str(this YamlMappingNode? mapping, string key) => Text(mapping.ScalarNode(key));

        // The same reading as the tree's (TreeValues), for the YAML the front end reads itself (the configuration).
        public static string? Text(YamlScalarNode? scalar) => TreeValues.Text(scalar?.Value, scalar?.Style == ScalarStyle.Plain);

        public static bool IsNull(string value) => TreeValues.IsNull(value);

        /// <summary>YAML 1.1 booleans, as Kubernetes' YAML decoder reads them; a quoted "true" is a string, not a boolean.</summary>
        public static bool? Bool(YamlScalarNode? scalar) => TreeValues.Bool(scalar?.Value, scalar?.Style == ScalarStyle.Plain);

        public static long? Long(YamlScalarNode? scalar)
        {
            string? text = Text(scalar);
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : (long?)null;
        }

        public static SourceSpan Span(this YamlNode node, SourceText source) =>
            source.Span(Offset(node.Start, source), Math.Max(Offset(node.Start, source), Offset(node.End, source)));

        /// <summary>
        /// Span of a scalar value as written; for a block collection YamlDotNet's end mark is the start of
        /// the next token, so collections are located by their first line only.
        /// </summary>
        public static SourceSpan HeadSpan(this YamlNode node, SourceText source)
        {
            if (node is YamlScalarNode) return node.Span(source);
            int start = Offset(node.Start, source);
            var (line, _) = source.LineColumn(start);
            return source.Span(start, Math.Max(start, source.LineEnd(line)));
        }

        /// <summary><see cref="Span"/> and <see cref="HeadSpan"/> as offsets, for a tree node to make the spans when they are read.</summary>
        public static TreeExtent Extent(this YamlNode node, SourceText source)
        {
            int start = Offset(node.Start, source);
            int end = Math.Max(start, Offset(node.End, source));
            if (node is YamlScalarNode) return new TreeExtent(source.Lines, start, end, end);
            var (line, _) = source.LineColumn(start);
            return new TreeExtent(source.Lines, start, end, Math.Max(start, source.LineEnd(line)));
        }

        public static int Offset(Mark mark, SourceText source) => (int)Math.Min(Math.Max(0, mark.Index), source.Text.Length);

        public static IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Entries(this YamlMappingNode? mapping)
        {
            if (mapping is null) yield break;
            foreach (var entry in mapping.Children)
            {
                if (entry.Key is YamlScalarNode k && k.Value is not null) yield return (k.Value, k, entry.Value);
            }
        }

        public static Dictionary<string, string> StringMap(this YamlMappingNode? mapping)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, _, value) in mapping.Entries())
            {
                if (value is YamlScalarNode s && Text(s) is string text) result[key] = text;
            }
            return result;
        }
    }
}

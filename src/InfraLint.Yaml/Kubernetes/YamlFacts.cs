using System;
using System.Collections.Generic;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Editing;
using InfraLint.Yaml.Parsing;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Kubernetes
{
    /// <summary>Builds located attributes from one YAML file: value, exact span, logical path and edit target in one call.</summary>
    internal sealed class YamlFacts
    {
        public YamlFacts(SourceText source) => Source = source;

        public SourceText Source { get; }

        public SourceSpan Span(YamlNode node) => node.Span(Source);

        public SourceSpan Head(YamlNode node) => node.HeadSpan(Source);

        /// <summary>The attribute at <paramref name="keys"/> below <paramref name="baseMap"/>; when missing it points at <paramref name="anchor"/>.</summary>
        public Located<T> At<T>(YamlMappingNode baseMap, string basePath, SourceSpan anchor, Func<YamlScalarNode, T> convert, params string[] keys)
        {
            string path = basePath.Length == 0 ? string.Join(".", keys) : basePath + "." + string.Join(".", keys);
            var edit = new YamlEditTarget(Source, baseMap, keys);
            YamlNode? node = baseMap;
            foreach (var key in keys)
            {
                node = (node as YamlMappingNode).Get(key);
                if (node is null) break;
            }
            return node is YamlScalarNode scalar && YamlNodes.Text(scalar) is not null
                ? Located<T>.Present(convert(scalar), Span(scalar), path, edit)
                : Located<T>.Missing(anchor, path, edit);
        }

        public Located<bool?> Bool(YamlMappingNode baseMap, string basePath, SourceSpan anchor, params string[] keys) =>
            At<bool?>(baseMap, basePath, anchor, YamlNodes.Bool, keys);

        public Located<long?> Long(YamlMappingNode baseMap, string basePath, SourceSpan anchor, params string[] keys) =>
            At<long?>(baseMap, basePath, anchor, YamlNodes.Long, keys);

        public Located<int?> Int(YamlMappingNode baseMap, string basePath, SourceSpan anchor, params string[] keys) =>
            At<int?>(baseMap, basePath, anchor, s => YamlNodes.Long(s) is long n && n is >= int.MinValue and <= int.MaxValue ? (int)n : (int?)null, keys);

        public Located<string?> String(YamlMappingNode baseMap, string basePath, SourceSpan anchor, params string[] keys) =>
            At<string?>(baseMap, basePath, anchor, YamlNodes.Text, keys);

        /// <summary>A string-to-string map (labels, annotations, requests) with each value located.</summary>
        public Dictionary<string, Located<string>> Map(YamlMappingNode? mapping, string path)
        {
            var result = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
            foreach (var (key, _, value) in mapping.Entries())
            {
                if (value is YamlScalarNode s && YamlNodes.Text(s) is string text)
                    result[key] = Located<string>.Present(text, Span(s), $"{path}.{key}", mapping is null ? null : new YamlEditTarget(Source, mapping, key));
            }
            return result;
        }

        public List<Located<string>> Strings(YamlSequenceNode? sequence, string path)
        {
            var result = new List<Located<string>>();
            if (sequence is null) return result;
            int i = 0;
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode s && YamlNodes.Text(s) is string text)
                    result.Add(Located<string>.Present(text, Span(s), $"{path}[{i}]", new YamlScalarEditTarget(Source, s, $"{path}[{i}]")));
                i++;
            }
            return result;
        }
    }
}

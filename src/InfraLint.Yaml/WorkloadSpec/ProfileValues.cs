using System;
using System.Collections.Generic;
using System.Globalization;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Editing;
using InfraLint.Yaml.Parsing;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.WorkloadSpec
{
    /// <summary>
    /// Reads and validates profile values, whether they come from a spec document or from annotations;
    /// a bad value becomes a <see cref="ConfigProblem"/> at its node and the attribute is treated as absent.
    /// </summary>
    internal sealed class ProfileValues
    {
        private readonly SourceText _source;

        public ProfileValues(SourceText source, SourceSpan anchor)
        {
            _source = source;
            Anchor = anchor;
        }

        public SourceSpan Anchor { get; }

        public SourceText Source => _source;

        public List<ConfigProblem> Problems { get; } = new List<ConfigProblem>();

        public Located<double?> Positive(YamlMappingNode? owner, string key, string path)
        {
            var node = owner.ScalarNode(key);
            if (node is null || YamlNodes.Text(node) is not string text) return Missing<double?>(owner, key, path);
            var span = node.Span(_source);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value) || double.IsInfinity(value))
                return Bad<double?>(span, path, $"'{path}' must be a number, not '{text}'.");
            if (value <= 0)
                return Bad<double?>(span, path, $"'{path}' must be greater than zero, not {text}.");
            return Located<double?>.Present(value, span, path, Edit(owner, key));
        }

        public Located<string?> Text(YamlMappingNode? owner, string key, string path)
        {
            var node = owner.ScalarNode(key);
            if (node is null || YamlNodes.Text(node) is not string text) return Missing<string?>(owner, key, path);
            return Located<string?>.Present(text.Trim(), node.Span(_source), path, Edit(owner, key));
        }

        public Located<bool?> Flag(YamlMappingNode? owner, string key, string path)
        {
            var node = owner.ScalarNode(key);
            if (node is null || YamlNodes.Text(node) is not string text) return Missing<bool?>(owner, key, path);
            var span = node.Span(_source);
            // Annotations are always strings, so "false" in quotes is accepted here.
            switch (text.Trim().ToLowerInvariant())
            {
                case "true":
                case "yes":
                    return Located<bool?>.Present(true, span, path, Edit(owner, key));
                case "false":
                case "no":
                    return Located<bool?>.Present(false, span, path, Edit(owner, key));
                default:
                    return Bad<bool?>(span, path, $"'{path}' must be true or false, not '{text}'.");
            }
        }

        public Located<string?> Precision(YamlMappingNode? owner, string key, string path)
        {
            var raw = Text(owner, key, path);
            if (!raw.IsPresent) return raw;
            string? normalized = Core.Knowledge.ServerArguments.Normalize(raw.Value);
            if (normalized is null)
                return Bad<string?>(raw.Span, path, $"'{path}' must be one of fp32, bf16, fp16, fp8, int8, int4, not '{raw.Value}'.");
            return Located<string?>.Present(normalized, raw.Span, path, raw.Edit);
        }

        public Located<WorkloadRole?> Role(YamlMappingNode? owner, string key, string path)
        {
            var raw = Text(owner, key, path);
            if (!raw.IsPresent) return Located<WorkloadRole?>.Missing(raw.Span, path, raw.Edit);
            var role = Core.Knowledge.InferenceServers.ParseRole(raw.Value);
            if (role is null)
                return Bad<WorkloadRole?>(raw.Span, path, $"'{path}' must be inference, training or batch-inference, not '{raw.Value}'.");
            return Located<WorkloadRole?>.Present(role, raw.Span, path, raw.Edit);
        }

        /// <summary>A list of strings, or one string taken as a one-item list; anything else is a problem at its node.</summary>
        public IReadOnlyList<Located<string>> Strings(YamlMappingNode? owner, string key, string path)
        {
            var node = owner.Get(key);
            var result = new List<Located<string>>();
            switch (node)
            {
                case null:
                    break;
                case YamlScalarNode scalar when YamlNodes.Text(scalar) is string one:
                    result.Add(Located<string>.Present(one.Trim(), scalar.Span(_source), path));
                    break;
                case YamlScalarNode:
                    break;
                case YamlSequenceNode sequence:
                    int i = 0;
                    foreach (var item in sequence.Children)
                    {
                        if (item is YamlScalarNode s && YamlNodes.Text(s) is string text)
                            result.Add(Located<string>.Present(text.Trim(), s.Span(_source), $"{path}[{i}]"));
                        else
                            Problems.Add(new ConfigProblem(item.HeadSpan(_source), $"Each entry of '{path}' must be a string."));
                        i++;
                    }
                    break;
                default:
                    Problems.Add(new ConfigProblem(node.HeadSpan(_source), $"'{path}' must be a list of strings."));
                    break;
            }
            return result;
        }

        /// <summary>A value from a fixed vocabulary (case-insensitive); anything else is a problem at its node.</summary>
        public Located<T> OneOf<T>(YamlMappingNode? owner, string key, string path, IReadOnlyDictionary<string, T> vocabulary, T unknown)
        {
            var raw = Text(owner, key, path);
            if (!raw.IsPresent) return new Located<T>(unknown, false, raw.Span, path, raw.Edit);
            foreach (var pair in vocabulary)
                if (string.Equals(pair.Key, raw.Value, StringComparison.OrdinalIgnoreCase))
                    return Located<T>.Present(pair.Value, raw.Span, path, raw.Edit);
            Problems.Add(new ConfigProblem(raw.Span, $"'{path}' must be one of {string.Join(", ", vocabulary.Keys)}, not '{raw.Value}'."));
            return new Located<T>(unknown, false, raw.Span, path, null);
        }

        /// <summary>
        /// Reports keys of a section that the spec does not define, and a section that is not a mapping, at the
        /// exact node; returns the section's mapping (null when absent or not a mapping).
        /// </summary>
        public YamlMappingNode? Section(YamlMappingNode? owner, string key, string path, params string[] known)
        {
            var node = owner.Get(key);
            if (node is null || node is YamlScalarNode s && YamlNodes.Text(s) is null) return null;
            if (node is not YamlMappingNode map)
            {
                Problems.Add(new ConfigProblem(node.HeadSpan(_source), $"'{path}' must be a mapping with {string.Join(", ", known)}."));
                return null;
            }
            Check(map, path, known);
            return map;
        }

        public void Check(YamlMappingNode map, string path, params string[] known)
        {
            foreach (var (name, keyNode, _) in map.Entries())
                if (Array.IndexOf(known, name) < 0)
                    Problems.Add(new ConfigProblem(keyNode.Span(_source), $"Unknown key '{path}.{name}'; expected one of {string.Join(", ", known)}."));
        }

        private Located<T> Missing<T>(YamlMappingNode? owner, string key, string path) =>
            Located<T>.Missing(Anchor, path, owner is null ? null : Edit(owner, key));

        private Located<T> Bad<T>(SourceSpan span, string path, string message)
        {
            Problems.Add(new ConfigProblem(span, message));
            return Located<T>.Missing(span, path);
        }

        private YamlEditTarget? Edit(YamlMappingNode? owner, string key) => owner is null ? null : new YamlEditTarget(_source, owner, key);
    }
}

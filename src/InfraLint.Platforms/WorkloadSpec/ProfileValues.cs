using System;
using System.Collections.Generic;
using System.Globalization;
using InfraLint.Core.Facts;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.Platforms.WorkloadSpec
{
    /// <summary>
    /// Reads and validates profile values, whether they come from a spec document or from annotations;
    /// a bad value becomes a <see cref="ConfigProblem"/> at its node and the attribute is treated as absent.
    /// </summary>
    internal sealed class ProfileValues
    {
        /// <param name="opaqueAt">
        /// Where the values come from when they are computed elsewhere (annotations built by code): every key not
        /// written literally is then unknown there, not missing.
        /// </param>
        public ProfileValues(SourceSpan anchor, SourceSpan? opaqueAt = null)
        {
            Anchor = anchor;
            _opaqueAt = opaqueAt;
        }

        private readonly SourceSpan? _opaqueAt;

        public SourceSpan Anchor { get; }

        public List<ConfigProblem> Problems { get; } = new List<ConfigProblem>();

        public Located<double?> Positive(TreeMapping? owner, string key, string path)
        {
            if (IsUnknown(owner, key, out var at)) return Located<double?>.Unknown(at, path);
            var node = owner.Scalar(key);
            if (node is null || TreeValues.Text(node) is not string text) return Missing<double?>(owner, key, path);
            var span = node.Span;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value) || double.IsInfinity(value))
                return Bad<double?>(span, path, $"'{path}' must be a number, not '{text}'.");
            if (value <= 0)
                return Bad<double?>(span, path, $"'{path}' must be greater than zero, not {text}.");
            return Located<double?>.Present(value, span, path, Edit(owner, key));
        }

        public Located<string?> Text(TreeMapping? owner, string key, string path)
        {
            if (IsUnknown(owner, key, out var at)) return Located<string?>.Unknown(at, path);
            var node = owner.Scalar(key);
            if (node is null || TreeValues.Text(node) is not string text) return Missing<string?>(owner, key, path);
            return Located<string?>.Present(text.Trim(), node.Span, path, Edit(owner, key));
        }

        public Located<bool?> Flag(TreeMapping? owner, string key, string path)
        {
            if (IsUnknown(owner, key, out var at)) return Located<bool?>.Unknown(at, path);
            var node = owner.Scalar(key);
            if (node is null || TreeValues.Text(node) is not string text) return Missing<bool?>(owner, key, path);
            var span = node.Span;
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

        public Located<string?> Precision(TreeMapping? owner, string key, string path)
        {
            var raw = Text(owner, key, path);
            if (!raw.IsPresent) return raw;
            string? normalized = Core.Knowledge.ServerArguments.Normalize(raw.Value);
            if (normalized is null)
                return Bad<string?>(raw.Span, path, $"'{path}' must be one of fp32, bf16, fp16, fp8, int8, int4, not '{raw.Value}'.");
            return Located<string?>.Present(normalized, raw.Span, path, raw.Edit);
        }

        public Located<WorkloadRole?> Role(TreeMapping? owner, string key, string path)
        {
            var raw = Text(owner, key, path);
            if (raw.IsUnknown) return Located<WorkloadRole?>.Unknown(raw.Span, path);
            if (!raw.IsPresent) return Located<WorkloadRole?>.Missing(raw.Span, path, raw.Edit);
            var role = Core.Knowledge.InferenceServers.ParseRole(raw.Value);
            if (role is null)
                return Bad<WorkloadRole?>(raw.Span, path, $"'{path}' must be inference, training or batch-inference, not '{raw.Value}'.");
            return Located<WorkloadRole?>.Present(role, raw.Span, path, raw.Edit);
        }

        /// <summary>A value written but not as a literal (a <c>!Ref</c>): neither a problem nor missing.</summary>
        private bool IsUnknown(TreeMapping? owner, string key, out Core.Locations.SourceSpan at)
        {
            var node = owner?.Get(key);
            if (node is null && _opaqueAt is { } opaque)
            {
                at = opaque;
                return true;
            }
            at = node?.Span ?? default!;
            return node is { IsUnknown: true };
        }

        /// <summary>A list of strings, or one string taken as a one-item list; anything else is a problem at its node.</summary>
        public IReadOnlyList<Located<string>> Strings(TreeMapping? owner, string key, string path)
        {
            var node = owner?.Get(key);
            var result = new List<Located<string>>();
            switch (node)
            {
                case null:
                    break;
                case TreeScalar scalar when TreeValues.Text(scalar) is string one:
                    result.Add(Located<string>.Present(one.Trim(), scalar.Span, path));
                    break;
                case TreeScalar:
                    break;
                case TreeSequence sequence:
                    int i = 0;
                    foreach (var item in sequence.Items)
                    {
                        if (item is TreeScalar s && TreeValues.Text(s) is string text)
                            result.Add(Located<string>.Present(text.Trim(), s.Span, $"{path}[{i}]"));
                        else
                            Problems.Add(new ConfigProblem(item.HeadSpan, $"Each entry of '{path}' must be a string."));
                        i++;
                    }
                    break;
                default:
                    Problems.Add(new ConfigProblem(node.HeadSpan, $"'{path}' must be a list of strings."));
                    break;
            }
            return result;
        }

        /// <summary>A value from a fixed vocabulary (case-insensitive); anything else is a problem at its node.</summary>
        public Located<T> OneOf<T>(TreeMapping? owner, string key, string path, IReadOnlyDictionary<string, T> vocabulary, T unknown)
        {
            var raw = Text(owner, key, path);
            if (raw.IsUnknown) return Located<T>.Unknown(raw.Span, path);
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
        public TreeMapping? Section(TreeMapping? owner, string key, string path, params string[] known)
        {
            var node = owner?.Get(key);
            if (node is null || node is TreeScalar s && TreeValues.Text(s) is null) return null;
            if (node is not TreeMapping map)
            {
                Problems.Add(new ConfigProblem(node.HeadSpan, $"'{path}' must be a mapping with {string.Join(", ", known)}."));
                return null;
            }
            Check(map, path, known);
            return map;
        }

        public void Check(TreeMapping map, string path, params string[] known)
        {
            foreach (var (name, keyNode, _) in map.Entries())
                if (Array.IndexOf(known, name) < 0)
                    Problems.Add(new ConfigProblem(keyNode.Span, $"Unknown key '{path}.{name}'; expected one of {string.Join(", ", known)}."));
        }

        private Located<T> Missing<T>(TreeMapping? owner, string key, string path) =>
            Located<T>.Missing(Anchor, path, owner is null ? null : Edit(owner, key));

        private Located<T> Bad<T>(SourceSpan span, string path, string message)
        {
            Problems.Add(new ConfigProblem(span, message));
            return Located<T>.Missing(span, path);
        }

        private static EditTarget? Edit(TreeMapping? owner, string key) => owner?.EditAt(key);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.Platforms
{
    /// <summary>Builds located attributes from the tree: value, exact span, logical path and edit target in one call.</summary>
    public sealed class TreeFacts
    {
        private readonly Func<TreeNode, bool> _isUnknown;

        /// <param name="isUnknown">
        /// What else this platform computes at deploy time, beyond what the front end marked: CloudFormation's long-form
        /// intrinsics (<c>{"Ref": "X"}</c>) are plain mappings to a front end.
        /// </param>
        public TreeFacts(SourceText source, Func<TreeNode, bool>? isUnknown = null)
        {
            Source = source;
            _isUnknown = isUnknown ?? (node => node.IsUnknown);
        }

        /// <summary>The file the tree came from: only for spans the mapper computes itself (a line, a key's start).</summary>
        public SourceText Source { get; }

        public SourceSpan Span(TreeNode node) => node.Span;

        /// <summary>The node is computed elsewhere: marked by the front end, or by this platform (a long-form intrinsic).</summary>
        public bool IsUnknown(TreeNode node) => _isUnknown(node);

        public SourceSpan Head(TreeNode node) => node.HeadSpan;

        /// <summary>The attribute at <paramref name="keys"/> below <paramref name="baseMap"/>; when missing it points at <paramref name="anchor"/>.</summary>
        public Located<T> At<T>(TreeMapping baseMap, string basePath, SourceSpan anchor, Func<TreeScalar, T> convert, params string[] keys)
        {
            // The pool keeps a copy: the caller's array stays the caller's.
            if (!SharedKeys.TryGet(keys, out var shared)) shared = SharedKeys.For((string[])keys.Clone(), k => k);
            keys = shared;
            var path = LogicalPath.Below(basePath, keys);
            var edit = baseMap.EditAt(keys);
            TreeNode? node = baseMap;
            foreach (var key in keys)
            {
                // A value computed elsewhere (a tag like !Ref, here or on a mapping above it) is neither present nor missing.
                if (_isUnknown(node)) return Located<T>.Unknown(node.Span, path);
                node = (node as TreeMapping)?.Get(key);
                if (node is null) break;
            }
            if (node is not null && _isUnknown(node)) return Located<T>.Unknown(node.Span, path);
            return node is TreeScalar scalar && TreeValues.Text(scalar) is not null
                ? Located<T>.Present(convert(scalar), scalar.Span, path, edit)
                : Located<T>.Missing(anchor, path, edit);
        }

        public Located<bool?> Bool(TreeMapping baseMap, string basePath, SourceSpan anchor, params string[] keys) =>
            At<bool?>(baseMap, basePath, anchor, TreeValues.Bool, keys);

        public Located<long?> Long(TreeMapping baseMap, string basePath, SourceSpan anchor, params string[] keys) =>
            At<long?>(baseMap, basePath, anchor, TreeValues.Long, keys);

        public Located<int?> Int(TreeMapping baseMap, string basePath, SourceSpan anchor, params string[] keys) =>
            At<int?>(baseMap, basePath, anchor, s => TreeValues.Long(s) is long n && n is >= int.MinValue and <= int.MaxValue ? (int)n : (int?)null, keys);

        public Located<string?> String(TreeMapping baseMap, string basePath, SourceSpan anchor, params string[] keys) =>
            At<string?>(baseMap, basePath, anchor, TreeValues.Text, keys);

        /// <summary>A string-to-string map (labels, annotations, requests) with each value located.</summary>
        public Dictionary<string, Located<string>> Map(TreeMapping? mapping, string path)
        {
            var result = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
            foreach (var (key, _, value) in mapping.Entries())
            {
                if (value is TreeScalar s && TreeValues.Text(s) is string text)
                    result[key] = Located<string>.Present(text, s.Span, LogicalPath.Below(path, key), mapping?.EditAt(key));
            }
            return result;
        }

        /// <summary>
        /// True when a string map (labels, tags) cannot be read in full: the map itself, a key or a value is computed
        /// elsewhere or is not a plain string, so the map may hold entries <see cref="Map"/> does not return.
        /// </summary>
        /// <summary>
        /// A map that may hold keys the file does not show: computed as a whole (a variable, <c>!Ref</c>), or with a key
        /// computed (<c>[config.Require("k")] = "v"</c>). A key looked up in it and not found is unknown, not absent.
        /// </summary>
        public static bool Opaque(TreeNode? node) =>
            node is not null && (node.IsUnknown || node is TreeMapping mapping && mapping.Entries.Any(e => e.Key.IsUnknown || e.Key.Value is null));

        public bool MapUnknown(TreeNode? node) =>
            node is not null
            && (_isUnknown(node) || node is not TreeMapping mapping
                || mapping.Entries.Any(e => e.Key.IsUnknown || e.Key.Value is null || _isUnknown(e.Value) || e.Value is not TreeScalar { IsUnknown: false }));

        public List<Located<string>> Strings(TreeSequence? sequence, string path)
        {
            var result = new List<Located<string>>();
            if (sequence is null) return result;
            int i = 0;
            foreach (var item in sequence.Items)
            {
                if (item is TreeScalar s && TreeValues.Text(s) is string text)
                {
                    string at = SharedStrings.Of($"{path}[{i}]");
                    result.Add(Located<string>.Present(text, s.Span, at, s.Editor?.Replace(s, at)));
                }
                i++;
            }
            return result;
        }

        /// <summary>
        /// One array for each key path a mapper asks for: an attribute's logical path and its edit target keep the keys they
        /// were read at, and a 10,000-file scan holds some 150,000 attributes read at a few hundred paths. Mappers ask for
        /// paths written in their code; the cap only matters should one build paths from a file's keys.
        /// </summary>
        private static readonly SharedValues<string[], string[]> SharedKeys = new SharedValues<string[], string[]>(4096, OrdinalSequenceComparer.Instance);
    }
}

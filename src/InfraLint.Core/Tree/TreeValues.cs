using System;
using System.Collections.Generic;
using System.Globalization;

namespace InfraLint.Core.Tree
{
    /// <summary>Null-tolerant reading of tree nodes, the way every mapper needs it.</summary>
    public static class TreeValues
    {
        public static TreeMapping? Map(this TreeMapping? mapping, string key) => mapping?.Get(key) as TreeMapping;

        public static TreeSequence? Seq(this TreeMapping? mapping, string key) => mapping?.Get(key) as TreeSequence;

        public static TreeScalar? Scalar(this TreeMapping? mapping, string key) => mapping?.Get(key) as TreeScalar;

        /// <summary>The scalar's text, or null when absent, not a scalar, unknown, or null (<c>~</c>, <c>null</c>, empty, unquoted).</summary>
        public static string? Str(this TreeMapping? mapping, string key) => Text(mapping.Scalar(key));

        /// <summary>A literal's text; null for an unknown value, whose text (a parameter's name) is not its value.</summary>
        public static string? Text(TreeScalar? scalar) =>
            scalar is null || scalar.IsUnknown ? null : Text(scalar.Value, scalar.IsPlain);

        /// <summary>A scalar's text as YAML and JSON mean it: an unquoted null (<c>~</c>, <c>null</c>, empty) is no text.</summary>
        public static string? Text(string? value, bool isPlain) =>
            value is null || (isPlain && IsNull(value)) ? null : value;

        public static bool IsNull(string value) => value.Length == 0 || value == "~" || value == "null" || value == "Null" || value == "NULL";

        /// <summary>YAML 1.1 booleans, as Kubernetes' decoder reads them; a quoted "true" is a string, not a boolean.</summary>
        public static bool? Bool(TreeScalar? scalar) =>
            scalar is null || scalar.IsUnknown ? null : Bool(scalar.Value, scalar.IsPlain);

        /// <summary>YAML 1.1 booleans (<c>yes</c>, <c>on</c>, <c>y</c>…), unquoted only.</summary>
        public static bool? Bool(string? value, bool isPlain)
        {
            if (value is null || !isPlain) return null;
            switch (value.ToLowerInvariant())
            {
                case "true":
                case "yes":
                case "on":
                case "y":
                    return true;
                case "false":
                case "no":
                case "off":
                case "n":
                    return false;
                default:
                    return null;
            }
        }

        public static long? Long(TreeScalar? scalar)
        {
            string? text = Text(scalar);
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : (long?)null;
        }

        /// <summary>The entries whose key is a non-null scalar, as (key, key node, value).</summary>
        public static IEnumerable<(string Key, TreeScalar KeyNode, TreeNode Value)> Entries(this TreeMapping? mapping)
        {
            if (mapping is null) yield break;
            foreach (var entry in mapping.Entries)
                if (entry.Key.Value is not null) yield return (entry.Key.Value, entry.Key, entry.Value);
        }

        /// <summary>Scalar entries as text; non-scalar and null values are left out. Keys and values are shared texts: facts keep these maps (labels, selectors).</summary>
        public static Dictionary<string, string> StringMap(this TreeMapping? mapping)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, _, value) in mapping.Entries())
                if (value is TreeScalar s && Text(s) is string text) result[SharedStrings.Of(key)] = SharedStrings.Of(text);
            return result;
        }

        /// <summary>The items of a sequence (none when absent), for <c>foreach</c> without null checks.</summary>
        public static IReadOnlyList<TreeNode> ItemsOrEmpty(this TreeSequence? sequence) => sequence?.Items ?? Array.Empty<TreeNode>();
    }
}

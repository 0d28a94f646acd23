using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Core.Sizing.Catalog
{
    /// <summary>
    /// Typed, strict access to one YAML mapping of a catalog file. Every problem becomes a
    /// <see cref="CatalogFormatException"/> at the offending node; unknown keys are errors so typos surface.
    /// </summary>
    internal sealed class YamlEntry
    {
        private readonly YamlMappingNode _node;
        private readonly HashSet<string> _read = new HashSet<string>(StringComparer.Ordinal);

        public YamlEntry(YamlMappingNode node, string file)
        {
            _node = node;
            File = file;
        }

        public string File { get; }

        public int Line => Line1(_node);

        public string Location => $"{File}:{Line}";

        public string RequireString(string key) =>
            OptionalString(key) ?? throw Error(_node, $"missing required key '{key}'");

        public string? OptionalString(string key)
        {
            var node = Find(key);
            if (node is null || IsNull(node)) return null;
            if (node is YamlScalarNode scalar) return scalar.Value ?? string.Empty;
            throw Error(node, $"'{key}' must be a plain value");
        }

        public double RequirePositive(string key)
        {
            var value = OptionalNumber(key) ?? throw Error(_node, $"missing required key '{key}'");
            if (!(value > 0)) throw Error(Find(key)!, $"'{key}' must be greater than zero (got {value.ToString(CultureInfo.InvariantCulture)})");
            return value;
        }

        public double? OptionalPositive(string key)
        {
            var value = OptionalNumber(key);
            if (value is double v && !(v > 0)) throw Error(Find(key)!, $"'{key}' must be greater than zero or null (got {v.ToString(CultureInfo.InvariantCulture)})");
            return value;
        }

        public int RequirePositiveInt(string key)
        {
            var value = RequirePositive(key);
            if (value != Math.Floor(value) || value > int.MaxValue) throw Error(Find(key)!, $"'{key}' must be a whole number");
            return (int)value;
        }

        public int? OptionalPositiveInt(string key)
        {
            var value = OptionalPositive(key);
            if (value is null) return null;
            if (value.Value != Math.Floor(value.Value) || value.Value > int.MaxValue) throw Error(Find(key)!, $"'{key}' must be a whole number");
            return (int)value.Value;
        }

        public IReadOnlyList<string> StringList(string key)
        {
            var node = Find(key);
            if (node is null || IsNull(node)) return Array.Empty<string>();
            if (node is YamlScalarNode single) return new[] { single.Value ?? string.Empty };
            if (node is YamlSequenceNode sequence)
            {
                return sequence.Children.Select(child => child is YamlScalarNode s && !IsNull(s)
                    ? s.Value ?? string.Empty
                    : throw Error(child, $"'{key}' must be a list of plain values")).ToArray();
            }

            throw Error(node, $"'{key}' must be a list");
        }

        public YamlEntry? OptionalMapping(string key)
        {
            var node = Find(key);
            if (node is null || IsNull(node)) return null;
            return node is YamlMappingNode map ? new YamlEntry(map, File) : throw Error(node, $"'{key}' must be a mapping");
        }

        /// <summary>The mapping's keys in document order (for free-form maps such as label keys).</summary>
        public IReadOnlyList<string> Keys() =>
            _node.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? throw Error(k, "keys must be plain values")).ToArray();

        /// <summary>Fails on any key the reader did not ask for (a typo would otherwise be silently ignored).</summary>
        public void RejectUnknownKeys()
        {
            foreach (var key in _node.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value;
                if (name is null || !_read.Contains(name)) throw Error(key, $"unknown key '{name}'");
            }
        }

        public CatalogFormatException Error(YamlNode node, string message) =>
            new CatalogFormatException(File, Line1(node), message);

        public CatalogFormatException Error(string message) => Error(_node, message);

        internal static int Line1(YamlNode node) => (int)Math.Max(1, node.Start.Line);

        private double? OptionalNumber(string key)
        {
            var node = Find(key);
            if (node is null || IsNull(node)) return null;
            if (node is YamlScalarNode scalar
                && double.TryParse(scalar.Value?.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && !double.IsNaN(value) && !double.IsInfinity(value))
            {
                return value;
            }

            throw Error(node, $"'{key}' must be a number (got '{(node as YamlScalarNode)?.Value}')");
        }

        private YamlNode? Find(string key)
        {
            _read.Add(key);
            foreach (var pair in _node.Children)
                if (pair.Key is YamlScalarNode k && k.Value == key) return pair.Value;
            return null;
        }

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode scalar
            && scalar.Style == ScalarStyle.Plain
            && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null" || scalar.Value == "Null" || scalar.Value == "NULL");
    }
}

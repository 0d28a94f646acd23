using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using InfraLint.Yaml.Parsing;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.CloudFormation
{
    /// <summary>
    /// CloudFormation intrinsic functions in both spellings (<c>!Ref X</c> and <c>Ref: X</c>). We never
    /// evaluate them: a value that depends on one is unknown, and unknown values never produce findings.
    /// What we do take from them is which resources they reference, so resources can be joined.
    /// </summary>
    internal static class Intrinsics
    {
        private static readonly Regex SubReference = new Regex(@"\$\{(?!!)([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}", RegexOptions.Compiled);

        public static bool IsIntrinsic(YamlNode? node)
        {
            if (node is null) return false;
            if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && !node.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
                return true;
            return node is YamlMappingNode m && m.Children.Count == 1 && m.Children.Keys.First() is YamlScalarNode k
                && (k.Value == "Ref" || k.Value == "Condition" || k.Value?.StartsWith("Fn::", StringComparison.Ordinal) == true);
        }

        /// <summary>A plain literal: the text of a scalar that is not an intrinsic function; null otherwise.</summary>
        public static string? Literal(YamlNode? node) =>
            node is YamlScalarNode s && !IsIntrinsic(s) ? YamlNodes.Text(s) : null;

        public static bool? Bool(YamlNode? node)
        {
            string? text = Literal(node);
            // CloudFormation accepts "true"/"false" strings as booleans.
            return text is null ? null : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
                : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false : (bool?)null;
        }

        /// <summary><c>!Ref AWS::NoValue</c> removes a property; treat it as absent rather than unknown.</summary>
        public static bool IsNoValue(YamlNode? node) =>
            (node is YamlScalarNode s && !s.Tag.IsEmpty && !s.Tag.IsNonSpecific && s.Tag.Value == "!Ref" && s.Value == "AWS::NoValue")
            || (node is YamlMappingNode m && m.Children.Count == 1 && m.Str("Ref") == "AWS::NoValue");

        /// <summary>Logical ids this value refers to through Ref, GetAtt or Sub, at any depth.</summary>
        public static IReadOnlyCollection<string> References(YamlNode? node)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            Collect(node, result, 0);
            return result;
        }

        private static void Collect(YamlNode? node, HashSet<string> into, int depth)
        {
            if (node is null || depth > 16) return;
            string? tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
            switch (node)
            {
                case YamlScalarNode s when s.Value is not null:
                    if (tag == "!Ref") AddId(s.Value, into);
                    else if (tag == "!GetAtt") AddId(s.Value.Split('.')[0], into);
                    else if (tag == "!Sub") AddSub(s.Value, into);
                    break;
                case YamlSequenceNode seq:
                    if (tag == "!GetAtt" && seq.Children.FirstOrDefault() is YamlScalarNode first && first.Value is not null) AddId(first.Value, into);
                    else if (tag == "!Sub" && seq.Children.FirstOrDefault() is YamlScalarNode template && template.Value is not null) AddSub(template.Value, into);
                    foreach (var child in seq.Children) Collect(child, into, depth + 1);
                    break;
                case YamlMappingNode map:
                    foreach (var (key, _, value) in map.Entries())
                    {
                        if (key == "Ref" && value is YamlScalarNode r && r.Value is not null) AddId(r.Value, into);
                        else if (key == "Fn::GetAtt")
                        {
                            if (value is YamlSequenceNode ga && ga.Children.FirstOrDefault() is YamlScalarNode g && g.Value is not null) AddId(g.Value, into);
                            else if (value is YamlScalarNode gs && gs.Value is not null) AddId(gs.Value.Split('.')[0], into);
                        }
                        else if (key == "Fn::Sub")
                        {
                            if (value is YamlScalarNode sub && sub.Value is not null) AddSub(sub.Value, into);
                            else if (value is YamlSequenceNode subs && subs.Children.FirstOrDefault() is YamlScalarNode st && st.Value is not null) AddSub(st.Value, into);
                        }
                        Collect(value, into, depth + 1);
                    }
                    break;
            }
        }

        private static void AddSub(string template, HashSet<string> into)
        {
            foreach (Match m in SubReference.Matches(template)) AddId(m.Groups[1].Value, into);
        }

        private static void AddId(string id, HashSet<string> into)
        {
            if (!id.StartsWith("AWS::", StringComparison.Ordinal)) into.Add(id);
        }
    }
}

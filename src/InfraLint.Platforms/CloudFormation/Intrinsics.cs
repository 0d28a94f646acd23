using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using InfraLint.Core.Tree;

namespace InfraLint.Platforms.CloudFormation
{
    /// <summary>
    /// CloudFormation intrinsic functions in both spellings (<c>!Ref X</c> and <c>Ref: X</c>; JSON has only the second). We never
    /// evaluate them: a value that depends on one is unknown, and unknown values never produce findings.
    /// What we do take from them is which resources they reference, so resources can be joined.
    /// </summary>
    internal static class Intrinsics
    {
        private static readonly Regex SubReference = new Regex(@"\$\{(?!!)([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}");

        /// <summary>An intrinsic in either spelling, or a value its front end could not see (unknown).</summary>
        public static bool IsIntrinsic(TreeNode? node)
        {
            if (node is null) return false;
            if (node.Tag is not null || node.IsUnknown) return true;
            return node is TreeMapping m && m.Count == 1 && m.Entries[0].Key.Value is string k
                && (k == "Ref" || k == "Condition" || k.StartsWith("Fn::", StringComparison.Ordinal));
        }

        /// <summary>A plain literal: the text of a scalar that is not an intrinsic function; null otherwise.</summary>
        public static string? Literal(TreeNode? node) =>
            node is TreeScalar s && !IsIntrinsic(s) ? TreeValues.Text(s) : null;

        public static bool? Bool(TreeNode? node)
        {
            string? text = Literal(node);
            // CloudFormation accepts "true"/"false" strings as booleans.
            return text is null ? null : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
                : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false : (bool?)null;
        }

        /// <summary><c>!Ref AWS::NoValue</c> removes a property; treat it as absent rather than unknown.</summary>
        public static bool IsNoValue(TreeNode? node) => IsRefTo(node, "AWS::NoValue");

        /// <summary><c>!Ref name</c> or <c>{Ref: name}</c>, for pseudo parameters such as <c>AWS::AccountId</c>.</summary>
        public static bool IsRefTo(TreeNode? node, string name) =>
            (node is TreeScalar s && s.Tag == "!Ref" && s.Value == name)
            || (node is TreeMapping m && m.Count == 1 && m.Str("Ref") == name);

        /// <summary>Logical ids this value refers to through Ref, GetAtt or Sub, at any depth.</summary>
        public static IReadOnlyCollection<string> References(TreeNode? node)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            Collect(node, result, 0);
            return result;
        }

        private static void Collect(TreeNode? node, HashSet<string> into, int depth)
        {
            if (node is null || depth > 16) return;
            string? tag = node.Tag;
            switch (node)
            {
                case TreeScalar s when s.Value is not null:
                    if (tag == "!Ref") AddId(s.Value, into);
                    else if (tag == "!GetAtt") AddId(s.Value.Split('.')[0], into);
                    else if (tag == "!Sub") AddSub(s.Value, into);
                    break;
                case TreeSequence seq:
                    if (tag == "!GetAtt" && seq.Items.FirstOrDefault() is TreeScalar first && first.Value is not null) AddId(first.Value, into);
                    else if (tag == "!Sub" && seq.Items.FirstOrDefault() is TreeScalar template && template.Value is not null) AddSub(template.Value, into);
                    foreach (var child in seq.Items) Collect(child, into, depth + 1);
                    break;
                case TreeMapping map:
                    foreach (var (key, _, value) in map.Entries())
                    {
                        if (key == "Ref" && value is TreeScalar r && r.Value is not null) AddId(r.Value, into);
                        else if (key == "Fn::GetAtt")
                        {
                            if (value is TreeSequence ga && ga.Items.FirstOrDefault() is TreeScalar g && g.Value is not null) AddId(g.Value, into);
                            else if (value is TreeScalar gs && gs.Value is not null) AddId(gs.Value.Split('.')[0], into);
                        }
                        else if (key == "Fn::Sub")
                        {
                            if (value is TreeScalar sub && sub.Value is not null) AddSub(sub.Value, into);
                            else if (value is TreeSequence subs && subs.Items.FirstOrDefault() is TreeScalar st && st.Value is not null) AddSub(st.Value, into);
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

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Yaml.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Syntax
{
    /// <summary>
    /// The YAML front end: one YamlDotNet document → the located tree. After this no mapper sees YAML: quoting survives
    /// only as <see cref="TreeScalar.IsPlain"/> (YAML 1.1 booleans and nulls are plain), an application tag (<c>!Ref</c>)
    /// as <see cref="TreeNode.Tag"/>, and the original node as the <see cref="TreeNode.Origin"/> the editor writes to.
    /// An alias becomes a copy of its anchor's subtree at the alias's path, with the anchor's spans (that is where the
    /// text is, and where a fix must go). A node with an application tag is <see cref="NodeState.Unknown"/>: the tag
    /// says an application computes the value (CloudFormation's <c>!Ref</c>, <c>!Sub</c>, <c>!If</c>…), so the text is
    /// not the value — except compose's <c>!reset</c> and <c>!override</c>, which only say how to merge a literal.
    /// </summary>
    /// <remarks>
    /// A merge key (<c>&lt;&lt;: *defaults</c>, or a list of them) adds the named mappings' entries that the mapping does not
    /// set itself, at the merging mapping's paths but with the anchor's spans (that is where the value is written); those
    /// entries have no editor, since editing them would change every mapping that merges the anchor — a fix sets a local
    /// override in the merging mapping instead (see <see cref="Editing.YamlEditTarget"/>).
    /// </remarks>
    public static class YamlTree
    {
        private const string CoreSchema = "tag:yaml.org,2002:";

        public static TreeNode Build(YamlNode root, SourceText source)
        {
            var editor = new YamlTreeEditor(source);
            return Build(root, source, editor, string.Empty);
        }

        private static TreeNode Build(YamlNode node, SourceText source, YamlTreeEditor? editor, string path)
        {
            string? tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific || node.Tag.Value.StartsWith(CoreSchema, StringComparison.Ordinal) ? null : node.Tag.Value;
            var state = tag is null || tag == "!reset" || tag == "!override" ? NodeState.Present : NodeState.Unknown;
            switch (node)
            {
                case YamlScalarNode scalar:
                    return new TreeScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, scalar.Extent(source), path, tag, state, editor, scalar);
                case YamlMappingNode mapping:
                {
                    var entries = new List<TreeEntry>(mapping.Children.Count);
                    // Most mappings merge nothing: the key sets a merge needs are made only for those that do.
                    HashSet<string>? own = null, merged = null;
                    // By index: enumerating the children boxes an enumerator per mapping (15 MB of a 10,000-file scan).
                    var children = mapping.Children;
                    for (int c = 0; c < children.Count; c++)
                    {
                        var pair = children[c];
                        if (YamlNodes.IsMergeKey(pair.Key) && YamlNodes.MergeSources(pair.Value).Any())
                        {
                            if (own is null || merged is null)
                            {
                                own = new HashSet<string>(StringComparer.Ordinal);
                                foreach (var other in mapping.Children)
                                    if (other.Key is YamlScalarNode { Value: not null } k && !YamlNodes.IsMergeKey(k)) own.Add(k.Value);
                                merged = new HashSet<string>(StringComparer.Ordinal);
                            }
                            // Where the merge is written, in precedence order; a key the mapping sets itself wins, wherever it is.
                            foreach (var from in YamlNodes.MergeSources(pair.Value))
                                if (Build(from, source, null, path) is TreeMapping copy)
                                    foreach (var entry in copy.Entries)
                                        if (entry.Key.Value is string name && !own.Contains(name) && merged.Add(name)) entries.Add(entry);
                            continue;
                        }
                        if (pair.Key is not YamlScalarNode key) continue;
                        string childPath = path.Length == 0 ? key.Value ?? string.Empty : path + "." + key.Value;
                        var keyNode = (TreeScalar)Build(key, source, editor, childPath);
                        entries.Add(new TreeEntry(keyNode, Build(pair.Value, source, editor, childPath)));
                    }
                    return new TreeMapping(entries, mapping.Style == YamlDotNet.Core.Events.MappingStyle.Flow, mapping.Extent(source), path, tag, state, editor, mapping);
                }
                case YamlSequenceNode sequence:
                {
                    var items = new List<TreeNode>(sequence.Children.Count);
                    for (int i = 0; i < sequence.Children.Count; i++)
                        items.Add(Build(sequence.Children[i], source, editor, $"{path}[{i}]"));
                    return new TreeSequence(items, sequence.Extent(source), path, tag, state, editor, sequence);
                }
                default:
                    // YamlDotNet resolves aliases into the nodes they name; anything else has no value a mapper could read.
                    return new TreeScalar(null, true, node.Extent(source), path, tag, NodeState.Unknown, null, node);
            }
        }
    }
}

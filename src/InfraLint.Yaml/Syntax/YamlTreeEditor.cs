using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Yaml.Editing;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Syntax
{
    /// <summary>Turns tree-level edits back into YAML text edits that keep comments, ordering and indentation.</summary>
    internal sealed class YamlTreeEditor : ITreeEditor, ITreeSetterSource
    {
        private readonly SourceText _source;

        // The editor lives as long as the file's located tree, so the insertion points it shares go with the tree.
        private readonly Dictionary<object, YamlEditTarget.Insertion> _insertions = YamlEditTarget.NewInsertions();

        public YamlTreeEditor(SourceText source) => _source = source;

        public EditTarget? SetAt(TreeMapping mapping, IReadOnlyList<string> keys) =>
            mapping.Origin is YamlMappingNode node && keys.Count > 0 ? new YamlEditTarget(_source, node, keys as string[] ?? keys.ToArray(), _insertions) : null;

        /// <summary>What an edit below the mapping will find is decided now: the located tree and the YAML nodes can go once the file's facts are made.</summary>
        public System.Func<string, EditTarget?> SetterFor(TreeMapping mapping, IReadOnlyList<string> prefix) =>
            mapping.Origin is YamlMappingNode node ? YamlEditTarget.KeySetter(_source, node, prefix.ToArray()) : _ => null;

        public EditTarget? Replace(TreeScalar scalar, string describe) =>
            scalar.Origin is YamlScalarNode node ? new YamlScalarEditTarget(_source, node, describe) : null;

        public EditTarget? AppendTo(TreeMapping owner, string key, string item, object whenValue) =>
            owner.Origin is YamlMappingNode node ? new YamlListAppendTarget(_source, node, key, item, whenValue) : null;

        /// <summary>The gathered entries' own YAML nodes under a mapping of their own, so a set replaces a value in place.</summary>
        public TreeMapping Gather(IReadOnlyList<TreeEntry> entries, SourceSpan span, SourceSpan headSpan, string path)
        {
            var node = new YamlMappingNode();
            foreach (var entry in entries)
                if (entry.Key.Value is not null && entry.Value.Origin is YamlNode value) node.Add(new YamlScalarNode(entry.Key.Value), value);
            return new TreeMapping(entries, false, span, headSpan, path, null, NodeState.Present, this, node);
        }
    }
}

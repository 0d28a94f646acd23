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
    internal sealed class YamlTreeEditor : ITreeEditor
    {
        private readonly SourceText _source;

        public YamlTreeEditor(SourceText source) => _source = source;

        public EditTarget? SetAt(TreeMapping mapping, IReadOnlyList<string> keys) =>
            mapping.Origin is YamlMappingNode node && keys.Count > 0 ? new YamlEditTarget(_source, node, keys.ToArray()) : null;

        public EditTarget? Replace(TreeScalar scalar, string describe) =>
            scalar.Origin is YamlScalarNode node ? new YamlScalarEditTarget(_source, node, describe) : null;

        public EditTarget? AppendTo(TreeMapping owner, string key, string item, object whenValue) =>
            owner.Origin is YamlMappingNode node ? new YamlListAppendTarget(_source, node, key, item, whenValue) : null;
    }
}

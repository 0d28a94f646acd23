using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Json.Editing;

namespace InfraLint.Json.Syntax
{
    /// <summary>Turns tree-level edits back into JSON text edits that keep the file's layout and always leave valid JSON.</summary>
    internal sealed class JsonTreeEditor : ITreeEditor
    {
        /// <summary>Read-only: a gathered mapping has no JSON object of its own to insert into, so no fix is offered on it.</summary>
        public TreeMapping Gather(IReadOnlyList<TreeEntry> entries, SourceSpan span, SourceSpan headSpan, string path) =>
            new TreeMapping(entries, false, span, headSpan, path);

        private readonly SourceText _source;

        public JsonTreeEditor(SourceText source) => _source = source;

        public EditTarget? SetAt(TreeMapping mapping, IReadOnlyList<string> keys) =>
            Owns(mapping) && keys.Count > 0 ? new JsonEditTarget(_source, mapping, keys.ToArray()) : null;

        // A key is text by definition; replacing one with a boolean or number would not be JSON.
        public EditTarget? Replace(TreeScalar scalar, string describe) =>
            Owns(scalar) && scalar.Origin is JsonOrigin { IsKey: false } ? new JsonScalarEditTarget(scalar, describe) : null;

        public EditTarget? AppendTo(TreeMapping owner, string key, string item, object whenValue) =>
            Owns(owner) ? new JsonListAppendTarget(_source, owner, key, item, whenValue) : null;

        // A node from another file's tree would splice this file's text at that file's offsets.
        private bool Owns(TreeNode node) => ReferenceEquals(node.Editor, this) && node.Origin is JsonOrigin;
    }
}

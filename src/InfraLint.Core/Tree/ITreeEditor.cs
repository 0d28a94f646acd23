using System.Collections.Generic;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Tree
{
    /// <summary>
    /// The front end's side of a fix: mappers say what to change in tree terms, the front end that built the tree
    /// renders it in its own syntax (YAML keeping comments and indentation, C# as an initializer entry). A front end
    /// returns null for an edit it cannot make safely.
    /// </summary>
    public interface ITreeEditor
    {
        /// <summary>Sets the value at <paramref name="keys"/> below <paramref name="mapping"/>, creating missing keys and mappings.</summary>
        EditTarget? SetAt(TreeMapping mapping, IReadOnlyList<string> keys);

        /// <summary>Replaces the scalar in place; <paramref name="describe"/> names it in fix descriptions.</summary>
        EditTarget? Replace(TreeScalar scalar, string describe);

        /// <summary>
        /// An attribute a format expresses as a list item (compose's <c>security_opt: [no-new-privileges:true]</c>): setting
        /// it to <paramref name="whenValue"/> appends <paramref name="item"/> to the list at <paramref name="key"/>, creating it.
        /// </summary>
        EditTarget? AppendTo(TreeMapping owner, string key, string item, object whenValue);

        /// <summary>
        /// A mapping a mapper assembles from entries found elsewhere (CloudFormation's Key/Value tag list read as a map),
        /// so it can be read like any other; editing one of its keys edits that entry's own value in the file.
        /// </summary>
        TreeMapping Gather(IReadOnlyList<TreeEntry> entries, SourceSpan span, SourceSpan headSpan, string path);
    }

    /// <summary>
    /// An editor that can set values below a mapping from what it keeps of the mapping itself (the YAML node), so a fact
    /// that offers an edit for later does not keep the whole located tree of its file alive until then.
    /// </summary>
    public interface ITreeSetterSource
    {
        /// <summary>
        /// What <see cref="ITreeEditor.SetAt"/> on <paramref name="mapping"/> with <paramref name="prefix"/> and then the key
        /// given would do, holding on to less than the tree.
        /// </summary>
        System.Func<string, EditTarget?> SetterFor(TreeMapping mapping, IReadOnlyList<string> prefix);
    }
}

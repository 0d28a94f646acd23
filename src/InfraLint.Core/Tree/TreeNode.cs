using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Tree
{
    /// <summary>What a front end could see of a value.</summary>
    public enum NodeState
    {
        /// <summary>A literal: its value is what the file says.</summary>
        Present,

        /// <summary>Not in the file: <see cref="TreeMapping.At"/> of a key that is absent.</summary>
        Missing,

        /// <summary>
        /// There, but not a literal: a CloudFormation <c>!Ref</c>/<c>!GetAtt</c>/<c>!Sub</c>, a Pulumi <c>Output&lt;T&gt;</c>, a
        /// method call. Its value is decided elsewhere (at deploy time), so it never produces a finding.
        /// </summary>
        Unknown,
    }

    /// <summary>
    /// One node of the located tree every front end (YAML, JSON, C#) builds and every platform mapper reads: the
    /// syntax is gone, the place is kept. Like cfn-lint's decoded nodes, each node carries its span, its logical path
    /// from the document root, and a way back to the front end that can edit it.
    /// </summary>
    public abstract class TreeNode
    {
        protected TreeNode(SourceSpan span, SourceSpan headSpan, string path, string? tag, NodeState state, ITreeEditor? editor, object? origin)
        {
            _span = span;
            _headSpan = headSpan;
            Path = path;
            Tag = tag;
            State = state;
            Editor = editor;
            Origin = origin;
        }

        protected TreeNode(TreeExtent extent, string path, string? tag, NodeState state, ITreeEditor? editor, object? origin)
        {
            _extent = extent;
            Path = path;
            Tag = tag;
            State = state;
            Editor = editor;
            Origin = origin;
        }

        // A front end that knows only offsets (YAML) leaves the spans to be made when a mapper reads them: most nodes
        // of a tree are never located by a finding, and a scan builds hundreds of thousands of them.
        private readonly TreeExtent _extent;
        private SourceSpan? _span;
        private SourceSpan? _headSpan;

        /// <summary>The node as written: a scalar's text (quotes included), a collection from its first to its last character.</summary>
        public SourceSpan Span => _span ??= _extent.Lines!.Span(_extent.Start, _extent.End);

        /// <summary>Where a finding about the node points: a scalar's span, a collection's first line.</summary>
        public SourceSpan HeadSpan => _headSpan ??= _extent.HeadEnd == _extent.End ? Span : _extent.Lines!.Span(_extent.Start, _extent.HeadEnd);

        /// <summary>Logical path from the document root: <c>spec.template.spec.containers[0].image</c>.</summary>
        public string Path { get; }

        /// <summary>An explicit, application-specific tag as written (<c>!Ref</c>, <c>!Sub</c>); null for none or a core-schema tag.</summary>
        public string? Tag { get; }

        public NodeState State { get; }

        public bool IsUnknown => State == NodeState.Unknown;

        /// <summary>The front end that can change this node; null where it cannot.</summary>
        public ITreeEditor? Editor { get; }

        /// <summary>The front end's own node (for its editor); never read by mappers.</summary>
        public object? Origin { get; }

        public override string ToString() => $"{GetType().Name} {Path} @ {Span}";
    }

    /// <summary>A scalar: text, a number, a boolean or null, as written.</summary>
    public sealed class TreeScalar : TreeNode
    {
        public TreeScalar(string? value, bool isPlain, SourceSpan span, string path, string? tag = null, NodeState state = NodeState.Present, ITreeEditor? editor = null, object? origin = null)
            : base(span, span, path, tag, state, editor, origin)
        {
            Value = value;
            IsPlain = isPlain;
        }

        public TreeScalar(string? value, bool isPlain, TreeExtent extent, string path, string? tag = null, NodeState state = NodeState.Present, ITreeEditor? editor = null, object? origin = null)
            : base(extent, path, tag, state, editor, origin)
        {
            Value = value;
            IsPlain = isPlain;
        }

        /// <summary>The scalar's value with quotes and escapes resolved.</summary>
        public string? Value { get; }

        /// <summary>
        /// Written without quotes: YAML's plain scalars, JSON's numbers, booleans and null. Only a plain <c>true</c> is a
        /// boolean and only a plain <c>~</c> is null; a quoted one is a string.
        /// </summary>
        public bool IsPlain { get; }
    }

    /// <summary>A key and its value; keys that are not scalars are not entries (no platform uses them).</summary>
    public sealed class TreeEntry
    {
        public TreeEntry(TreeScalar key, TreeNode value)
        {
            Key = key;
            Value = value;
        }

        public TreeScalar Key { get; }

        public TreeNode Value { get; }
    }

    /// <summary>A mapping, its entries in file order.</summary>
    public sealed class TreeMapping : TreeNode
    {
        public TreeMapping(IReadOnlyList<TreeEntry> entries, bool isFlow, SourceSpan span, SourceSpan headSpan, string path, string? tag = null, NodeState state = NodeState.Present, ITreeEditor? editor = null, object? origin = null)
            : base(span, headSpan, path, tag, state, editor, origin)
        {
            Entries = entries;
            IsFlow = isFlow;
        }

        public TreeMapping(IReadOnlyList<TreeEntry> entries, bool isFlow, TreeExtent extent, string path, string? tag = null, NodeState state = NodeState.Present, ITreeEditor? editor = null, object? origin = null)
            : base(extent, path, tag, state, editor, origin)
        {
            Entries = entries;
            IsFlow = isFlow;
        }

        public IReadOnlyList<TreeEntry> Entries { get; }

        /// <summary>Written inline (<c>{a: 1}</c>, every JSON object).</summary>
        public bool IsFlow { get; }

        public int Count => Entries.Count;

        /// <summary>The value of <paramref name="key"/> (the first, should a file repeat it), or null when absent.</summary>
        public TreeNode? Get(string key) => IndexOf(key) is int i and >= 0 ? Entries[i].Value : null;

        /// <summary>The key node of <paramref name="key"/>, or null when absent.</summary>
        public TreeScalar? KeyNode(string key) => IndexOf(key) is int i and >= 0 ? Entries[i].Key : null;

        // Indexed rather than foreach: mappers look keys up several hundred thousand times a scan, and a foreach over
        // the interface allocates an enumerator each time.
        private int IndexOf(string key)
        {
            var entries = Entries;
            for (int i = 0; i < entries.Count; i++)
                if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal)) return i;
            return -1;
        }

        /// <summary>The value of <paramref name="key"/>, or a <see cref="NodeState.Missing"/> node anchored at this mapping's head.</summary>
        public TreeNode At(string key) =>
            Get(key) ?? new TreeMissing(HeadSpan, Path.Length == 0 ? key : Path + "." + key);

        /// <summary>An edit target that sets the value at <paramref name="keys"/> below this mapping, creating what is missing.</summary>
        public Fixes.EditTarget? EditAt(params string[] keys) => Editor?.SetAt(this, keys);

        /// <summary>
        /// <see cref="EditAt"/> for later, of one key below <paramref name="below"/>: for a fact to keep (a label or a limit a
        /// rule may ask to set). It starts from the deepest mapping along <paramref name="below"/> that this file writes
        /// itself (one merged in from an anchor has no editor), and keeps only what the front end needs of it, not the tree,
        /// when the front end can (<see cref="ITreeSetterSource"/>); null without an editor.
        /// </summary>
        public Func<string, Fixes.EditTarget?>? Setter(params string[] below)
        {
            var from = this;
            int depth = 0;
            while (depth < below.Length && from.Get(below[depth]) is TreeMapping { Editor: not null } child)
            {
                from = child;
                depth++;
            }
            var prefix = below.Skip(depth).ToArray();
            return from.Editor switch
            {
                null => null,
                ITreeSetterSource source => source.SetterFor(from, prefix),
                var editor => KeptSetter(editor, from, prefix),
            };
        }

        // A function of its own, so the setter's closure holds these three and nothing else of Setter's locals.
        private static Func<string, Fixes.EditTarget?> KeptSetter(ITreeEditor editor, TreeMapping from, string[] prefix) =>
            key => editor.SetAt(from, prefix.Append(key).ToArray());
    }

    /// <summary>A sequence, its items in file order.</summary>
    public sealed class TreeSequence : TreeNode
    {
        public TreeSequence(IReadOnlyList<TreeNode> items, SourceSpan span, SourceSpan headSpan, string path, string? tag = null, NodeState state = NodeState.Present, ITreeEditor? editor = null, object? origin = null)
            : base(span, headSpan, path, tag, state, editor, origin)
        {
            Items = items;
        }

        public TreeSequence(IReadOnlyList<TreeNode> items, TreeExtent extent, string path, string? tag = null, NodeState state = NodeState.Present, ITreeEditor? editor = null, object? origin = null)
            : base(extent, path, tag, state, editor, origin)
        {
            Items = items;
        }

        public IReadOnlyList<TreeNode> Items { get; }

        public int Count => Items.Count;
    }

    /// <summary>What is not there: the place a finding about its absence points at, and the path it would have.</summary>
    public sealed class TreeMissing : TreeNode
    {
        public TreeMissing(SourceSpan anchor, string path)
            : base(anchor, anchor, path, null, NodeState.Missing, null, null)
        {
        }
    }

    /// <summary>
    /// Where a node is, as offsets into its file: the spans a <see cref="TreeNode"/> reports are made from these when
    /// first read. <see cref="HeadEnd"/> equals <see cref="End"/> where the head is the whole node (a scalar).
    /// </summary>
    public readonly struct TreeExtent
    {
        public TreeExtent(SourceLines lines, int start, int end, int headEnd)
        {
            Lines = lines;
            Start = start;
            End = end;
            HeadEnd = headEnd;
        }

        public SourceLines? Lines { get; }

        public int Start { get; }

        public int End { get; }

        public int HeadEnd { get; }
    }
}

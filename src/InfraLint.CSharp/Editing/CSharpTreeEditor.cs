using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Editing
{
    /// <summary>
    /// Turns tree-level edits back into C#: a value replaced in place, a missing key added as an initializer entry (with
    /// the objects it needs, <c>SecurityContext = new V1SecurityContext { Privileged = false }</c>) in the file's layout.
    /// How keys, objects and values are written is the family's (<see cref="ICSharpRenderer"/>).
    /// </summary>
    public sealed class CSharpTreeEditor : ITreeEditor, ITreeSetterSource
    {
        private readonly SourceText _source;
        private readonly Writing _writing;

        public CSharpTreeEditor(SourceText source, ICSharpRenderer renderer)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _writing = new Writing(source.Lines, renderer ?? throw new ArgumentNullException(nameof(renderer)));
        }

        public EditTarget? SetAt(TreeMapping mapping, IReadOnlyList<string> keys) =>
            mapping.Origin is SyntaxNode && keys.Count > 0 && mapping.State == NodeState.Present ? SetTarget(mapping, keys.ToArray()) : null;

        public EditTarget? Replace(TreeScalar scalar, string describe) =>
            scalar.Origin is ExpressionSyntax && scalar.State == NodeState.Present ? new ReplaceTarget(_writing, ReplacedBy(scalar), describe) : null;

        /// <summary>
        /// What <see cref="SetAt"/> with <paramref name="prefix"/> and then a key does, made now: the targets of the keys the
        /// object at the end of the prefix has, and where any key it lacks goes (the same place whatever the key).
        /// </summary>
        public Func<string, EditTarget?> SetterFor(TreeMapping mapping, IReadOnlyList<string> prefix)
        {
            if (mapping.Origin is not SyntaxNode || mapping.State != NodeState.Present) return _ => null;
            var keys = prefix.ToArray();
            var present = new Dictionary<string, EditTarget>(StringComparer.Ordinal);
            if (Existing(mapping, keys) is { } end)
                foreach (var entry in end.Entries)
                    if (entry.Key.Value is { } key && !present.ContainsKey(key)) present[key] = SetTarget(mapping, keys.Append(key).ToArray());
            // The empty key stands for any key the object lacks: the walk and the place are the same for every missing key.
            // An object that has an empty key itself ([""] = …) gets no insertion for missing keys: no fix, never a wrong one.
            var missing = SetTarget(mapping, keys.Append(string.Empty).ToArray());
            var writing = _writing;
            return key => present.TryGetValue(key, out var target) ? target : Missing(writing, missing, keys.Append(key).ToArray());
        }

        /// <summary>The object at the end of <paramref name="keys"/> below <paramref name="mapping"/>, if the file writes all of it.</summary>
        private static TreeMapping? Existing(TreeMapping mapping, string[] keys)
        {
            var current = mapping;
            foreach (var key in keys)
            {
                if (current.Get(key) is not TreeMapping { State: NodeState.Present, Origin: SyntaxNode } next) return null;
                current = next;
            }
            return current;
        }

        /// <summary>The target of a missing key from the one made for the empty key: the same place, another key.</summary>
        private static EditTarget Missing(Writing writing, EditTarget template, string[] keys) => template switch
        {
            InsertTarget insert => new InsertTarget(writing, insert.Insertion with { Keys = keys }, string.Join(".", keys)),
            _ => new ReplaceTarget(writing, null, string.Join(".", keys)),
        };

        /// <summary>Compose's list-valued attributes have no C# form here.</summary>
        public EditTarget? AppendTo(TreeMapping owner, string key, string item, object whenValue) => null;

        /// <summary>A mapping read from entries elsewhere (CloudFormation's Key/Value tags): its values are replaced in place.</summary>
        public TreeMapping Gather(IReadOnlyList<TreeEntry> entries, SourceSpan span, SourceSpan headSpan, string path) =>
            new TreeMapping(entries, false, span, headSpan, path, null, NodeState.Present, null, null);

        /// <summary>A logical path without list indexes: what a renderer's tables are keyed by.</summary>
        public static string SchemaPath(string path) => Regex.Replace(path, @"\[[^\]]*\]", "[]");

        private static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

        // A file's targets are made from its tree, and a fact keeps them to the end of the scan: each decides now what its
        // edit will be and keeps offsets and paths, never a tree node or the syntax (which would keep the whole file alive).

        /// <summary>The value written where <paramref name="scalar"/> is, if it is an expression of this file.</summary>
        private Replacement? ReplacedBy(TreeScalar scalar) =>
            scalar.State == NodeState.Present && scalar.Origin is ExpressionSyntax expression
                ? new Replacement(expression.SpanStart, expression.Span.End, SharedStrings.Of(scalar.Path))
                : null;

        private EditTarget SetTarget(TreeMapping mapping, string[] keys)
        {
            var describe = string.Join(".", keys);
            TreeMapping current = mapping;
            for (int i = 0; i < keys.Length; i++)
            {
                var child = current.Get(keys[i]);
                if (child is null) return Inserting(current, keys, i, describe);
                // A scalar with no C# behind it is a default the family wrote in (Pulumi's "Defaults to false"): the entry is added.
                if (i == keys.Length - 1 && child is TreeScalar { State: NodeState.Present, Origin: not SyntaxNode }) return Inserting(current, keys, i, describe);
                if (i == keys.Length - 1) return new ReplaceTarget(_writing, child is TreeScalar scalar ? ReplacedBy(scalar) : null, describe);
                if (child is not TreeMapping next || next.State != NodeState.Present || next.Origin is not SyntaxNode) break;
                current = next;
            }
            return new ReplaceTarget(_writing, null, describe);
        }

        /// <summary>Adds keys[from..] below <paramref name="owner"/>, which has none of them.</summary>
        private EditTarget Inserting(TreeMapping owner, string[] keys, int from, string describe)
        {
            if (owner.Origin is not SyntaxNode node || CSharpEdits.EntryPlace(_source, node) is not { } place) return new ReplaceTarget(_writing, null, describe);
            // A map's entries follow its own style ({ "k", v } pairs or indexers); an empty or a new map, the file's habit.
            var entries = InitializerOf(node)?.Expressions;
            bool? ownPairs = entries is { Count: > 0 } ? entries.Value.Any(e => e.IsKind(SyntaxKind.ComplexElementInitializerExpression)) : null;
            bool filePairs = FilePairs(node);
            return new InsertTarget(_writing, new Insertion(SharedStrings.Of(owner.Path), keys, from, ownPairs ?? filePairs, filePairs, place), describe);
        }

        /// <summary>Whether the file writes maps as <c>{ "k", v }</c> pairs (Pulumi's InputMap), else with indexers; read once per file.</summary>
        private bool FilePairs(SyntaxNode node) =>
            _filePairs ??= node.SyntaxTree.GetRoot().DescendantNodes().Any(n => n.IsKind(SyntaxKind.ComplexElementInitializerExpression));

        private bool? _filePairs;

        private static InitializerExpressionSyntax? InitializerOf(SyntaxNode? node) => node switch
        {
            BaseObjectCreationExpressionSyntax creation => creation.Initializer,
            InitializerExpressionSyntax initializer => initializer,
            _ => null,
        };

        /// <summary>
        /// What the targets need when a fix is asked of them: the family's renderer and the file's line map. Kept apart from
        /// the editor, which holds the file's text while the targets are made; a target keeps this to the end of the scan.
        /// </summary>
        private sealed class Writing
        {
            private readonly SourceLines _lines;
            private readonly ICSharpRenderer _renderer;

            public Writing(SourceLines lines, ICSharpRenderer renderer)
            {
                _lines = lines;
                _renderer = renderer;
            }

            public IReadOnlyList<TextEdit> Set(Replacement? replacement, object value)
            {
                if (replacement is null) return Array.Empty<TextEdit>();
                var text = _renderer.Value(SchemaPath(replacement.Path), value);
                return text is null ? Array.Empty<TextEdit>() : new[] { new TextEdit(_lines.Span(replacement.Start, replacement.End), text) };
            }

            public IReadOnlyList<TextEdit> Set(Insertion insertion, object value)
            {
                var entry = Entry(insertion.OwnerPath, insertion.Keys, insertion.From, value, insertion.Pairs, insertion.FilePairs);
                return entry is null ? Array.Empty<TextEdit>() : insertion.Place.Edits(entry);
            }

            /// <summary><c>Member = value</c> (or a dictionary entry) for keys[i..] below the object at <paramref name="ownerPath"/>.</summary>
            /// <param name="pairs">Whether a map at this level is written with <c>{ "k", v }</c> pairs (its own style, or the file's).</param>
            private string? Entry(string ownerPath, string[] keys, int i, object value, bool pairs, bool filePairs)
            {
                var schemaOwner = SchemaPath(ownerPath);
                var childPath = Child(ownerPath, keys[i]);
                string? inner;
                if (i == keys.Length - 1)
                {
                    inner = _renderer.Value(SchemaPath(childPath), value);
                }
                else
                {
                    var create = _renderer.NewObject(SchemaPath(childPath));
                    // A new object has no style of its own: a map inside it follows the file's.
                    var nested = Entry(childPath, keys, i + 1, value, filePairs, filePairs);
                    inner = create is null || nested is null ? null : create + " { " + nested + " }";
                }
                if (inner is null) return null;
                if (_renderer.IsMap(schemaOwner))
                {
                    var key = SymbolDisplay.FormatLiteral(keys[i], quote: true);
                    return pairs ? "{ " + key + ", " + inner + " }" : "[" + key + "] = " + inner;
                }
                var member = _renderer.Member(schemaOwner, keys[i]);
                return member is null ? null : member + " = " + inner;
            }
        }

        /// <summary>An expression of the file to replace: its offsets, and the logical path of the value it writes.</summary>
        private sealed record Replacement(int Start, int End, string Path);

        /// <summary>Keys[from..] to add below the object at <paramref name="OwnerPath"/>, at <paramref name="Place"/>.</summary>
        private sealed record Insertion(string OwnerPath, string[] Keys, int From, bool Pairs, bool FilePairs, EntryPlacement Place);

        private sealed class InsertTarget : EditTarget
        {
            private readonly Writing _writing;

            public InsertTarget(Writing writing, Insertion insertion, string describe)
            {
                _writing = writing;
                Insertion = insertion;
                Describe = SharedStrings.Of(describe);
            }

            public Insertion Insertion { get; }

            public override string Describe { get; }

            public override IReadOnlyList<TextEdit> Set(object value) => _writing.Set(Insertion, value);
        }

        private sealed class ReplaceTarget : EditTarget
        {
            private readonly Writing _writing;
            private readonly Replacement? _replacement;

            public ReplaceTarget(Writing writing, Replacement? replacement, string describe)
            {
                _writing = writing;
                _replacement = replacement;
                Describe = SharedStrings.Of(describe);
            }

            public override string Describe { get; }

            public override IReadOnlyList<TextEdit> Set(object value) => _writing.Set(_replacement, value);
        }
    }
}

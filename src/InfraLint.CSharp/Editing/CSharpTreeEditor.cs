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
    public sealed class CSharpTreeEditor : ITreeEditor
    {
        private readonly SourceText _source;
        private readonly ICSharpRenderer _renderer;

        public CSharpTreeEditor(SourceText source, ICSharpRenderer renderer)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _renderer = renderer ?? throw new ArgumentNullException(nameof(renderer));
        }

        public EditTarget? SetAt(TreeMapping mapping, IReadOnlyList<string> keys) =>
            mapping.Origin is SyntaxNode && keys.Count > 0 && mapping.State == NodeState.Present ? new SetTarget(this, mapping, keys.ToArray()) : null;

        public EditTarget? Replace(TreeScalar scalar, string describe) =>
            scalar.Origin is ExpressionSyntax && scalar.State == NodeState.Present ? new ReplaceTarget(this, scalar, describe) : null;

        /// <summary>Compose's list-valued attributes have no C# form here.</summary>
        public EditTarget? AppendTo(TreeMapping owner, string key, string item, object whenValue) => null;

        /// <summary>A mapping read from entries elsewhere (CloudFormation's Key/Value tags): its values are replaced in place.</summary>
        public TreeMapping Gather(IReadOnlyList<TreeEntry> entries, SourceSpan span, SourceSpan headSpan, string path) =>
            new TreeMapping(entries, false, span, headSpan, path, null, NodeState.Present, null, null);

        /// <summary>A logical path without list indexes: what a renderer's tables are keyed by.</summary>
        public static string SchemaPath(string path) => Regex.Replace(path, @"\[[^\]]*\]", "[]");

        private static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

        private IReadOnlyList<TextEdit> ReplaceValue(TreeScalar scalar, object value)
        {
            if (scalar.State != NodeState.Present || scalar.Origin is not ExpressionSyntax expression) return Array.Empty<TextEdit>();
            var text = _renderer.Value(SchemaPath(scalar.Path), value);
            return text is null ? Array.Empty<TextEdit>() : new[] { CSharpEdits.Replace(_source, expression, text) };
        }

        private IReadOnlyList<TextEdit> Set(TreeMapping mapping, string[] keys, object value)
        {
            TreeMapping current = mapping;
            for (int i = 0; i < keys.Length; i++)
            {
                var child = current.Get(keys[i]);
                if (child is null) return Insert(current, keys, i, value);
                // A scalar with no C# behind it is a default the family wrote in (Pulumi's "Defaults to false"): the entry is added.
                if (i == keys.Length - 1 && child is TreeScalar { State: NodeState.Present, Origin: not SyntaxNode }) return Insert(current, keys, i, value);
                if (i == keys.Length - 1) return child is TreeScalar scalar ? ReplaceValue(scalar, value) : Array.Empty<TextEdit>();
                if (child is not TreeMapping next || next.State != NodeState.Present || next.Origin is not SyntaxNode) return Array.Empty<TextEdit>();
                current = next;
            }
            return Array.Empty<TextEdit>();
        }

        /// <summary>Adds keys[from..] below <paramref name="owner"/>, which has none of them.</summary>
        private IReadOnlyList<TextEdit> Insert(TreeMapping owner, string[] keys, int from, object value)
        {
            if (owner.Origin is not SyntaxNode node) return Array.Empty<TextEdit>();
            // A new map follows the file's habit: { "k", v } pairs when the file writes maps that way (Pulumi's InputMap), else an indexer.
            bool filePairs = node.SyntaxTree.GetRoot().DescendantNodes().Any(n => n.IsKind(SyntaxKind.ComplexElementInitializerExpression));
            var entry = Entry(owner.Path, keys, from, value, node, filePairs);
            if (entry is null) return Array.Empty<TextEdit>();
            return (IReadOnlyList<TextEdit>?)CSharpEdits.AddEntry(_source, node, entry) ?? Array.Empty<TextEdit>();
        }

        /// <summary><c>Member = value</c> (or a dictionary entry) for keys[i..] below the object at <paramref name="ownerPath"/>.</summary>
        private string? Entry(string ownerPath, string[] keys, int i, object value, SyntaxNode? existing, bool filePairs)
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
                var nested = Entry(childPath, keys, i + 1, value, null, filePairs);
                inner = create is null || nested is null ? null : create + " { " + nested + " }";
            }
            if (inner is null) return null;
            if (_renderer.IsMap(schemaOwner))
            {
                var key = SymbolDisplay.FormatLiteral(keys[i], quote: true);
                // Follow the map's own style: { "k", v } pairs when it has them, an indexer entry otherwise.
                var entries = InitializerOf(existing)?.Expressions;
                bool pairs = entries is { Count: > 0 } ? entries.Value.Any(e => e.IsKind(SyntaxKind.ComplexElementInitializerExpression)) : filePairs;
                return pairs ? "{ " + key + ", " + inner + " }" : "[" + key + "] = " + inner;
            }
            var member = _renderer.Member(schemaOwner, keys[i]);
            return member is null ? null : member + " = " + inner;
        }

        private static InitializerExpressionSyntax? InitializerOf(SyntaxNode? node) => node switch
        {
            BaseObjectCreationExpressionSyntax creation => creation.Initializer,
            InitializerExpressionSyntax initializer => initializer,
            _ => null,
        };

        private sealed class SetTarget : EditTarget
        {
            private readonly CSharpTreeEditor _editor;
            private readonly TreeMapping _mapping;
            private readonly string[] _keys;

            public SetTarget(CSharpTreeEditor editor, TreeMapping mapping, string[] keys)
            {
                _editor = editor;
                _mapping = mapping;
                _keys = keys;
            }

            public override string Describe => string.Join(".", _keys);

            public override IReadOnlyList<TextEdit> Set(object value) => _editor.Set(_mapping, _keys, value);
        }

        private sealed class ReplaceTarget : EditTarget
        {
            private readonly CSharpTreeEditor _editor;
            private readonly TreeScalar _scalar;

            public ReplaceTarget(CSharpTreeEditor editor, TreeScalar scalar, string describe)
            {
                _editor = editor;
                _scalar = scalar;
                Describe = describe;
            }

            public override string Describe { get; }

            public override IReadOnlyList<TextEdit> Set(object value) => _editor.ReplaceValue(_scalar, value);
        }
    }
}

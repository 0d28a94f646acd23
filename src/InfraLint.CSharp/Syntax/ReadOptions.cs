using System;
using InfraLint.Core.Tree;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Syntax
{
    /// <summary>How a family's objects become tree nodes: the schema's name of a property, and who can edit the nodes.</summary>
    public sealed class ReadOptions
    {
        public ReadOptions(Func<string, string> key, ITreeEditor? editor = null, Func<BaseObjectCreationExpressionSyntax, string, TreeNode?>? creation = null)
        {
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Editor = editor;
            Creation = creation;
        }

        /// <summary>The schema's key for a C# property or named argument (<c>NamespaceProperty</c> → <c>namespace</c>).</summary>
        public Func<string, string> Key { get; }

        /// <summary>Set on every mapping and scalar the reader builds; null: the nodes cannot be edited.</summary>
        public ITreeEditor? Editor { get; }

        /// <summary>
        /// The family's own reading of an object creation at a path (a value type such as <c>IntOrString</c>, a model
        /// built through its constructor's positional arguments), tried before the generic walk; null: the generic walk.
        /// </summary>
        public Func<BaseObjectCreationExpressionSyntax, string, TreeNode?>? Creation { get; }
    }
}

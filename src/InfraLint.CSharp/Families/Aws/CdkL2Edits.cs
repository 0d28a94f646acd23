using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Editing;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// Fixes on an AWS CDK L2 construct. The mapper asks for a CloudFormation change (<c>RetentionInDays</c> to 180) on
    /// the template the construct synthesizes; each such key that has an L2 idiom is registered here with the prop that
    /// writes it (<c>Retention = RetentionDays.SIX_MONTHS</c>). The prop's value is replaced where it is written; a prop
    /// left to CDK's default is added to the props initializer, or a new props object is passed when the construct has
    /// none. A key without a registered idiom gets no fix.
    /// </summary>
    internal sealed class CdkL2Editor : ITreeEditor
    {
        /// <summary>Other namespaces of Amazon.CDK.Lib 2.103.0 that declare a type of the same simple name: where the file imports one, the name is written in full.</summary>
        private static readonly Dictionary<string, string[]> Homonyms = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["LogGroupProps"] = new[] { "Amazon.CDK.AWS.Events.Targets" },
        };

        private readonly SourceText _source;
        private readonly ObjectCreationExpressionSyntax _creation;
        private readonly string _fullType;
        private readonly string _propertiesPath;
        private readonly Dictionary<string, EditTarget> _edits = new Dictionary<string, EditTarget>(StringComparer.Ordinal);

        /// <param name="fullType">The construct's full .NET name (<c>Amazon.CDK.AWS.Logs.LogGroup</c>).</param>
        /// <param name="propertiesPath">The logical path of the resource's <c>Properties</c> in the template.</param>
        public CdkL2Editor(SourceText source, ObjectCreationExpressionSyntax creation, string fullType, string propertiesPath)
        {
            _source = source;
            _creation = creation;
            _fullType = fullType;
            _propertiesPath = propertiesPath;
        }

        /// <summary>
        /// Registers how the CloudFormation key at <paramref name="key"/> (relative to <c>Properties</c>, dotted) is set:
        /// <paramref name="render"/> writes the C# for a value (null: no fix for it); the result replaces
        /// <paramref name="written"/> when the prop is written, or becomes <c><paramref name="member"/> = …</c> in
        /// <paramref name="owner"/> (null: the construct's props).
        /// </summary>
        public void Register(string key, string member, Func<object, string?> render, ExpressionSyntax? written, BaseObjectCreationExpressionSyntax? owner = null) =>
            _edits[key] = new Target(this, member, render, written, owner);

        public EditTarget? SetAt(TreeMapping mapping, IReadOnlyList<string> keys)
        {
            if (mapping is null || keys is null || keys.Count == 0) return null;
            var path = mapping.Path + "." + string.Join(".", keys);
            if (!path.StartsWith(_propertiesPath + ".", StringComparison.Ordinal)) return null;
            return _edits.TryGetValue(path.Substring(_propertiesPath.Length + 1), out var target) ? target : null;
        }

        public EditTarget? Replace(TreeScalar scalar, string describe) => null;

        public EditTarget? AppendTo(TreeMapping owner, string key, string item, object whenValue) => null;

        public TreeMapping Gather(IReadOnlyList<TreeEntry> entries, SourceSpan span, SourceSpan headSpan, string path) =>
            new TreeMapping(entries, false, span, headSpan, path, null, NodeState.Present, null, null);

        /// <summary>
        /// A type of the construct's namespace as this file can name it: beside the construct's qualifier when the file
        /// qualifies it (<c>Logs.LogGroup</c> → <c>Logs.RetentionDays</c>), unqualified when the file names the construct by
        /// its simple name through its namespace, in full otherwise (an alias of the construct's type, a homonym imported).
        /// </summary>
        public string TypeName(string simpleName)
        {
            int dot = _fullType.LastIndexOf('.');
            string ns = _fullType.Substring(0, dot), constructName = _fullType.Substring(dot + 1);
            switch (_creation.Type)
            {
                case QualifiedNameSyntax qualified when qualified.Right.Identifier.ValueText == constructName:
                    return qualified.Left.WithoutTrivia().ToString() + "." + simpleName;
                case IdentifierNameSyntax name when name.Identifier.ValueText == constructName
                    && !(Homonyms.TryGetValue(simpleName, out var others) && others.Any(o => CSharpReader.Imports(_creation, o))):
                    return simpleName;
                default:
                    return ns + "." + simpleName;
            }
        }

        /// <summary>
        /// A member of an enum-like class of the construct's namespace. A value written as <c>X.MEMBER</c>, where X names
        /// the class and MEMBER is one of <paramref name="members"/>, keeps its <c>X</c> (the file's own way of naming the
        /// class); anything else (a constant, a field) is replaced by the class named by <see cref="TypeName"/>.
        /// </summary>
        public string EnumMember(string enumName, string member, ExpressionSyntax? written, ICollection<string> members) =>
            written is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access && members.Contains(name.Identifier.ValueText)
                && access.Expression switch { IdentifierNameSyntax id => id.Identifier.ValueText, MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText, _ => null } == enumName
                ? access.Expression.WithoutTrivia().ToString() + "." + member
                : TypeName(enumName) + "." + member;

        private IReadOnlyList<TextEdit> Set(string member, string text, ExpressionSyntax? written, BaseObjectCreationExpressionSyntax? owner)
        {
            if (written is not null) return new[] { CSharpEdits.Replace(_source, written, text) };
            var entry = member + " = " + text;
            if (owner is not null) return (IReadOnlyList<TextEdit>?)CSharpEdits.AddEntry(_source, owner, entry) ?? Array.Empty<TextEdit>();
            return AddProp(entry);
        }

        /// <summary>Adds a prop to the construct's props, creating <c>new XProps { … }</c> where it passes none (or null).</summary>
        private IReadOnlyList<TextEdit> AddProp(string entry)
        {
            var props = CdkContext.PropsExpression(_creation);
            while (props is ParenthesizedExpressionSyntax parenthesized) props = parenthesized.Expression;
            if (props is BaseObjectCreationExpressionSyntax created) return (IReadOnlyList<TextEdit>?)CSharpEdits.AddEntry(_source, created, entry) ?? Array.Empty<TextEdit>();
            var simple = _fullType.Substring(_fullType.LastIndexOf('.') + 1).TrimEnd('_') + "Props";
            var newProps = "new " + TypeName(simple) + " { " + entry + " }";
            if (props is not null)
                return props.IsKind(SyntaxKind.NullLiteralExpression) ? new[] { CSharpEdits.Replace(_source, props, newProps) } : Array.Empty<TextEdit>();
            // new X(scope, "Id"): the props follow the id, named when the id is.
            var arguments = _creation.ArgumentList?.Arguments;
            if (arguments is not { Count: 2 } list) return Array.Empty<TextEdit>();
            var last = list[1];
            var text = ", " + (last.NameColon is null ? string.Empty : "props: ") + newProps;
            return new[] { new TextEdit(_source.Span(last.Span.End, last.Span.End), text) };
        }

        private sealed class Target : EditTarget
        {
            private readonly CdkL2Editor _editor;
            private readonly Func<object, string?> _render;
            private readonly ExpressionSyntax? _written;
            private readonly BaseObjectCreationExpressionSyntax? _owner;

            public Target(CdkL2Editor editor, string member, Func<object, string?> render, ExpressionSyntax? written, BaseObjectCreationExpressionSyntax? owner)
            {
                _editor = editor;
                Describe = member;
                _render = render;
                _written = written;
                _owner = owner;
            }

            public override string Describe { get; }

            public override IReadOnlyList<TextEdit> Set(object value) =>
                _render(value) is string text ? _editor.Set(Describe, text, _written, _owner) : Array.Empty<TextEdit>();
        }
    }
}

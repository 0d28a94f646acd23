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
    /// <remarks>
    /// A fact keeps its targets to the end of a scan, so the editor decides everything it needs from the syntax when it is
    /// made or a key is registered (offsets, the file's way of naming types, where a prop goes) and keeps no syntax: a
    /// kept construct once kept the whole syntax tree of its file.
    /// </remarks>
    internal sealed class CdkL2Editor : ITreeEditor
    {
        /// <summary>Other namespaces of Amazon.CDK.Lib 2.103.0 that declare a type of the same simple name: where the file imports one, the name is written in full.</summary>
        private static readonly Dictionary<string, string[]> Homonyms = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["LogGroupProps"] = new[] { "Amazon.CDK.AWS.Events.Targets" },
        };

        private static readonly HashSet<string> NoHomonyms = new HashSet<string>(StringComparer.Ordinal);

        private readonly string _fullType;
        private readonly string _propertiesPath;
        private readonly Dictionary<string, EditTarget> _edits = new Dictionary<string, EditTarget>(StringComparer.Ordinal);

        /// <summary>How the file names the construct's namespace: the qualifier it writes (<c>Logs</c>), empty for the simple name, null for neither (types written in full).</summary>
        private readonly string? _qualifier;

        /// <summary>Simple names of <see cref="Homonyms"/> whose homonym the file imports.</summary>
        private readonly HashSet<string> _homonymsImported;

        private readonly PropsPlace _props;

        /// <param name="fullType">The construct's full .NET name (<c>Amazon.CDK.AWS.Logs.LogGroup</c>).</param>
        /// <param name="propertiesPath">The logical path of the resource's <c>Properties</c> in the template.</param>
        public CdkL2Editor(SourceText source, ObjectCreationExpressionSyntax creation, string fullType, string propertiesPath)
        {
            _fullType = fullType;
            _propertiesPath = propertiesPath;
            string constructName = fullType.Substring(fullType.LastIndexOf('.') + 1);
            // A node's text (ToString) leaves out its own leading and trailing trivia, as WithoutTrivia would, without a rewrite.
            _qualifier = creation.Type switch
            {
                QualifiedNameSyntax qualified when qualified.Right.Identifier.ValueText == constructName => qualified.Left.ToString(),
                IdentifierNameSyntax name when name.Identifier.ValueText == constructName => string.Empty,
                _ => null,
            };
            // A using of a homonym's namespace spells it: a file that never mentions one imports none.
            _homonymsImported = _qualifier == string.Empty && Homonyms.Any(h => h.Value.Any(o => source.Text.Contains(o) && CSharpReader.Imports(creation, o)))
                ? new HashSet<string>(Homonyms.Where(h => h.Value.Any(o => CSharpReader.Imports(creation, o))).Select(h => h.Key), StringComparer.Ordinal)
                : NoHomonyms;
            _props = PropsPlace.Of(source, creation, TypeName(fullType.Substring(fullType.LastIndexOf('.') + 1).TrimEnd('_') + "Props"));
        }

        /// <summary>
        /// Registers how the CloudFormation key at <paramref name="key"/> (relative to <c>Properties</c>, dotted) is set:
        /// <paramref name="render"/> writes the C# for a value (null: no fix for it); the result replaces
        /// <paramref name="written"/> when the prop is written, or becomes <c><paramref name="member"/> = …</c> in
        /// <paramref name="owner"/> (null: the construct's props), in <paramref name="source"/> (the construct's file). <paramref name="render"/> is kept:
        /// it must not capture syntax.
        /// </summary>
        public void Register(SourceText source, string key, string member, Func<object, string?> render, ExpressionSyntax? written, BaseObjectCreationExpressionSyntax? owner = null)
        {
            var replace = written is null ? (SourceSpan?)null : source.Span(written.SpanStart, written.Span.End);
            _edits[key] = owner is null
                ? new Target(this, member, render, replace, addTo: null, toProps: true)
                : new Target(this, member, render, replace, CSharpEdits.EntryPlace(source, owner), toProps: false);
        }

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
        public string TypeName(string simpleName) => _qualifier switch
        {
            null => _fullType.Substring(0, _fullType.LastIndexOf('.')) + "." + simpleName,
            "" when _homonymsImported.Contains(simpleName) => _fullType.Substring(0, _fullType.LastIndexOf('.')) + "." + simpleName,
            "" => simpleName,
            _ => _qualifier + "." + simpleName,
        };

        /// <summary>
        /// How a value written as <c>X.MEMBER</c> names the enum-like class <paramref name="enumName"/>, where X names that
        /// class and MEMBER is one of <paramref name="members"/>: its <c>X</c> (the file's own way of naming the class), to
        /// keep in <see cref="EnumMember"/>; null for anything else (a constant, a field).
        /// </summary>
        public static string? WrittenEnum(string enumName, ExpressionSyntax? written, ICollection<string> members) =>
            written is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access && members.Contains(name.Identifier.ValueText)
                && access.Expression switch { IdentifierNameSyntax id => id.Identifier.ValueText, MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText, _ => null } == enumName
                ? access.Expression.ToString()
                : null;

        /// <summary>
        /// A member of an enum-like class of the construct's namespace: <c>X.MEMBER</c> with the file's own <c>X</c>
        /// (<paramref name="writtenEnum"/>, from <see cref="WrittenEnum"/>), else the class named by <see cref="TypeName"/>.
        /// </summary>
        public string EnumMember(string enumName, string member, string? writtenEnum) => (writtenEnum ?? TypeName(enumName)) + "." + member;

        private IReadOnlyList<TextEdit> Set(string member, string text, Target target)
        {
            if (target.Replace is SourceSpan written) return new[] { new TextEdit(written, text) };
            var entry = member + " = " + text;
            if (!target.ToProps) return (IReadOnlyList<TextEdit>?)target.AddTo?.Edits(entry) ?? Array.Empty<TextEdit>();
            return _props.Edits(entry);
        }

        /// <summary>
        /// Where a prop goes in the construct's props, decided when the editor is made: into the props object, or a new
        /// <c>new XProps { … }</c> where the construct passes none (after its id) or null.
        /// </summary>
        private sealed class PropsPlace
        {
            private static readonly PropsPlace Nowhere = new PropsPlace(null, null, null, null);

            private readonly EntryPlacement? _into;
            private readonly SourceSpan? _replace;
            private readonly string? _prefix;
            private readonly string? _propsType;

            private PropsPlace(EntryPlacement? into, SourceSpan? replace, string? prefix, string? propsType)
            {
                _into = into;
                _replace = replace;
                _prefix = prefix;
                _propsType = propsType;
            }

            public static PropsPlace Of(SourceText source, ObjectCreationExpressionSyntax creation, string propsType)
            {
                var props = CdkContext.PropsExpression(creation);
                while (props is ParenthesizedExpressionSyntax parenthesized) props = parenthesized.Expression;
                if (props is BaseObjectCreationExpressionSyntax created)
                    return CSharpEdits.EntryPlace(source, created) is { } into ? new PropsPlace(into, null, null, null) : Nowhere;
                if (props is not null)
                    return props.IsKind(SyntaxKind.NullLiteralExpression) ? new PropsPlace(null, source.Span(props.SpanStart, props.Span.End), string.Empty, propsType) : Nowhere;
                // new X(scope, "Id"): the props follow the id, named when the id is.
                var arguments = creation.ArgumentList?.Arguments;
                if (arguments is not { Count: 2 } list) return Nowhere;
                var last = list[1];
                return new PropsPlace(null, source.Span(last.Span.End, last.Span.End), ", " + (last.NameColon is null ? string.Empty : "props: "), propsType);
            }

            public IReadOnlyList<TextEdit> Edits(string entry)
            {
                if (_into is not null) return _into.Edits(entry);
                if (_replace is SourceSpan at) return new[] { new TextEdit(at, _prefix + "new " + _propsType + " { " + entry + " }") };
                return Array.Empty<TextEdit>();
            }
        }

        private sealed class Target : EditTarget
        {
            private readonly CdkL2Editor _editor;
            private readonly Func<object, string?> _render;

            public Target(CdkL2Editor editor, string member, Func<object, string?> render, SourceSpan? replace, EntryPlacement? addTo, bool toProps)
            {
                _editor = editor;
                Describe = member;
                _render = render;
                Replace = replace;
                AddTo = addTo;
                ToProps = toProps;
            }

            public override string Describe { get; }

            /// <summary>The prop's value where it is written; null when it is not.</summary>
            public SourceSpan? Replace { get; }

            /// <summary>The object the prop is added to when it is not written (null with <see cref="ToProps"/>: the construct's props).</summary>
            public EntryPlacement? AddTo { get; }

            public bool ToProps { get; }

            public override IReadOnlyList<TextEdit> Set(object value) =>
                _render(value) is string text ? _editor.Set(Describe, text, this) : Array.Empty<TextEdit>();
        }
    }
}

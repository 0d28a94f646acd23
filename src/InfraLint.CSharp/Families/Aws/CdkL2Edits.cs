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

        /// <summary>The construct's namespace (<c>Amazon.CDK.AWS.Logs</c>).</summary>
        private readonly string _namespace;
        private readonly string _propertiesPath;
        private readonly Dictionary<string, EditTarget> _edits = new Dictionary<string, EditTarget>(StringComparer.Ordinal);

        /// <summary>How the file names the construct's namespace: the qualifier it writes (<c>Logs</c>), empty for the simple name, null for neither (types written in full).</summary>
        private readonly string? _qualifier;

        /// <summary>Simple names of <see cref="Homonyms"/> whose homonym the file imports.</summary>
        private readonly HashSet<string> _homonymsImported;

        /// <summary>Where a prop the construct's props do not write goes.</summary>
        private readonly PropPlace _props;

        /// <param name="fullType">The construct's full .NET name (<c>Amazon.CDK.AWS.Logs.LogGroup</c>).</param>
        /// <param name="propertiesPath">The logical path of the resource's <c>Properties</c> in the template.</param>
        public CdkL2Editor(SourceText source, ObjectCreationExpressionSyntax creation, string fullType, string propertiesPath)
        {
            int dot = fullType.LastIndexOf('.');
            _namespace = fullType.Substring(0, dot);
            _propertiesPath = propertiesPath;
            string constructName = fullType.Substring(dot + 1);
            // A node's text (ToString) leaves out its own leading and trailing trivia, as WithoutTrivia would, without a rewrite.
            _qualifier = creation.Type switch
            {
                QualifiedNameSyntax qualified when qualified.Right.Identifier.ValueText == constructName => qualified.Left.ToString(),
                IdentifierNameSyntax name when name.Identifier.ValueText == constructName => string.Empty,
                _ => null,
            };
            _homonymsImported = _qualifier == string.Empty ? ImportedHomonyms(source, creation) : NoHomonyms;
            _props = PropPlace.OfProps(source, creation, TypeName(constructName.TrimEnd('_') + "Props"));
        }

        private static HashSet<string> ImportedHomonyms(SourceText source, ObjectCreationExpressionSyntax creation)
        {
            HashSet<string>? imported = null;
            // A using of a homonym's namespace spells it: a file that never mentions one imports none.
            foreach (var homonym in Homonyms)
                if (homonym.Value.Any(ns => source.Text.Contains(ns) && CSharpReader.Imports(creation, ns)))
                    (imported ??= new HashSet<string>(StringComparer.Ordinal)).Add(homonym.Key);
            return imported ?? NoHomonyms;
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
            _edits[key] = new Target(member, render, replace, owner is null ? _props : PropPlace.Into(source, owner));
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
            null => _namespace + "." + simpleName,
            "" when _homonymsImported.Contains(simpleName) => _namespace + "." + simpleName,
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

        /// <summary>
        /// Where a prop that is not written goes, decided when the key is registered: into an object's initializer, or, for
        /// the construct's own props, a new <c>new XProps { … }</c> where the construct passes none (after its id) or null.
        /// </summary>
        private sealed class PropPlace
        {
            private static readonly PropPlace Nowhere = new PropPlace(null, null, null, null);

            private readonly EntryPlacement? _into;
            private readonly SourceSpan? _replace;
            private readonly string? _prefix;
            private readonly string? _propsType;

            private PropPlace(EntryPlacement? into, SourceSpan? replace, string? prefix, string? propsType)
            {
                _into = into;
                _replace = replace;
                _prefix = prefix;
                _propsType = propsType;
            }

            /// <summary>Into the initializer of <paramref name="owner"/> (one made after it when it has none).</summary>
            public static PropPlace Into(SourceText source, BaseObjectCreationExpressionSyntax owner) =>
                CSharpEdits.EntryPlace(source, owner) is { } into ? new PropPlace(into, null, null, null) : Nowhere;

            /// <summary>Into the construct's props: the props object it passes, or a new one of <paramref name="propsType"/>.</summary>
            public static PropPlace OfProps(SourceText source, ObjectCreationExpressionSyntax creation, string propsType)
            {
                var props = CdkContext.PropsExpression(creation);
                while (props is ParenthesizedExpressionSyntax parenthesized) props = parenthesized.Expression;
                if (props is BaseObjectCreationExpressionSyntax created) return Into(source, created);
                if (props is not null)
                    return props.IsKind(SyntaxKind.NullLiteralExpression) ? new PropPlace(null, source.Span(props.SpanStart, props.Span.End), string.Empty, propsType) : Nowhere;
                // new X(scope, "Id"): the props follow the id, named when the id is.
                var arguments = creation.ArgumentList?.Arguments;
                if (arguments is not { Count: 2 } list) return Nowhere;
                var last = list[1];
                return new PropPlace(null, source.Span(last.Span.End, last.Span.End), ", " + (last.NameColon is null ? string.Empty : "props: "), propsType);
            }

            /// <summary>The edits that add <paramref name="entry"/> (<c>Retention = …</c>); none where it has no place.</summary>
            public IReadOnlyList<TextEdit> Edits(string entry)
            {
                if (_into is not null) return _into.Edits(entry);
                if (_replace is SourceSpan at) return new[] { new TextEdit(at, _prefix + "new " + _propsType + " { " + entry + " }") };
                return Array.Empty<TextEdit>();
            }
        }

        private sealed class Target : EditTarget
        {
            private readonly Func<object, string?> _render;

            /// <summary>The prop's value where it is written; null when it is not.</summary>
            private readonly SourceSpan? _replace;

            /// <summary>Where the prop goes when it is not written.</summary>
            private readonly PropPlace _place;

            public Target(string member, Func<object, string?> render, SourceSpan? replace, PropPlace place)
            {
                Describe = member;
                _render = render;
                _replace = replace;
                _place = place;
            }

            public override string Describe { get; }

            public override IReadOnlyList<TextEdit> Set(object value)
            {
                if (_render(value) is not string text) return Array.Empty<TextEdit>();
                return _replace is SourceSpan written ? new[] { new TextEdit(written, text) } : _place.Edits(Describe + " = " + text);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Editing;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// AWS CDK constructs (Amazon.CDK.Lib 2.x): the L1 <c>Cfn*</c> classes, read property by property into the
    /// CloudFormation resource they synthesize (names from <see cref="CdkCfnNames"/>), and the L2 constructs InfraLint
    /// knows (<see cref="CdkL2"/>), translated to the CloudFormation they synthesize with CDK's defaults applied. Every
    /// construct of a file goes into one template (<see cref="TemplateShape"/>), so the CloudFormation mapper joins them.
    /// </summary>
    /// <remarks>
    /// A construct is read from <c>new X(scope, "Id", new XProps { … })</c>. It is not read at all when its props are
    /// not written there (a variable, a method's result), or when the code calls a method on it afterwards that may
    /// change it (<c>bucket.AddToResourcePolicy(…)</c>, <c>cfn.AddPropertyOverride(…)</c>) or assigns one of its
    /// properties: what such a change affects is unknown, and unknown never produces a finding. A reference to another
    /// construct of the file (<c>bucket.Ref</c>, <c>config.AttrEndpointConfigName</c>, <c>key.KeyArn</c>) becomes a
    /// <c>Ref</c> or <c>Fn::GetAtt</c> of its logical id, so the mapper can join them; other tokens are unknown.
    /// </remarks>
    public sealed class CdkConstructs : ICSharpFamily
    {
        public IReadOnlyCollection<string> RootTypes { get; } = new HashSet<string>(CdkCfnNames.Types.Keys.Concat(CdkL2.Types), StringComparer.Ordinal);

        /// <summary>Calls on a construct that change nothing InfraLint reads (grants change the grantee; metrics and events create other resources).</summary>
        private static readonly string[] HarmlessPrefixes = { "Grant", "Metric", "On", "ApplyRemovalPolicy", "AddDependency", "ToString", "GetAtt", "Arn", "UrlFor", "S3UrlFor", "VirtualHostedUrlFor", "TransferAccelerationUrlFor" };

        public IEnumerable<TreeMapping> Roots(IReadOnlyList<(BaseObjectCreationExpressionSyntax Creation, string Type)> creations, CSharpReader reader)
        {
            if (creations is null) throw new ArgumentNullException(nameof(creations));
            if (reader is null) throw new ArgumentNullException(nameof(reader));
            // A construct built inside another's props (EncryptionKey = new Key(…)) is a resource of its own too.
            var all = new List<(ObjectCreationExpressionSyntax Creation, string Type)>();
            foreach (var (creation, type) in creations)
            {
                if (creation is not ObjectCreationExpressionSyntax explicitType) continue;
                all.Add((explicitType, type));
                foreach (var nested in creation.DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
                    if (reader.Resolve(nested.Type, RootTypes) is string nestedType && nestedType != CdkIam.Statement) all.Add((nested, nestedType));
            }
            var context = new CdkContext(reader, this);
            foreach (var (creation, type) in all) context.Declare(creation, type);
            // Tags.Of(scope).Add(…) and a stack's Tags reach every taggable construct below, from any file of the app.
            var shape = new TemplateShape { TagsAppliedElsewhere = "CDK applies Tags.Of(scope) and stack tags to every construct in scope, from anywhere in the app" };
            foreach (var (creation, type) in all.OrderBy(c => c.Creation.SpanStart))
            {
                if (context.IsChangedAfterwards(creation)) continue;
                if (CdkCfnNames.Types.TryGetValue(type, out var l1)) context.AddL1(shape, creation, l1);
                else CdkL2.Add(shape, creation, type, context);
            }
            var file = reader.Source.Span(0, reader.Source.Text.Length);
            if (shape.Build(file) is { } template) yield return template;
        }

        internal static bool IsHarmless(string method) => HarmlessPrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>What the constructs of one file share: their logical ids (by variable, for references) and the reader.</summary>
    internal sealed class CdkContext
    {
        private readonly Dictionary<ObjectCreationExpressionSyntax, string> _ids = new Dictionary<ObjectCreationExpressionSyntax, string>();
        private readonly Dictionary<string, string> _variables = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _ambiguous = new HashSet<string>(StringComparer.Ordinal);
        private readonly CdkConstructs _family;

        public CdkContext(CSharpReader reader, CdkConstructs family)
        {
            Reader = reader;
            _family = family;
        }

        public CSharpReader Reader { get; }

        public static ReadOptions Verbatim { get; } = new ReadOptions(name => name);

        public void Declare(ObjectCreationExpressionSyntax creation, string type)
        {
            var id = IdExpression(creation) is { } expression && Reader.Evaluate(expression) is { IsPlain: false, Text: string text } ? text : null;
            id ??= DefaultPolicyId(creation);
            id ??= (CSharpReader.VariableOf(creation) ?? CSharpReader.TypeLastName(creation.Type) ?? "Resource") + "@" + (Reader.SpanOf(creation).StartLine).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _ids[creation] = id;
            if (CSharpReader.VariableOf(creation) is string variable)
            {
                if (_variables.ContainsKey(variable) || _ambiguous.Contains(variable))
                {
                    _variables.Remove(variable);
                    _ambiguous.Add(variable);
                }
                else _variables[variable] = id;
            }
        }

        public string Id(ObjectCreationExpressionSyntax creation) => _ids[creation];

        /// <summary>
        /// A statement given to <c>role.AddToPolicy(…)</c> (or <c>AddToPrincipalPolicy</c>) lands in the role's
        /// <c>DefaultPolicy</c> (aws-iam 2.103.0, role.js: <c>new Policy(this, 'DefaultPolicy')</c>): named
        /// <c>Trainer/DefaultPolicy</c> after the role's construct id when the file shows it.
        /// </summary>
        private string? DefaultPolicyId(ObjectCreationExpressionSyntax creation)
        {
            if (creation.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
                || call.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } member
                || member.Name.Identifier.ValueText is not ("AddToPolicy" or "AddToPrincipalPolicy"))
                return null;
            var declarations = Reader.Unit.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(v => v.Identifier.ValueText == owner.Identifier.ValueText).Take(2).ToList();
            if (declarations.Count != 1 || declarations[0].Initializer?.Value is not ObjectCreationExpressionSyntax ownerCreation) return null;
            return IdExpression(ownerCreation) is { } ownerId && Reader.Evaluate(ownerId) is { IsPlain: false, Text: string name } ? name + "/DefaultPolicy" : null;
        }

        public static string Path(string id) => "Resources." + id + ".Properties";

        /// <summary>The arguments of <c>new X(scope, id, props)</c>, positional or named.</summary>
        public static ExpressionSyntax? IdExpression(ObjectCreationExpressionSyntax creation) => Argument(creation, 1, "id");

        public static ExpressionSyntax? PropsExpression(ObjectCreationExpressionSyntax creation) => Argument(creation, 2, "props");

        public static ExpressionSyntax? Argument(BaseObjectCreationExpressionSyntax creation, int position, string name)
        {
            var arguments = creation.ArgumentList?.Arguments;
            if (arguments is null) return null;
            foreach (var argument in arguments)
                if (argument.NameColon?.Name.Identifier.ValueText == name) return argument.Expression;
            return position < arguments.Value.Count && arguments.Value[position].NameColon is null ? arguments.Value[position].Expression : null;
        }

        /// <summary>
        /// The props object's initializer: the props are written in place (<c>new XProps { … }</c> or <c>new() { … }</c>).
        /// Null with <paramref name="readable"/> true when there are none (every default applies); readable false when
        /// they are somewhere we cannot see.
        /// </summary>
        public static BaseObjectCreationExpressionSyntax? Props(ObjectCreationExpressionSyntax creation, out bool readable)
        {
            var props = PropsExpression(creation);
            while (props is ParenthesizedExpressionSyntax p) props = p.Expression;
            readable = props is null || props.IsKind(SyntaxKind.NullLiteralExpression)
                || props is BaseObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 } } created && (created.Initializer is null || created.Initializer.IsKind(SyntaxKind.ObjectInitializerExpression));
            return readable ? props as BaseObjectCreationExpressionSyntax : null;
        }

        /// <summary>An object's properties by their C# names (an initializer's assignments), with each value's expression.</summary>
        public static Dictionary<string, ExpressionSyntax> Members(BaseObjectCreationExpressionSyntax? creation)
        {
            var result = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
            if (creation?.Initializer is null) return result;
            foreach (var expression in creation.Initializer.Expressions)
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment)
                    result[name.Identifier.ValueText] = assignment.Right;
            return result;
        }

        /// <summary>
        /// The construct's variable is assigned to (<c>cfn.BucketEncryption = …</c>) or a method that may change it is called on
        /// it after it is built.
        /// </summary>
        public bool IsChangedAfterwards(ObjectCreationExpressionSyntax creation)
        {
            if (Reader.IsChangedAfterwards(creation, Array.Empty<string>())) return true;
            var variable = CSharpReader.VariableOf(creation);
            if (variable is null) return false;
            foreach (var call in Reader.Unit.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax member) continue;
                var target = member.Expression;
                while (target is MemberAccessExpressionSyntax inner) target = inner.Expression;
                if (target is IdentifierNameSyntax root && root.Identifier.ValueText == variable && !CdkConstructs.IsHarmless(member.Name.Identifier.ValueText)) return true;
            }
            return false;
        }

        // ---------------------------------------------------------------- L1

        public void AddL1(TemplateShape shape, ObjectCreationExpressionSyntax creation, CdkL1Type l1)
        {
            var props = Props(creation, out bool readable);
            if (!readable) return;
            var id = Id(creation);
            var head = Reader.HeadSpan(creation);
            TreeMapping? properties = null;
            if (props is not null)
            {
                var options = new ReadOptions(l1.Name, new CSharpTreeEditor(Reader.Source, new CdkL1Renderer(l1, creation.Type.ToString())));
                properties = (TreeMapping)Resolve(Reader.BuildObject(props, Reader.HeadSpan(props), null, props.Initializer, Path(id), options));
            }
            shape.Add(id, l1.CloudFormationType, head, properties, creation);
        }

        // ---------------------------------------------------------------- values

        /// <summary>A value as a tree node: constants, collections and objects as the reader builds them, references to constructs as intrinsics.</summary>
        public TreeNode Value(ExpressionSyntax expression, string path) => Resolve(Reader.Build(expression, path, Verbatim));

        /// <summary>
        /// Replaces what the reader left unknown by what CDK makes of it: a reference to a construct of this file
        /// (<c>bucket.Ref</c>, <c>bucket.AttrArn</c>, <c>key.KeyArn</c>) by a <c>Ref</c>/<c>Fn::GetAtt</c> of its
        /// logical id, an IAM <c>PolicyDocument</c> by its JSON.
        /// </summary>
        public TreeNode Resolve(TreeNode node)
        {
            switch (node)
            {
                case TreeScalar { IsUnknown: true, Origin: ExpressionSyntax expression } scalar:
                    return Reference(expression, scalar) ?? CdkIam.Document(expression, scalar.Path, this) ?? node;
                case TreeMapping mapping:
                {
                    bool changed = false;
                    var entries = new List<TreeEntry>(mapping.Count);
                    foreach (var entry in mapping.Entries)
                    {
                        var value = Resolve(entry.Value);
                        changed |= !ReferenceEquals(value, entry.Value);
                        entries.Add(ReferenceEquals(value, entry.Value) ? entry : new TreeEntry(entry.Key, value));
                    }
                    return changed ? new TreeMapping(entries, mapping.IsFlow, mapping.Span, mapping.HeadSpan, mapping.Path, mapping.Tag, mapping.State, mapping.Editor, mapping.Origin) : mapping;
                }
                case TreeSequence sequence:
                {
                    var items = sequence.Items.Select(Resolve).ToList();
                    return items.Where((item, i) => !ReferenceEquals(item, sequence.Items[i])).Any()
                        ? new TreeSequence(items, sequence.Span, sequence.HeadSpan, sequence.Path, sequence.Tag, sequence.State, sequence.Editor, sequence.Origin)
                        : sequence;
                }
                default:
                    return node;
            }
        }

        /// <summary><c>x.Ref</c> is <c>{Ref: id}</c>; <c>x.AttrArn</c> and an L2's <c>x.BucketArn</c> are <c>{Fn::GetAtt: [id, …]}</c>; null when x is no construct of this file.</summary>
        private TreeNode? Reference(ExpressionSyntax expression, TreeScalar at)
        {
            if (expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax variable } member) return null;
            if (!_variables.TryGetValue(variable.Identifier.ValueText, out var id)) return null;
            var name = member.Name.Identifier.ValueText;
            var span = at.Span;
            if (name == "Ref")
                return TemplateShape.Mapping(new[] { TemplateShape.Entry("Ref", TemplateShape.Scalar(id, span, at.Path + ".Ref"), span, at.Path) }, span, at.Path, origin: expression);
            var attribute = name.StartsWith("Attr", StringComparison.Ordinal) ? name.Substring(4) : name;
            var args = TemplateShape.Sequence(new TreeNode[] { TemplateShape.Scalar(id, span, at.Path + "[0]"), TemplateShape.Scalar(attribute, span, at.Path + "[1]") }, span, at.Path + ".Fn::GetAtt");
            return TemplateShape.Mapping(new[] { TemplateShape.Entry("Fn::GetAtt", args, span, at.Path) }, span, at.Path, origin: expression);
        }

        /// <summary>The logical id of the construct a variable holds, when it is one of this file's.</summary>
        public string? IdOfVariable(ExpressionSyntax expression) =>
            expression is IdentifierNameSyntax name && _variables.TryGetValue(name.Identifier.ValueText, out var id) ? id : null;

        public string? Resolve(TypeSyntax type) => Reader.Resolve(type, _family.RootTypes);
    }
}

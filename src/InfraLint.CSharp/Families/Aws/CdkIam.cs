using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Tree;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families.Aws
{
    /// <summary>
    /// CDK's IAM value types as the policy JSON they synthesize: <c>new PolicyStatement(new PolicyStatementProps { … })</c>
    /// is a statement (<c>Effect</c> defaults to <c>Allow</c>, as <c>PolicyStatementProps.Effect</c> documents),
    /// <c>new PolicyDocument(new PolicyDocumentProps { Statements = … })</c> a document. Principals are unknown.
    /// </summary>
    internal static class CdkIam
    {
        public const string Statement = "Amazon.CDK.AWS.IAM.PolicyStatement";
        public const string DocumentType = "Amazon.CDK.AWS.IAM.PolicyDocument";
        private const string EffectType = "Amazon.CDK.AWS.IAM.Effect";

        private static readonly string[] StatementTypes = { Statement };
        private static readonly string[] DocumentTypes = { DocumentType };

        /// <summary>A policy document built in place; null when the expression is not one.</summary>
        public static TreeNode? Document(ExpressionSyntax expression, string path, CdkContext context)
        {
            if (expression is not ObjectCreationExpressionSyntax creation || context.Reader.Resolve(creation.Type, DocumentTypes) is null) return null;
            var props = Props(creation, out bool readable);
            if (!readable) return null;
            var members = CdkContext.Members(props);
            var span = context.Reader.SpanOf(creation);
            var statements = members.TryGetValue("Statements", out var list) ? Statements(list, path + ".Statement", context) : TemplateShape.Sequence(new TreeNode[0], span, path + ".Statement");
            return DocumentOf(statements, span, path);
        }

        public static TreeMapping DocumentOf(TreeNode statements, Core.Locations.SourceSpan at, string path) =>
            TemplateShape.Mapping(new[]
            {
                TemplateShape.Entry("Version", TemplateShape.Scalar("2012-10-17", at, path + ".Version"), at, path),
                TemplateShape.Entry("Statement", statements, at, path),
            }, at, path);

        /// <summary>A list of statements: each built in place is read, anything else is an unknown item.</summary>
        public static TreeNode Statements(ExpressionSyntax list, string path, CdkContext context)
        {
            var node = context.Reader.Build(list, path, CdkContext.Verbatim);
            if (node is not TreeSequence sequence) return node;
            var items = new List<TreeNode>();
            foreach (var item in sequence.Items)
                items.Add(item.Origin is ObjectCreationExpressionSyntax statement && StatementOf(statement, item.Path, context) is { } read ? read : context.Resolve(item));
            return new TreeSequence(items, sequence.Span, sequence.HeadSpan, sequence.Path, origin: sequence.Origin);
        }

        /// <summary>One statement; null when it is not a <c>PolicyStatement</c> built with its props in place.</summary>
        public static TreeMapping? StatementOf(ObjectCreationExpressionSyntax creation, string path, CdkContext context)
        {
            if (context.Reader.Resolve(creation.Type, StatementTypes) is null) return null;
            var props = Props(creation, out bool readable);
            if (!readable) return null;
            var members = CdkContext.Members(props);
            var head = context.Reader.HeadSpan(creation);
            var entries = new List<TreeEntry>();
            if (members.TryGetValue("Effect", out var effect))
            {
                var name = context.Reader.MemberOf(effect, EffectType);
                var value = name switch { "ALLOW" => "Allow", "DENY" => "Deny", _ => null };
                entries.Add(TemplateShape.Entry("Effect", value is null ? context.Reader.Unknown(effect, path + ".Effect") : context.Reader.Scalar(effect, path + ".Effect", value, false), head, path));
            }
            else entries.Add(TemplateShape.Entry("Effect", TemplateShape.Scalar("Allow", head, path + ".Effect"), head, path));
            foreach (var (member, key) in new[] { ("Sid", "Sid"), ("Actions", "Action"), ("NotActions", "NotAction"), ("Resources", "Resource"), ("NotResources", "NotResource"), ("Conditions", "Condition"), ("Principals", "Principal"), ("NotPrincipals", "NotPrincipal") })
            {
                if (!members.TryGetValue(member, out var value)) continue;
                var node = member.EndsWith("Principals") ? context.Reader.Unknown(value, path + "." + key) : context.Value(value, path + "." + key);
                entries.Add(TemplateShape.Entry(key, node, head, path));
            }
            return new TreeMapping(entries, true, context.Reader.SpanOf(creation), head, path, origin: creation);
        }

        /// <summary>The props of <c>new PolicyStatement(props)</c> / <c>new PolicyDocument(props)</c>: the first argument.</summary>
        private static BaseObjectCreationExpressionSyntax? Props(ObjectCreationExpressionSyntax creation, out bool readable)
        {
            var props = CdkContext.Argument(creation, 0, "props");
            readable = props is null || props is BaseObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 } } created && created.Initializer is not null && created.Initializer.Expressions.All(e => e is AssignmentExpressionSyntax);
            if (creation.Initializer is not null) readable = false; // new PolicyStatement { … } sets properties the props do not show
            return readable ? props as BaseObjectCreationExpressionSyntax : null;
        }
    }
}

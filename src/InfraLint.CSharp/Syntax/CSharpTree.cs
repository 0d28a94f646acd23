using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Syntax
{
    /// <summary>
    /// Builds the located tree from KubernetesClient model initializers written in C#, syntactically (no compilation,
    /// no semantic model): every outermost <c>new V1Deployment { … }</c> (also V1StatefulSet, V1DaemonSet, V1Job,
    /// V1CronJob, V1Pod) becomes one root <see cref="TreeMapping"/> shaped like the same object written in YAML.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A type name is read as a KubernetesClient model only when the file says so: the name qualified as
    /// <c>k8s.Models.X</c> (or <c>global::k8s.Models.X</c>); an alias of the namespace (<c>using M = k8s.Models;</c>, then
    /// <c>M.X</c>) or of the type (<c>using D = k8s.Models.V1Deployment;</c>, then <c>D</c>); or a simple name under a
    /// <c>using k8s.Models;</c> (or <c>global using</c>) of the file or of an enclosing namespace declaration, and the file
    /// declares no type of that name itself (a type of the enclosing code wins over a using). Global usings of other
    /// files are not seen.
    /// </para>
    /// <para>
    /// Properties are named as in the Kubernetes schema (PascalCase to camelCase; <c>NamespaceProperty</c> is
    /// <c>namespace</c>), and so are a constructor's named arguments. Values are literals, <c>const</c> fields and locals
    /// of the file with constant initializers, and concatenations or interpolations of those; anything else (a call, a
    /// variable, <c>config.Require("k")</c>) is a scalar in state <see cref="NodeState.Unknown"/>, which never produces a
    /// finding. Nothing here can edit the source yet: every node's editor is null.
    /// </para>
    /// </remarks>
    public static class CSharpTree
    {
        private const string ModelsNamespace = "k8s.Models";

        private static readonly Dictionary<string, (string ApiVersion, string Kind)> Roots = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["V1Deployment"] = ("apps/v1", "Deployment"),
            ["V1StatefulSet"] = ("apps/v1", "StatefulSet"),
            ["V1DaemonSet"] = ("apps/v1", "DaemonSet"),
            ["V1Job"] = ("batch/v1", "Job"),
            ["V1CronJob"] = ("batch/v1", "CronJob"),
            ["V1Pod"] = ("v1", "Pod"),
        };

        private static readonly HashSet<string> DictionaryTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "Dictionary", "IDictionary", "IReadOnlyDictionary", "SortedDictionary", "ConcurrentDictionary",
        };

        /// <summary>The root objects of the file, in source order; none when the file builds no KubernetesClient workload.</summary>
        public static IReadOnlyList<TreeMapping> Build(SourceText source)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            var tree = CSharpSyntaxTree.ParseText(source.Text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), source.Path);
            var root = tree.GetCompilationUnitRoot();
            var builder = new Builder(source, root);
            return builder.BuildRoots();
        }

        private sealed class Builder
        {
            private readonly SourceText _source;
            private readonly CompilationUnitSyntax _unit;
            private readonly HashSet<string> _declaredTypes = new HashSet<string>(StringComparer.Ordinal);
            private readonly Dictionary<string, ExpressionSyntax?> _constants = new Dictionary<string, ExpressionSyntax?>(StringComparer.Ordinal);
            private readonly HashSet<string> _evaluating = new HashSet<string>(StringComparer.Ordinal);

            public Builder(SourceText source, CompilationUnitSyntax unit)
            {
                _source = source;
                _unit = unit;
                foreach (var node in unit.DescendantNodes())
                {
                    switch (node)
                    {
                        case BaseTypeDeclarationSyntax type:
                            _declaredTypes.Add(type.Identifier.ValueText);
                            break;
                        case DelegateDeclarationSyntax del:
                            _declaredTypes.Add(del.Identifier.ValueText);
                            break;
                        case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                            var owner = (field.Parent as BaseTypeDeclarationSyntax)?.Identifier.ValueText;
                            foreach (var v in field.Declaration.Variables)
                            {
                                AddConstant(v.Identifier.ValueText, v.Initializer?.Value);
                                if (owner is not null) AddConstant(owner + "." + v.Identifier.ValueText, v.Initializer?.Value);
                            }
                            break;
                        case LocalDeclarationStatementSyntax local when local.IsConst:
                            foreach (var v in local.Declaration.Variables) AddConstant(v.Identifier.ValueText, v.Initializer?.Value);
                            break;
                    }
                }
            }

            /// <summary>A name declared twice (two classes, two methods) is ambiguous without binding: it is unknown.</summary>
            private void AddConstant(string name, ExpressionSyntax? value)
            {
                if (_constants.ContainsKey(name)) _constants[name] = null;
                else _constants.Add(name, value);
            }

            public IReadOnlyList<TreeMapping> BuildRoots()
            {
                var roots = new List<TreeMapping>();
                foreach (var creation in _unit.DescendantNodes(node => !(node is ObjectCreationExpressionSyntax c && RootKind(c) is not null)).OfType<ObjectCreationExpressionSyntax>())
                {
                    if (RootKind(creation) is not string typeName) continue;
                    if (creation.ArgumentList is not null && creation.ArgumentList.Arguments.Any(a => a.NameColon is null)) continue; // positional: needs the constructor
                    if (IsChangedAfterwards(creation)) continue;
                    roots.Add(BuildRoot(creation, typeName));
                }
                return roots;
            }

            /// <summary>
            /// An object whose variable is written to after it is built (<c>d.Spec.Replicas = 3;</c>) is not what its
            /// initializer says, and a rule about an absent key would fire on what the later statement sets. Without
            /// following the data flow such an object is not read at all: a missed finding rather than a wrong one.
            /// </summary>
            private bool IsChangedAfterwards(ObjectCreationExpressionSyntax creation)
            {
                string? variable = creation.Parent switch
                {
                    EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
                    AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == creation => target.Identifier.ValueText,
                    _ => null,
                };
                if (variable is null) return false;
                foreach (var assignment in _unit.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    ExpressionSyntax left = assignment.Left;
                    while (left is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax)
                        left = left switch
                        {
                            MemberAccessExpressionSyntax member => member.Expression,
                            ElementAccessExpressionSyntax element => element.Expression,
                            ConditionalAccessExpressionSyntax conditional => conditional.Expression,
                            _ => left,
                        };
                    if (!ReferenceEquals(left, assignment.Left) && left is IdentifierNameSyntax name && name.Identifier.ValueText == variable) return true;
                }
                // Adding to a list or map of the object (d.Spec.Template.Spec.Containers.Add(…)) changes it too.
                return _unit.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
                    call.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax } member
                    && member.Name.Identifier.ValueText is "Add" or "Insert" or "AddRange" or "Remove" or "Clear"
                    && Root(member.Expression) is IdentifierNameSyntax root && root.Identifier.ValueText == variable);
            }

            private static ExpressionSyntax Root(ExpressionSyntax expression)
            {
                while (expression is MemberAccessExpressionSyntax member) expression = member.Expression;
                return expression;
            }

            private string? RootKind(ObjectCreationExpressionSyntax creation)
            {
                var name = ModelName(creation.Type);
                return name is not null && Roots.ContainsKey(name) ? name : null;
            }

            private TreeMapping BuildRoot(ObjectCreationExpressionSyntax creation, string typeName)
            {
                var mapping = BuildObject(creation, HeadSpan(creation), creation.ArgumentList, creation.Initializer, string.Empty);
                var (apiVersion, kind) = Roots[typeName];
                var head = HeadSpan(creation);
                var entries = new List<TreeEntry>();
                if (mapping.Get("apiVersion") is null) entries.Add(Synthesized("apiVersion", apiVersion, head));
                if (mapping.Get("kind") is null) entries.Add(Synthesized("kind", kind, head));
                if (entries.Count == 0) return mapping;
                entries.AddRange(mapping.Entries);
                return new TreeMapping(entries, true, mapping.Span, mapping.HeadSpan, mapping.Path, origin: creation);
            }

            private static TreeEntry Synthesized(string key, string value, SourceSpan at) =>
                new TreeEntry(new TreeScalar(key, true, at, key), new TreeScalar(value, false, at, key));

            /// <summary>The model name a written type denotes in KubernetesClient, or null when it is not one of its models.</summary>
            private string? ModelName(TypeSyntax type)
            {
                switch (type)
                {
                    case IdentifierNameSyntax simple:
                    {
                        var name = simple.Identifier.ValueText;
                        var alias = FindAlias(type, name);
                        if (alias is not null)
                        {
                            var target = QualifiedText(alias.Name);
                            return target is not null && target.StartsWith(ModelsNamespace + ".", StringComparison.Ordinal) && target.IndexOf('.', ModelsNamespace.Length + 1) < 0
                                ? target.Substring(ModelsNamespace.Length + 1)
                                : null;
                        }
                        if (_declaredTypes.Contains(name)) return null;
                        return ImportsModels(type) ? name : null;
                    }
                    case QualifiedNameSyntax qualified when qualified.Right is IdentifierNameSyntax right:
                    {
                        var left = QualifiedText(qualified.Left);
                        if (left == ModelsNamespace) return right.Identifier.ValueText;
                        if (qualified.Left is IdentifierNameSyntax leftName && FindAlias(type, leftName.Identifier.ValueText) is UsingDirectiveSyntax alias
                            && QualifiedText(alias.Name) == ModelsNamespace)
                            return right.Identifier.ValueText;
                        return null;
                    }
                    default:
                        return null;
                }
            }

            /// <summary><c>k8s.Models</c> for a dotted name, with a leading <c>global::</c> dropped; null for generic or other names.</summary>
            private static string? QualifiedText(NameSyntax? name)
            {
                switch (name)
                {
                    case IdentifierNameSyntax id:
                        return id.Identifier.ValueText;
                    case QualifiedNameSyntax q when q.Right is IdentifierNameSyntax right:
                        return QualifiedText(q.Left) is string left ? left + "." + right.Identifier.ValueText : null;
                    case AliasQualifiedNameSyntax a when a.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword) && a.Name is IdentifierNameSyntax n:
                        return n.Identifier.ValueText;
                    default:
                        return null;
                }
            }

            private static IEnumerable<SyntaxList<UsingDirectiveSyntax>> UsingScopes(SyntaxNode node)
            {
                for (var current = node.Parent; current is not null; current = current.Parent)
                {
                    if (current is BaseNamespaceDeclarationSyntax ns) yield return ns.Usings;
                    else if (current is CompilationUnitSyntax unit) yield return unit.Usings;
                }
            }

            private static UsingDirectiveSyntax? FindAlias(SyntaxNode node, string name)
            {
                foreach (var usings in UsingScopes(node))
                    foreach (var directive in usings)
                        if (directive.Alias is not null && directive.Alias.Name.Identifier.ValueText == name) return directive;
                return null;
            }

            private static bool ImportsModels(SyntaxNode node)
            {
                foreach (var usings in UsingScopes(node))
                    foreach (var directive in usings)
                        if (directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && QualifiedText(directive.Name) == ModelsNamespace) return true;
                return false;
            }

            private SourceSpan SpanOf(SyntaxNode node) => _source.Span(node.SpanStart, node.Span.End);

            /// <summary><c>new X</c>, with its argument list when it has one: where a finding about the whole object points.</summary>
            private SourceSpan HeadSpan(BaseObjectCreationExpressionSyntax creation)
            {
                int end = creation switch
                {
                    ObjectCreationExpressionSyntax explicitType => explicitType.ArgumentList?.Span.End ?? explicitType.Type.Span.End,
                    ImplicitObjectCreationExpressionSyntax implicitType => implicitType.ArgumentList.Span.End,
                    _ => creation.NewKeyword.Span.End,
                };
                return _source.Span(creation.SpanStart, end);
            }

            private static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

            private TreeMapping BuildObject(ExpressionSyntax node, SourceSpan head, ArgumentListSyntax? arguments, InitializerExpressionSyntax? initializer, string path)
            {
                var entries = new List<TreeEntry>();
                if (arguments is not null)
                {
                    foreach (var argument in arguments.Arguments)
                    {
                        if (argument.NameColon is null) continue; // a positional argument's name needs the constructor
                        var key = SchemaName(argument.NameColon.Name.Identifier.ValueText);
                        var childPath = Child(path, key);
                        entries.Add(new TreeEntry(new TreeScalar(key, true, SpanOf(argument.NameColon.Name), childPath, origin: argument.NameColon.Name), Build(argument.Expression, childPath)));
                    }
                }
                if (initializer is not null)
                {
                    foreach (var expression in initializer.Expressions)
                    {
                        if (expression is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                        {
                            if (assignment.Left is IdentifierNameSyntax property)
                            {
                                var key = SchemaName(property.Identifier.ValueText);
                                var childPath = Child(path, key);
                                entries.Add(new TreeEntry(new TreeScalar(key, true, SpanOf(property), childPath, origin: property), Build(assignment.Right, childPath)));
                            }
                            else if (assignment.Left is ImplicitElementAccessSyntax element && element.ArgumentList.Arguments.Count == 1)
                            {
                                entries.Add(DictionaryEntry(element.ArgumentList.Arguments[0].Expression, assignment.Right, path));
                            }
                        }
                        else if (expression is InitializerExpressionSyntax pair && pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) && pair.Expressions.Count == 2)
                        {
                            entries.Add(DictionaryEntry(pair.Expressions[0], pair.Expressions[1], path));
                        }
                    }
                }
                return new TreeMapping(entries, true, SpanOf(node), head, path, origin: node);
            }

            private TreeEntry DictionaryEntry(ExpressionSyntax keyExpression, ExpressionSyntax value, string path)
            {
                var key = Scalar(keyExpression, path);
                var childPath = key.Value is null ? path + ".?" : Child(path, key.Value);
                var keyNode = new TreeScalar(key.Value, key.IsPlain, key.Span, childPath, null, key.State, null, keyExpression);
                return new TreeEntry(keyNode, Build(value, childPath));
            }

            /// <summary>KubernetesClient's property (or parameter) name to the schema's: the first letter lowered.</summary>
            private static string SchemaName(string name)
            {
                if (name == "NamespaceProperty" || name == "namespaceProperty") return "namespace";
                if (name.Length == 0 || !char.IsUpper(name[0])) return name;
                return char.ToLowerInvariant(name[0]) + name.Substring(1);
            }

            /// <summary>Deeper nesting than any real model: past it a value is unknown, and the walk cannot exhaust the stack.</summary>
            private const int MaxDepth = 128;

            private int _depth;

            private TreeNode Build(ExpressionSyntax expression, string path)
            {
                if (_depth >= MaxDepth) return new TreeScalar(null, true, _source.Span(expression.SpanStart, expression.Span.End), path, null, NodeState.Unknown);
                _depth++;
                try
                {
                    return BuildNested(expression, path);
                }
                finally
                {
                    _depth--;
                }
            }

            private TreeNode BuildNested(ExpressionSyntax expression, string path)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        return Build(parenthesized.Expression, path);
                    case ObjectCreationExpressionSyntax creation:
                        return BuildCreation(creation, TypeLastName(creation.Type), creation.ArgumentList, creation.Initializer, path);
                    case ImplicitObjectCreationExpressionSyntax implicitCreation:
                        return BuildCreation(implicitCreation, null, implicitCreation.ArgumentList, implicitCreation.Initializer, path);
                    case InitializerExpressionSyntax nested when nested.IsKind(SyntaxKind.ObjectInitializerExpression):
                        // Spec = { Replicas = 3 }: sets the properties of the object the property already holds.
                        return BuildObject(nested, _source.Span(nested.SpanStart, nested.SpanStart + 1), null, nested, path);
                    case InitializerExpressionSyntax nested when nested.IsKind(SyntaxKind.CollectionInitializerExpression) || nested.IsKind(SyntaxKind.ArrayInitializerExpression):
                        if (nested.Expressions.Count > 0 && nested.Expressions.All(e => e.IsKind(SyntaxKind.ComplexElementInitializerExpression)))
                            return BuildObject(nested, _source.Span(nested.SpanStart, nested.SpanStart + 1), null, nested, path);
                        return Sequence(nested, nested.Expressions, path);
                    case ArrayCreationExpressionSyntax array when array.Initializer is not null:
                        return Sequence(expression, array.Initializer.Expressions, path);
                    case ImplicitArrayCreationExpressionSyntax implicitArray:
                        return Sequence(expression, implicitArray.Initializer.Expressions, path);
                    case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax):
                        return Sequence(expression, collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(), path);
                    default:
                        return Scalar(expression, path);
                }
            }

            private static string? TypeLastName(TypeSyntax type) => type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                _ => null,
            };

            private TreeNode BuildCreation(BaseObjectCreationExpressionSyntax creation, string? typeName, ArgumentListSyntax? arguments, InitializerExpressionSyntax? initializer, string path)
            {
                if (typeName == "ResourceQuantity" && initializer is null && arguments is not null && arguments.Arguments.Count == 1)
                {
                    var value = Scalar(arguments.Arguments[0].Expression, path);
                    return new TreeScalar(value.Value, value.IsPlain, SpanOf(creation), path, null, value.State, null, creation);
                }
                // A positional argument's property needs the constructor's signature: the object as a whole is unknown,
                // rather than an object that seems to lack what the argument sets.
                if (arguments is not null && arguments.Arguments.Any(a => a.NameColon is null) && !IsListType(typeName)) return Unknown(creation, path);
                if (initializer is null)
                {
                    // new List<V1Container>() and new Dictionary<string, string>() are empty collections; new V1ObjectMeta(name: "x") is an object.
                    if (typeName is not null && DictionaryTypes.Contains(typeName)) return new TreeMapping(Array.Empty<TreeEntry>(), true, SpanOf(creation), HeadSpan(creation), path, origin: creation);
                    if (IsListType(typeName) && (arguments is null || arguments.Arguments.Count == 0)) return new TreeSequence(Array.Empty<TreeNode>(), SpanOf(creation), HeadSpan(creation), path, origin: creation);
                    if (typeName is not null && typeName.StartsWith("V", StringComparison.Ordinal) || arguments?.Arguments.Any(a => a.NameColon is not null) == true)
                        return BuildObject(creation, HeadSpan(creation), arguments, null, path);
                    return Unknown(creation, path);
                }
                if (initializer.IsKind(SyntaxKind.CollectionInitializerExpression))
                {
                    bool pairs = initializer.Expressions.Count > 0 && initializer.Expressions.All(e => e.IsKind(SyntaxKind.ComplexElementInitializerExpression));
                    if (pairs || typeName is not null && DictionaryTypes.Contains(typeName)) return BuildObject(creation, HeadSpan(creation), null, initializer, path);
                    return Sequence(creation, initializer.Expressions, path);
                }
                return BuildObject(creation, HeadSpan(creation), arguments, initializer, path);
            }

            private static bool IsListType(string? typeName) =>
                typeName is "List" or "IList" or "ICollection" or "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection" or "Collection" or "HashSet";

            private TreeSequence Sequence(ExpressionSyntax node, IReadOnlyList<ExpressionSyntax> items, string path)
            {
                var built = new List<TreeNode>(items.Count);
                for (int i = 0; i < items.Count; i++) built.Add(Build(items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                var head = node is BaseObjectCreationExpressionSyntax creation ? HeadSpan(creation) : _source.Span(node.SpanStart, node.SpanStart + 1);
                return new TreeSequence(built, SpanOf(node), head, path, origin: node);
            }

            private TreeSequence Sequence(ExpressionSyntax node, SeparatedSyntaxList<ExpressionSyntax> items, string path) =>
                Sequence(node, items.ToList(), path);

            private TreeScalar Unknown(SyntaxNode node, string path) =>
                new TreeScalar(null, false, SpanOf(node), path, null, NodeState.Unknown, null, node);

            private TreeScalar Scalar(ExpressionSyntax expression, string path)
            {
                var constant = Evaluate(expression, 0);
                if (constant is null) return Unknown(expression, path);
                return new TreeScalar(constant.Value.Text, constant.Value.IsPlain, SpanOf(expression), path, origin: expression);
            }

            /// <summary>The constant value of an expression (its text, and whether it is a plain scalar: not a string), or null when it is not a constant.</summary>
            private (string? Text, bool IsPlain)? Evaluate(ExpressionSyntax expression, int depth)
            {
                if (depth > 32) return null;
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        return Evaluate(parenthesized.Expression, depth + 1);
                    case LiteralExpressionSyntax literal:
                        switch (literal.Kind())
                        {
                            case SyntaxKind.StringLiteralExpression:
                                return (literal.Token.ValueText, false);
                            case SyntaxKind.TrueLiteralExpression:
                                return ("true", true);
                            case SyntaxKind.FalseLiteralExpression:
                                return ("false", true);
                            case SyntaxKind.NullLiteralExpression:
                                return ("null", true);
                            case SyntaxKind.NumericLiteralExpression:
                                return (Convert.ToString(literal.Token.Value, CultureInfo.InvariantCulture), true);
                            default:
                                return null;
                        }
                    case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) && unary.Operand is LiteralExpressionSyntax number && number.IsKind(SyntaxKind.NumericLiteralExpression):
                        return ("-" + Convert.ToString(number.Token.Value, CultureInfo.InvariantCulture), true);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    {
                        // Only concatenation of strings: "a" + 1 and 1 + 2 would need C#'s conversions and numeric rules.
                        var left = Evaluate(binary.Left, depth + 1);
                        var right = Evaluate(binary.Right, depth + 1);
                        if (left is null || right is null || left.Value.IsPlain || right.Value.IsPlain) return null;
                        return (left.Value.Text + right.Value.Text, false);
                    }
                    case InterpolatedStringExpressionSyntax interpolated:
                    {
                        var text = new StringBuilder();
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is InterpolatedStringTextSyntax part) text.Append(part.TextToken.ValueText);
                            else if (content is InterpolationSyntax hole && hole.AlignmentClause is null && hole.FormatClause is null && Evaluate(hole.Expression, depth + 1) is { } value && !value.IsPlain)
                                text.Append(value.Text);
                            else return null;
                        }
                        return (text.ToString(), false);
                    }
                    case IdentifierNameSyntax name:
                        return Constant(name.Identifier.ValueText, depth);
                    case MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) && member.Expression is IdentifierNameSyntax owner:
                        return Constant(owner.Identifier.ValueText + "." + member.Name.Identifier.ValueText, depth);
                    default:
                        return null;
                }
            }

            private (string? Text, bool IsPlain)? Constant(string name, int depth)
            {
                if (!_constants.TryGetValue(name, out var initializer) || initializer is null || !_evaluating.Add(name)) return null;
                try
                {
                    return Evaluate(initializer, depth + 1);
                }
                finally
                {
                    _evaluating.Remove(name);
                }
            }
        }
    }
}

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
    /// What every family needs to read objects built in C#: which type a name denotes, the constant value of an
    /// expression, and initializers turned into located tree nodes. With a <see cref="SemanticModel"/> (semantic mode) names
    /// and constants are bound by symbol; without one (syntactic mode) they are resolved through the file's <c>using</c>
    /// directives, aliases and declarations, and what cannot be decided is unknown.
    /// </summary>
    /// <remarks>
    /// Values are literals, <c>const</c> fields and locals, <c>static readonly</c> fields and locals that are assigned
    /// once with a constant, and concatenations or interpolations of those; anything else (a call, a parameter,
    /// <c>config.Require("k")</c>) is a scalar in state <see cref="NodeState.Unknown"/>, which never produces a finding.
    /// </remarks>
    public sealed class CSharpReader
    {
        private readonly HashSet<string> _declaredTypes = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, ExpressionSyntax?> _constants = new Dictionary<string, ExpressionSyntax?>(StringComparer.Ordinal);
        private readonly HashSet<string> _assigned = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _evaluating = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<ObjectCreationExpressionSyntax> _creations = new List<ObjectCreationExpressionSyntax>();

        public CSharpReader(SourceText source, CompilationUnitSyntax unit, SemanticModel? model = null)
        {
            Source = source ?? throw new ArgumentNullException(nameof(source));
            Unit = unit ?? throw new ArgumentNullException(nameof(unit));
            Model = model;
            foreach (var node in unit.DescendantNodes())
            {
                if (!MayDeclare(node)) continue;
                switch (node)
                {
                    case BaseTypeDeclarationSyntax type:
                        _declaredTypes.Add(type.Identifier.ValueText);
                        break;
                    case DelegateDeclarationSyntax del:
                        _declaredTypes.Add(del.Identifier.ValueText);
                        break;
                    case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword)
                        || field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword):
                        var owner = (field.Parent as BaseTypeDeclarationSyntax)?.Identifier.ValueText;
                        foreach (var v in field.Declaration.Variables)
                        {
                            AddConstant(v.Identifier.ValueText, v.Initializer?.Value);
                            if (owner is not null) AddConstant(owner + "." + v.Identifier.ValueText, v.Initializer?.Value);
                        }
                        break;
                    case LocalDeclarationStatementSyntax local:
                        foreach (var v in local.Declaration.Variables) AddConstant(v.Identifier.ValueText, v.Initializer?.Value);
                        break;
                    case AssignmentExpressionSyntax assignment when assignment.Left is IdentifierNameSyntax target:
                        _assigned.Add(target.Identifier.ValueText);
                        break;
                    case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax incremented }:
                        _assigned.Add(incremented.Identifier.ValueText);
                        break;
                    case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax incremented }:
                        _assigned.Add(incremented.Identifier.ValueText);
                        break;
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed }:
                        _assigned.Add(passed.Identifier.ValueText);
                        break;
                    case SingleVariableDesignationSyntax designation:
                        AddConstant(designation.Identifier.ValueText, null);
                        break;
                    case ParameterSyntax parameter:
                        AddConstant(parameter.Identifier.ValueText, null);
                        break;
                    case ForEachStatementSyntax loop:
                        AddConstant(loop.Identifier.ValueText, null);
                        break;
                    case ObjectCreationExpressionSyntax creation:
                        _creations.Add(creation);
                        break;
                }
            }
        }

        /// <summary>
        /// Whether a node is of a class the constructor's walk reads. Most nodes are not, and testing each against every
        /// class was a third of the walk: a kind is always one class, so the classes are tested once per kind and remembered.
        /// </summary>
        private static bool MayDeclare(SyntaxNode node)
        {
            int kind = node.RawKind;
            if ((uint)kind >= (uint)DeclaringKinds.Length) return true;
            // Several threads may fill the same entry: they write the same answer.
            var known = DeclaringKinds[kind];
            if (known == 0)
            {
                known = node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or FieldDeclarationSyntax or LocalDeclarationStatementSyntax
                    or AssignmentExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or ArgumentSyntax
                    or SingleVariableDesignationSyntax or ParameterSyntax or ForEachStatementSyntax or ObjectCreationExpressionSyntax ? Declares : Ignored;
                DeclaringKinds[kind] = known;
            }
            return known == Declares;
        }

        private const byte Declares = 1;
        private const byte Ignored = 2;

        /// <summary>By <see cref="SyntaxNode.RawKind"/>: 0 not seen yet, else <see cref="Declares"/> or <see cref="Ignored"/>.</summary>
        private static readonly byte[] DeclaringKinds = new byte[ushort.MaxValue + 1];

        public SourceText Source { get; }

        public CompilationUnitSyntax Unit { get; }

        /// <summary>
        /// Every <c>new T(...)</c> of the file, outer before inner and in source order: the walk that finds the declarations
        /// finds them too, so the file's red tree is walked once (building it is most of what a walk costs).
        /// </summary>
        public IReadOnlyList<ObjectCreationExpressionSyntax> Creations => _creations;

        /// <summary>The compilation's view of this file; null in syntactic mode.</summary>
        public SemanticModel? Model { get; }

        /// <summary>How many type names were resolved by their symbol (semantic mode) rather than by the file's text.</summary>
        public int SymbolsBound { get; private set; }

        /// <summary>A name declared twice (two classes, two methods) is ambiguous without binding: it is unknown.</summary>
        private void AddConstant(string name, ExpressionSyntax? value)
        {
            if (_constants.ContainsKey(name)) _constants[name] = null;
            else _constants.Add(name, value);
        }

        // ---------------------------------------------------------------- names

        /// <summary>
        /// The fully qualified name (<c>k8s.Models.V1Deployment</c>) of the type <paramref name="type"/> denotes, when it
        /// is one of <paramref name="known"/>; null when it is another type or cannot be decided.
        /// </summary>
        public string? Resolve(TypeSyntax type, IReadOnlyCollection<string> known)
        {
            if (type is null) throw new ArgumentNullException(nameof(type));
            if (Model is not null && Model.GetSymbolInfo(type).Symbol is INamedTypeSymbol symbol && symbol.TypeKind != TypeKind.Error)
            {
                var name = FullName(symbol);
                if (!known.Contains(name)) return null;
                SymbolsBound++;
                return name;
            }
            return ResolveSyntactically(type, known);
        }

        /// <summary>
        /// The type an expression names where a type may stand (<c>BucketEncryption</c> in <c>BucketEncryption.KMS</c>,
        /// <c>InstanceType</c> in <c>InstanceType.Of(…)</c>), when it is one of <paramref name="known"/>.
        /// </summary>
        public string? ResolveTypeExpression(ExpressionSyntax expression, IReadOnlyCollection<string> known)
        {
            if (Model is not null && Model.GetSymbolInfo(expression).Symbol is INamedTypeSymbol symbol && symbol.TypeKind != TypeKind.Error)
            {
                var name = FullName(symbol);
                if (!known.Contains(name)) return null;
                SymbolsBound++;
                return name;
            }
            return expression switch
            {
                NameSyntax typeName => ResolveSyntactically(typeName, known),
                MemberAccessExpressionSyntax member => ResolveMemberAccess(member, known),
                _ => null,
            };
        }

        /// <summary><c>Eks.CapacityType</c> or <c>Amazon.CDK.AWS.EKS.CapacityType</c> where an expression names a type: a dotted name, read like a qualified one.</summary>
        private string? ResolveMemberAccess(MemberAccessExpressionSyntax member, IReadOnlyCollection<string> known)
        {
            if (!member.IsKind(SyntaxKind.SimpleMemberAccessExpression) || member.Name is not IdentifierNameSyntax right) return null;
            var outer = Outer(known);
            var left = member.Expression switch
            {
                IdentifierNameSyntax leftName when AliasAt(member, leftName.Identifier.ValueText) is UsingDirectiveSyntax alias => QualifiedText(alias.Name),
                IdentifierNameSyntax leftName when outer.Contains(leftName.Identifier.ValueText) => leftName.Identifier.ValueText,
                IdentifierNameSyntax leftName => ResolveSyntactically(leftName, outer),
                MemberAccessExpressionSyntax leftMember => ResolveMemberAccess(leftMember, outer),
                _ => null,
            };
            if (left is null) return null;
            var full = left + "." + right.Identifier.ValueText;
            return known.Contains(full) ? full : null;
        }

        /// <summary>The member name of <c>Enum.Member</c> when the expression is a member of the enum (or static class) <paramref name="typeName"/>; null otherwise.</summary>
        public string? MemberOf(ExpressionSyntax expression, string typeName)
        {
            while (expression is ParenthesizedExpressionSyntax p) expression = p.Expression;
            if (expression is not MemberAccessExpressionSyntax member || !member.IsKind(SyntaxKind.SimpleMemberAccessExpression)) return null;
            return ResolveTypeExpression(member.Expression, new[] { typeName }) is null ? null : member.Name.Identifier.ValueText;
        }

        private static string FullName(INamedTypeSymbol symbol)
        {
            var name = symbol.MetadataName;
            for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.MetadataName + "." + name;
            var ns = symbol.ContainingNamespace;
            return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
        }

        private string? ResolveSyntactically(TypeSyntax type, IReadOnlyCollection<string> known)
        {
            switch (type)
            {
                case IdentifierNameSyntax simple:
                {
                    var name = simple.Identifier.ValueText;
                    if (AliasAt(type, name) is UsingDirectiveSyntax alias)
                    {
                        var target = QualifiedText(alias.Name);
                        return target is not null && known.Contains(target) ? target : null;
                    }
                    if (_declaredTypes.Contains(name)) return null;
                    string? found = null;
                    foreach (var ns in ImportsAt(type))
                    {
                        var candidate = ns + "." + name;
                        if (!known.Contains(candidate)) continue;
                        if (found is not null && found != candidate) return null; // two libraries' types of one name: the compiler would refuse it
                        found = candidate;
                    }
                    return found;
                }
                case QualifiedNameSyntax qualified when qualified.Right is IdentifierNameSyntax right:
                {
                    var text = QualifiedText(qualified);
                    if (text is not null && known.Contains(text)) return text;
                    // An alias of a namespace (using M = k8s.Models;) or a nested type of a known type (CfnBucket.BucketEncryptionProperty).
                    var left = qualified.Left switch
                    {
                        IdentifierNameSyntax leftName when AliasAt(type, leftName.Identifier.ValueText) is UsingDirectiveSyntax alias => QualifiedText(alias.Name),
                        IdentifierNameSyntax leftName => ResolveSyntactically(leftName, Outer(known)),
                        QualifiedNameSyntax leftQualified => ResolveSyntactically(leftQualified, Outer(known)),
                        _ => null,
                    };
                    if (left is null) return null;
                    var full = left + "." + right.Identifier.ValueText;
                    return known.Contains(full) ? full : null;
                }
                case AliasQualifiedNameSyntax global when global.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword):
                    return ResolveSyntactically(global.Name, known);
                default:
                    return null;
            }
        }

        /// <summary>The names of which a known name is a nested member (namespaces and outer types), so <c>CfnBucket.X</c> resolves its left side.</summary>
        private static IReadOnlyCollection<string> Outer(IReadOnlyCollection<string> known)
        {
            var outer = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in known)
                for (int dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
                    outer.Add(name.Substring(0, dot));
            return outer;
        }

        /// <summary><c>k8s.Models</c> for a dotted name, with a leading <c>global::</c> dropped; null for generic or other names.</summary>
        public static string? QualifiedText(NameSyntax? name)
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

        /// <summary>Whether a simple name at <paramref name="node"/> may denote a type of <paramref name="ns"/> (a <c>using</c> of it, or inside it), as far as this file shows.</summary>
        public static bool Imports(SyntaxNode node, string ns)
        {
            foreach (var imported in ImportedNamespaces(node))
                if (imported == ns) return true;
            return false;
        }

        /// <summary>The namespaces <see cref="Imports"/> accepts at <paramref name="node"/>, as a set that keeps no syntax.</summary>
        public static HashSet<string> ImportedAt(SyntaxNode node) => new HashSet<string>(ImportedNamespaces(node), StringComparer.Ordinal);

        /// <summary>Namespaces whose types a simple name may denote here: <c>using</c> directives in scope and the enclosing namespaces.</summary>
        private static IEnumerable<string> ImportedNamespaces(SyntaxNode node)
        {
            foreach (var usings in UsingScopes(node))
                foreach (var directive in usings)
                    if (directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && QualifiedText(directive.Name) is string ns) yield return ns;
            for (var current = node.Parent; current is not null; current = current.Parent)
                if (current is BaseNamespaceDeclarationSyntax declaration && QualifiedText(declaration.Name) is string name)
                    for (int dot = name.Length; dot > 0; dot = name.LastIndexOf('.', dot - 1))
                        yield return name.Substring(0, dot);
        }

        /// <summary>The <c>using</c> alias <paramref name="name"/> at <paramref name="node"/>: the innermost scope's first.</summary>
        private UsingDirectiveSyntax? AliasAt(SyntaxNode node, string name)
        {
            var scope = ScopeOf(node);
            if (scope is null) return null;
            if (!_aliases.TryGetValue(scope, out var aliases))
            {
                aliases = new Dictionary<string, UsingDirectiveSyntax>(StringComparer.Ordinal);
                foreach (var usings in UsingScopes(node))
                    foreach (var directive in usings)
                        if (directive.Alias is not null && !aliases.ContainsKey(directive.Alias.Name.Identifier.ValueText)) aliases.Add(directive.Alias.Name.Identifier.ValueText, directive);
                _aliases.Add(scope, aliases);
            }
            return aliases.TryGetValue(name, out var alias) ? alias : null;
        }

        /// <summary><see cref="ImportedNamespaces"/> at <paramref name="node"/>, made once per scope: a file resolves a type name at every <c>new</c>.</summary>
        private string[] ImportsAt(SyntaxNode node)
        {
            var scope = ScopeOf(node);
            if (scope is null) return ImportedNamespaces(node).ToArray();
            if (!_imports.TryGetValue(scope, out var imported)) _imports.Add(scope, imported = ImportedNamespaces(node).ToArray());
            return imported;
        }

        /// <summary>
        /// The innermost namespace declaration or compilation unit above <paramref name="node"/>: what it imports and the
        /// aliases it sees are those of every node with the same scope. Null for a node outside a compilation unit.
        /// </summary>
        private static SyntaxNode? ScopeOf(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
                if (current is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax) return current;
            return null;
        }

        // By scope (ScopeOf). A reader reads one file on one thread, so the caches take no lock.
        private readonly Dictionary<SyntaxNode, string[]> _imports = new Dictionary<SyntaxNode, string[]>();
        private readonly Dictionary<SyntaxNode, Dictionary<string, UsingDirectiveSyntax>> _aliases = new Dictionary<SyntaxNode, Dictionary<string, UsingDirectiveSyntax>>();

        // ---------------------------------------------------------------- spans

        public SourceSpan SpanOf(SyntaxNode node) => Source.Span(node.SpanStart, node.Span.End);

        /// <summary><c>new X</c>, with its argument list when it has one: where a finding about the whole object points.</summary>
        public SourceSpan HeadSpan(BaseObjectCreationExpressionSyntax creation)
        {
            int end = creation switch
            {
                ObjectCreationExpressionSyntax explicitType => explicitType.ArgumentList?.Span.End ?? explicitType.Type.Span.End,
                ImplicitObjectCreationExpressionSyntax implicitType => implicitType.ArgumentList.Span.End,
                _ => creation.NewKeyword.Span.End,
            };
            return Source.Span(creation.SpanStart, end);
        }

        public static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

        // ---------------------------------------------------------------- changes after construction

        /// <summary>
        /// An object whose variable is written to after it is built (<c>d.Spec.Replicas = 3;</c>) is not what its
        /// initializer says, and a rule about an absent key would fire on what the later statement sets. Without
        /// following the data flow such an object is not read at all: a missed finding rather than a wrong one.
        /// </summary>
        /// <param name="mutators">Methods that change the object when called on it or on a member of it.</param>
        public bool IsChangedAfterwards(ExpressionSyntax creation, ICollection<string> mutators)
        {
            string? variable = VariableOf(creation);
            if (variable is null) return false;
            foreach (var assignment in Unit.DescendantNodes().OfType<AssignmentExpressionSyntax>())
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
            return Unit.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
                call.Expression is MemberAccessExpressionSyntax member
                && mutators.Contains(member.Name.Identifier.ValueText)
                && Root(member.Expression) is IdentifierNameSyntax root && root.Identifier.ValueText == variable);
        }

        /// <summary>The variable an object is stored in when it is built (<c>var d = new X…</c>, <c>d = new X…</c>); null otherwise.</summary>
        public static string? VariableOf(ExpressionSyntax creation) => creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == creation => target.Identifier.ValueText,
            _ => null,
        };

        private static ExpressionSyntax Root(ExpressionSyntax expression)
        {
            while (expression is MemberAccessExpressionSyntax member) expression = member.Expression;
            return expression;
        }

        // ---------------------------------------------------------------- objects and collections

        private static readonly HashSet<string> DictionaryTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "Dictionary", "IDictionary", "IReadOnlyDictionary", "SortedDictionary", "ConcurrentDictionary", "InputMap",
        };

        private static bool IsListType(string? typeName) =>
            typeName is "List" or "IList" or "ICollection" or "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection" or "Collection" or "HashSet" or "InputList";

        /// <summary>A mapping of an object's named constructor arguments and initializer, each key named by <paramref name="options"/>.</summary>
        public TreeMapping BuildObject(ExpressionSyntax node, SourceSpan head, ArgumentListSyntax? arguments, InitializerExpressionSyntax? initializer, string path, ReadOptions options)
        {
            var entries = new List<TreeEntry>();
            if (arguments is not null)
            {
                foreach (var argument in arguments.Arguments)
                {
                    if (argument.NameColon is null) continue; // a positional argument's name needs the constructor
                    var key = options.Key(argument.NameColon.Name.Identifier.ValueText);
                    var childPath = Child(path, key);
                    entries.Add(new TreeEntry(new TreeScalar(key, true, SpanOf(argument.NameColon.Name), childPath, origin: argument.NameColon.Name), Build(argument.Expression, childPath, options)));
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
                            var key = options.Key(property.Identifier.ValueText);
                            var childPath = Child(path, key);
                            entries.Add(new TreeEntry(new TreeScalar(key, true, SpanOf(property), childPath, origin: property), Build(assignment.Right, childPath, options)));
                        }
                        else if (assignment.Left is ImplicitElementAccessSyntax element && element.ArgumentList.Arguments.Count == 1)
                        {
                            entries.Add(DictionaryEntry(element.ArgumentList.Arguments[0].Expression, assignment.Right, path, options));
                        }
                    }
                    else if (expression is InitializerExpressionSyntax pair && pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) && pair.Expressions.Count == 2)
                    {
                        entries.Add(DictionaryEntry(pair.Expressions[0], pair.Expressions[1], path, options));
                    }
                }
            }
            return new TreeMapping(entries, true, SpanOf(node), head, path, editor: options.Editor, origin: node);
        }

        private TreeEntry DictionaryEntry(ExpressionSyntax keyExpression, ExpressionSyntax value, string path, ReadOptions options)
        {
            var key = Scalar(keyExpression, path);
            var childPath = key.Value is null ? path + ".?" : Child(path, key.Value);
            var keyNode = new TreeScalar(key.Value, key.IsPlain, key.Span, childPath, null, key.State, null, keyExpression);
            return new TreeEntry(keyNode, Build(value, childPath, options));
        }

        /// <summary>Deeper nesting than any real model: past it a value is unknown, and the walk cannot exhaust the stack.</summary>
        public const int MaxDepth = 128;

        private int _depth;

        /// <summary>The tree node of a value: an object, a list, a map or a scalar (unknown when it is not a constant).</summary>
        public TreeNode Build(ExpressionSyntax expression, string path, ReadOptions options)
        {
            if (_depth >= MaxDepth) return Unknown(expression, path);
            _depth++;
            try
            {
                return BuildNested(expression, path, options);
            }
            finally
            {
                _depth--;
            }
        }

        private TreeNode BuildNested(ExpressionSyntax expression, string path, ReadOptions options)
        {
            if (expression is BaseObjectCreationExpressionSyntax known && options.Creation?.Invoke(known, path) is TreeNode read) return read;
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Build(parenthesized.Expression, path, options);
                case ObjectCreationExpressionSyntax creation:
                    return BuildCreation(creation, TypeLastName(creation.Type), creation.ArgumentList, creation.Initializer, path, options);
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    return BuildCreation(implicitCreation, null, implicitCreation.ArgumentList, implicitCreation.Initializer, path, options);
                case InitializerExpressionSyntax nested when nested.IsKind(SyntaxKind.ObjectInitializerExpression):
                    // Spec = { Replicas = 3 }: sets the properties of the object the property already holds.
                    return BuildObject(nested, Source.Span(nested.SpanStart, nested.SpanStart + 1), null, nested, path, options);
                case InitializerExpressionSyntax nested when nested.IsKind(SyntaxKind.CollectionInitializerExpression) || nested.IsKind(SyntaxKind.ArrayInitializerExpression):
                    if (nested.Expressions.Count > 0 && nested.Expressions.All(e => e.IsKind(SyntaxKind.ComplexElementInitializerExpression)))
                        return BuildObject(nested, Source.Span(nested.SpanStart, nested.SpanStart + 1), null, nested, path, options);
                    return Sequence(nested, nested.Expressions.ToList(), path, options);
                case ArrayCreationExpressionSyntax array when array.Initializer is not null:
                    return Sequence(expression, array.Initializer.Expressions.ToList(), path, options);
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return Sequence(expression, implicitArray.Initializer.Expressions.ToList(), path, options);
                case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax):
                    return Sequence(expression, collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(), path, options);
                case IdentifierNameSyntax name when Evaluate(name) is null && _following.Count < 8 && LocalObject(name) is { } shared && _following.Add(name.Identifier.ValueText):
                    // A local object shared by several others (labels used by a selector and a template): read where it
                    // is declared, without an editor, since a fix to it would change every object that uses it.
                    try
                    {
                        return Build(shared, path, new ReadOptions(options.Key, null, options.Creation));
                    }
                    finally
                    {
                        _following.Remove(name.Identifier.ValueText);
                    }
                default:
                    return Scalar(expression, path, options.Editor);
            }
        }

        private readonly HashSet<string> _following = new HashSet<string>(StringComparer.Ordinal);

        private static readonly HashSet<string> ObjectMutators = new HashSet<string>(StringComparer.Ordinal) { "Add", "TryAdd", "Remove", "Clear", "Insert", "AddRange" };

        /// <summary>
        /// The object a local holds when the file declares it once, as a local, with an object or collection initializer
        /// and never changes it (<c>var labels = new Dictionary&lt;string, string&gt; { … };</c>); null otherwise.
        /// </summary>
        public BaseObjectCreationExpressionSyntax? LocalObject(IdentifierNameSyntax name)
        {
            string text = name.Identifier.ValueText;
            if (_assigned.Contains(text)) return null;
            var declarations = Unit.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(v => v.Identifier.ValueText == text).Take(2).ToList();
            if (declarations.Count != 1 || declarations[0].Initializer?.Value is not BaseObjectCreationExpressionSyntax { Initializer: not null } creation) return null;
            if (declarations[0].Parent?.Parent is not LocalDeclarationStatementSyntax) return null;
            if (Model is not null && Model.GetSymbolInfo(name).Symbol is ISymbol bound && !(bound is ILocalSymbol && bound.DeclaringSyntaxReferences.Any(r => r.GetSyntax() == declarations[0]))) return null;
            return IsChangedAfterwards(creation, ObjectMutators) ? null : creation;
        }

        public static string? TypeLastName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        private TreeNode BuildCreation(BaseObjectCreationExpressionSyntax creation, string? typeName, ArgumentListSyntax? arguments, InitializerExpressionSyntax? initializer, string path, ReadOptions options)
        {
            if (typeName == "ResourceQuantity" && initializer is null && arguments is not null && arguments.Arguments.Count == 1)
            {
                var value = Scalar(arguments.Arguments[0].Expression, path);
                return new TreeScalar(value.Value, value.IsPlain, SpanOf(creation), path, null, value.State, options.Editor, creation);
            }
            // A positional argument's property needs the constructor's signature: the object as a whole is unknown,
            // rather than an object that seems to lack what the argument sets.
            if (arguments is not null && arguments.Arguments.Any(a => a.NameColon is null) && !IsListType(typeName)) return Unknown(creation, path);
            if (initializer is null)
            {
                // new List<V1Container>() and new Dictionary<string, string>() are empty collections; new V1ObjectMeta(name: "x") is an object.
                if (typeName is not null && DictionaryTypes.Contains(typeName)) return new TreeMapping(Array.Empty<TreeEntry>(), true, SpanOf(creation), HeadSpan(creation), path, editor: options.Editor, origin: creation);
                if (IsListType(typeName) && (arguments is null || arguments.Arguments.Count == 0)) return new TreeSequence(Array.Empty<TreeNode>(), SpanOf(creation), HeadSpan(creation), path, editor: options.Editor, origin: creation);
                if (typeName is not null && char.IsUpper(typeName[0]) || arguments?.Arguments.Any(a => a.NameColon is not null) == true)
                    return BuildObject(creation, HeadSpan(creation), arguments, null, path, options);
                return Unknown(creation, path);
            }
            if (initializer.IsKind(SyntaxKind.CollectionInitializerExpression))
            {
                bool pairs = initializer.Expressions.Count > 0 && initializer.Expressions.All(e => e.IsKind(SyntaxKind.ComplexElementInitializerExpression));
                if (pairs || typeName is not null && DictionaryTypes.Contains(typeName)) return BuildObject(creation, HeadSpan(creation), null, initializer, path, options);
                return Sequence(creation, initializer.Expressions.ToList(), path, options);
            }
            return BuildObject(creation, HeadSpan(creation), arguments, initializer, path, options);
        }

        public TreeSequence Sequence(ExpressionSyntax node, IReadOnlyList<ExpressionSyntax> items, string path, ReadOptions options)
        {
            var built = new List<TreeNode>(items.Count);
            for (int i = 0; i < items.Count; i++) built.Add(Build(items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", options));
            var head = node is BaseObjectCreationExpressionSyntax creation ? HeadSpan(creation) : Source.Span(node.SpanStart, node.SpanStart + 1);
            return new TreeSequence(built, SpanOf(node), head, path, editor: options.Editor, origin: node);
        }

        // ---------------------------------------------------------------- scalars and constants

        public TreeScalar Unknown(SyntaxNode node, string path) =>
            new TreeScalar(null, false, SpanOf(node), path, null, NodeState.Unknown, null, node);

        /// <summary>A scalar at the expression: its constant value, or unknown.</summary>
        public TreeScalar Scalar(ExpressionSyntax expression, string path, ITreeEditor? editor = null)
        {
            var constant = Evaluate(expression);
            if (constant is null) return Unknown(expression, path);
            return new TreeScalar(constant.Value.Text, constant.Value.IsPlain, SpanOf(expression), path, editor: editor, origin: expression);
        }

        /// <summary>A scalar with a value the family computed (an enum member's meaning) located at the expression.</summary>
        public TreeScalar Scalar(ExpressionSyntax expression, string path, string? value, bool isPlain, ITreeEditor? editor = null) =>
            new TreeScalar(value, isPlain, SpanOf(expression), path, editor: editor, origin: expression);

        /// <summary>The constant value of an expression (its text, and whether it is a plain scalar: not a string), or null when it is not a constant.</summary>
        public (string? Text, bool IsPlain)? Evaluate(ExpressionSyntax expression) => Evaluate(expression, 0);

        private (string? Text, bool IsPlain)? Evaluate(ExpressionSyntax expression, int depth)
        {
            if (depth > 32) return null;
            if (Model is not null && depth == 0 && Model.GetConstantValue(expression) is { HasValue: true } bound) return FromConstant(bound.Value);
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
                    return Constant(name, name.Identifier.ValueText, depth);
                case MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) && member.Expression is IdentifierNameSyntax owner:
                    return Constant(member, owner.Identifier.ValueText + "." + member.Name.Identifier.ValueText, depth);
                default:
                    return null;
            }
        }

        private static (string? Text, bool IsPlain)? FromConstant(object? value) => value switch
        {
            null => ("null", true),
            string s => (s, false),
            bool b => (b ? "true" : "false", true),
            char => null,
            IFormattable number => (number.ToString(null, CultureInfo.InvariantCulture), true),
            _ => null,
        };

        private (string? Text, bool IsPlain)? Constant(ExpressionSyntax at, string name, int depth)
        {
            ExpressionSyntax? initializer;
            if (Model is not null && Model.GetSymbolInfo(at).Symbol is ISymbol symbol)
            {
                // Bound: the declaration may be in another file of the compilation; it must be a readonly field or a local never written again.
                initializer = symbol switch
                {
                    IFieldSymbol { IsReadOnly: true, IsStatic: true } or IFieldSymbol { IsConst: true } or ILocalSymbol => symbol.DeclaringSyntaxReferences.Length == 1
                        ? (symbol.DeclaringSyntaxReferences[0].GetSyntax() as VariableDeclaratorSyntax)?.Initializer?.Value
                        : null,
                    _ => null,
                };
                if (initializer is null || symbol is ILocalSymbol && _assigned.Contains(name)) return null;
                if (initializer.SyntaxTree != Unit.SyntaxTree)
                    return Model.Compilation.GetSemanticModel(initializer.SyntaxTree).GetConstantValue(initializer) is { HasValue: true } other ? FromConstant(other.Value) : null;
            }
            else if (!_constants.TryGetValue(name, out initializer) || initializer is null || _assigned.Contains(name))
            {
                return null;
            }
            if (!_evaluating.Add(name)) return null;
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

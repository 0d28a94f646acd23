using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Families;
using InfraLint.CSharp.Families.Kubernetes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Syntax
{
    /// <summary>
    /// Builds the located tree from infrastructure objects built in C#: every outermost object creation whose type a
    /// family owns (see <see cref="ICSharpFamily"/>) is handed to that family, which shapes it like the same resource in
    /// YAML. Syntactic without a semantic model, semantic with one (see <see cref="CSharpReader"/>).
    /// </summary>
    /// <remarks>
    /// A type name is read as a family's type only when the file says so: the name qualified, an alias of its namespace
    /// or of the type, or a simple name under a <c>using</c> of its namespace (of the file or of an enclosing namespace
    /// declaration) that the file does not declare itself. Global usings of other files are not seen syntactically.
    /// </remarks>
    public static class CSharpTree
    {
        /// <summary>Every family InfraLint reads.</summary>
        public static IReadOnlyList<ICSharpFamily> Families { get; } = new ICSharpFamily[]
        {
            new KubernetesClientModels(),
            new PulumiKubernetes(),
            new Families.Aws.CdkConstructs(),
            new Families.Aws.PulumiAws(),
        };

        public static CSharpParseOptions ParseOptions { get; } = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

        /// <summary>The root objects of the file, in source order; none when the file builds no infrastructure object.</summary>
        public static IReadOnlyList<TreeMapping> Build(SourceText source)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            var tree = CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path);
            return Build(source, tree.GetCompilationUnitRoot(), null);
        }

        /// <summary>The root objects of a parsed file; with <paramref name="model"/> names and constants are bound by symbol.</summary>
        public static IReadOnlyList<TreeMapping> Build(SourceText source, CompilationUnitSyntax unit, SemanticModel? model) =>
            Build(source, unit, model, out _);

        /// <param name="symbolsBound">How many type names were bound by symbol (semantic mode); tests check that binding happened.</param>
        public static IReadOnlyList<TreeMapping> Build(SourceText source, CompilationUnitSyntax unit, SemanticModel? model, out int symbolsBound)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (unit is null) throw new ArgumentNullException(nameof(unit));
            var reader = new CSharpReader(source, unit, model);
            var byFamily = Families.Select(_ => new List<(BaseObjectCreationExpressionSyntax, string)>()).ToArray();
            // Outermost first, each creation resolved once: an object inside a root is part of it, not another root. The
            // creations come in document order (a node before the nodes inside it), so those inside a root follow it and
            // end before it ends.
            int rootEnd = -1;
            foreach (var creation in reader.Creations)
            {
                if (creation.SpanStart < rootEnd) continue;
                if (Root(creation) is (int family, string type))
                {
                    byFamily[family].Add((creation, type));
                    rootEnd = creation.Span.End;
                }
            }
            (int Family, string Type)? Root(ObjectCreationExpressionSyntax creation)
            {
                for (int i = 0; i < Families.Count; i++)
                    if (reader.Resolve(creation.Type, Families[i].RootTypes) is string type) return (i, type);
                return null;
            }
            var roots = new List<TreeMapping>();
            for (int i = 0; i < Families.Count; i++)
                if (byFamily[i].Count > 0) roots.AddRange(Families[i].Roots(byFamily[i], reader));
            symbolsBound = reader.SymbolsBound;
            return roots.OrderBy(r => r.Span.StartOffset).ToList();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Editing;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families.Kubernetes
{
    /// <summary>
    /// KubernetesClient's models (<c>k8s.Models.V1Deployment</c>, …): every outermost one of a kind the Kubernetes mapper
    /// reads becomes one document shaped like the same object written in YAML, properties named as in the Kubernetes
    /// schema (<see cref="SchemaName"/>), <c>apiVersion</c> and <c>kind</c> from the type when not set.
    /// </summary>
    /// <remarks>
    /// Value forms: <c>new ResourceQuantity("8")</c> and <c>new IntOrString { Value = "http" }</c> (older KubernetesClient;
    /// 21.0.8 converts implicitly) are the scalar they
    /// hold (an <c>int</c> or <c>string</c> converted implicitly is the literal itself). A model built through positional
    /// constructor arguments (<c>new V1ContainerPort(8000)</c>, KubernetesClient before its models became records) is
    /// read with the parameter names of the constructor the compiler bound (semantic mode), or of the one constructor of
    /// <see cref="KubernetesClientSchema.Constructors"/> that fits (syntactic mode: KubernetesClient 21.0.8's, where no
    /// model has one); otherwise it is unknown.
    /// </remarks>
    public sealed class KubernetesClientModels : ICSharpFamily
    {
        private const string ModelsNamespace = "k8s.Models";
        private const string IntOrString = ModelsNamespace + ".IntOrString";
        private const string ResourceQuantity = ModelsNamespace + ".ResourceQuantity";

        /// <summary>Calls on an object (or a list or map of it) that change it after it is built.</summary>
        private static readonly HashSet<string> Mutators = new HashSet<string>(StringComparer.Ordinal) { "Add", "Insert", "AddRange", "Remove", "Clear" };

        private static readonly string[] ValueTypes = { IntOrString };

        public IReadOnlyCollection<string> RootTypes { get; } = KubernetesClientSchema.Kinds.Keys.ToArray();

        public IEnumerable<TreeMapping> Roots(IReadOnlyList<(BaseObjectCreationExpressionSyntax Creation, string Type)> creations, CSharpReader reader)
        {
            foreach (var (creation, type) in creations)
            {
                if (creation is not ObjectCreationExpressionSyntax explicitType) continue;
                if (reader.IsChangedAfterwards(creation, Mutators)) continue;
                var models = new Reading(reader, Editor(explicitType, KubernetesClientSchema.Kinds[type].Kind, reader));
                var names = models.PositionalNames(explicitType, type);
                if (names is null) continue; // positional arguments of a constructor not known: the object is not read
                yield return Root(explicitType, KubernetesClientSchema.Kinds[type], names, models);
            }
        }

        /// <summary>Fixes written with the models the file already uses, qualified as the file qualifies the root's type.</summary>
        private static ITreeEditor Editor(ObjectCreationExpressionSyntax creation, string kind, CSharpReader reader)
        {
            string models = creation.Type is QualifiedNameSyntax qualified ? qualified.Left.ToString() + "."
                : CSharpReader.Imports(creation, ModelsNamespace) ? string.Empty
                : ModelsNamespace + ".";
            var text = reader.Source.Text;
            string collections = text.IndexOf("Dictionary<", StringComparison.Ordinal) >= 0 || text.IndexOf("List<", StringComparison.Ordinal) >= 0 || text.IndexOf("using System.Collections.Generic;", StringComparison.Ordinal) >= 0
                ? string.Empty
                : "System.Collections.Generic.";
            return new CSharpTreeEditor(reader.Source, new KubernetesClientRenderer(kind, models, collections));
        }

        private static TreeMapping Root(ObjectCreationExpressionSyntax creation, (string ApiVersion, string Kind) kind, IReadOnlyList<string> names, Reading models)
        {
            var reader = models.Reader;
            var head = reader.HeadSpan(creation);
            var mapping = models.Model(creation, head, string.Empty, names);
            var entries = new List<TreeEntry>();
            if (mapping.Get("apiVersion") is null) entries.Add(Synthesized("apiVersion", kind.ApiVersion, head));
            if (mapping.Get("kind") is null) entries.Add(Synthesized("kind", kind.Kind, head));
            if (entries.Count == 0) return mapping;
            entries.AddRange(mapping.Entries);
            return new TreeMapping(entries, true, mapping.Span, mapping.HeadSpan, mapping.Path, editor: mapping.Editor, origin: creation);
        }

        private static TreeEntry Synthesized(string key, string value, SourceSpan at) =>
            new TreeEntry(new TreeScalar(key, true, at, key), new TreeScalar(value, false, at, key));

        /// <summary>
        /// KubernetesClient's property (or constructor parameter) name to the schema's: the JSON name KubernetesClient
        /// gives it (<c>NamespaceProperty</c> is <c>namespace</c>, <c>OperatorProperty</c> is <c>operator</c>), else the
        /// name with its first letter lowered.
        /// </summary>
        public static string SchemaName(string name)
        {
            if (name.Length == 0) return name;
            var pascal = char.ToUpperInvariant(name[0]) + name.Substring(1);
            if (KubernetesClientSchema.Renames.TryGetValue(pascal, out var renamed)) return renamed;
            if (!char.IsUpper(name[0])) return name;
            return char.ToLowerInvariant(name[0]) + name.Substring(1);
        }

        /// <summary>One file's reading: the reader, and the options whose creation hook reads the value forms above.</summary>
        private sealed class Reading
        {
            public Reading(CSharpReader reader, ITreeEditor editor)
            {
                Reader = reader;
                Options = new ReadOptions(SchemaName, editor, Creation);
            }

            public CSharpReader Reader { get; }

            public ReadOptions Options { get; }

            private TreeNode? Creation(BaseObjectCreationExpressionSyntax creation, string path)
            {
                if (creation is not ObjectCreationExpressionSyntax explicitType) return null;
                if (Reader.Resolve(explicitType.Type, ValueTypes) is not null)
                {
                    // new IntOrString { Value = "http" }: the scalar it holds.
                    var value = explicitType.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                        .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "Value" });
                    if (explicitType.ArgumentList is { Arguments.Count: > 0 } || value is null || explicitType.Initializer!.Expressions.Count != 1) return Reader.Unknown(creation, path);
                    var scalar = Reader.Scalar(value.Right, path);
                    return new TreeScalar(scalar.Value, scalar.IsPlain, Reader.SpanOf(creation), path, null, scalar.State, null, creation);
                }
                if (explicitType.ArgumentList is null || explicitType.ArgumentList.Arguments.All(a => a.NameColon is not null)) return null;
                var type = Reader.Resolve(explicitType.Type, KubernetesClientSchema.Constructors.Keys.ToArray());
                if (Reader.Model is null && (type is null || type == ResourceQuantity)) return null; // the generic walk: new ResourceQuantity("8"), or unknown
                var names = PositionalNames(explicitType, type);
                return names is null ? null : Model(explicitType, Reader.HeadSpan(creation), path, names);
            }

            /// <summary>
            /// The parameter name of each argument in order (empty when every argument is named), or null when a positional
            /// argument's parameter is not known.
            /// </summary>
            public IReadOnlyList<string>? PositionalNames(ObjectCreationExpressionSyntax creation, string? type)
            {
                var arguments = creation.ArgumentList?.Arguments;
                if (arguments is null || arguments.Value.All(a => a.NameColon is not null)) return Array.Empty<string>();
                var args = arguments.Value;
                if (Reader.Model is not null)
                {
                    if (Reader.Model.GetSymbolInfo(creation).Symbol is not IMethodSymbol constructor) return null;
                    var owner = constructor.ContainingType;
                    if (owner.ContainingNamespace?.ToDisplayString() != ModelsNamespace || owner.Name is "ResourceQuantity" or "IntOrString") return null;
                    if (args.Count > constructor.Parameters.Length || constructor.Parameters.Any(p => p.IsParams)) return null;
                    return constructor.Parameters.Take(args.Count).Select(p => p.Name).ToArray();
                }
                if (type is null || !KubernetesClientSchema.Constructors.TryGetValue(type, out var constructors)) return null;
                var named = args.Where(a => a.NameColon is not null).Select(a => a.NameColon!.Name.Identifier.ValueText).ToArray();
                var fitting = constructors.Where(c => c.Length >= args.Count && named.All(c.Contains)).ToArray();
                // Several constructors fit: their parameters must agree where the arguments are, or the object is unknown.
                for (int i = 0; i < args.Count; i++)
                    if (fitting.Select(c => c[i]).Distinct().Count() != 1) return null;
                return fitting.Length == 0 ? null : fitting[0].Take(args.Count).ToArray();
            }

            /// <summary>A model's mapping: its positional arguments by <paramref name="names"/>, then its named arguments and initializer.</summary>
            public TreeMapping Model(ObjectCreationExpressionSyntax creation, SourceSpan head, string path, IReadOnlyList<string> names)
            {
                var mapping = Reader.BuildObject(creation, head, creation.ArgumentList, creation.Initializer, path, Options);
                if (names.Count == 0) return mapping;
                var entries = new List<TreeEntry>();
                var arguments = creation.ArgumentList!.Arguments;
                for (int i = 0; i < arguments.Count && i < names.Count; i++)
                {
                    if (arguments[i].NameColon is not null) continue;
                    var key = SchemaName(names[i]);
                    var childPath = CSharpReader.Child(path, key);
                    entries.Add(new TreeEntry(
                        new TreeScalar(key, true, Reader.SpanOf(arguments[i]), childPath, origin: arguments[i]),
                        Reader.Build(arguments[i].Expression, childPath, Options)));
                }
                entries.AddRange(mapping.Entries);
                return new TreeMapping(entries, true, mapping.Span, mapping.HeadSpan, mapping.Path, editor: mapping.Editor, origin: creation);
            }
        }
    }
}

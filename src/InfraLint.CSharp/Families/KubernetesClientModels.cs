using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Editing;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families
{
    /// <summary>
    /// KubernetesClient's models (<c>k8s.Models.V1Deployment</c>, …): every outermost one becomes one document shaped
    /// like the same object written in YAML, properties named as in the Kubernetes schema (PascalCase to camelCase;
    /// <c>NamespaceProperty</c> is <c>namespace</c>), <c>apiVersion</c> and <c>kind</c> from the type when not set.
    /// </summary>
    public sealed class KubernetesClientModels : ICSharpFamily
    {
        private const string ModelsNamespace = "k8s.Models";

        private static readonly Dictionary<string, (string ApiVersion, string Kind)> Kinds = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            [ModelsNamespace + ".V1Deployment"] = ("apps/v1", "Deployment"),
            [ModelsNamespace + ".V1StatefulSet"] = ("apps/v1", "StatefulSet"),
            [ModelsNamespace + ".V1DaemonSet"] = ("apps/v1", "DaemonSet"),
            [ModelsNamespace + ".V1Job"] = ("batch/v1", "Job"),
            [ModelsNamespace + ".V1CronJob"] = ("batch/v1", "CronJob"),
            [ModelsNamespace + ".V1Pod"] = ("v1", "Pod"),
        };

        /// <summary>Calls on an object (or a list or map of it) that change it after it is built.</summary>
        private static readonly HashSet<string> Mutators = new HashSet<string>(StringComparer.Ordinal) { "Add", "Insert", "AddRange", "Remove", "Clear" };

        public IReadOnlyCollection<string> RootTypes { get; } = Kinds.Keys.ToArray();

        public IEnumerable<TreeMapping> Roots(IReadOnlyList<(BaseObjectCreationExpressionSyntax Creation, string Type)> creations, CSharpReader reader)
        {
            foreach (var (creation, type) in creations)
            {
                if (creation is not ObjectCreationExpressionSyntax explicitType) continue;
                if (explicitType.ArgumentList is not null && explicitType.ArgumentList.Arguments.Any(a => a.NameColon is null)) continue; // positional: needs the constructor
                if (reader.IsChangedAfterwards(creation, Mutators)) continue;
                yield return Root(explicitType, Kinds[type], reader, Options(explicitType, Kinds[type].Kind, reader));
            }
        }

        /// <summary>Schema names for keys, and fixes written with the models the file already uses, qualified as the file qualifies them.</summary>
        private static ReadOptions Options(ObjectCreationExpressionSyntax creation, string kind, CSharpReader reader)
        {
            string models = creation.Type is QualifiedNameSyntax qualified ? qualified.Left.ToString() + "."
                : CSharpReader.Imports(creation, ModelsNamespace) ? string.Empty
                : ModelsNamespace + ".";
            var text = reader.Source.Text;
            string collections = text.IndexOf("Dictionary<", StringComparison.Ordinal) >= 0 || text.IndexOf("List<", StringComparison.Ordinal) >= 0 || text.IndexOf("using System.Collections.Generic;", StringComparison.Ordinal) >= 0
                ? string.Empty
                : "System.Collections.Generic.";
            return new ReadOptions(SchemaName, new CSharpTreeEditor(reader.Source, new KubernetesClientRenderer(kind, models, collections)));
        }

        private static TreeMapping Root(ObjectCreationExpressionSyntax creation, (string ApiVersion, string Kind) kind, CSharpReader reader, ReadOptions options)
        {
            var head = reader.HeadSpan(creation);
            var mapping = reader.BuildObject(creation, head, creation.ArgumentList, creation.Initializer, string.Empty, options);
            var entries = new List<TreeEntry>();
            if (mapping.Get("apiVersion") is null) entries.Add(Synthesized("apiVersion", kind.ApiVersion, head));
            if (mapping.Get("kind") is null) entries.Add(Synthesized("kind", kind.Kind, head));
            if (entries.Count == 0) return mapping;
            entries.AddRange(mapping.Entries);
            return new TreeMapping(entries, true, mapping.Span, mapping.HeadSpan, mapping.Path, editor: mapping.Editor, origin: creation);
        }

        private static TreeEntry Synthesized(string key, string value, SourceSpan at) =>
            new TreeEntry(new TreeScalar(key, true, at, key), new TreeScalar(value, false, at, key));

        /// <summary>KubernetesClient's property (or parameter) name to the schema's: the first letter lowered.</summary>
        public static string SchemaName(string name)
        {
            if (name == "NamespaceProperty" || name == "namespaceProperty") return "namespace";
            if (name.Length == 0 || !char.IsUpper(name[0])) return name;
            return char.ToLowerInvariant(name[0]) + name.Substring(1);
        }
    }
}

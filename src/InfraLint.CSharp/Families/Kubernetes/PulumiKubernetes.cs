using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp.Editing;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families.Kubernetes
{
    /// <summary>
    /// Pulumi Kubernetes resources (<c>new Pulumi.Kubernetes.Apps.V1.Deployment("name", new DeploymentArgs { … })</c>) of
    /// the kinds the Kubernetes mapper reads: each becomes one document shaped like the same object in YAML, read from
    /// its args (<c>Pulumi.Kubernetes.Types.Inputs.&lt;Group&gt;.&lt;Version&gt;.*Args</c>), with <c>apiVersion</c> and
    /// <c>kind</c> from the resource type.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Property names: pulumi-kubernetes names a C# property after the schema's with its first letter raised, and adds
    /// <c>Value</c> when that would equal the name of its own type (<c>ContainerPortArgs.ContainerPortValue</c> is
    /// <c>containerPort</c>; provider/pkg/gen/schema.go, <c>genPropertySpec</c>). <c>InputList</c> and <c>InputMap</c>,
    /// collection initializers included (<c>Labels = { { "app", "x" } }</c>), are lists and maps; an <c>Output</c>, an
    /// <c>Apply</c> or any other call is unknown.
    /// </para>
    /// <para>
    /// Names: without <c>Metadata.Name</c> Pulumi auto-names the object, by default its resource name and a random
    /// suffix. The document then has <c>metadata.generateName</c> "<i>resource name</i>-" (Kubernetes' own spelling of
    /// "this prefix and a random suffix"), so findings name the workload recognisably, and since a Kubernetes name never
    /// ends in "-", no literal name elsewhere can match it by accident.
    /// </para>
    /// <para>Pulumi is read syntactically only: no Pulumi package is referenced here, so its types are never bound.</para>
    /// </remarks>
    public sealed class PulumiKubernetes : ICSharpFamily
    {
        private const string Root = "Pulumi.Kubernetes.";

        /// <summary>Resource type (group namespace, version, kind) to the object's apiVersion and kind.</summary>
        private static readonly Dictionary<string, (string ApiVersion, string Kind)> Kinds = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            [Root + "Apps.V1.Deployment"] = ("apps/v1", "Deployment"),
            [Root + "Apps.V1.StatefulSet"] = ("apps/v1", "StatefulSet"),
            [Root + "Apps.V1.DaemonSet"] = ("apps/v1", "DaemonSet"),
            [Root + "Apps.V1.ReplicaSet"] = ("apps/v1", "ReplicaSet"),
            [Root + "Core.V1.ReplicationController"] = ("v1", "ReplicationController"),
            [Root + "Core.V1.Pod"] = ("v1", "Pod"),
            [Root + "Core.V1.PodTemplate"] = ("v1", "PodTemplate"),
            [Root + "Core.V1.Service"] = ("v1", "Service"),
            [Root + "Batch.V1.Job"] = ("batch/v1", "Job"),
            [Root + "Batch.V1.CronJob"] = ("batch/v1", "CronJob"),
            [Root + "Rbac.V1.Role"] = ("rbac.authorization.k8s.io/v1", "Role"),
            [Root + "Rbac.V1.ClusterRole"] = ("rbac.authorization.k8s.io/v1", "ClusterRole"),
            [Root + "Networking.V1.NetworkPolicy"] = ("networking.k8s.io/v1", "NetworkPolicy"),
            [Root + "Networking.V1.Ingress"] = ("networking.k8s.io/v1", "Ingress"),
            [Root + "Autoscaling.V1.HorizontalPodAutoscaler"] = ("autoscaling/v1", "HorizontalPodAutoscaler"),
            [Root + "Autoscaling.V2.HorizontalPodAutoscaler"] = ("autoscaling/v2", "HorizontalPodAutoscaler"),
        };

        /// <summary>Calls on an object (or a list or map of it) that change it after it is built.</summary>
        private static readonly HashSet<string> Mutators = new HashSet<string>(StringComparer.Ordinal) { "Add", "Insert", "AddRange", "Remove", "Clear" };

        public IReadOnlyCollection<string> RootTypes { get; } = Kinds.Keys.ToArray();

        public IEnumerable<TreeMapping> Roots(IReadOnlyList<(BaseObjectCreationExpressionSyntax Creation, string Type)> creations, CSharpReader reader)
        {
            foreach (var (creation, type) in creations)
            {
                if (creation is not ObjectCreationExpressionSyntax resource || resource.ArgumentList is null) continue;
                if (Arguments(resource.ArgumentList) is not var (name, args) || args is not BaseObjectCreationExpressionSyntax argsCreation) continue;
                if (reader.IsChangedAfterwards(creation, Mutators) || reader.IsChangedAfterwards(argsCreation, Mutators)) continue;
                var document = Document(resource, name, argsCreation, Kinds[type], reader);
                if (document is not null) yield return document;
            }
        }

        /// <summary>The resource name and args of <c>new Deployment("name", args, options)</c>, positional or named.</summary>
        private static (ExpressionSyntax? Name, ExpressionSyntax? Args)? Arguments(ArgumentListSyntax list)
        {
            ExpressionSyntax? name = null, args = null;
            for (int i = 0; i < list.Arguments.Count; i++)
            {
                var argument = list.Arguments[i];
                var parameter = argument.NameColon?.Name.Identifier.ValueText ?? (i == 0 ? "name" : i == 1 ? "args" : i == 2 ? "options" : null);
                if (parameter == "name") name = argument.Expression;
                else if (parameter == "args") args = argument.Expression;
                else if (parameter != "options") return null;
            }
            return (name, args);
        }

        private static TreeMapping? Document(ObjectCreationExpressionSyntax resource, ExpressionSyntax? name, BaseObjectCreationExpressionSyntax args, (string ApiVersion, string Kind) kind, CSharpReader reader)
        {
            if (args.ArgumentList is { Arguments.Count: > 0 } || args.Initializer is null) return null;
            // Findings about the whole object point at `new Deployment`, not at its (long) argument list.
            var head = reader.Source.Span(resource.SpanStart, resource.Type.Span.End);
            // Fixes are written with the args types of the file, qualified as the file can name them.
            var editor = new CSharpTreeEditor(reader.Source, new PulumiKubernetesRenderer(kind.Kind, PulumiKubernetesRenderer.QualifierAt(resource)));
            var mapping = reader.BuildObject(args, head, null, args.Initializer, string.Empty, Options(args, reader, editor));
            var entries = new List<TreeEntry>();
            if (mapping.Get("apiVersion") is null) entries.Add(Synthesized("apiVersion", kind.ApiVersion, head, "apiVersion"));
            if (mapping.Get("kind") is null) entries.Add(Synthesized("kind", kind.Kind, head, "kind"));
            var resourceName = name is null ? null : reader.Evaluate(name);
            var generateName = resourceName is { IsPlain: false, Text: string text } && text.Length > 0
                ? Synthesized("generateName", text + "-", head, "metadata.generateName")
                : null;
            foreach (var entry in mapping.Entries)
            {
                if (generateName is not null && TreeValues.Text(entry.Key) == "metadata" && entry.Value is TreeMapping metadata && metadata.Get("name") is null && metadata.Get("generateName") is null)
                {
                    entries.Add(new TreeEntry(entry.Key, new TreeMapping(new[] { generateName }.Concat(metadata.Entries).ToList(), true, metadata.Span, metadata.HeadSpan, metadata.Path, editor: metadata.Editor, origin: metadata.Origin)));
                    generateName = null;
                }
                else
                {
                    entries.Add(entry);
                }
            }
            if (generateName is not null && mapping.Get("metadata") is null)
                entries.Add(new TreeEntry(new TreeScalar("metadata", true, head, "metadata"), new TreeMapping(new[] { generateName }, true, head, head, "metadata")));
            // The args object is what a fix adds entries to.
            return new TreeMapping(entries, true, mapping.Span, head, mapping.Path, editor: mapping.Editor, origin: args);
        }

        private static TreeEntry Synthesized(string key, string value, SourceSpan at, string path) =>
            new TreeEntry(new TreeScalar(key, true, at, path), new TreeScalar(value, false, at, path));

        /// <summary>How the properties of one args object are named: <c>ContainerPortValue</c> in <c>ContainerPortArgs</c> is <c>containerPort</c>.</summary>
        private static ReadOptions Options(BaseObjectCreationExpressionSyntax creation, CSharpReader reader, ITreeEditor editor)
        {
            var typeName = creation is ObjectCreationExpressionSyntax explicitType ? CSharpReader.TypeLastName(explicitType.Type) : null;
            var own = typeName is not null && typeName.EndsWith("Args", StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - "Args".Length) : null;
            return new ReadOptions(name => SchemaName(name, own), editor, (nested, path) => Nested(nested, path, reader, editor));
        }

        private static TreeNode? Nested(BaseObjectCreationExpressionSyntax creation, string path, CSharpReader reader, ITreeEditor editor)
        {
            if (creation is not ObjectCreationExpressionSyntax explicitType || CSharpReader.TypeLastName(explicitType.Type) is not string name || !name.EndsWith("Args", StringComparison.Ordinal)) return null;
            if (explicitType.ArgumentList is { Arguments.Count: > 0 } || explicitType.Initializer is null) return reader.Unknown(creation, path);
            return reader.BuildObject(creation, reader.HeadSpan(creation), null, explicitType.Initializer, path, Options(creation, reader, editor));
        }

        /// <summary>A Pulumi property name to the schema's: the first letter lowered, and <c>Value</c> dropped where pulumi-kubernetes added it.</summary>
        public static string SchemaName(string name, string? ownType)
        {
            if (ownType is not null && name == ownType + "Value") name = ownType;
            if (name.Length == 0 || !char.IsUpper(name[0])) return name;
            return char.ToLowerInvariant(name[0]) + name.Substring(1);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using InfraLint.CSharp.Editing;
using InfraLint.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InfraLint.CSharp.Families.Kubernetes
{
    /// <summary>
    /// How a fix is written in Pulumi Kubernetes: schema keys as the args' properties (<c>allowPrivilegeEscalation</c> is
    /// <c>AllowPrivilegeEscalation</c>, <c>Value</c> added where pulumi-kubernetes adds it), new objects as the args type
    /// that the property holds (<c>new SecurityContextArgs</c>, in <c>Pulumi.Kubernetes.Types.Inputs.Core.V1</c>), maps as
    /// <c>InputMap&lt;string&gt;</c>, quantities as strings. Type names are qualified as the file lets them be written: bare
    /// where it imports the namespace, through its alias, or in full.
    /// </summary>
    public sealed class PulumiKubernetesRenderer : ICSharpRenderer
    {
        private const string Inputs = "Pulumi.Kubernetes.Types.Inputs.";

        private static readonly HashSet<string> Maps = new HashSet<string>(StringComparer.Ordinal)
        {
            "labels", "annotations", "nodeSelector", "limits", "requests", "data", "stringData",
        };

        private readonly string _kind;
        private readonly Func<string, string> _qualify;

        /// <param name="kind">The root object's kind (<c>Deployment</c>): which update strategy types its objects have.</param>
        /// <param name="qualify">How the file writes a type of a namespace (<c>Pulumi.Kubernetes.Types.Inputs.Core.V1</c> → <c>""</c>, <c>"CoreV1."</c> or the namespace and a dot).</param>
        public PulumiKubernetesRenderer(string kind, Func<string, string> qualify)
        {
            _kind = kind;
            _qualify = qualify;
        }

        public string? Member(string objectPath, string key)
        {
            if (key.Length == 0 || !char.IsLetter(key[0]) || key.IndexOf('.') >= 0 || key.IndexOf('/') >= 0) return null;
            var member = char.ToUpperInvariant(key[0]) + key.Substring(1);
            // A property named like its own class gets Value (ContainerPortArgs.ContainerPortValue): see PulumiKubernetes.SchemaName.
            return ArgsType(objectPath) is { } owner && owner.Name == member + "Args" ? member + "Value" : member;
        }

        public bool IsMap(string path) => Maps.Contains(Last(path));

        public string? NewObject(string path)
        {
            if (ArgsType(path) is { } type) return "new " + _qualify(Inputs + type.Namespace) + type.Name;
            return Maps.Contains(Last(path)) ? "new " + _qualify("Pulumi") + "InputMap<string>" : null;
        }

        public string? Value(string path, object value)
        {
            // Quantities (and every map value here) are InputMap<string>: "1", "500m", "16Gi".
            if (path.IndexOf(".limits.", StringComparison.Ordinal) >= 0 || path.IndexOf(".requests.", StringComparison.Ordinal) >= 0)
                return CSharpEdits.Literal(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            return CSharpEdits.Literal(value);
        }

        /// <summary>The args type (namespace below <c>Pulumi.Kubernetes.Types.Inputs</c>, and name) of the object at <paramref name="path"/>, where fixes create one.</summary>
        private (string Namespace, string Name)? ArgsType(string path)
        {
            var last = Last(path);
            return last switch
            {
                "metadata" => ("Meta.V1", "ObjectMetaArgs"),
                "securityContext" => ("Core.V1", path.EndsWith("ontainers[].securityContext", StringComparison.Ordinal) ? "SecurityContextArgs" : "PodSecurityContextArgs"),
                "capabilities" => ("Core.V1", "CapabilitiesArgs"),
                "seccompProfile" => ("Core.V1", "SeccompProfileArgs"),
                "resources" => ("Core.V1", "ResourceRequirementsArgs"),
                "strategy" when _kind == "Deployment" => ("Apps.V1", "DeploymentStrategyArgs"),
                "rollingUpdate" when _kind == "Deployment" => ("Apps.V1", "RollingUpdateDeploymentArgs"),
                "updateStrategy" when _kind == "StatefulSet" => ("Apps.V1", "StatefulSetUpdateStrategyArgs"),
                "updateStrategy" when _kind == "DaemonSet" => ("Apps.V1", "DaemonSetUpdateStrategyArgs"),
                "rollingUpdate" when _kind == "StatefulSet" => ("Apps.V1", "RollingUpdateStatefulSetStrategyArgs"),
                "rollingUpdate" when _kind == "DaemonSet" => ("Apps.V1", "RollingUpdateDaemonSetArgs"),
                _ => null,
            };
        }

        /// <summary>How a type of a namespace is written at <paramref name="node"/>: bare when imported, through an alias of the namespace, or in full (with a dot, or empty).</summary>
        public static Func<string, string> QualifierAt(Microsoft.CodeAnalysis.SyntaxNode node)
        {
            // Decided now for every namespace: the renderer is kept by the facts' targets to the end of a scan, and must not
            // keep the file's syntax.
            var imported = CSharpReader.ImportedAt(node);
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                var usings = current switch
                {
                    BaseNamespaceDeclarationSyntax declaration => declaration.Usings,
                    CompilationUnitSyntax unit => unit.Usings,
                    _ => default,
                };
                foreach (var u in usings)
                    if (u.Alias is not null && u.StaticKeyword.RawKind == 0 && CSharpReader.QualifiedText(u.Name) is string ns && !aliases.ContainsKey(ns))
                        aliases[ns] = u.Alias.Name.Identifier.ValueText + ".";
            }
            return ns => imported.Contains(ns) ? string.Empty : aliases.TryGetValue(ns, out var alias) ? alias : ns + ".";
        }

        private static string Last(string path)
        {
            int dot = path.LastIndexOf('.');
            return dot < 0 ? path : path.Substring(dot + 1);
        }
    }
}

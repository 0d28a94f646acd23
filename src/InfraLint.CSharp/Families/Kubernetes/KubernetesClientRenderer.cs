using System;
using System.Collections.Generic;
using InfraLint.CSharp.Editing;

namespace InfraLint.CSharp.Families.Kubernetes
{
    /// <summary>
    /// How a fix is written in KubernetesClient's models: schema keys as properties (<c>namespace</c> is
    /// <c>NamespaceProperty</c>), new objects as the model that the property holds, quantities as <c>ResourceQuantity</c>.
    /// Model names are qualified the way the file wrote the root object's type (<c>k8s.Models.</c>, an alias, or none).
    /// </summary>
    public sealed class KubernetesClientRenderer : ICSharpRenderer
    {
        private readonly string _kind;
        private readonly string _models;
        private readonly string _collections;

        /// <param name="kind">The root object's kind (<c>Deployment</c>): some properties' models depend on it.</param>
        /// <param name="modelsPrefix">How the file qualifies model names: <c>""</c>, <c>"k8s.Models."</c>, <c>"M."</c>.</param>
        /// <param name="collectionsPrefix">How to qualify <c>Dictionary</c>: <c>""</c> where the file already uses generic collections.</param>
        public KubernetesClientRenderer(string kind, string modelsPrefix, string collectionsPrefix)
        {
            _kind = kind;
            _models = modelsPrefix;
            _collections = collectionsPrefix;
        }

        private static readonly HashSet<string> Maps = new HashSet<string>(StringComparer.Ordinal)
        {
            "labels", "annotations", "nodeSelector", "limits", "requests", "data", "stringData",
        };

        public string? Member(string objectPath, string key)
        {
            foreach (var rename in KubernetesClientSchema.Renames)
                if (rename.Value == key) return rename.Key; // namespace → NamespaceProperty, operator → OperatorProperty
            if (key.Length == 0 || !char.IsLetter(key[0]) || key.IndexOf('.') >= 0 || key.IndexOf('/') >= 0) return null;
            return char.ToUpperInvariant(key[0]) + key.Substring(1);
        }

        public bool IsMap(string path) => Maps.Contains(Last(path));

        public string? NewObject(string path)
        {
            var last = Last(path);
            string? model = last switch
            {
                "metadata" => "V1ObjectMeta",
                "securityContext" => path.EndsWith("ontainers[].securityContext", StringComparison.Ordinal) ? "V1SecurityContext" : "V1PodSecurityContext",
                "capabilities" => "V1Capabilities",
                "seccompProfile" => "V1SeccompProfile",
                "resources" => "V1ResourceRequirements",
                "strategy" when _kind == "Deployment" => "V1DeploymentStrategy",
                "rollingUpdate" when _kind == "Deployment" => "V1RollingUpdateDeployment",
                "updateStrategy" when _kind == "StatefulSet" => "V1StatefulSetUpdateStrategy",
                "updateStrategy" when _kind == "DaemonSet" => "V1DaemonSetUpdateStrategy",
                "rollingUpdate" when _kind == "StatefulSet" => "V1RollingUpdateStatefulSetStrategy",
                "rollingUpdate" when _kind == "DaemonSet" => "V1RollingUpdateDaemonSet",
                _ => null,
            };
            if (model is not null) return "new " + _models + model;
            return last switch
            {
                "limits" or "requests" => "new " + _collections + "Dictionary<string, " + _models + "ResourceQuantity>",
                "labels" or "annotations" or "nodeSelector" => "new " + _collections + "Dictionary<string, string>",
                _ => null,
            };
        }

        public string? Value(string path, object value)
        {
            var literal = CSharpEdits.Literal(value);
            if (literal is null) return null;
            // A quantity is a ResourceQuantity, written from its string form ("1", "500m", "16Gi").
            if (path.IndexOf(".limits.", StringComparison.Ordinal) >= 0 || path.IndexOf(".requests.", StringComparison.Ordinal) >= 0)
                return "new " + _models + "ResourceQuantity(" + CSharpEdits.Literal(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty) + ")";
            return literal;
        }

        /// <summary>The last key of a path; a map's keys may hold dots (<c>nvidia.com/gpu</c>), but the keys looked up here do not.</summary>
        private static string Last(string path)
        {
            int dot = path.LastIndexOf('.');
            return dot < 0 ? path : path.Substring(dot + 1);
        }
    }
}

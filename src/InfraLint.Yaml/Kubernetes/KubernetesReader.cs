using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Yaml.Editing;
using InfraLint.Yaml.Parsing;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.Kubernetes
{
    /// <summary>
    /// Turns Kubernetes objects (core workloads, the AI CRDs teams run, and the objects that route,
    /// scale, authorise and observe them) into normalized facts. A document without
    /// <c>apiVersion</c> and <c>kind</c> is not Kubernetes and yields nothing.
    /// </summary>
    internal sealed class KubernetesReader
    {
        public const string DefaultNamespace = "default";

        private static readonly HashSet<string> ClusterScoped = new HashSet<string>(StringComparer.Ordinal)
        {
            "ClusterRole", "ClusterRoleBinding", "Namespace", "Node", "PersistentVolume", "StorageClass",
            "CustomResourceDefinition", "PriorityClass", "ClusterServingRuntime", "ClusterTrainingRuntime",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "IngressClass", "RuntimeClass",
        };

        /// <summary>Kinds that run until stopped and can be targeted by a horizontal autoscaler.</summary>
        private static readonly HashSet<string> LongRunning = new HashSet<string>(StringComparer.Ordinal)
        {
            "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "InferenceService", "LLMInferenceService",
            "RayService", "LeaderWorkerSet", "Service.serving.knative.dev",
        };

        private static readonly Dictionary<string, WorkloadRole> RoleByKind = new Dictionary<string, WorkloadRole>(StringComparer.Ordinal)
        {
            ["InferenceService"] = WorkloadRole.Inference,
            ["LLMInferenceService"] = WorkloadRole.Inference,
            ["RayService"] = WorkloadRole.Inference,
            ["PyTorchJob"] = WorkloadRole.Training,
            ["TFJob"] = WorkloadRole.Training,
            ["MPIJob"] = WorkloadRole.Training,
            ["XGBoostJob"] = WorkloadRole.Training,
            ["PaddleJob"] = WorkloadRole.Training,
            ["JAXJob"] = WorkloadRole.Training,
            ["TrainJob"] = WorkloadRole.Training,
            ["TrainingRuntime"] = WorkloadRole.Training,
            ["ClusterTrainingRuntime"] = WorkloadRole.Training,
            ["Experiment"] = WorkloadRole.Training, // Katib hyperparameter tuning runs training trials
        };

        private static readonly string[] PodSpecHosts = { "spec", "template", "predictor", "transformer", "explainer" };

        private readonly YamlFacts _y;

        public KubernetesReader(SourceText source) => _y = new YamlFacts(source);

        public static bool IsKubernetes(YamlMappingNode root) =>
            root.Str("apiVersion") is not null && root.Str("kind") is string kind && kind.Length > 0;

        public IEnumerable<object> Read(YamlMappingNode root)
        {
            string kind = root.Str("kind")!;
            if (kind == "List" || kind.EndsWith("List", StringComparison.Ordinal) && root.Seq("items") is not null)
            {
                foreach (var item in root.Seq("items")?.Children.OfType<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>())
                    if (IsKubernetes(item))
                        foreach (var fact in Read(item)) yield return fact;
                yield break;
            }

            switch (kind)
            {
                case "HorizontalPodAutoscaler":
                    yield return ReadHpa(root);
                    yield break;
                case "ScaledObject":
                    yield return ReadScaledObject(root);
                    yield break;
                case "Role":
                case "ClusterRole":
                    yield return ReadRole(root, kind);
                    yield break;
                case "NetworkPolicy":
                    yield return ReadNetworkPolicy(root);
                    yield break;
                case "Service" when !IsKnative(root):
                    yield return ReadService(root);
                    yield break;
                case "Ingress":
                    yield return ReadIngress(root);
                    yield break;
                case "ServiceMonitor":
                case "PodMonitor":
                    yield return ReadMonitor(root, kind);
                    yield break;
            }

            var workload = ReadWorkload(root, kind);
            if (workload is null) yield break;
            yield return workload;
            foreach (var fact in WorkloadSpec.WorkloadSpecReader.FromAnnotations(workload, root.Map("metadata").Map("annotations"), _y.Source))
                yield return fact;
        }

        private static bool IsKnative(YamlMappingNode root) =>
            root.Str("apiVersion")?.StartsWith("serving.knative.dev/", StringComparison.Ordinal) == true;

        // ---- identity -------------------------------------------------------------------------

        private (string Name, string Namespace, SourceSpan Span, YamlMappingNode? Metadata) Identity(YamlMappingNode root, string kind)
        {
            var metadata = root.Map("metadata");
            var nameNode = metadata.ScalarNode("name") ?? metadata.ScalarNode("generateName");
            string name = YamlNodes.Text(nameNode) ?? "(unnamed)";
            string ns = ClusterScoped.Contains(kind) ? string.Empty : metadata.Str("namespace") ?? DefaultNamespace;
            var span = nameNode is not null ? _y.Span(nameNode) : _y.Head(root.ScalarNode("kind") ?? (YamlNode)root);
            return (name, ns, span, metadata);
        }

        private Dictionary<string, Located<string>> Labels(YamlMappingNode? metadata) => _y.Map(metadata.Map("labels"), "metadata.labels");

        private Dictionary<string, Located<string>> Annotations(YamlMappingNode? metadata) => _y.Map(metadata.Map("annotations"), "metadata.annotations");

        private Func<string, Core.Fixes.EditTarget>? LabelEdit(YamlMappingNode root) =>
            key => new YamlEditTarget(_y.Source, root, "metadata", "labels", key);

        // ---- workloads ------------------------------------------------------------------------

        private ComputeWorkload? ReadWorkload(YamlMappingNode root, string kind)
        {
            var spec = root.Map("spec");
            if (spec is null) return null;
            var pods = new List<(YamlMappingNode PodSpec, string Path, YamlMappingNode? Template, YamlMappingNode? Owner, string Role)>();
            FindPodSpecs(spec, "spec", null, null, pods, 0);
            var trainer = kind == "TrainJob" ? spec.Map("trainer") : null;
            bool isModelOnlyIsvc = kind == "InferenceService" && spec.Map("predictor") is not null;
            if (pods.Count == 0 && trainer is null && !isModelOnlyIsvc) return null;

            var (name, ns, span, metadata) = Identity(root, kind);
            string fullKind = kind == "Service" ? "Service.serving.knative.dev" : kind;
            var workload = new ComputeWorkload(SourceFormat.Kubernetes, fullKind, name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                LabelEdit = LabelEdit(root),
            };
            workload.IsLongRunning = LongRunning.Contains(fullKind);

            var templates = new List<PodTemplate>();
            foreach (var (podSpec, path, template, owner, role) in pods)
                templates.Add(ReadPod(workload, podSpec, path, template, role));
            if (trainer is not null)
                templates.Add(ReadTrainer(workload, trainer));
            workload.Pods = templates;

            workload.Replicas = ReadReplicas(root, spec, kind, span);
            workload.InlineAutoscaling = InlineAutoscaling(kind, spec, metadata);
            if (kind == "CronJob")
            {
                workload.Schedule = _y.String(spec, "spec", span, "schedule");
                workload.ScheduleTimeZone = _y.String(spec, "spec", span, "timeZone");
            }
            AssignRole(workload, kind, metadata);
            return workload;
        }

        /// <summary>
        /// Pod specs can sit at any depth in a CRD (PyTorchJob replica specs, Ray worker groups, KServe
        /// predictors), so find every mapping that holds a <c>containers</c> list.
        /// </summary>
        private static void FindPodSpecs(
            YamlNode node,
            string path,
            YamlMappingNode? parent,
            YamlMappingNode? grandParent,
            List<(YamlMappingNode, string, YamlMappingNode?, YamlMappingNode?, string)> found,
            int depth)
        {
            if (depth > 12) return;
            if (node is YamlMappingNode mapping)
            {
                if (mapping.Get("containers") is YamlSequenceNode)
                {
                    found.Add((mapping, path, parent, grandParent, PodRole(path, grandParent)));
                    return;
                }
                foreach (var (key, _, value) in mapping.Entries())
                {
                    if (key == "metadata" || key == "status" || key == "selector") continue;
                    FindPodSpecs(value, $"{path}.{key}", mapping, parent, found, depth + 1);
                }
            }
            else if (node is YamlSequenceNode sequence)
            {
                int i = 0;
                foreach (var item in sequence.Children)
                    FindPodSpecs(item, $"{path}[{i++}]", parent, grandParent, found, depth + 1);
            }
        }

        /// <summary>Names a pod template after where it sits: <c>pod</c>, <c>Master</c>, <c>head</c>, <c>worker:gpu-group</c>, <c>predictor</c>.</summary>
        private static string PodRole(string path, YamlMappingNode? owner)
        {
            var segments = path.Split('.');
            int last = segments.Length - 1;
            if (last >= 2 && segments[last] == "spec" && segments[last - 1] == "template")
            {
                string host = segments[last - 2];
                if (host == "spec" || host == "jobTemplate") return "pod";
                if (host.EndsWith("]", StringComparison.Ordinal))
                {
                    string group = owner.Str("groupName") ?? host;
                    return host.StartsWith("workerGroupSpecs", StringComparison.Ordinal) ? "worker:" + group : group;
                }
                return host.Replace("GroupSpec", string.Empty);
            }
            return segments[last] == "spec" ? "pod" : segments[last];
        }

        private PodTemplate ReadPod(ComputeWorkload workload, YamlMappingNode podSpec, string path, YamlMappingNode? template, string role)
        {
            var anchor = _y.Head(podSpec);
            var pod = new PodTemplate(workload, role, anchor, path)
            {
                HostNetwork = _y.Bool(podSpec, path, anchor, "hostNetwork"),
                HostPid = _y.Bool(podSpec, path, anchor, "hostPID"),
                HostIpc = _y.Bool(podSpec, path, anchor, "hostIPC"),
                SecurityContext = ReadSecurityContext(podSpec, path, anchor),
                NodeSelector = podSpec.Map("nodeSelector").StringMap(),
                RequiredNodeLabels = NodeLabels(podSpec, required: true),
                PreferredNodeLabels = NodeLabels(podSpec, required: false),
                Tolerations = podSpec.Seq("tolerations")?.Children.OfType<YamlMappingNode>()
                    .Select(t => t.Str("key") is string key ? (t.Str("value") is string value ? key + "=" + value : key) : null)
                    .Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>(),
                PlacementSpan = podSpec.KeyNode("nodeSelector") is { } ns ? _y.Span(ns) : podSpec.KeyNode("affinity") is { } af ? _y.Span(af) : null,
                Labels = template?.Map("metadata").Map("labels").StringMap() ?? new Dictionary<string, string>(StringComparer.Ordinal),
            };
            var containers = new List<Container>();
            ReadContainers(pod, podSpec.Seq("containers"), $"{path}.containers", isInit: false, containers);
            ReadContainers(pod, podSpec.Seq("initContainers"), $"{path}.initContainers", isInit: true, containers);
            pod.Containers = containers;
            return pod;
        }

        /// <summary>nodeSelector plus node-affinity <c>In</c> expressions (required, or preferred), label → values.</summary>
        private static Dictionary<string, IReadOnlyList<string>> NodeLabels(YamlMappingNode podSpec, bool required)
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (required)
                foreach (var pair in podSpec.Map("nodeSelector").StringMap())
                    result[pair.Key] = new[] { pair.Value };
            var nodeAffinity = podSpec.Map("affinity").Map("nodeAffinity");
            IEnumerable<YamlMappingNode> terms = required
                ? nodeAffinity.Map("requiredDuringSchedulingIgnoredDuringExecution").Seq("nodeSelectorTerms")?.Children.OfType<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>()
                : nodeAffinity.Seq("preferredDuringSchedulingIgnoredDuringExecution")?.Children.OfType<YamlMappingNode>().Select(p => p.Map("preference")).Where(p => p is not null).Select(p => p!) ?? Enumerable.Empty<YamlMappingNode>();
            foreach (var term in terms)
                foreach (var expression in term.Seq("matchExpressions")?.Children.OfType<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>())
                {
                    if (expression.Str("key") is not string key || expression.Str("operator") != "In") continue;
                    var values = expression.Seq("values")?.Children.OfType<YamlScalarNode>().Select(YamlNodes.Text).Where(v => v is not null).Select(v => v!).ToList() ?? new List<string>();
                    result[key] = result.TryGetValue(key, out var existing) ? existing.Concat(values).Distinct().ToArray() : values.ToArray();
                }
            return result;
        }

        private void ReadContainers(PodTemplate pod, YamlSequenceNode? sequence, string path, bool isInit, List<Container> into)
        {
            if (sequence is null) return;
            int i = 0;
            foreach (var item in sequence.Children)
            {
                if (item is YamlMappingNode container) into.Add(ReadContainer(pod, container, $"{path}[{i}]", isInit));
                i++;
            }
        }

        private Container ReadContainer(PodTemplate pod, YamlMappingNode c, string path, bool isInit)
        {
            var head = _y.Head(c);
            var nameNode = c.ScalarNode("name");
            var name = nameNode is not null && YamlNodes.Text(nameNode) is string n
                ? Located<string>.Present(n, _y.Span(nameNode), path + ".name")
                : Located<string>.Missing(head, path + ".name");
            var container = new Container(pod, name, head, path, isInit)
            {
                Image = _y.String(c, path, name.Span, "image"),
                Command = c.Seq("command")?.Children.OfType<YamlScalarNode>().Select(YamlNodes.Text).Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>(),
                Args = _y.Strings(c.Seq("args"), path + ".args"),
                Env = ReadEnv(c.Seq("env"), path + ".env"),
                Ports = c.Seq("ports")?.Children.OfType<YamlMappingNode>()
                    .Select(p => YamlNodes.Long(p.ScalarNode("containerPort")))
                    .Where(p => p is > 0 and < 65536).Select(p => (int)p!.Value).ToArray() ?? Array.Empty<int>(),
                Resources = ReadResources(c, path, name.Span),
                SecurityContext = ReadSecurityContext(c, path, name.Span),
                ReadinessProbe = c.KeyNode("readinessProbe") is { } r ? _y.Span(r) : null,
                LivenessProbe = c.KeyNode("livenessProbe") is { } l ? _y.Span(l) : null,
                StartupProbe = c.KeyNode("startupProbe") is { } s ? _y.Span(s) : null,
                EditAt = keys => new YamlEditTarget(_y.Source, c, keys),
            };
            return container;
        }

        private SecurityContext ReadSecurityContext(YamlMappingNode owner, string path, SourceSpan anchor) => new SecurityContext
        {
            Privileged = _y.Bool(owner, path, anchor, "securityContext", "privileged"),
            AllowPrivilegeEscalation = _y.Bool(owner, path, anchor, "securityContext", "allowPrivilegeEscalation"),
            RunAsNonRoot = _y.Bool(owner, path, anchor, "securityContext", "runAsNonRoot"),
            RunAsUser = _y.Long(owner, path, anchor, "securityContext", "runAsUser"),
        };

        private ResourceRequirements ReadResources(YamlMappingNode owner, string path, SourceSpan fallback, string key = "resources")
        {
            var resources = owner.Map(key);
            var anchor = owner.KeyNode(key) is { } k ? _y.Span(k) : fallback;
            return new ResourceRequirements(
                _y.Map(resources.Map("requests"), $"{path}.{key}.requests"),
                _y.Map(resources.Map("limits"), $"{path}.{key}.limits"),
                anchor,
                name => new YamlEditTarget(_y.Source, owner, key, "limits", name));
        }

        private List<EnvVar> ReadEnv(YamlSequenceNode? env, string path)
        {
            var result = new List<EnvVar>();
            if (env is null) return result;
            int i = 0;
            foreach (var item in env.Children)
            {
                string itemPath = $"{path}[{i++}]";
                if (item is not YamlMappingNode e || e.ScalarNode("name") is not { } nameNode || YamlNodes.Text(nameNode) is not string name) continue;
                var located = Located<string>.Present(name, _y.Span(nameNode), itemPath + ".name");
                var value = _y.String(e, itemPath, located.Span, "value");
                string? valueFrom = e.Map("valueFrom")?.Entries().Select(x => x.Key).FirstOrDefault();
                result.Add(new EnvVar(located, value, valueFrom));
            }
            return result;
        }

        /// <summary>
        /// Kubeflow TrainJob has no pod spec: the trainer block names the image, command, env and
        /// per-node resources, and the pod security comes from the referenced training runtime.
        /// </summary>
        private PodTemplate ReadTrainer(ComputeWorkload workload, YamlMappingNode trainer)
        {
            const string path = "spec.trainer";
            var anchor = _y.Head(trainer);
            var pod = new PodTemplate(workload, "trainer", anchor, path)
            {
                HostNetwork = Located<bool?>.Missing(anchor, path + ".hostNetwork"),
                HostPid = Located<bool?>.Missing(anchor, path + ".hostPID"),
                HostIpc = Located<bool?>.Missing(anchor, path + ".hostIPC"),
                SecurityContext = Unknowable(anchor, path),
            };
            var name = Located<string>.Present("trainer", anchor, path);
            pod.Containers = new[]
            {
                new Container(pod, name, anchor, path, isInit: false)
                {
                    Image = _y.String(trainer, path, anchor, "image"),
                    Command = trainer.Seq("command")?.Children.OfType<YamlScalarNode>().Select(YamlNodes.Text).Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>(),
                    Args = _y.Strings(trainer.Seq("args"), path + ".args"),
                    Env = ReadEnv(trainer.Seq("env"), path + ".env"),
                    Resources = ReadResources(trainer, path, anchor, "resourcesPerNode"),
                    SecurityContext = Unknowable(anchor, path),
                    SecurityContextManagedElsewhere = true,
                },
            };
            return pod;
        }

        private static SecurityContext Unknowable(SourceSpan anchor, string path) => new SecurityContext
        {
            Privileged = Located<bool?>.Missing(anchor, path + ".securityContext.privileged"),
            AllowPrivilegeEscalation = Located<bool?>.Missing(anchor, path + ".securityContext.allowPrivilegeEscalation"),
            RunAsNonRoot = Located<bool?>.Missing(anchor, path + ".securityContext.runAsNonRoot"),
            RunAsUser = Located<long?>.Missing(anchor, path + ".securityContext.runAsUser"),
        };

        private Located<int?> ReadReplicas(YamlMappingNode root, YamlMappingNode spec, string kind, SourceSpan identity)
        {
            switch (kind)
            {
                case "InferenceService":
                {
                    var predictor = spec.Map("predictor") ?? spec;
                    return _y.Int(predictor, "spec.predictor", identity, "minReplicas");
                }
                case "DaemonSet":
                case "Pod":
                case "Job":
                case "CronJob":
                    return Located<int?>.Missing(identity, "spec.replicas");
                default:
                    return _y.Int(spec, "spec", identity, "replicas");
            }
        }

        /// <summary>How the workload scales itself, or null when it needs an external autoscaler.</summary>
        private static string? InlineAutoscaling(string kind, YamlMappingNode spec, YamlMappingNode? metadata)
        {
            switch (kind)
            {
                case "InferenceService":
                {
                    // KServe autoscales predictors by default (Knative KPA, or an HPA in RawDeployment mode)
                    // unless the autoscaler class is none or min and max pin the replica count.
                    var annotations = metadata.Map("annotations");
                    if (annotations.Str("serving.kserve.io/autoscalerClass") == "none") return null;
                    var predictor = spec.Map("predictor");
                    long? min = YamlNodes.Long(predictor.ScalarNode("minReplicas"));
                    long? max = YamlNodes.Long(predictor.ScalarNode("maxReplicas"));
                    if (min is not null && max is not null && min == max) return null;
                    return $"KServe autoscaling (minReplicas {min?.ToString() ?? "default"}, maxReplicas {max?.ToString() ?? "default"})";
                }
                case "RayService":
                    return YamlNodes.Bool(spec.Map("rayClusterConfig").ScalarNode("enableInTreeAutoscaling")) == true
                        ? "Ray in-tree autoscaler"
                        : null;
                default:
                    return null;
            }
        }

        private static void AssignRole(ComputeWorkload workload, string kind, YamlMappingNode? metadata)
        {
            if (InferenceServers.ParseRole(metadata.Map("annotations").Str("infralint.dev/role")) is WorkloadRole annotated)
            {
                workload.Role = annotated;
                workload.RoleReason = "annotation infralint.dev/role";
                return;
            }
            if (RoleByKind.TryGetValue(kind, out var byKind))
            {
                workload.Role = byKind;
                workload.RoleReason = "kind " + kind;
                return;
            }
            foreach (var container in workload.Containers.Where(c => !c.IsInit))
            {
                string? server = InferenceServers.ServerForImage(container.Image.Value)
                    ?? InferenceServers.ServerForCommand(container.Command.Concat(container.Args.Select(a => a.Value)));
                if (server is null) continue;
                bool batch = kind == "Job" || kind == "CronJob";
                workload.Role = batch ? WorkloadRole.BatchInference : WorkloadRole.Inference;
                workload.RoleReason = container.Image.Value is string image && InferenceServers.ServerForImage(image) is not null
                    ? $"{server} image {image}"
                    : $"{server} command";
                return;
            }
        }

        // ---- the objects around workloads ------------------------------------------------------

        private Autoscaler ReadHpa(YamlMappingNode root)
        {
            var (name, ns, span, metadata) = Identity(root, "HorizontalPodAutoscaler");
            var spec = root.Map("spec");
            var target = spec.Map("scaleTargetRef");
            var targetName = target.ScalarNode("name") is { } t && YamlNodes.Text(t) is string tn
                ? Located<string>.Present(tn, _y.Span(t), "spec.scaleTargetRef.name")
                : Located<string>.Missing(span, "spec.scaleTargetRef.name");
            return new Autoscaler(SourceFormat.Kubernetes, "HorizontalPodAutoscaler", name, ns, span, target.Str("kind") ?? string.Empty, targetName)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                MinReplicas = spec is null ? Located<int?>.Missing(span, "spec.minReplicas") : _y.Int(spec, "spec", span, "minReplicas"),
                MaxReplicas = spec is null ? Located<int?>.Missing(span, "spec.maxReplicas") : _y.Int(spec, "spec", span, "maxReplicas"),
            };
        }

        private Autoscaler ReadScaledObject(YamlMappingNode root)
        {
            var (name, ns, span, metadata) = Identity(root, "ScaledObject");
            var spec = root.Map("spec");
            var target = spec.Map("scaleTargetRef");
            var targetName = target.ScalarNode("name") is { } t && YamlNodes.Text(t) is string tn
                ? Located<string>.Present(tn, _y.Span(t), "spec.scaleTargetRef.name")
                : Located<string>.Missing(span, "spec.scaleTargetRef.name");
            // KEDA's scaleTargetRef.kind defaults to Deployment.
            return new Autoscaler(SourceFormat.Kubernetes, "ScaledObject", name, ns, span, target.Str("kind") ?? "Deployment", targetName)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                MinReplicas = spec is null ? Located<int?>.Missing(span, "spec.minReplicaCount") : _y.Int(spec, "spec", span, "minReplicaCount"),
                MaxReplicas = spec is null ? Located<int?>.Missing(span, "spec.maxReplicaCount") : _y.Int(spec, "spec", span, "maxReplicaCount"),
            };
        }

        private AccessPolicy ReadRole(YamlMappingNode root, string kind)
        {
            var (name, ns, span, metadata) = Identity(root, kind);
            var policy = new AccessPolicy(SourceFormat.Kubernetes, kind, name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
            };
            var statements = new List<AccessStatement>();
            int i = 0;
            foreach (var item in root.Seq("rules")?.Children ?? Enumerable.Empty<YamlNode>())
            {
                string path = $"rules[{i++}]";
                if (item is not YamlMappingNode rule) continue;
                statements.Add(new AccessStatement(policy, _y.Head(rule), path)
                {
                    Actions = _y.Strings(rule.Seq("verbs"), path + ".verbs"),
                    Resources = _y.Strings(rule.Seq("resources"), path + ".resources")
                        .Concat(_y.Strings(rule.Seq("nonResourceURLs"), path + ".nonResourceURLs")).ToArray(),
                    Scopes = _y.Strings(rule.Seq("apiGroups"), path + ".apiGroups"),
                });
            }
            policy.Statements = statements;
            return policy;
        }

        private NetworkPolicy ReadNetworkPolicy(YamlMappingNode root)
        {
            var (name, ns, span, metadata) = Identity(root, "NetworkPolicy");
            var spec = root.Map("spec");
            return new NetworkPolicy(SourceFormat.Kubernetes, "NetworkPolicy", name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                PodSelector = spec.Map("podSelector").Map("matchLabels").StringMap(),
                PolicyTypes = spec.Seq("policyTypes")?.Children.OfType<YamlScalarNode>().Select(YamlNodes.Text).Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>(),
            };
        }

        private Endpoint ReadService(YamlMappingNode root)
        {
            var (name, ns, span, metadata) = Identity(root, "Service");
            var spec = root.Map("spec");
            return new Endpoint(SourceFormat.Kubernetes, "Service", name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                Exposure = spec.Str("type") switch
                {
                    "LoadBalancer" => Exposure.Public,
                    "NodePort" => Exposure.NodePort,
                    _ => Exposure.Internal,
                },
                Selector = spec.Map("selector").StringMap(),
                Ports = spec.Seq("ports")?.Children.OfType<YamlMappingNode>()
                    .Select(p => YamlNodes.Long(p.ScalarNode("port"))).Where(p => p is > 0 and < 65536).Select(p => (int)p!.Value).ToArray() ?? Array.Empty<int>(),
            };
        }

        private Endpoint ReadIngress(YamlMappingNode root)
        {
            var (name, ns, span, metadata) = Identity(root, "Ingress");
            var spec = root.Map("spec");
            var backends = new List<string>();
            if (spec.Map("defaultBackend").Map("service").Str("name") is string d) backends.Add(d);
            foreach (var rule in spec.Seq("rules")?.Children.OfType<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>())
                foreach (var p in rule.Map("http").Seq("paths")?.Children.OfType<YamlMappingNode>() ?? Enumerable.Empty<YamlMappingNode>())
                    if ((p.Map("backend").Map("service").Str("name") ?? p.Map("backend").Str("serviceName")) is string s) backends.Add(s);
            var tlsKey = spec.KeyNode("tls");
            bool hasTls = spec.Seq("tls") is { Children.Count: > 0 };
            return new Endpoint(SourceFormat.Kubernetes, "Ingress", name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                Exposure = Exposure.Public,
                BackendServices = backends.Distinct(StringComparer.Ordinal).ToArray(),
                Tls = tlsKey is not null
                    ? Located<bool?>.Present(hasTls, _y.Span(tlsKey), "spec.tls")
                    : Located<bool?>.Missing(span, "spec.tls"),
            };
        }

        private MetricsCollector ReadMonitor(YamlMappingNode root, string kind)
        {
            var (name, ns, span, metadata) = Identity(root, kind);
            var spec = root.Map("spec");
            var nsSelector = spec.Map("namespaceSelector");
            var namespaces = YamlNodes.Bool(nsSelector.ScalarNode("any")) == true
                ? new[] { "*" }
                : nsSelector.Seq("matchNames")?.Children.OfType<YamlScalarNode>().Select(YamlNodes.Text).Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>();
            return new MetricsCollector(SourceFormat.Kubernetes, kind, name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                Selector = spec.Map("selector").Map("matchLabels").StringMap(),
                Namespaces = namespaces,
            };
        }
    }
}

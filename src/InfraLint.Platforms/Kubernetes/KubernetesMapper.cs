using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.Platforms.Kubernetes
{
    /// <summary>
    /// Turns Kubernetes objects (core workloads, the AI CRDs teams run, and the objects that route,
    /// scale, authorise and observe them) into normalized facts. A document without
    /// <c>apiVersion</c> and <c>kind</c> is not Kubernetes and yields nothing.
    /// </summary>
    public sealed class KubernetesMapper
    {
        public const string DefaultNamespace = "default";

        private static readonly HashSet<string> ClusterScoped = new HashSet<string>(StringComparer.Ordinal)
        {
            "ClusterRole", "ClusterRoleBinding", "Namespace", "Node", "PersistentVolume", "StorageClass",
            "CustomResourceDefinition", "PriorityClass", "ClusterServingRuntime", "ClusterTrainingRuntime",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "IngressClass", "RuntimeClass", "ClusterPodMonitoring",
        };

        /// <summary>Kinds that are templates other resources instantiate, not workloads that run by themselves.</summary>
        private static readonly HashSet<string> Templates = new HashSet<string>(StringComparer.Ordinal)
        {
            "TrainingRuntime", "ClusterTrainingRuntime", "ServingRuntime", "ClusterServingRuntime", "PodTemplate",
        };

        /// <summary>
        /// Serving platforms whose controller wires metrics itself: KServe's and Knative's queue-proxy export
        /// request metrics and the platform's configuration decides how they are scraped.
        /// </summary>
        private static readonly HashSet<string> PlatformMetrics = new HashSet<string>(StringComparer.Ordinal)
        {
            "InferenceService", "LLMInferenceService", "Service.serving.knative.dev",
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

        /// <summary>
        /// AI kinds whose names are too common to trust alone (<c>Model</c>, <c>Task</c>): the role holds only in the
        /// API group that defines the kind.
        /// </summary>
        private static readonly Dictionary<(string Group, string Kind), WorkloadRole> RoleByGroupKind = new Dictionary<(string, string), WorkloadRole>
        {
            [("apps.nvidia.com", "NIMService")] = WorkloadRole.Inference,
            [("inference.sagemaker.aws.amazon.com", "InferenceEndpointConfig")] = WorkloadRole.Inference,
            [("kubeai.org", "Model")] = WorkloadRole.Inference,
        };

        /// <summary>Tekton kinds whose <c>steps</c> and <c>sidecars</c> are the pod's containers.</summary>
        private static readonly HashSet<string> TektonKinds = new HashSet<string>(StringComparer.Ordinal) { "Task", "ClusterTask", "Pipeline", "TaskRun", "PipelineRun" };

        private static readonly (string Key, bool IsInit)[] PodContainerKeys = { ("containers", false), ("initContainers", true) };
        private static readonly (string Key, bool IsInit)[] TektonContainerKeys = { ("steps", false), ("sidecars", false) };
        private static readonly (string Key, bool IsInit)[] NoContainerKeys = Array.Empty<(string, bool)>();

        private static readonly HashSet<string> RayKinds = new HashSet<string>(StringComparer.Ordinal) { "RayCluster", "RayService", "RayJob", "RayClusterFleet" };


        /// <summary>Node labels that pin a pod to a cloud region (the well-known label and its deprecated beta spelling).</summary>
        private static readonly string[] RegionLabels = { "topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region" };

        private readonly TreeFacts _y;
        private readonly List<RegionPlacement> _placements = new List<RegionPlacement>();

        /// <param name="source">The file the tree was built from.</param>
        public KubernetesMapper(SourceText source)
        {
            _y = new TreeFacts(source);
        }

        public static bool IsKubernetes(TreeMapping root) =>
            root.Str("apiVersion") is not null && root.Str("kind") is string kind && kind.Length > 0;

        public IEnumerable<object> Read(TreeMapping root)
        {
            if (Vocabulary(root) is VocabularyUse use) yield return use;
            foreach (var fact in ReadObject(root)) yield return fact;
        }

        /// <summary>The first <c>infralint.dev/*</c> label or annotation of an object, whatever its kind.</summary>
        private static VocabularyUse? Vocabulary(TreeMapping root)
        {
            var metadata = root.Map("metadata");
            foreach (var key in new[] { "annotations", "labels" })
                foreach (var (name, keyNode, _) in metadata.Map(key).Entries())
                    if (name.StartsWith(Adoption.VocabularyPrefix, StringComparison.Ordinal)) return new VocabularyUse(name, keyNode.Span);
            return null;
        }

        private IEnumerable<object> ReadObject(TreeMapping root)
        {
            string kind = root.Str("kind")!;
            if (kind == "List" || kind.EndsWith("List", StringComparison.Ordinal) && root.Seq("items") is not null)
            {
                foreach (var item in root.Seq("items")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                    if (IsKubernetes(item))
                        foreach (var fact in Read(item)) yield return fact;
                yield break;
            }

            switch (kind)
            {
                case "Kustomization" when InGroup(root, "kustomize.config.k8s.io"):
                    foreach (var image in root.Seq("images")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                        if (image.Str("name") is string imageName)
                            yield return new ImageOverride(imageName, image.Str("newTag"), image.Str("digest"), image.Span);
                    yield break;
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
                case "PodMonitoring" when IsGoogleManagedPrometheus(root):
                case "ClusterPodMonitoring" when IsGoogleManagedPrometheus(root):
                    yield return ReadMonitor(root, kind);
                    yield break;
                case "PrometheusRule":
                    foreach (var alert in ReadAlerts(root)) yield return alert;
                    yield break;
            }

            _placements.Clear();
            var workload = ReadWorkload(root, kind);
            if (workload is null) yield break;
            yield return workload;
            foreach (var placement in _placements.ToArray()) yield return placement;
            if (ReadModelMonitor(workload, root) is { } monitor) yield return monitor;
            foreach (var fact in WorkloadSpec.WorkloadSpecMapper.FromAnnotations(workload, root.Map("metadata")?.Get("annotations")))
                yield return fact;
        }

        private static bool IsGoogleManagedPrometheus(TreeMapping root) =>
            root.Str("apiVersion")?.StartsWith("monitoring.googleapis.com/", StringComparison.Ordinal) == true;

        private static bool IsKnative(TreeMapping root) =>
            root.Str("apiVersion")?.StartsWith("serving.knative.dev/", StringComparison.Ordinal) == true;

        // ---- identity -------------------------------------------------------------------------

        private (string Name, string Namespace, SourceSpan Span, TreeMapping? Metadata) Identity(TreeMapping root, string kind)
        {
            var metadata = root.Map("metadata");
            var nameNode = metadata.Scalar("name") ?? metadata.Scalar("generateName");
            string name = TreeValues.Text(nameNode) ?? "(unnamed)";
            string ns = ClusterScoped.Contains(kind) ? string.Empty : metadata.Str("namespace") ?? DefaultNamespace;
            var span = nameNode is not null ? nameNode.Span : (root.Scalar("kind") ?? (TreeNode)root).HeadSpan;
            return (name, ns, span, metadata);
        }

        private Dictionary<string, Located<string>> Labels(TreeMapping? metadata) => _y.Map(metadata.Map("labels"), "metadata.labels");

        private Dictionary<string, Located<string>> Annotations(TreeMapping? metadata) => _y.Map(metadata.Map("annotations"), "metadata.annotations");

        /// <summary>Sets a label; the setter the fact keeps holds <c>metadata.labels</c> (or as much of it as exists), not the document.</summary>
        private static Func<string, Core.Fixes.EditTarget>? LabelEdit(TreeMapping root) =>
            root.Setter("metadata", "labels") is { } set ? key => set(key)! : null;

        // ---- workloads ------------------------------------------------------------------------

        private ComputeWorkload? ReadWorkload(TreeMapping root, string kind)
        {
            var spec = root.Map("spec");
            if (spec is null) return null;
            var pods = new List<(TreeMapping PodSpec, string Path, TreeMapping? Template, TreeMapping? Owner, string Role)>();
            bool tekton = TektonKinds.Contains(kind) && InGroup(root, "tekton.dev");
            if (tekton) FindTektonSteps(spec, "spec", null, pods, 0);
            else FindPodSpecs(spec, "spec", null, null, pods, 0);
            var trainer = kind == "TrainJob" ? spec.Map("trainer") : null;
            bool isModelOnlyIsvc = kind == "InferenceService" && spec.Map("predictor") is not null;
            var operatorPods = OperatorPodKind(root, kind);
            if (pods.Count == 0 && trainer is null && !isModelOnlyIsvc && operatorPods is null) return null;

            var (name, ns, span, metadata) = Identity(root, kind);
            string fullKind = kind == "Service" ? "Service.serving.knative.dev" : kind;
            var workload = new ComputeWorkload(SourceFormat.Kubernetes, fullKind, name, ns, span)
            {
                NamePath = "metadata.name",
                Labels = Labels(metadata),
                LabelsUnknown = _y.MapUnknown(metadata?.Get("labels")),
                Annotations = Annotations(metadata),
                LabelEdit = LabelEdit(root),
            };
            workload.IsLongRunning = LongRunning.Contains(fullKind);
            workload.IsTemplate = Templates.Contains(fullKind);
            if (PlatformMetrics.Contains(fullKind))
                workload.MetricsCollectedElsewhere = fullKind == "Service.serving.knative.dev" ? "Knative queue-proxy metrics" : "KServe queue-proxy and model-server metrics";
            // OpenShift's DeploymentConfig runs replicas until stopped, as a Deployment does; "DeploymentConfig" alone is not proof of OpenShift.
            if (kind == "DeploymentConfig" && InGroup(root, "apps.openshift.io")) workload.IsLongRunning = true;
            if (kind == "Deployment") ReadRollout(workload, spec, span);
            if (kind == "Experiment") workload.BuiltInExperimentTracking = "Katib records every trial's parameters and metrics";

            var templates = new List<PodTemplate>();
            foreach (var (podSpec, path, template, owner, role) in pods)
                templates.Add(ReadPod(workload, podSpec, path, template, role, tekton ? TektonContainerKeys : PodContainerKeys));
            if (tekton)
            {
                for (int i = 0; i < pods.Count; i++) MarkTektonSteps(templates[i], pods[i].PodSpec);
            }
            if (operatorPods is not null)
            {
                workload.IsLongRunning = operatorPods != "SparkApplication";
                // spec.metrics.enabled makes the NIM operator create a ServiceMonitor for the service (IsServiceMonitorEnabled).
                if (operatorPods == "NIMService" && TreeValues.Bool(spec.Map("metrics").Scalar("enabled")) == true)
                    workload.MetricsCollectedElsewhere = "the NIM operator's ServiceMonitor (spec.metrics)";
                templates.AddRange(operatorPods switch
                {
                    "NIMService" => new[] { ReadNimService(workload, spec, name) },
                    "InferenceEndpointConfig" => ReadHyperPodWorker(workload, spec),
                    "KubeAIModel" => new[] { ReadKubeAiModel(workload, spec) },
                    _ => ReadSparkPods(workload, spec),
                });
            }
            if (fullKind == "Service.serving.knative.dev" || kind == "InferenceService" && !RawDeployment(metadata))
            {
                // Knative gives the primary container a TCP readiness probe on its traffic port when it has none and routes
                // through its queue-proxy, which aggregates readiness (knative/docs serving/services/configure-probing.md,
                // checked 2026-11-30); a KServe InferenceService runs on Knative unless it asks for a raw deployment.
                foreach (var container in templates.SelectMany(t => t.Containers).Where(c => !c.IsInit && c.ReadinessProbe is null))
                    container.ProbesManagedElsewhere = true;
            }
            if (RayKinds.Contains(kind))
            {
                // KubeRay gives Ray head and worker containers readiness and liveness probes of its own.
                foreach (var container in templates.SelectMany(t => t.Containers).Where(c => !c.IsInit))
                    container.ProbesManagedElsewhere = true;
            }
            if (kind == "Server" && InGroup(root, "mlops.seldon.io"))
            {
                // A Seldon Server's podSpec is merged over its ServerConfig's pod: what it leaves out comes from there.
                foreach (var pod in templates) MarkOverlay(pod, resourcesToo: true);
            }
            if ((kind == "TrainingRuntime" || kind == "ClusterTrainingRuntime") && InGroup(root, "trainer.kubeflow.org"))
            {
                // Kubeflow Trainer sizes the trainer's "node" container from each TrainJob's trainer.resourcesPerNode, so a
                // runtime shared by every job does not own its limits.
                foreach (var container in templates.SelectMany(t => t.Containers).Where(c => c.Name.Value == "node"))
                    container.ResourcesManagedElsewhere = true;
            }
            if (kind == "LLMInferenceService" && InGroup(root, "serving.kserve.io"))
            {
                // KServe merges an LLMInferenceService over its LLMInferenceServiceConfig presets (the well-known defaults
                // and spec.baseRefs), which set the main container's security context and probes; its resources are the
                // template's own.
                foreach (var pod in templates) MarkOverlay(pod, resourcesToo: false);
            }
            if (trainer is not null)
                templates.Add(ReadTrainer(workload, trainer));
            workload.Pods = templates;
            if (kind is "RayService" or "RayCluster" or "RayJob") AddKubeRayLabels(templates);

            workload.Replicas = ReadReplicas(root, spec, kind, span);
            workload.InlineAutoscaling = InlineAutoscaling(operatorPods ?? kind, spec, metadata);
            if (kind == "CronJob")
            {
                workload.Schedule = _y.String(spec, "spec", span, "schedule");
                workload.ScheduleTimeZone = _y.String(spec, "spec", span, "timeZone");
            }
            AssignRole(workload, kind, root);
            return workload;
        }

        /// <summary>
        /// Pod specs can sit at any depth in a CRD (PyTorchJob replica specs, Ray worker groups, KServe
        /// predictors), so find every mapping that holds a <c>containers</c> list.
        /// </summary>
        /// <summary>Keys only a pod spec has, so a mapping that sets one is a pod spec even with no containers list.</summary>
        private static readonly string[] HostNamespaceKeys = { "hostNetwork", "hostPID", "hostIPC" };

        private static void FindPodSpecs(
            TreeNode node,
            string path,
            TreeMapping? parent,
            TreeMapping? grandParent,
            List<(TreeMapping, string, TreeMapping?, TreeMapping?, string)> found,
            int depth)
        {
            if (depth > 12) return;
            if (node is TreeMapping mapping)
            {
                // A pod spec whose containers come from elsewhere (a patch, an overlay merged into a template) still sets its
                // host namespaces here: those flags are the pod's whatever containers join it.
                if (mapping.Get("containers") is TreeSequence || HostNamespaceKeys.Any(k => mapping.Get(k) is TreeScalar))
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
            else if (node is TreeSequence sequence)
            {
                int i = 0;
                foreach (var item in sequence.Items)
                    FindPodSpecs(item, $"{path}[{i++}]", parent, grandParent, found, depth + 1);
            }
        }

        /// <summary>
        /// Tekton runs each task as one pod whose containers are the task's <c>steps</c> and <c>sidecars</c>; a Task or TaskRun
        /// holds them directly, a Pipeline or PipelineRun in each <c>tasks[].taskSpec</c> (and <c>finally</c>), named by the task.
        /// </summary>
        private static void FindTektonSteps(
            TreeNode node,
            string path,
            TreeMapping? parent,
            List<(TreeMapping, string, TreeMapping?, TreeMapping?, string)> found,
            int depth)
        {
            if (depth > 12) return;
            if (node is TreeMapping mapping)
            {
                if (mapping.Get("steps") is TreeSequence || mapping.Get("sidecars") is TreeSequence)
                {
                    string role = path.EndsWith(".taskSpec", StringComparison.Ordinal) ? parent.Str("name") ?? "task" : "task";
                    found.Add((mapping, path, null, parent, role));
                    return;
                }
                foreach (var (key, _, value) in mapping.Entries())
                {
                    if (key is "metadata" or "status" or "params" or "workspaces" or "results") continue;
                    FindTektonSteps(value, $"{path}.{key}", mapping, found, depth + 1);
                }
            }
            else if (node is TreeSequence sequence)
            {
                int i = 0;
                foreach (var item in sequence.Items)
                    FindTektonSteps(item, $"{path}[{i++}]", parent, found, depth + 1);
            }
        }

        /// <summary>
        /// A Tekton step is not a server and has no probes. Its pod's security context comes from the run's podTemplate or
        /// the cluster's default-pod-template, and a <c>stepTemplate</c> is merged into every step, so what the step leaves
        /// out is unknown here, not missing.
        /// </summary>
        private static void MarkTektonSteps(PodTemplate pod, TreeMapping taskSpec)
        {
            pod.SecurityContext = UnknownWhereMissing(pod.SecurityContext);
            var stepTemplate = taskSpec.Map("stepTemplate");
            foreach (var container in pod.Containers)
            {
                container.ProbesManagedElsewhere = true;
                if (stepTemplate is null) continue;
                container.SecurityContext = UnknownWhereMissing(container.SecurityContext);
                if (stepTemplate.Get("computeResources") is not null || stepTemplate.Get("resources") is not null)
                    container.ResourcesManagedElsewhere = true;
            }
        }

        /// <summary>
        /// Kinds whose operator builds the pod from fields of its own, with no pod spec in the object, each recognised only
        /// in its API group: the NIM operator's NIMService, SageMaker HyperPod's InferenceEndpointConfig, and the Spark
        /// operator's SparkApplication.
        /// </summary>
        private static string? OperatorPodKind(TreeMapping root, string kind) => (Group(root), kind) switch
        {
            ("apps.nvidia.com", "NIMService") => kind,
            ("inference.sagemaker.aws.amazon.com", "InferenceEndpointConfig") => kind,
            ("sparkoperator.k8s.io", "SparkApplication") => kind,
            ("kubeai.org", "Model") => "KubeAIModel",
            _ => null,
        };

        /// <summary>
        /// NIMService: one container from <c>spec.image</c> (repository and tag), command, args, env and resources; the
        /// operator sets its security context (spec.userID/groupID) and, unless disabled, liveness, readiness and startup
        /// probes on the served port (k8s-nim-operator api/apps/v1alpha1/nimservice_types.go GetDeploymentParams and
        /// GetDefault*Probe; checked 2026-11-30).
        /// </summary>
        private PodTemplate ReadNimService(ComputeWorkload workload, TreeMapping spec, string name)
        {
            var pod = OperatorPod(workload, spec, "spec", "pod");
            var image = spec.Map("image");
            var repository = image.Scalar("repository");
            var anchor = spec.KeyNode("image")?.Span ?? spec.HeadSpan;
            Located<string?> imageRef = repository is null
                ? Located<string?>.Missing(anchor, "spec.image.repository")
                : repository.IsUnknown || image.Scalar("tag") is { IsUnknown: true }
                    ? Located<string?>.Unknown(repository.Span, "spec.image.repository")
                    : TreeValues.Text(repository) is string repo
                        ? Located<string?>.Present(image.Str("tag") is string tag && tag.Length > 0 ? repo + ":" + tag : repo, repository.Span, "spec.image.repository")
                        : Located<string?>.Missing(anchor, "spec.image.repository");
            var container = OperatorContainer(pod, spec, "spec", name + "-ctr", anchor, imageRef, "resources");
            container.SecurityContext = UnknownWhereMissing(Unknowable(anchor, "spec"));
            container.SecurityContextManagedElsewhere = true;
            container.ProbesManagedElsewhere = true;
            pod.Containers = new[] { container };
            return pod;
        }

        /// <summary>
        /// KubeAI Model: the operator runs the engine (vLLM, Ollama, Infinity, FasterWhisper) for <c>spec.url</c> with
        /// <c>spec.args</c>, sized by <c>spec.resourceProfile</c> (<c>PROFILE:COUNT</c>, e.g. <c>nvidia-gpu-l4:1</c>) from the
        /// cluster's profile table, which also sets the image, probes and security context (kubeai.org/v1 Model fields
        /// url, engine, resourceProfile, minReplicas, maxReplicas, autoscalingDisabled, args; checked 2026-11-30). The
        /// accelerators a GPU or TPU profile asks for are read; everything else the profile sets is not in the file.
        /// </summary>
        private PodTemplate ReadKubeAiModel(ComputeWorkload workload, TreeMapping spec)
        {
            var pod = OperatorPod(workload, spec, "spec", "model");
            var anchor = spec.KeyNode("resourceProfile")?.Span ?? spec.HeadSpan;
            var container = OperatorContainer(pod, spec, "spec", "server", anchor, Located<string?>.Unknown(anchor, "spec.engine"), resourcesKey: null);
            var limits = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
            if (spec.Scalar("resourceProfile") is { IsUnknown: false } profile && TreeValues.Text(profile) is string text
                && text.Split(':') is { Length: 2 } parts && int.TryParse(parts[1], out int count) && count > 0)
            {
                string? resource = parts[0].StartsWith("nvidia-", StringComparison.Ordinal) ? "nvidia.com/gpu"
                    : parts[0].StartsWith("amd-", StringComparison.Ordinal) ? "amd.com/gpu"
                    : parts[0].StartsWith("google-tpu", StringComparison.Ordinal) ? "google.com/tpu"
                    : null;
                if (resource is not null)
                    limits[resource] = Located<string>.Present(count.ToString(System.Globalization.CultureInfo.InvariantCulture), profile.Span, "spec.resourceProfile");
            }
            container.Resources = new ResourceRequirements(new Dictionary<string, Located<string>>(limits, StringComparer.Ordinal), limits, anchor, null);
            container.SecurityContextManagedElsewhere = true;
            container.ProbesManagedElsewhere = true;
            container.ResourcesManagedElsewhere = true;
            pod.Containers = new[] { container };
            return pod;
        }

        /// <summary>
        /// HyperPod InferenceEndpointConfig: the model server container is <c>spec.worker</c> (image, resources); the
        /// operator writes the rest of the deployment, probes and security context included.
        /// </summary>
        private IEnumerable<PodTemplate> ReadHyperPodWorker(ComputeWorkload workload, TreeMapping spec)
        {
            if (spec.Map("worker") is not { } worker) yield break;
            const string path = "spec.worker";
            var pod = OperatorPod(workload, worker, path, "worker");
            var anchor = spec.KeyNode("worker")!.Span;
            var container = OperatorContainer(pod, worker, path, "worker", anchor, _y.String(worker, path, anchor, "image"), "resources");
            container.SecurityContext = UnknownWhereMissing(ReadSecurityContext(worker, path, anchor));
            container.SecurityContextManagedElsewhere = worker.Get("securityContext") is null;
            container.ProbesManagedElsewhere = true;
            pod.Containers = new[] { container };
            yield return pod;
        }

        /// <summary>
        /// SparkApplication: a driver pod and executor pods, each from <c>spec.driver</c> / <c>spec.executor</c> (cores,
        /// coreLimit, memory, gpu {name, quantity}, image overriding <c>spec.image</c>, env, securityContext), as in the Spark
        /// operator's v1beta2 SparkPodSpec. Spark sizes the pod itself (memory plus overhead, limits from the same
        /// figures), so the requirements are read for what they ask for, not judged for what they leave out.
        /// </summary>
        private IEnumerable<PodTemplate> ReadSparkPods(ComputeWorkload workload, TreeMapping spec)
        {
            foreach (var role in new[] { "driver", "executor" })
            {
                if (spec.Map(role) is not { } part) continue;
                string path = "spec." + role;
                var pod = OperatorPod(workload, part, path, role);
                var anchor = spec.KeyNode(role)!.Span;
                var image = part.Get("image") is not null ? _y.String(part, path, anchor, "image") : _y.String(spec, "spec", anchor, "image");
                var container = OperatorContainer(pod, part, path, "spark-kubernetes-" + role, anchor, image, resourcesKey: null);
                var requests = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
                var limits = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
                void Put(Dictionary<string, Located<string>> into, string resource, TreeScalar? node, string at)
                {
                    if (node is not null && TreeValues.Text(node) is string value) into[resource] = Located<string>.Present(value, node.Span, at);
                }
                Put(requests, "cpu", part.Scalar("cores"), path + ".cores");
                Put(limits, "cpu", part.Scalar("coreLimit"), path + ".coreLimit");
                Put(requests, "memory", part.Scalar("memory"), path + ".memory");
                Put(limits, "memory", part.Scalar("memory"), path + ".memory");
                if (part.Map("gpu") is { } gpu && gpu.Str("name") is string gpuName && gpuName.Length > 0)
                    Put(limits, gpuName, gpu.Scalar("quantity"), path + ".gpu.quantity");
                container.Resources = new ResourceRequirements(requests, limits, anchor, limitEdit: null);
                container.ResourcesManagedElsewhere = true;
                container.SecurityContext = ReadSecurityContext(part, path, anchor);
                // The driver and executors run Spark's JVM, not a server; Spark's pods have no probes.
                container.ProbesManagedElsewhere = true;
                pod.Containers = new[] { container };
                yield return pod;
            }
        }

        /// <summary>The pod around an operator-built container: placement from the owner's nodeSelector/affinity/tolerations; its own security context unknown.</summary>
        private PodTemplate OperatorPod(ComputeWorkload workload, TreeMapping owner, string path, string role)
        {
            var pod = ReadPod(workload, owner, path, template: null, role, NoContainerKeys);
            pod.SecurityContext = UnknownWhereMissing(Unknowable(owner.HeadSpan, path));
            return pod;
        }

        private Container OperatorContainer(PodTemplate pod, TreeMapping owner, string path, string name, SourceSpan anchor, Located<string?> image, string? resourcesKey) =>
            new Container(pod, Located<string>.Present(name, anchor, path), anchor, path, isInit: false)
            {
                Image = image,
                Command = owner.Seq("command")?.Items.OfType<TreeScalar>().Select(TreeValues.Text).Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>(),
                Args = _y.Strings(owner.Seq("args"), path + ".args"),
                LocatedCommand = _y.Strings(owner.Seq("command"), path + ".command"),
                Env = ReadEnv(owner.Seq("env"), path + ".env"),
                Resources = resourcesKey is null
                    ? new ResourceRequirements(new Dictionary<string, Located<string>>(), new Dictionary<string, Located<string>>(), anchor, null)
                    : ReadResources(owner, path, anchor, resourcesKey),
                SecurityContext = Unknowable(anchor, path),
            };

        /// <summary>Names a pod template after where it sits: <c>pod</c>, <c>Master</c>, <c>head</c>, <c>worker:gpu-group</c>, <c>predictor</c>.</summary>
        private static string PodRole(string path, TreeMapping? owner)
        {
            var segments = path.Split('.');
            int last = segments.Length - 1;
            if (last >= 2 && segments[last] == "spec" && segments[last - 1] == "template")
            {
                string host = segments[last - 2];
                if (host == "spec" || host == "jobTemplate") return "pod";
                if (host.EndsWith("]", StringComparison.Ordinal))
                {
                    // Ray worker groups are named by groupName, Volcano tasks by name.
                    string group = owner.Str("groupName") ?? owner.Str("name") ?? host;
                    return host.StartsWith("workerGroupSpecs", StringComparison.Ordinal) ? "worker:" + group : group;
                }
                return host.Replace("GroupSpec", string.Empty);
            }
            // LeaderWorkerSet's leaderTemplate and workerTemplate name their pods.
            if (last >= 1 && segments[last] == "spec" && segments[last - 1].EndsWith("Template", StringComparison.Ordinal)) return segments[last - 1];
            return segments[last] == "spec" ? "pod" : segments[last];
        }

        private PodTemplate ReadPod(ComputeWorkload workload, TreeMapping podSpec, string path, TreeMapping? template, string role, (string Key, bool IsInit)[] containerKeys)
        {
            var anchor = podSpec.HeadSpan;
            var pod = new PodTemplate(workload, role, anchor, path)
            {
                HostNetwork = _y.Bool(podSpec, path, anchor, "hostNetwork"),
                HostPid = _y.Bool(podSpec, path, anchor, "hostPID"),
                HostIpc = _y.Bool(podSpec, path, anchor, "hostIPC"),
                SecurityContext = ReadSecurityContext(podSpec, path, anchor),
                NodeSelector = podSpec.Map("nodeSelector").StringMap(),
                RequiredNodeLabels = NodeLabels(podSpec, required: true),
                PreferredNodeLabels = NodeLabels(podSpec, required: false),
                Tolerations = podSpec.Seq("tolerations")?.Items.OfType<TreeMapping>()
                    .Select(t => t.Str("key") is string key ? (t.Str("value") is string value ? key + "=" + value : key) : null)
                    .Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>(),
                // Named nodeSelector even when only an affinity chooses the nodes: the key a fix would add.
                Placement = (podSpec.KeyNode("nodeSelector") ?? podSpec.KeyNode("affinity")) is { } placement
                    ? Located<string>.Present(string.Empty, placement.Span, path + ".nodeSelector")
                    : null,
                Labels = template?.Map("metadata").Map("labels").StringMap() ?? new Dictionary<string, string>(StringComparer.Ordinal),
                LabelsUnknown = _y.MapUnknown(template?.Map("metadata")?.Get("labels")),
                Annotations = template?.Map("metadata").Map("annotations").StringMap() ?? new Dictionary<string, string>(StringComparer.Ordinal),
                PersistentVolumeClaims = podSpec.Seq("volumes")?.Items.OfType<TreeMapping>()
                    .Select(v => v.Map("persistentVolumeClaim").Str("claimName")).Where(c => c is not null).Select(c => c!).ToArray() ?? Array.Empty<string>(),
            };
            ReadRegionPlacements(workload, podSpec, path);
            var containers = new List<Container>();
            foreach (var (key, isInit) in containerKeys)
                ReadContainers(pod, podSpec.Seq(key), $"{path}.{key}", isInit, containers);
            pod.Containers = containers;
            return pod;
        }

        /// <summary>
        /// KubeRay labels every Ray pod it creates (<c>ray.io/is-ray-node: yes</c>, <c>ray.io/node-type: head|worker</c>);
        /// KubeRay's documented PodMonitors select on them, so the pod templates carry them too.
        /// </summary>
        private static void AddKubeRayLabels(IEnumerable<PodTemplate> templates)
        {
            foreach (var pod in templates)
            {
                string? nodeType = pod.Role == "head" ? "head" : pod.Role.StartsWith("worker:", StringComparison.Ordinal) ? "worker" : null;
                if (nodeType is null) continue;
                var labels = pod.Labels.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
                labels["ray.io/is-ray-node"] = "yes";
                labels["ray.io/node-type"] = nodeType;
                pod.Labels = labels;
            }
        }

        /// <summary>nodeSelector plus node-affinity <c>In</c> expressions (required, or preferred), label → values.</summary>
        private static Dictionary<string, IReadOnlyList<string>> NodeLabels(TreeMapping podSpec, bool required)
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (required)
                foreach (var pair in podSpec.Map("nodeSelector").StringMap())
                    result[pair.Key] = new[] { pair.Value };
            var nodeAffinity = podSpec.Map("affinity").Map("nodeAffinity");
            IEnumerable<TreeMapping> terms = required
                ? nodeAffinity.Map("requiredDuringSchedulingIgnoredDuringExecution").Seq("nodeSelectorTerms")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>()
                : nodeAffinity.Seq("preferredDuringSchedulingIgnoredDuringExecution")?.Items.OfType<TreeMapping>().Select(p => p.Map("preference")).Where(p => p is not null).Select(p => p!) ?? Enumerable.Empty<TreeMapping>();
            foreach (var term in terms)
                foreach (var expression in term.Seq("matchExpressions")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                {
                    if (expression.Str("key") is not string key || expression.Str("operator") != "In") continue;
                    var values = expression.Seq("values")?.Items.OfType<TreeScalar>().Select(TreeValues.Text).Where(v => v is not null).Select(v => v!).ToList() ?? new List<string>();
                    result[key] = result.TryGetValue(key, out var existing) ? existing.Concat(values).Distinct().ToArray() : values.ToArray();
                }
            return result;
        }

        /// <summary>
        /// Region labels the pod requires, each value located: <c>nodeSelector</c> entries and required
        /// node-affinity <c>In</c> expressions. Preferred affinity and <c>NotIn</c> do not pin the pod anywhere.
        /// </summary>
        private void ReadRegionPlacements(ComputeWorkload workload, TreeMapping podSpec, string path)
        {
            foreach (var label in RegionLabels)
            {
                if (podSpec.Map("nodeSelector").Scalar(label) is { } selected && TreeValues.Text(selected) is string region)
                    _placements.Add(new RegionPlacement(workload, Located<string>.Present(region, selected.Span, $"{path}.nodeSelector.{label}"), "node label " + label));
            }
            var terms = podSpec.Map("affinity").Map("nodeAffinity").Map("requiredDuringSchedulingIgnoredDuringExecution").Seq("nodeSelectorTerms");
            int t = 0;
            foreach (var term in terms?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
            {
                int e = 0;
                foreach (var expression in term.Seq("matchExpressions")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                {
                    string at = $"{path}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[{t}].matchExpressions[{e++}].values";
                    if (expression.Str("key") is not string key || !RegionLabels.Contains(key) || expression.Str("operator") != "In") continue;
                    int v = 0;
                    foreach (var value in expression.Seq("values")?.Items.OfType<TreeScalar>() ?? Enumerable.Empty<TreeScalar>())
                    {
                        if (TreeValues.Text(value) is string region)
                            _placements.Add(new RegionPlacement(workload, Located<string>.Present(region, value.Span, $"{at}[{v}]"), "node label " + key));
                        v++;
                    }
                }
                t++;
            }
        }

        private void ReadContainers(PodTemplate pod, TreeSequence? sequence, string path, bool isInit, List<Container> into)
        {
            if (sequence is null) return;
            int i = 0;
            foreach (var item in sequence.Items)
            {
                if (item is TreeMapping container) into.Add(ReadContainer(pod, container, $"{path}[{i}]", isInit));
                i++;
            }
        }

        private Container ReadContainer(PodTemplate pod, TreeMapping c, string path, bool isInit)
        {
            var head = c.HeadSpan;
            var nameNode = c.Scalar("name");
            var name = nameNode is not null && TreeValues.Text(nameNode) is string n
                ? Located<string>.Present(n, nameNode.Span, path + ".name")
                : Located<string>.Missing(head, path + ".name");
            var container = new Container(pod, name, head, path, isInit)
            {
                Image = _y.String(c, path, name.Span, "image"),
                Command = c.Seq("command")?.Items.OfType<TreeScalar>().Select(TreeValues.Text).Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>(),
                Args = _y.Strings(c.Seq("args"), path + ".args"),
                LocatedCommand = _y.Strings(c.Seq("command"), path + ".command"),
                Env = ReadEnv(c.Seq("env"), path + ".env"),
                EnvFrom = EnvFromNames(c.Seq("envFrom")),
                Ports = c.Seq("ports")?.Items.OfType<TreeMapping>()
                    .Select(p => TreeValues.Long(p.Scalar("containerPort")))
                    .Where(p => p is > 0 and < 65536).Select(p => (int)p!.Value).ToArray() ?? Array.Empty<int>(),
                // Tekton v1 steps and sidecars call the block computeResources; a core container has no such key.
                Resources = ReadResources(c, path, name.Span, c.Get("computeResources") is not null ? "computeResources" : "resources"),
                SecurityContext = ReadSecurityContext(c, path, name.Span),
                ReadinessProbe = c.KeyNode("readinessProbe") is { } r ? r.Span : null,
                LivenessProbe = c.KeyNode("livenessProbe") is { } l ? l.Span : null,
                StartupProbe = c.KeyNode("startupProbe") is { } s ? s.Span : null,
            };
            return container;
        }

        private SecurityContext ReadSecurityContext(TreeMapping owner, string path, SourceSpan anchor) => new SecurityContext
        {
            Privileged = _y.Bool(owner, path, anchor, "securityContext", "privileged"),
            AllowPrivilegeEscalation = _y.Bool(owner, path, anchor, "securityContext", "allowPrivilegeEscalation"),
            RunAsNonRoot = _y.Bool(owner, path, anchor, "securityContext", "runAsNonRoot"),
            RunAsUser = _y.Long(owner, path, anchor, "securityContext", "runAsUser"),
            RunAsGroup = _y.Long(owner, path, anchor, "securityContext", "runAsGroup"),
        };

        private ResourceRequirements ReadResources(TreeMapping owner, string path, SourceSpan fallback, string key = "resources")
        {
            var resources = owner.Map(key);
            var anchor = owner.KeyNode(key) is { } k ? k.Span : fallback;
            return new ResourceRequirements(
                _y.Map(resources.Map("requests"), $"{path}.{key}.requests"),
                _y.Map(resources.Map("limits"), $"{path}.{key}.limits"),
                anchor,
                LimitEdit(owner, key));
        }

        /// <summary>Sets <c>resources.limits.NAME</c>; the setter the container keeps holds its limits, not the whole container.</summary>
        private static Func<string, Core.Fixes.EditTarget?> LimitEdit(TreeMapping container, string key) =>
            container.Setter(key, "limits") ?? (_ => null);

        private static string[] EnvFromNames(TreeSequence? envFrom) =>
            envFrom?.Items.OfType<TreeMapping>()
                .Select(e => e.Map("secretRef").Str("name") ?? e.Map("configMapRef").Str("name"))
                .Where(n => n is not null).Select(n => n!).ToArray() ?? Array.Empty<string>();

        /// <summary>
        /// Deployment <c>spec.strategy</c>: the type (RollingUpdate when unset) and maxUnavailable, each with
        /// where a fix writes it.
        /// </summary>
        private void ReadRollout(ComputeWorkload workload, TreeMapping spec, SourceSpan identity)
        {
            workload.RolloutStrategy = _y.String(spec, "spec", identity, "strategy", "type");
            workload.RolloutMaxUnavailable = _y.String(spec, "spec", identity, "strategy", "rollingUpdate", "maxUnavailable");
        }

        /// <summary>
        /// A drift or data-quality monitor that the workload is or reports to: a monitoring service's image
        /// (it may watch any namespace), a model server configured to send its data to a monitoring SaaS, or a
        /// KServe predictor that logs its requests and responses for a detector.
        /// </summary>
        private ModelMonitor? ReadModelMonitor(ComputeWorkload workload, TreeMapping root)
        {
            var containers = workload.Containers.Where(c => !c.IsInit).ToArray();
            if (containers.Select(c => DriftMonitors.ToolForImage(c.Image.Value)).FirstOrDefault(t => t is not null) is string service)
                return new ModelMonitor(SourceFormat.Kubernetes, workload.Kind, workload.Name, workload.Namespace, workload.Span, monitoredName: null) { ClusterWide = true, Tool = service };
            if (workload.Role != WorkloadRole.Inference) return null;
            string? tool = DriftMonitors.ToolForEnvironment(containers.SelectMany(c => c.Env.Select(e => e.Name.Value)));
            if (tool is null && workload.Kind == "InferenceService" && root.Map("spec").Map("predictor").Map("logger") is not null)
                tool = "KServe inference logger";
            return tool is null
                ? null
                : new ModelMonitor(SourceFormat.Kubernetes, workload.Kind, workload.Name, workload.Namespace, workload.Span, workload.Name) { Tool = tool };
        }

        private List<EnvVar> ReadEnv(TreeSequence? env, string path)
        {
            var result = new List<EnvVar>();
            if (env is null) return result;
            int i = 0;
            foreach (var item in env.Items)
            {
                string itemPath = $"{path}[{i++}]";
                if (item is not TreeMapping e || e.Scalar("name") is not { } nameNode || TreeValues.Text(nameNode) is not string name) continue;
                var located = Located<string>.Present(name, nameNode.Span, itemPath + ".name");
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
        private PodTemplate ReadTrainer(ComputeWorkload workload, TreeMapping trainer)
        {
            const string path = "spec.trainer";
            var anchor = trainer.HeadSpan;
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
                    Command = trainer.Seq("command")?.Items.OfType<TreeScalar>().Select(TreeValues.Text).Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>(),
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

        private Located<int?> ReadReplicas(TreeMapping root, TreeMapping spec, string kind, SourceSpan identity)
        {
            switch (kind)
            {
                case "InferenceService":
                {
                    var predictor = spec.Map("predictor") ?? spec;
                    return _y.Int(predictor, "spec.predictor", identity, "minReplicas");
                }
                case "RayService":
                {
                    // Serving capacity is the worker groups' replicas; the first group stands for the service.
                    var group = spec.Map("rayClusterConfig").Seq("workerGroupSpecs")?.Items.OfType<TreeMapping>().FirstOrDefault();
                    return group is null ? Located<int?>.Missing(identity, "spec.rayClusterConfig.workerGroupSpecs[0].replicas")
                        : _y.Int(group, "spec.rayClusterConfig.workerGroupSpecs[0]", identity, "replicas");
                }
                case "Model" when InGroup(root, "kubeai.org"):
                    return _y.Int(spec, "spec", identity, "minReplicas");
                case "SparkApplication":
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
        private static string? InlineAutoscaling(string kind, TreeMapping spec, TreeMapping? metadata)
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
                    long? min = TreeValues.Long(predictor.Scalar("minReplicas"));
                    long? max = TreeValues.Long(predictor.Scalar("maxReplicas"));
                    if (min is not null && max is not null && min == max) return null;
                    return $"KServe autoscaling (minReplicas {min?.ToString() ?? "default"}, maxReplicas {max?.ToString() ?? "default"})";
                }
                case "NIMService":
                {
                    // The NIM operator creates an HPA from spec.scale.hpa when spec.scale.enabled is true
                    // (k8s-nim-operator api/apps/v1alpha1 nimservice_types.go, IsAutoScalingEnabled; checked 2026-11-30).
                    var scale = spec.Map("scale");
                    if (TreeValues.Bool(scale.Scalar("enabled")) != true) return null;
                    long? min = TreeValues.Long(scale.Map("hpa").Scalar("minReplicas"));
                    long? max = TreeValues.Long(scale.Map("hpa").Scalar("maxReplicas"));
                    return min is not null && max is not null && min == max ? null : "NIM operator HPA (spec.scale)";
                }
                case "KubeAIModel":
                {
                    // KubeAI scales a model between minReplicas and maxReplicas on its own unless autoscalingDisabled is set.
                    if (TreeValues.Bool(spec.Scalar("autoscalingDisabled")) == true) return null;
                    long? min = TreeValues.Long(spec.Scalar("minReplicas"));
                    long? max = TreeValues.Long(spec.Scalar("maxReplicas"));
                    return max is not null && (min ?? 0) < max ? $"KubeAI autoscaling (minReplicas {min ?? 0}, maxReplicas {max})" : null;
                }
                case "RayService":
                    // Ray Serve scales replicas from serveConfigV2's autoscaling_config; the in-tree autoscaler scales nodes.
                    if (TreeValues.Bool(spec.Map("rayClusterConfig").Scalar("enableInTreeAutoscaling")) == true) return "Ray in-tree autoscaler";
                    return spec.Str("serveConfigV2")?.Contains("autoscaling_config") == true ? "Ray Serve autoscaling_config" : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The role from, in order: the <c>infralint.dev/role</c> annotation, an AI kind (a trainer or serving CRD),
        /// and what the containers run (<see cref="WorkloadActivity"/>). A trainer kind whose containers only
        /// profile, compile, benchmark or run a one-shot task does not train.
        /// </summary>
        private static void AssignRole(ComputeWorkload workload, string kind, TreeMapping root)
        {
            var metadata = root.Map("metadata");
            if (InferenceServers.ParseRole(metadata.Map("annotations").Str("infralint.dev/role")) is WorkloadRole annotated)
            {
                workload.Role = annotated;
                workload.RoleReason = "annotation infralint.dev/role";
                return;
            }
            var containers = workload.Containers.Where(c => !c.IsInit)
                .Select(c => (Judgement: WorkloadActivity.Judge(c.Image.Value, c.Command, c.Args.Select(a => a.Value).ToArray()), HasPorts: c.Ports.Count > 0))
                .ToList();
            // A RayJob's entrypoint is the program it submits; it decides only training (the cluster's own pods run ray start).
            if (kind == "RayJob" && root.Map("spec").Str("entrypoint") is string entrypoint && WorkloadActivity.JudgeScript(entrypoint) is { Activity: Activity.Training } submitted)
                containers.Insert(0, (submitted, false));
            if (RoleByKind.TryGetValue(kind, out var byKind) || Group(root) is string group && RoleByGroupKind.TryGetValue((group, kind), out byKind))
            {
                if (byKind == WorkloadRole.Training && WorkloadActivity.NotTraining(containers.Select(c => c.Judgement)) is string instead)
                {
                    workload.RoleReason = $"kind {kind}, but it runs {instead}";
                    return;
                }
                workload.Role = byKind;
                workload.RoleReason = "kind " + kind;
                return;
            }
            bool batch = kind is "Job" or "CronJob" or "JobSet" or "RayJob" or "SparkApplication" || TektonKinds.Contains(kind) && InGroup(root, "tekton.dev");
            if (WorkloadActivity.Role(containers, workload.IsLongRunning, batch) is var (role, reason))
            {
                workload.Role = role;
                workload.RoleReason = reason;
            }
            else if (containers.Select(c => c.Judgement).FirstOrDefault(j => j.IsNotServing) is { } judged)
            {
                // Kept so explain can say why a model-server image is not judged a server.
                workload.RoleReason = "no role: it runs " + judged.Reason;
            }
        }

        /// <summary>KServe's raw (Standard) deployment mode runs plain Deployments, without Knative's probes.</summary>
        private static bool RawDeployment(TreeMapping? metadata) =>
            metadata.Map("annotations").Str("serving.kserve.io/deploymentMode") is "RawDeployment" or "Standard";

        private static string? Group(TreeMapping root) =>
            root.Str("apiVersion") is string apiVersion && apiVersion.IndexOf('/') is int slash and > 0 ? apiVersion.Substring(0, slash) : null;

        private static bool InGroup(TreeMapping root, string group) =>
            root.Str("apiVersion")?.StartsWith(group + "/", StringComparison.Ordinal) == true;

        /// <summary>
        /// A partial pod spec merged over a complete one elsewhere: a security setting it leaves out is unknown
        /// here (not missing), and probes and limits come from the other pod. What it does set still counts.
        /// </summary>
        private static void MarkOverlay(PodTemplate pod, bool resourcesToo)
        {
            pod.SecurityContext = UnknownWhereMissing(pod.SecurityContext);
            foreach (var container in pod.Containers)
            {
                container.SecurityContext = UnknownWhereMissing(container.SecurityContext);
                container.ProbesManagedElsewhere = true;
                container.ResourcesManagedElsewhere = resourcesToo;
            }
        }

        private static SecurityContext UnknownWhereMissing(SecurityContext context) => new SecurityContext
        {
            Privileged = UnknownWhereMissing(context.Privileged),
            AllowPrivilegeEscalation = UnknownWhereMissing(context.AllowPrivilegeEscalation),
            RunAsNonRoot = UnknownWhereMissing(context.RunAsNonRoot),
            RunAsUser = UnknownWhereMissing(context.RunAsUser),
        };

        private static Located<T> UnknownWhereMissing<T>(Located<T> value) =>
            value.IsMissing ? Located<T>.Unknown(value.Span, value.Path) : value;

        // ---- the objects around workloads ------------------------------------------------------

        private Autoscaler ReadHpa(TreeMapping root)
        {
            var (name, ns, span, metadata) = Identity(root, "HorizontalPodAutoscaler");
            var spec = root.Map("spec");
            var target = spec.Map("scaleTargetRef");
            var targetName = target.Scalar("name") is { } t && TreeValues.Text(t) is string tn
                ? Located<string>.Present(tn, t.Span, "spec.scaleTargetRef.name")
                : target.Scalar("name") is { IsUnknown: true } unknown
                    // Named through something we cannot evaluate (a Pulumi Output): it may target any resource of its kind.
                    ? Located<string>.Present(Autoscaler.AnyTarget, unknown.Span, "spec.scaleTargetRef.name")
                    : Located<string>.Missing(span, "spec.scaleTargetRef.name");
            return new Autoscaler(SourceFormat.Kubernetes, "HorizontalPodAutoscaler", name, ns, span, target.Str("kind") ?? string.Empty, targetName)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                MinReplicas = spec is null ? Located<int?>.Missing(span, "spec.minReplicas") : _y.Int(spec, "spec", span, "minReplicas"),
                MaxReplicas = spec is null ? Located<int?>.Missing(span, "spec.maxReplicas") : _y.Int(spec, "spec", span, "maxReplicas"),
                PodMetric = spec.Seq("metrics")?.Items.OfType<TreeMapping>()
                    .Where(m => m.Str("type") == "Pods")
                    .Select(m => m.Map("pods").Map("metric").Str("name"))
                    .FirstOrDefault(n => n is not null),
            };
        }

        private Autoscaler ReadScaledObject(TreeMapping root)
        {
            var (name, ns, span, metadata) = Identity(root, "ScaledObject");
            var spec = root.Map("spec");
            var target = spec.Map("scaleTargetRef");
            var targetName = target.Scalar("name") is { } t && TreeValues.Text(t) is string tn
                ? Located<string>.Present(tn, t.Span, "spec.scaleTargetRef.name")
                : target.Scalar("name") is { IsUnknown: true } unknown
                    // Named through something we cannot evaluate (a Pulumi Output): it may target any resource of its kind.
                    ? Located<string>.Present(Autoscaler.AnyTarget, unknown.Span, "spec.scaleTargetRef.name")
                    : Located<string>.Missing(span, "spec.scaleTargetRef.name");
            // KEDA's scaleTargetRef.kind defaults to Deployment.
            return new Autoscaler(SourceFormat.Kubernetes, "ScaledObject", name, ns, span, target.Str("kind") ?? "Deployment", targetName)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                MinReplicas = spec is null ? Located<int?>.Missing(span, "spec.minReplicaCount") : _y.Int(spec, "spec", span, "minReplicaCount"),
                MaxReplicas = spec is null ? Located<int?>.Missing(span, "spec.maxReplicaCount") : _y.Int(spec, "spec", span, "maxReplicaCount"),
                PodMetric = spec.Seq("triggers")?.Items.OfType<TreeMapping>()
                    .Where(t => t.Str("type") == "prometheus")
                    .Select(t => t.Map("metadata").Str("query") ?? t.Map("metadata").Str("metricName") ?? "prometheus")
                    .FirstOrDefault(),
            };
        }

        private AccessPolicy ReadRole(TreeMapping root, string kind)
        {
            var (name, ns, span, metadata) = Identity(root, kind);
            var policy = new AccessPolicy(SourceFormat.Kubernetes, kind, name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
            };
            var statements = new List<AccessStatement>();
            int i = 0;
            foreach (var item in root.Seq("rules")?.Items ?? Enumerable.Empty<TreeNode>())
            {
                string path = $"rules[{i++}]";
                if (item is not TreeMapping rule) continue;
                statements.Add(new AccessStatement(policy, rule.HeadSpan, path)
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

        private NetworkPolicy ReadNetworkPolicy(TreeMapping root)
        {
            var (name, ns, span, metadata) = Identity(root, "NetworkPolicy");
            var spec = root.Map("spec");
            return new NetworkPolicy(SourceFormat.Kubernetes, "NetworkPolicy", name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                PodSelector = spec.Map("podSelector").Map("matchLabels").StringMap(),
                PolicyTypes = spec.Seq("policyTypes")?.Items.OfType<TreeScalar>().Select(TreeValues.Text).Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>(),
            };
        }

        private Endpoint ReadService(TreeMapping root)
        {
            var (name, ns, span, metadata) = Identity(root, "Service");
            var spec = root.Map("spec");
            var exposure = spec.Str("type") switch
            {
                // Annotations computed elsewhere may make it internal: not judged public on what cannot be seen.
                "LoadBalancer" => IsInternalLoadBalancer(metadata.Map("annotations")) || TreeFacts.Opaque(metadata?.Get("annotations")) ? Exposure.Internal : Exposure.Public,
                "NodePort" => Exposure.NodePort,
                _ => Exposure.Internal,
            };
            var typeNode = spec.Scalar("type");
            return new Endpoint(SourceFormat.Kubernetes, "Service", name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                Exposure = exposure,
                // A cloud load balancer in front of a Service has no request rate limit of its own.
                RateLimited = exposure == Exposure.Public ? Located<bool?>.Missing(typeNode is not null ? typeNode.Span : span, "spec.type") : null,
                Selector = spec.Map("selector").StringMap(),
                Ports = spec.Seq("ports")?.Items.OfType<TreeMapping>()
                    .Select(p => TreeValues.Long(p.Scalar("port"))).Where(p => p is > 0 and < 65536).Select(p => (int)p!.Value).ToArray() ?? Array.Empty<int>(),
            };
        }

        private Endpoint ReadIngress(TreeMapping root)
        {
            var (name, ns, span, metadata) = Identity(root, "Ingress");
            var spec = root.Map("spec");
            var backends = new List<string>();
            if (spec.Map("defaultBackend").Map("service").Str("name") is string d) backends.Add(d);
            foreach (var rule in spec.Seq("rules")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                foreach (var p in rule.Map("http").Seq("paths")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                    if ((p.Map("backend").Map("service").Str("name") ?? p.Map("backend").Str("serviceName")) is string s) backends.Add(s);
            var tlsKey = spec?.KeyNode("tls");
            bool hasTls = spec.Seq("tls") is { Count: > 0 };
            var annotations = metadata.Map("annotations");
            string? className = spec.Str("ingressClassName") ?? annotations.Str("kubernetes.io/ingress.class");
            var certificate = CloudCertificateAnnotation(annotations);
            var limit = RateLimitAnnotation(annotations);
            return new Endpoint(SourceFormat.Kubernetes, "Ingress", name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                Exposure = IsInternalIngress(className, annotations) ? Exposure.Internal : Exposure.Public,
                BackendServices = backends.Distinct(StringComparer.Ordinal).ToArray(),
                Tls = hasTls && tlsKey is not null
                    ? Located<bool?>.Present(true, tlsKey.Span, "spec.tls")
                    : certificate is not null
                        ? Located<bool?>.Present(true, certificate.Span, "metadata.annotations")
                        : tlsKey is not null
                            ? Located<bool?>.Present(false, tlsKey.Span, "spec.tls")
                            : Located<bool?>.Missing(span, "spec.tls"),
                RateLimited = limit is not null
                    ? Located<bool?>.Present(true, limit.Span, "metadata.annotations")
                    : Located<bool?>.Missing(span, "metadata.annotations"),
            };
        }

        /// <summary>
        /// Cloud annotations that make a LoadBalancer Service private to the VPC/VNet (AWS, GKE, Azure, OCI);
        /// without one, a LoadBalancer Service gets an internet-facing address.
        /// </summary>
        private static bool IsInternalLoadBalancer(TreeMapping? annotations)
        {
            string? Value(string key) => annotations.Str(key)?.Trim();
            bool Truthy(string key) => Value(key) is string v && v.Length > 0 && !v.Equals("false", StringComparison.OrdinalIgnoreCase);
            return Truthy("service.beta.kubernetes.io/aws-load-balancer-internal")
                || string.Equals(Value("service.beta.kubernetes.io/aws-load-balancer-scheme"), "internal", StringComparison.OrdinalIgnoreCase)
                || string.Equals(Value("networking.gke.io/load-balancer-type"), "Internal", StringComparison.OrdinalIgnoreCase)
                || string.Equals(Value("cloud.google.com/load-balancer-type"), "Internal", StringComparison.OrdinalIgnoreCase)
                || Truthy("service.beta.kubernetes.io/azure-load-balancer-internal")
                || Truthy("service.beta.kubernetes.io/oci-load-balancer-internal");
        }

        /// <summary>
        /// An Ingress is internet-facing unless its controller is told otherwise: the AWS Load Balancer
        /// Controller defaults to an internal ALB unless <c>scheme: internet-facing</c>, GKE's
        /// <c>gce-internal</c> class and Azure's private-IP annotation are internal, and an ingress class
        /// named for it (<c>nginx-internal</c>, <c>private</c>) is taken at its word.
        /// </summary>
        private static bool IsInternalIngress(string? className, TreeMapping? annotations)
        {
            string cls = className?.ToLowerInvariant() ?? string.Empty;
            bool alb = cls == "alb" || annotations.Entries().Any(e => e.Key.StartsWith("alb.ingress.kubernetes.io/", StringComparison.Ordinal));
            if (alb) return !string.Equals(annotations.Str("alb.ingress.kubernetes.io/scheme")?.Trim(), "internet-facing", StringComparison.OrdinalIgnoreCase);
            return cls.Contains("internal") || cls.Contains("private")
                || string.Equals(annotations.Str("appgw.ingress.kubernetes.io/use-private-ip")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// TLS without <c>spec.tls</c>: a cloud load balancer in front of the Ingress terminates it (ALB certificate,
        /// GKE certificates), or ingress-nginx passes the client's TLS through to the backend untouched.
        /// </summary>
        private static TreeScalar? CloudCertificateAnnotation(TreeMapping? annotations) =>
            new[] { "alb.ingress.kubernetes.io/certificate-arn", "networking.gke.io/managed-certificates", "ingress.gcp.kubernetes.io/pre-shared-cert" }
                .Select(annotations.Scalar).FirstOrDefault(n => n is not null && !string.IsNullOrWhiteSpace(TreeValues.Text(n)))
            ?? (annotations.Scalar("nginx.ingress.kubernetes.io/ssl-passthrough") is { } passthrough
                && string.Equals(TreeValues.Text(passthrough)?.Trim(), "true", StringComparison.OrdinalIgnoreCase) ? passthrough : null);

        /// <summary>ingress-nginx request or connection limits; the first one set.</summary>
        private static TreeScalar? RateLimitAnnotation(TreeMapping? annotations) =>
            new[] { "nginx.ingress.kubernetes.io/limit-rps", "nginx.ingress.kubernetes.io/limit-rpm", "nginx.ingress.kubernetes.io/limit-connections" }
                .Select(annotations.Scalar).FirstOrDefault(n => n is not null && TreeValues.Long(n) is > 0);

        private MetricsCollector ReadMonitor(TreeMapping root, string kind)
        {
            var (name, ns, span, metadata) = Identity(root, kind);
            var spec = root.Map("spec");
            var nsSelector = spec.Map("namespaceSelector");
            var namespaces = TreeValues.Bool(nsSelector.Scalar("any")) == true
                ? new[] { "*" }
                : nsSelector.Seq("matchNames")?.Items.OfType<TreeScalar>().Select(TreeValues.Text).Where(t => t is not null).Select(t => t!).ToArray() ?? Array.Empty<string>();
            if (kind == "ClusterPodMonitoring") namespaces = new[] { "*" };
            var selector = spec.Map("selector");
            return new MetricsCollector(SourceFormat.Kubernetes, kind, name, ns, span)
            {
                Labels = Labels(metadata),
                Annotations = Annotations(metadata),
                Selector = selector.Map("matchLabels").StringMap(),
                SelectorIsPartial = selector?.Get("matchExpressions") is not null,
                Namespaces = namespaces,
                SelectsPods = kind != "ServiceMonitor",
            };
        }

        /// <summary>Each alerting rule of a PrometheusRule (recording rules alert no one), located at its <c>alert</c> name.</summary>
        private IEnumerable<AlertRule> ReadAlerts(TreeMapping root)
        {
            var (_, ns, _, metadata) = Identity(root, "PrometheusRule");
            foreach (var group in root.Map("spec").Seq("groups")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                foreach (var rule in group.Seq("rules")?.Items.OfType<TreeMapping>() ?? Enumerable.Empty<TreeMapping>())
                {
                    if (rule.Scalar("alert") is not { } alertNode || TreeValues.Text(alertNode) is not string alert) continue;
                    yield return new AlertRule(SourceFormat.Kubernetes, "PrometheusRule", alert, ns, alertNode.Span, rule.Str("expr") ?? string.Empty, targetName: null)
                    {
                        Labels = Labels(metadata),
                        Annotations = Annotations(metadata),
                    };
                }
        }
    }
}

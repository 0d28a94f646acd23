using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Fixes;
using InfraLint.Core.Knowledge;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.Core.Facts
{
    /// <summary>One container of a pod template; inserted as its own fact so per-container rules are plain matches.</summary>
    public sealed class Container
    {
        public Container(PodTemplate pod, Located<string> name, SourceSpan span, string path, bool isInit)
        {
            Pod = pod;
            Name = name;
            Span = span;
            Path = SharedStrings.Of(path);
            IsInit = isInit;
        }

        public PodTemplate Pod { get; }

        public ComputeWorkload Workload => Pod.Workload;

        public Located<string> Name { get; }

        /// <summary>The container's mapping (where container-level keys go).</summary>
        public SourceSpan Span { get; }

        /// <summary>Logical path, e.g. <c>spec.template.spec.containers[0]</c>.</summary>
        public string Path { get; }

        public bool IsInit { get; }

        public Located<string?> Image { get; set; } = null!;

        /// <summary>
        /// The image is built from source beside the declaration (a compose service with <c>build:</c>), so its name is
        /// the local tag of that build, not a reference pulled from a registry; null when it is pulled.
        /// </summary>
        public string? ImageBuiltFromSource { get; set; }

        public IReadOnlyList<string> Command { get; set; } = Array.Empty<string>();

        public IReadOnlyList<Located<string>> Args { get; set; } = Array.Empty<Located<string>>();

        /// <summary>
        /// The command with its places, where the source writes it apart from the arguments (Kubernetes <c>command</c>);
        /// empty where <see cref="Args"/> already holds it (compose's <c>command</c>).
        /// </summary>
        public IReadOnlyList<Located<string>> LocatedCommand { get; set; } = Array.Empty<Located<string>>();

        public IReadOnlyList<EnvVar> Env { get; set; } = Array.Empty<EnvVar>();

        /// <summary>Names of the secrets and config maps the whole environment is loaded from (<c>envFrom</c>).</summary>
        public IReadOnlyList<string> EnvFrom { get; set; } = Array.Empty<string>();

        public IReadOnlyList<int> Ports { get; set; } = Array.Empty<int>();

        public ResourceRequirements Resources { get; set; } = null!;

        public SecurityContext SecurityContext { get; set; } = null!;

        /// <summary>
        /// The source cannot say how the container is secured (a Kubeflow TrainJob's trainer takes its pod
        /// security from the training runtime), so security-context rules must not judge it here.
        /// </summary>
        public bool SecurityContextManagedElsewhere { get; set; }

        /// <summary>
        /// A managed service runs this container (a SageMaker model): its isolation, sizing and health checks
        /// are the platform's, so security-context, limit and probe rules do not apply.
        /// </summary>
        public bool ManagedByPlatform { get; set; }

        /// <summary>
        /// The container is part of an overlay merged over a pod spec elsewhere (a Seldon Server's podSpec over its
        /// ServerConfig): a limit it does not set may be set there, so limit rules do not judge its absence here.
        /// </summary>
        public bool ResourcesManagedElsewhere { get; set; }

        /// <summary>Span of the probe's key, or null when the container has none.</summary>
        public SourceSpan? ReadinessProbe { get; set; }

        public SourceSpan? LivenessProbe { get; set; }

        public SourceSpan? StartupProbe { get; set; }

        /// <summary>
        /// The platform adds health probes the source does not show (KubeRay injects readiness and liveness
        /// probes into Ray head and worker containers), so probe rules must not judge the container here.
        /// </summary>
        public bool ProbesManagedElsewhere { get; set; }

        /// <summary>runAsNonRoot as the kubelet sees it: the container's value, else the pod's.</summary>
        public Located<bool?> EffectiveRunAsNonRoot =>
            !SecurityContext.RunAsNonRoot.IsMissing ? SecurityContext.RunAsNonRoot : Pod.SecurityContext.RunAsNonRoot;

        public Located<long?> EffectiveRunAsUser =>
            !SecurityContext.RunAsUser.IsMissing ? SecurityContext.RunAsUser : Pod.SecurityContext.RunAsUser;

        /// <summary>runAsGroup as the kubelet sees it: the container's value, else the pod's; null where the source has none.</summary>
        public Located<long?>? EffectiveRunAsGroup =>
            SecurityContext.RunAsGroup is { IsMissing: false } own ? own : Pod.SecurityContext.RunAsGroup ?? SecurityContext.RunAsGroup;

        public override string ToString() => $"{Workload.Id}:{Name.Value}";
    }

    /// <summary>An environment variable. <see cref="Value"/> is missing when it comes from a secret or config reference.</summary>
    public sealed class EnvVar
    {
        public EnvVar(Located<string> name, Located<string?> value, string? valueFrom)
        {
            Name = name;
            Value = value;
            ValueFrom = valueFrom;
        }

        public Located<string> Name { get; }

        public Located<string?> Value { get; }

        /// <summary><c>secretKeyRef</c>, <c>configMapKeyRef</c>, <c>fieldRef</c>… when the value is indirect.</summary>
        public string? ValueFrom { get; }
    }

    /// <summary>Requests and limits by resource name (<c>cpu</c>, <c>memory</c>, <c>nvidia.com/gpu</c>).</summary>
    public sealed class ResourceRequirements
    {
        public ResourceRequirements(
            IReadOnlyDictionary<string, Located<string>> requests,
            IReadOnlyDictionary<string, Located<string>> limits,
            SourceSpan anchor,
            Func<string, EditTarget?>? limitEdit)
        {
            Requests = ReadOnlyMaps.Kept(requests);
            Limits = ReadOnlyMaps.Kept(limits);
            Anchor = anchor;
            LimitEdit = limitEdit;
        }

        public IReadOnlyDictionary<string, Located<string>> Requests { get; }

        public IReadOnlyDictionary<string, Located<string>> Limits { get; }

        /// <summary>The <c>resources</c> key, or the container's name when there is no resources block.</summary>
        public SourceSpan Anchor { get; }

        /// <summary>Edit target for <c>resources.limits.&lt;name&gt;</c>.</summary>
        public Func<string, EditTarget?>? LimitEdit { get; }

        /// <summary>Accelerators this container gets: the limit where set (Kubernetes requires it), else the request.</summary>
        /// <remarks>Rules ask for it in their joins, pair after pair, so it is counted once (the requirements never change).</remarks>
        public int AcceleratorCount
        {
            get
            {
                if (_acceleratorCount < 0)
                    _acceleratorCount = Limits.Concat(Requests)
                        .Where(kv => AcceleratorResources.IsAccelerator(kv.Key))
                        .GroupBy(kv => kv.Key)
                        .Sum(g => g.Select(kv => ParseCount(kv.Value.Value)).FirstOrDefault());
                return _acceleratorCount;
            }
        }

        private int _acceleratorCount = -1;

        private static int ParseCount(string value) =>
            int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 0;
    }
}

using System;
using System.Collections.Generic;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.Core.Facts
{
    /// <summary>One pod template of a workload, with the pod-level settings rules look at.</summary>
    public sealed class PodTemplate
    {
        public PodTemplate(ComputeWorkload workload, string role, SourceSpan span, string path)
        {
            Workload = workload;
            Role = role;
            Span = span;
            Path = SharedStrings.Of(path);
        }

        public ComputeWorkload Workload { get; }

        /// <summary>Which template of the workload: <c>pod</c>, <c>Master</c>, <c>Worker</c>, <c>head</c>, <c>worker:gpu-group</c>, <c>predictor</c>.</summary>
        public string Role { get; }

        /// <summary>The pod spec node (where pod-level keys go).</summary>
        public SourceSpan Span { get; }

        /// <summary>Logical path of the pod spec, e.g. <c>spec.template.spec</c>.</summary>
        public string Path { get; }

        public Located<bool?> HostNetwork { get; set; } = null!;

        public Located<bool?> HostPid { get; set; } = null!;

        public Located<bool?> HostIpc { get; set; } = null!;

        public SecurityContext SecurityContext { get; set; } = null!;

        public IReadOnlyDictionary<string, string> Labels
        {
            get => _labels;
            set
            {
                _labels = ReadOnlyMaps.Kept(value);
                _labelSignature = 0;
            }
        }

        private IReadOnlyDictionary<string, string> _labels = ReadOnlyMaps.Empty<string>();

        private ulong _labelSignature;

        /// <summary><see cref="LabelSelection.Signature(IReadOnlyDictionary{string, string}, bool, ref ulong)"/> of <see cref="Labels"/>, which selectors' keys are looked up in.</summary>
        internal ulong LabelSignature => LabelSelection.Signature(_labels, lookedUp: true, ref _labelSignature);

        /// <summary>True when the pod's labels are computed elsewhere or one cannot be read (see <see cref="InfraResource.LabelsUnknown"/>).</summary>
        public bool LabelsUnknown { get; set; }

        /// <summary>Pod-template annotations (<c>template.metadata.annotations</c>), e.g. <c>prometheus.io/scrape</c>.</summary>
        public IReadOnlyDictionary<string, string> Annotations { get => _annotations; set => _annotations = ReadOnlyMaps.Kept(value); }

        private IReadOnlyDictionary<string, string> _annotations = ReadOnlyMaps.Empty<string>();

        /// <summary>Names of the PersistentVolumeClaims the pod mounts; a claim mounted read-write by one node can block a rolling update.</summary>
        public IReadOnlyList<string> PersistentVolumeClaims { get; set; } = Array.Empty<string>();

        public IReadOnlyDictionary<string, string> NodeSelector { get => _nodeSelector; set => _nodeSelector = ReadOnlyMaps.Kept(value); }

        private IReadOnlyDictionary<string, string> _nodeSelector = ReadOnlyMaps.Empty<string>();

        /// <summary>
        /// Node labels the pod must land on: <c>nodeSelector</c> plus required node-affinity <c>In</c> terms,
        /// label → allowed values. This is where GPU product, instance type and capacity type show up.
        /// </summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredNodeLabels { get => _requiredNodeLabels; set => _requiredNodeLabels = ReadOnlyMaps.Kept(value); }

        private IReadOnlyDictionary<string, IReadOnlyList<string>> _requiredNodeLabels = ReadOnlyMaps.Empty<IReadOnlyList<string>>();

        /// <summary>Node labels the pod prefers (preferred node-affinity), label → values.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> PreferredNodeLabels { get => _preferredNodeLabels; set => _preferredNodeLabels = ReadOnlyMaps.Kept(value); }

        private IReadOnlyDictionary<string, IReadOnlyList<string>> _preferredNodeLabels = ReadOnlyMaps.Empty<IReadOnlyList<string>>();

        /// <summary>Toleration keys (with <c>=value</c> when one is given), e.g. <c>cloud.google.com/gke-spot=true</c>.</summary>
        public IReadOnlyList<string> Tolerations { get; set; } = Array.Empty<string>();

        /// <summary>Where the pod chooses its nodes (node selector or affinity), as the mapper names it; null when it does not.</summary>
        public Located<string>? Placement { get; set; }

        public IReadOnlyList<Container> Containers { get; set; } = Array.Empty<Container>();
    }

    /// <summary>Security settings shared by pods and containers; a container's own value overrides the pod's.</summary>
    public sealed class SecurityContext
    {
        public Located<bool?> Privileged { get; set; } = null!;

        public Located<bool?> AllowPrivilegeEscalation { get; set; } = null!;

        public Located<bool?> RunAsNonRoot { get; set; } = null!;

        public Located<long?> RunAsUser { get; set; } = null!;

        /// <summary>The primary group ID; null where the source has no such setting.</summary>
        public Located<long?>? RunAsGroup { get; set; }
    }
}

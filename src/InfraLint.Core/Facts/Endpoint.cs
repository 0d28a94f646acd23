using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Locations;

namespace InfraLint.Core.Facts
{
    public enum Exposure
    {
        Internal,
        NodePort,
        Public,
    }

    /// <summary>A way in to a workload: a Service, an Ingress, a load balancer listener.</summary>
    public sealed class Endpoint : InfraResource
    {
        public Endpoint(string format, string kind, string name, string @namespace, SourceSpan span)
            : base(format, kind, name, @namespace, span)
        {
        }

        public Exposure Exposure { get; set; }

        /// <summary>Pod labels a Service selects.</summary>
        public IReadOnlyDictionary<string, string> Selector
        {
            get => _selector;
            set
            {
                _selector = ReadOnlyMaps.Kept(value);
                _selectorSignature = 0;
            }
        }

        private IReadOnlyDictionary<string, string> _selector = ReadOnlyMaps.Empty<string>();

        private ulong _selectorSignature;

        /// <summary>Whether this Service sends traffic to pods with these labels (a Service without a selector selects nothing).</summary>
        public bool SelectsPods(IReadOnlyDictionary<string, string> podLabels) => Selector.Count > 0 && LabelSelection.Matches(Selector, podLabels);

        /// <summary>
        /// Whether this Service selects any pod of the workload. Rules ask it of every Service and workload of a namespace
        /// (at 100,000 files, tens of millions of times), so it allocates nothing, and a pod whose labels' signature lacks a
        /// bit of the selector's is passed over without a lookup.
        /// </summary>
        public bool SelectsPodsOf(ComputeWorkload workload)
        {
            if (Selector.Count == 0) return false;
            ulong selector = LabelSelection.Signature(_selector, lookedUp: false, ref _selectorSignature);
            var pods = workload.Pods;
            for (int i = 0; i < pods.Count; i++)
                if (LabelSelection.MayMatch(selector, pods[i].LabelSignature) && LabelSelection.Matches(Selector, pods[i].Labels)) return true;
            return false;
        }

        /// <summary>Services an Ingress routes to.</summary>
        public IReadOnlyList<string> BackendServices { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Workloads the endpoint invokes directly, by name in its namespace (an API Gateway method integrated
        /// with a SageMaker endpoint); <see cref="AnyWorkload"/> when the target is an inference workload
        /// declared outside this file.
        /// </summary>
        public IReadOnlyList<string> BackendWorkloads { get; set; } = Array.Empty<string>();

        /// <summary>A backend workload that is an inference workload we cannot see (named through a parameter or another stack).</summary>
        public const string AnyWorkload = "*";

        /// <summary>TLS configured (Ingress <c>spec.tls</c>); null when the concept does not apply.</summary>
        public Located<bool?>? Tls { get; set; }

        public IReadOnlyList<int> Ports { get; set; } = Array.Empty<int>();

        /// <summary>Listener protocol (HTTP, HTTPS, TLS, TCP) where the source states one.</summary>
        public Located<string?>? Protocol { get; set; }

        /// <summary>Plain HTTP that only redirects to HTTPS carries no data in the clear.</summary>
        public bool RedirectsToHttps { get; set; }

        /// <summary>The TLS security policy name (ELBSecurityPolicy-TLS13-1-2-2021-06); missing means the provider's default.</summary>
        public Located<string?>? TlsPolicy { get; set; }

        /// <summary>Throttling / rate limiting configured; null when the concept does not apply.</summary>
        public Located<bool?>? RateLimited { get; set; }
    }

    /// <summary>A metrics collector binding: Prometheus ServiceMonitor or PodMonitor.</summary>
    public sealed class MetricsCollector : InfraResource
    {
        public MetricsCollector(string format, string kind, string name, string @namespace, SourceSpan span)
            : base(format, kind, name, @namespace, span)
        {
        }

        public IReadOnlyDictionary<string, string> Selector { get => _selector; set => _selector = ReadOnlyMaps.Kept(value); }

        private IReadOnlyDictionary<string, string> _selector = ReadOnlyMaps.Empty<string>();

        /// <summary>Namespaces watched; empty means its own; <c>*</c> means any.</summary>
        public IReadOnlyList<string> Namespaces { get; set; } = Array.Empty<string>();

        /// <summary>True when it selects pods directly (PodMonitor, PodMonitoring); false when it selects Services.</summary>
        public bool SelectsPods { get; set; }

        /// <summary>The selector has terms InfraLint does not evaluate (<c>matchExpressions</c>), so it is taken to match.</summary>
        public bool SelectorIsPartial { get; set; }

        public bool Watches(string @namespace) =>
            Namespaces.Count == 0 ? @namespace == Namespace : Namespaces.Contains("*") || Namespaces.Contains(@namespace);

        /// <summary>Whether its label selector matches these labels (an empty selector matches everything).</summary>
        public bool Selects(IReadOnlyDictionary<string, string> labels) =>
            SelectorIsPartial || LabelSelection.Matches(Selector, labels);
    }

    /// <summary>Equality-based label selection: every key of the selector is a label with the same value.</summary>
    public static class LabelSelection
    {
        private const ulong Made = 1UL << 63;

        /// <summary>
        /// One bit (of 63) for each label of a map, from its key and value; the top bit marks the signature as made, so 0
        /// means "not made yet". Labels a selector matches have every bit the selector has: <see cref="MayMatch"/> is false
        /// only for labels <see cref="Matches"/> would reject. <see cref="Matches"/> looks the selector's keys up in the
        /// labels, so labels whose lookups are not ordinal get every bit (they may match anything: a key could match the
        /// selector's without being equal to it); a selector is only enumerated, whatever its map.
        /// </summary>
        /// <param name="lookedUp">The map is the labels a selector's keys are looked up in (not the selector).</param>
        internal static ulong Signature(IReadOnlyDictionary<string, string> map, bool lookedUp)
        {
            if (lookedUp && map.Count > 0 && !(map is Dictionary<string, string> dictionary && IsOrdinal(dictionary.Comparer))) return ulong.MaxValue;
            ulong bits = Made;
            foreach (var label in map)
                bits |= 1UL << (int)(unchecked((uint)(StringComparer.Ordinal.GetHashCode(label.Key) * 16777619 ^ StringComparer.Ordinal.GetHashCode(label.Value))) % 63);
            return bits;
        }

        /// <summary>
        /// The signature of a fact's map, made the first time a rule asks (the mappers are done with the fact by then) and
        /// kept in <paramref name="made"/>, which the map's setter resets to 0. Sessions on two threads may both make it:
        /// they make the same value.
        /// </summary>
        internal static ulong Signature(IReadOnlyDictionary<string, string> map, bool lookedUp, ref ulong made) =>
            made != 0 ? made : made = Signature(map, lookedUp);

        private static bool IsOrdinal(IEqualityComparer<string> comparer) =>
            ReferenceEquals(comparer, StringComparer.Ordinal) || ReferenceEquals(comparer, EqualityComparer<string>.Default);

        /// <summary>False when the labels certainly lack a label of the selector (two signatures from <see cref="Signature"/>).</summary>
        internal static bool MayMatch(ulong selector, ulong labels) => (selector & ~labels) == 0;

        public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
        {
            // A Dictionary's own enumerator is a struct: no allocation for the common case.
            if (selector is Dictionary<string, string> dictionary)
            {
                foreach (var kv in dictionary)
                    if (!labels.TryGetValue(kv.Key, out var value) || value != kv.Value) return false;
                return true;
            }
            foreach (var kv in selector)
                if (!labels.TryGetValue(kv.Key, out var value) || value != kv.Value) return false;
            return true;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Engine;
using InfraLint.Core.Facts;

namespace InfraLint.Core.Scanning
{
    /// <summary>
    /// The facts of one rule session: those that live here (<see cref="Home"/>: a finding about one of them is reported by
    /// this session and no other) and those that only give context here (<see cref="Guests"/>: a cluster-wide monitor, an
    /// image override, the adoption signal), which a rule may join with but whose own findings belong to their home.
    /// </summary>
    public sealed class EvaluationScope
    {
        internal EvaluationScope(int index, string key, List<object> home, List<object> guests)
        {
            Index = index;
            Key = key;
            Home = home;
            Guests = guests;
        }

        /// <summary>Facts of files a streaming scan reads again for this scope's session: counted here, not held.</summary>
        public int Pending { get; internal set; }

        /// <summary>Position in the partition; <see cref="EvaluationScopes.Global"/>'s index is 0.</summary>
        public int Index { get; }

        /// <summary>What joins here: a Kubernetes namespace, a CloudFormation template, a compose project (the facts' namespace), or several merged.</summary>
        public string Key { get; }

        public IReadOnlyList<object> Home { get; }

        public IReadOnlyList<object> Guests { get; }

        /// <summary>Home, guest and pending facts: what the session is given.</summary>
        public int Size => Home.Count + Guests.Count + Pending;

        public override string ToString() => $"{Key} ({Home.Count} facts, {Guests.Count} guests)";
    }

    /// <summary>
    /// Splits a scan's facts into independent rule sessions, before anything is evaluated. Cross-resource rules join on
    /// the resources' <see cref="InfraResource.Namespace"/>, which each platform mapper sets to its own boundary (a
    /// Kubernetes namespace across the whole repository, a CloudFormation template, a compose project): one scope per
    /// namespace, so every join a single session would make is still made. What joins across that boundary is handled
    /// here, from the facts' own predicates, never a copy of a rule:
    /// <list type="bullet">
    /// <item>a workload profile is merged with the scopes of every resource it describes (its own rules collect them);</item>
    /// <item>a fact that may watch other namespaces (a cluster-wide model monitor, an alert rule not tied to one target, a
    /// metrics collector watching listed or all namespaces, an image override) is a guest where it may apply;</item>
    /// <item>facts about the input itself (parse failures, configuration problems, suppression directives) go to one
    /// global scope and are evaluated once.</item>
    /// </list>
    /// Partitioning must change no finding: each finding is kept from the session that is home to its subject.
    /// </summary>
    public sealed class EvaluationScopes
    {
        private readonly Dictionary<object, int> _homeOf;
        private readonly IReadOnlyDictionary<string, int> _scopeOfNamespace;

        private EvaluationScopes(IReadOnlyList<EvaluationScope> scopes, Dictionary<object, int> homeOf, IReadOnlyDictionary<string, int>? scopeOfNamespace = null)
        {
            Scopes = scopes;
            _homeOf = homeOf;
            _scopeOfNamespace = scopeOfNamespace ?? new Dictionary<string, int>(StringComparer.Ordinal);
        }

        /// <summary>The scope a resource's namespace belongs to; the global scope for a namespace the partition does not know.</summary>
        public int ScopeOfNamespace(string @namespace) => _scopeOfNamespace.TryGetValue(@namespace, out var index) ? index : 0;

        /// <summary>Every scope, the global one first, then the others by key.</summary>
        public IReadOnlyList<EvaluationScope> Scopes { get; }

        public EvaluationScope Global => Scopes[0];

        /// <summary>The index of the scope a fact lives in; the global scope for a fact the partition was not given.</summary>
        public int HomeOf(object fact) => _homeOf.TryGetValue(fact, out var index) ? index : 0;

        /// <summary>Everything in one scope: what a scan did before partitioning, and the reference partitioned runs are compared with.</summary>
        public static EvaluationScopes Single(IReadOnlyList<object> facts)
        {
            var home = new List<object>(facts);
            var homeOf = new Dictionary<object, int>(Identity.Instance);
            foreach (var fact in facts) homeOf[fact] = 0;
            return new EvaluationScopes(new[] { new EvaluationScope(0, "*", home, new List<object>()) }, homeOf);
        }

        /// <param name="everywhere">Facts every scope sees as guests (the adoption signal); they live in the global scope.</param>
        /// <param name="pending">
        /// What a streaming scan knows of the files it reads again later: their resources (to join profiles with) and how
        /// many facts they bring to each namespace. None of those facts <see cref="StaysResident">stays resident</see>.
        /// </param>
        public static EvaluationScopes Partition(IReadOnlyList<object> facts, IReadOnlyList<object> everywhere, IReadOnlyList<PendingFile>? pending = null)
        {
            // Union-find over namespaces: a profile joins the namespaces of what it describes.
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            var parent = new List<int>();
            int KeyOf(string key)
            {
                if (!keys.TryGetValue(key, out var id))
                {
                    id = parent.Count;
                    keys.Add(key, id);
                    parent.Add(id);
                }
                return id;
            }
            int Find(int x)
            {
                while (parent[x] != x) x = parent[x] = parent[parent[x]];
                return x;
            }
            void Union(int a, int b)
            {
                a = Find(a);
                b = Find(b);
                if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
            }

            var resources = new List<InfraResource>();
            var global = new List<object>();
            var broadcast = new List<object>(everywhere);
            // Candidates for a profile's targets, by what ProfileTarget.Matches requires: the name, and the namespace
            // unless a target without one names a resource of a format whose resources it may match anywhere.
            var byNameAndNamespace = new Dictionary<(string, string), List<ResourceIdentity>>();
            var byNameAnywhere = new Dictionary<string, List<ResourceIdentity>>(StringComparer.Ordinal);
            var formats = new List<(string Format, string Namespace)>();
            void Candidate(ResourceIdentity resource)
            {
                formats.Add((resource.Format, resource.Namespace));
                var key = (resource.Name, resource.Namespace);
                if (!byNameAndNamespace.TryGetValue(key, out var named)) byNameAndNamespace.Add(key, named = new List<ResourceIdentity>());
                named.Add(resource);
                if (resource.Format != SourceFormat.Kubernetes && resource.Format != SourceFormat.WorkloadSpec)
                {
                    if (!byNameAnywhere.TryGetValue(resource.Name, out var anywhere)) byNameAnywhere.Add(resource.Name, anywhere = new List<ResourceIdentity>());
                    anywhere.Add(resource);
                }
            }
            foreach (var fact in facts)
            {
                if (OwnerOf(fact) is InfraResource resource)
                {
                    // A part (a pod, a region placement) lives with its resource, which need not be a fact of its own.
                    KeyOf(resource.Namespace);
                    if (!ReferenceEquals(fact, resource)) continue;
                    resources.Add(resource);
                    Candidate(ResourceIdentity.Of(resource));
                }
                else if (IsAboutTheInput(fact)) global.Add(fact);
                else broadcast.Add(fact);
            }
            foreach (var file in pending ?? Array.Empty<PendingFile>())
            {
                foreach (var @namespace in file.Namespaces) KeyOf(@namespace);
                foreach (var resource in file.Resources) Candidate(resource);
            }
            foreach (var profile in resources.OfType<WorkloadProfile>())
                foreach (var target in profile.Targets)
                {
                    var candidates = byNameAndNamespace.TryGetValue((target.Name, target.Namespace), out var named) ? named : Enumerable.Empty<ResourceIdentity>();
                    if (!target.NamespaceGiven && byNameAnywhere.TryGetValue(target.Name, out var anywhere)) candidates = candidates.Concat(anywhere);
                    foreach (var resource in candidates)
                        if (!ReferenceEquals(resource.Resource, profile) && target.Matches(resource.Name, resource.Namespace, resource.Format, resource.Kind))
                            Union(KeyOf(profile.Namespace), KeyOf(resource.Namespace));
                }

            // One scope per merged set of namespaces, numbered in key order so a run is reproducible.
            var rootKey = new Dictionary<int, string>();
            foreach (var pair in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
                if (!rootKey.ContainsKey(Find(pair.Value))) rootKey.Add(Find(pair.Value), pair.Key);
            var scopeOfRoot = new Dictionary<int, int>();
            var scopes = new List<EvaluationScope> { new EvaluationScope(0, string.Empty, global.Concat(broadcast).ToList(), new List<object>()) };
            foreach (var root in rootKey.OrderBy(r => r.Value, StringComparer.Ordinal))
            {
                scopeOfRoot.Add(root.Key, scopes.Count);
                scopes.Add(new EvaluationScope(scopes.Count, root.Value, new List<object>(), new List<object>(broadcast)));
            }
            var homeOf = new Dictionary<object, int>(Identity.Instance);
            foreach (var fact in global) homeOf[fact] = 0;
            foreach (var fact in broadcast) homeOf[fact] = 0;
            var scopeOfNamespace = keys.ToDictionary(k => k.Key, k => scopeOfRoot[Find(k.Value)], StringComparer.Ordinal);
            foreach (var fact in facts)
            {
                if (!(OwnerOf(fact) is InfraResource owner)) continue;
                int index = scopeOfNamespace[owner.Namespace];
                homeOf[fact] = index;
                // Findings name the resource as their subject, even when only its part was given.
                if (!homeOf.ContainsKey(owner)) homeOf[owner] = index;
                ((List<object>)scopes[index].Home).Add(fact);
            }

            foreach (var file in pending ?? Array.Empty<PendingFile>())
                for (int i = 0; i < file.Namespaces.Count; i++)
                    scopes[scopeOfNamespace[file.Namespaces[i]]].Pending += file.FactsIn(i);

            // Guests: resources whose own predicate reaches past their namespace.
            var scopesByFormat = formats
                .GroupBy(r => r.Format, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(r => scopeOfNamespace[r.Namespace]).Distinct().ToArray(), StringComparer.Ordinal);
            foreach (var resource in resources)
            {
                int home = homeOf[resource];
                foreach (int index in Reach(resource, scopesByFormat, scopeOfNamespace))
                    if (index != home) ((List<object>)scopes[index].Guests).Add(resource);
            }
            return new EvaluationScopes(scopes, homeOf, scopeOfNamespace);
        }

        /// <summary>
        /// Whether the partition needs the fact itself, not only its namespace: it is about the input or belongs to no
        /// resource (it goes to the global scope or to every scope), it is a workload profile or a part of one (profiles
        /// merge scopes), or its predicate reaches other scopes (<see cref="Reach"/>). A streaming scan keeps these in
        /// memory from its first read; any other fact it may read again when its scope's turn comes.
        /// </summary>
        public static bool StaysResident(object fact) => OwnerOf(fact) switch
        {
            null => true,
            WorkloadProfile => true,
            ModelMonitor { ClusterWide: true } => true,
            AlertRule { TargetName: null } => true,
            MetricsCollector collector => collector.Namespaces.Count > 0,
            _ => false,
        };

        /// <summary>The scopes, besides its own, in which a resource's predicates may match another resource.</summary>
        private static IEnumerable<int> Reach(InfraResource resource, IReadOnlyDictionary<string, int[]> scopesByFormat, IReadOnlyDictionary<string, int> scopeOfNamespace)
        {
            IEnumerable<int> SameFormat() => scopesByFormat.TryGetValue(resource.Format, out var all) ? all : Array.Empty<int>();
            switch (resource)
            {
                // ModelMonitor.Monitors and AuditLog's counterpart: a cluster-wide one watches every namespace of its format.
                case ModelMonitor { ClusterWide: true }:
                    return SameFormat();
                // AlertRule.Covers: without a target it matches on the expression, in any namespace of its format.
                case AlertRule { TargetName: null }:
                    return SameFormat();
                // MetricsCollector.Watches: the namespaces it lists, or all of them with "*"; listed namespaces a profile merged share one scope.
                case MetricsCollector collector when collector.Namespaces.Count > 0:
                    return collector.Namespaces.Contains("*")
                        ? scopeOfNamespace.Values.Distinct()
                        : collector.Namespaces.Where(scopeOfNamespace.ContainsKey).Select(n => scopeOfNamespace[n]).Distinct();
                default:
                    return Array.Empty<int>();
            }
        }

        /// <summary>The resource a fact belongs to (itself for a resource); null for a fact that belongs to none.</summary>
        internal static InfraResource? OwnerOf(object fact) => fact switch
        {
            InfraResource resource => resource,
            PodTemplate pod => pod.Workload,
            Container container => container.Workload,
            AccessStatement statement => statement.Policy,
            ProfileTarget target => target.Profile,
            PipelineStage stage => stage.Profile,
            RegionPlacement placement => placement.Resource,
            _ => null,
        };

        /// <summary>Facts about the files and the configuration rather than the infrastructure: judged on their own, once.</summary>
        private static bool IsAboutTheInput(object fact) => fact is ParseFailure || fact is ConfigProblem || fact is SuppressionDirective;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using InfraLint.Core.Facts;
using InfraLint.Core.Tree;

namespace InfraLint.Core.Scanning
{
    /// <summary>What the partition needs of a resource: what a profile's target matches on, and where it lives.</summary>
    public sealed class ResourceIdentity
    {
        private ResourceIdentity(string name, string @namespace, string format, string kind, InfraResource? resource)
        {
            Name = name;
            Namespace = @namespace;
            Format = format;
            Kind = kind;
            Resource = resource;
        }

        public string Name { get; }

        public string Namespace { get; }

        public string Format { get; }

        public string Kind { get; }

        /// <summary>The resource itself while it is in memory; null for one of a file read again later.</summary>
        public InfraResource? Resource { get; }

        public static ResourceIdentity Of(InfraResource resource) => new ResourceIdentity(resource.Name, resource.Namespace, resource.Format, resource.Kind, resource);

        /// <summary>The same four, without keeping the resource.</summary>
        /// <param name="shared">The one instance of an equal string (a namespace many files name), so the stubs of a large tree share them.</param>
        public static ResourceIdentity Known(InfraResource resource, Func<string, string> shared) =>
            new ResourceIdentity(resource.Name, shared(resource.Namespace), resource.Format, shared(resource.Kind), null);
    }

    /// <summary>
    /// A file a streaming scan has read once and will read again for the sessions of its scopes: what the partition needs
    /// of it (its resources, its facts per namespace), and which text it read (a file that changes in between is not judged).
    /// </summary>
    public sealed class PendingFile
    {
        private readonly string[] _namespaces;
        private readonly int[] _facts;

        private PendingFile(int index, ResourceIdentity[] resources, string[] namespaces, int[] facts, long version)
        {
            Index = index;
            Resources = resources;
            _namespaces = namespaces;
            _facts = facts;
            Version = version;
        }

        /// <summary>The file's position among the scan's inputs.</summary>
        public int Index { get; }

        /// <summary>The file's resources, as profiles' targets match them; empty once the partition is made (<see cref="Partitioned"/>).</summary>
        public IReadOnlyList<ResourceIdentity> Resources { get; private set; }

        /// <summary>
        /// Lets the resources go: only the partition reads them, and the sessions that follow are the scan's peak (at 100,000
        /// files, 175,000 identities and their names, some 20 MB).
        /// </summary>
        internal void Partitioned() => Resources = Array.Empty<ResourceIdentity>();

        /// <summary>The namespaces the file's facts belong to, each once.</summary>
        public IReadOnlyList<string> Namespaces => _namespaces;

        /// <summary>How many facts the file brings to <see cref="Namespaces"/>[<paramref name="index"/>].</summary>
        public int FactsIn(int index) => _facts[index];

        /// <summary>The text's length and hash: a second read of another text is a file that changed during the scan.</summary>
        public long Version { get; }

        /// <summary>What the partition needs of a file's facts; null when some of them must stay in memory (<see cref="EvaluationScopes.StaysResident"/>) or it has suppression directives.</summary>
        /// <inheritdoc cref="ResourceIdentity.Known" path="/param[@name='shared']"/>
        public static PendingFile? Of(int index, AdapterResult result, long version, Func<string, string> shared)
        {
            if (result.Suppressions.Count > 0) return null;
            var resources = new List<ResourceIdentity>();
            var namespaces = new List<string>(1);
            var facts = new List<int>(1);
            foreach (var fact in result.Facts)
            {
                if (EvaluationScopes.StaysResident(fact)) return null;
                var owner = EvaluationScopes.OwnerOf(fact)!;
                int at = namespaces.IndexOf(owner.Namespace);
                if (at < 0)
                {
                    namespaces.Add(shared(owner.Namespace));
                    facts.Add(1);
                }
                else facts[at]++;
                if (ReferenceEquals(fact, owner)) resources.Add(ResourceIdentity.Known(owner, shared));
            }
            return namespaces.Count == 1
                ? new PendingFile(index, resources.ToArray(), OneNamespace(namespaces[0]), OneCount(facts[0]), version)
                : new PendingFile(index, resources.ToArray(), namespaces.ToArray(), facts.ToArray(), version);
        }

        // Nearly every file brings its facts to one namespace: a streaming scan of 100,000 files kept 200,000 one-element
        // arrays saying so. Those arrays are shared (never changed); the cap only matters for a tree of more namespaces.
        private static readonly SharedValues<string, string[]> NamespaceArrays = new SharedValues<string, string[]>(4096, StringComparer.Ordinal);
        private static readonly int[][] CountArrays = Enumerable.Range(0, 65).Select(n => new[] { n }).ToArray();

        private static string[] OneNamespace(string @namespace) => NamespaceArrays.For(@namespace, n => new[] { n });

        private static int[] OneCount(int facts) => facts < CountArrays.Length ? CountArrays[facts] : new[] { facts };

        /// <summary>Whether a second read found the file as the first did: the same text, the same facts in the same namespaces.</summary>
        public bool Matches(PendingFile? again) =>
            again is not null && again.Version == Version && again._namespaces.SequenceEqual(_namespaces, StringComparer.Ordinal) && again._facts.SequenceEqual(_facts);
    }
}

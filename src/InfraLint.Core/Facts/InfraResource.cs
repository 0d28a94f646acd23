using System;
using System.Collections.Generic;
using InfraLint.Core.Fixes;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;

namespace InfraLint.Core.Facts
{
    /// <summary>Which adapter produced a fact; rules never branch on it, outputs and fixes may.</summary>
    public static class SourceFormat
    {
        public const string Kubernetes = "kubernetes";
        public const string CloudFormation = "cloudformation";
        public const string Compose = "compose";
        public const string WorkloadSpec = "workload-spec";
    }

    /// <summary>
    /// Common identity of every provisioned thing: what it is, what it is called, where it is declared.
    /// Subclasses are format-independent views (a Kubernetes Deployment and a compose service are both
    /// a <see cref="ComputeWorkload"/>).
    /// </summary>
    public abstract class InfraResource
    {
        protected InfraResource(string format, string kind, string name, string @namespace, SourceSpan span)
        {
            Format = format;
            // Kinds and namespaces repeat over a tree's files; a scan keeps every resource until its end.
            Kind = SharedStrings.Of(kind);
            Name = name;
            Namespace = SharedStrings.Of(@namespace);
            Span = span;
        }

        public string Format { get; }

        /// <summary>The source's own type name: <c>Deployment</c>, <c>AWS::S3::Bucket</c>, <c>service</c>.</summary>
        public string Kind { get; }

        public string Name { get; }

        /// <summary>Kubernetes namespace, CloudFormation stack file, compose project: the scope names are unique in.</summary>
        public string Namespace { get; }

        /// <summary>The node that names the resource (e.g. <c>metadata.name</c>); where resource-level findings point.</summary>
        public SourceSpan Span { get; }

        /// <summary>The logical path of the resource as a whole (a finding about it, not one attribute, is keyed by it); the mapper names it.</summary>
        public string NamePath { get; init; } = string.Empty;

        public string File => Span.File;

        public IReadOnlyDictionary<string, Located<string>> Labels { get => _labels; init => _labels = ReadOnlyMaps.Kept(value); }

        private readonly IReadOnlyDictionary<string, Located<string>> _labels = ReadOnlyMaps.Empty<Located<string>>();

        /// <summary>
        /// True when the resource may carry labels (tags) that <see cref="Labels"/> does not list: the labels are a value
        /// computed elsewhere (a CloudFormation <c>!Ref</c>, a C# variable), one of them has a key or value that cannot be
        /// read, or the platform applies tags from outside the declaration (CDK's <c>Tags.Of(scope)</c>, Pulumi's provider
        /// default tags). A rule about a missing label does not judge such a resource.
        /// </summary>
        public bool LabelsUnknown { get; init; }

        public IReadOnlyDictionary<string, Located<string>> Annotations { get => _annotations; init => _annotations = ReadOnlyMaps.Kept(value); }

        private readonly IReadOnlyDictionary<string, Located<string>> _annotations = ReadOnlyMaps.Empty<Located<string>>();

        /// <summary>
        /// Waivers the resource's own metadata lists as data (a CloudFormation resource's <c>Metadata.infralint.ignore</c>);
        /// settable because a mapper reads them once for every fact it makes of the resource.
        /// </summary>
        public IReadOnlyList<ResourceIgnore> Ignores { get; set; } = Array.Empty<ResourceIgnore>();

        /// <summary>Where a new label would be written (for cost-allocation fixes); null where not editable.</summary>
        public Func<string, EditTarget>? LabelEdit { get; init; }

        /// <summary>Stable identity used in fingerprints and messages.</summary>
        public string Id => _id ??= $"{Kind}/{Namespace}/{Name}";

        // Joins and findings ask for it again and again; made once (a race makes the same text twice).
        private string? _id;

        public override string ToString() => $"{Id} ({Span})";
    }
}

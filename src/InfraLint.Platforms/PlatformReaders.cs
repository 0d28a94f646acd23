using System;
using System.Collections.Generic;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Platforms.CloudFormation;
using InfraLint.Platforms.Kubernetes;

namespace InfraLint.Platforms
{
    /// <summary>
    /// The platform mappers as readers of a front end's root objects: each returns the facts of a root in its platform,
    /// or null when the root is not of its platform. Front ends that read more than one platform (JSON, C#) try them in
    /// order; the first non-null answer wins.
    /// </summary>
    public static class PlatformReaders
    {
        public static Func<TreeMapping, SourceText, IEnumerable<object>?> Kubernetes { get; } =
            (root, source) => KubernetesMapper.IsKubernetes(root) ? new KubernetesMapper(source).Read(root) : null;

        public static Func<TreeMapping, SourceText, IEnumerable<object>?> CloudFormation { get; } =
            (root, source) => CloudFormationMapper.IsCloudFormation(root) ? new CloudFormationMapper(source).Read(root) : null;

        /// <summary>What C# code builds: KubernetesClient and Pulumi Kubernetes objects, and CDK and Pulumi AWS resources as a template.</summary>
        public static IReadOnlyList<Func<TreeMapping, SourceText, IEnumerable<object>?>> CSharp { get; } = new[] { Kubernetes, CloudFormation };

        /// <summary>What a JSON file holds: a CloudFormation template.</summary>
        public static IReadOnlyList<Func<TreeMapping, SourceText, IEnumerable<object>?>> Json { get; } = new[] { CloudFormation };
    }
}

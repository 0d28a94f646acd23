using System.Collections.Generic;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Yaml.Syntax;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.WorkloadSpec
{
    /// <summary>
    /// Transitional (issue 8): the Kubernetes and CloudFormation readers still hand over YamlDotNet annotation/tag
    /// mappings while they are ported to the tree. Delete this file once both call
    /// <see cref="FromAnnotations(ComputeWorkload, TreeMapping?)"/> directly.
    /// </summary>
    internal static partial class WorkloadSpecReader
    {
        public static IEnumerable<object> FromAnnotations(ComputeWorkload workload, YamlMappingNode? annotations, SourceText source) =>
            FromAnnotations(workload, annotations is null ? null : (TreeMapping)YamlTree.Build(annotations, source));

        /// <summary>The old call shape with a tree mapping, so a reader ported in parallel compiles either way.</summary>
        public static IEnumerable<object> FromAnnotations(ComputeWorkload workload, TreeMapping? annotations, SourceText source) =>
            FromAnnotations(workload, annotations);
    }
}

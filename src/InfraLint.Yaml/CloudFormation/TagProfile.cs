using System.Collections.Generic;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml.CloudFormation
{
    /// <summary>
    /// A shim, to delete when <see cref="WorkloadSpec.WorkloadSpecReader.FromAnnotations"/> reads the tree: it still takes
    /// YamlDotNet nodes, so the tag mapping the reader builds is handed over as the YAML nodes behind it, exactly the
    /// mapping the reader built before the port. Tags from a front end other than YAML have no such nodes and declare
    /// no profile until then.
    /// </summary>
    internal static class TagProfile
    {
        public static IEnumerable<object> FromTags(ComputeWorkload workload, TreeMapping tags, SourceText source)
        {
            var annotations = new YamlMappingNode();
            foreach (var entry in tags.Entries)
                if (entry.Key.Value is not null && entry.Value.Origin is YamlNode value) annotations.Add(new YamlScalarNode(entry.Key.Value), value);
            return WorkloadSpec.WorkloadSpecReader.FromAnnotations(workload, annotations, source);
        }
    }
}

using System;
using System.Collections.Generic;
using InfraLint.Core.Facts;
using InfraLint.Core.Locations;
using InfraLint.Core.Scanning;
using InfraLint.Core.Tree;
using InfraLint.Platforms.CloudFormation;
using InfraLint.Platforms.Compose;
using InfraLint.Platforms.Kubernetes;
using InfraLint.Platforms.Suppressions;
using InfraLint.Platforms.WorkloadSpec;
using InfraLint.Yaml.Parsing;
using InfraLint.Yaml.Suppressions;
using InfraLint.Yaml.Syntax;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Yaml
{
    /// <summary>
    /// Parses a YAML file once and lets each YAML dialect read the documents it recognises; documents
    /// no dialect recognises (Helm values, CI configs) are skipped silently.
    /// </summary>
    public sealed class YamlAdapter : IAdapter
    {
        public bool Accepts(string path) =>
            path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

        public AdapterResult Read(SourceText source)
        {
            try
            {
                return ReadDocuments(source);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The loader and the readers already turn what they expect into failures; this is for what nobody
                // expected, so that one file cannot end the scan of all the others.
                var failure = new ParseFailure(SourceSpan.FileStart(source.Path), $"InfraLint could not interpret this file ({e.GetType().Name}: {e.Message}); it was not checked.");
                return new AdapterResult(new object[] { failure }, Array.Empty<SuppressionDirective>());
            }
        }

        private static AdapterResult ReadDocuments(SourceText source)
        {
            var (documents, failures) = YamlDocumentLoader.Load(source);
            var facts = new List<object>(failures);
            KubernetesMapper? kubernetes = null;
            foreach (var document in documents)
            {
                if (document.RootNode is not YamlMappingNode root) continue;
                try
                {
                    var tree = (TreeMapping)YamlTree.Build(root, source);
                    if (WorkloadSpecMapper.IsSpec(tree))
                    {
                        facts.AddRange(WorkloadSpecMapper.Read(tree));
                    }
                    else if (CloudFormationMapper.IsCloudFormation(tree))
                    {
                        facts.AddRange(new CloudFormationMapper(source).Read(tree));
                    }
                    else if (ComposeMapper.IsCompose(tree))
                    {
                        facts.AddRange(new ComposeMapper(source).Read(tree));
                    }
                    else if (KubernetesMapper.IsKubernetes(tree))
                    {
                        kubernetes ??= new KubernetesMapper(source);
                        facts.AddRange(kubernetes.Read(tree));
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A reader bug must not take the scan down; say plainly that this document was not checked.
                    var at = root.HeadSpan(source);
                    facts.Add(new ParseFailure(at, $"InfraLint could not interpret this document ({e.GetType().Name}: {e.Message}); it was not checked."));
                }
            }
            var suppressions = new List<SuppressionDirective>(SuppressionComments.Read(source));
            suppressions.AddRange(IgnoreAnnotation.Read(facts));
            return new AdapterResult(facts, suppressions);
        }
    }
}

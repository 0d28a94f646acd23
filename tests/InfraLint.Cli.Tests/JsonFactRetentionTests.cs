using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.Json;
using InfraLint.Platforms;
using InfraLint.Platforms.Suppressions;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// A scan keeps every fact until its end. What a JSON file's facts keep (their edit targets) must not include the file's
/// located tree: JSON targets once kept the mapping they would edit, and with it every node of the file.
/// </summary>
public class JsonFactRetentionTests
{
    [Fact]
    public void The_facts_of_the_examples_keep_no_tree() =>
        AssertKeepNoTree(Directory.EnumerateFiles(Repo.Examples, "*.json", SearchOption.AllDirectories), Repo.Root);

    [Fact]
    public void The_facts_of_a_template_with_fixable_resources_keep_no_tree()
    {
        // Flags to set or insert (a trail not logging, a bucket without its public access block, a node group's capacity
        // type): each fact keeps an edit target, and none of them may keep the template's tree.
        string dir = Directory.CreateTempSubdirectory("infralint-json-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "stack.template.json"), """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    "Trail": { "Type": "AWS::CloudTrail::Trail", "Properties": { "IsLogging": false, "S3BucketName": "logs" } },
                    "Data": { "Type": "AWS::S3::Bucket", "Properties": { "BucketName": "training-data" } },
                    "Gpus": {
                      "Type": "AWS::EKS::Nodegroup",
                      "Properties": { "ClusterName": "ml", "NodeRole": "arn:aws:iam::1:role/n", "Subnets": ["s"], "InstanceTypes": ["p4d.24xlarge"] }
                    }
                  }
                }
                """);
            AssertKeepNoTree(Directory.EnumerateFiles(dir), dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // As the CLI reads JSON: CloudFormation templates.
    private static void AssertKeepNoTree(IEnumerable<string> paths, string root) =>
        FactRetention.AssertKeepNone(new JsonAdapter(PlatformReaders.Json, IgnoreAnnotation.Read), paths, root,
            type => typeof(TreeNode).IsAssignableFrom(type) || type == typeof(SourceText), "a tree");
}

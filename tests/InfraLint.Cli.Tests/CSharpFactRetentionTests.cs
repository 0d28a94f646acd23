using InfraLint.Cli.Tests.Support;
using InfraLint.Core.Locations;
using InfraLint.Core.Tree;
using InfraLint.CSharp;
using InfraLint.Platforms;
using InfraLint.Platforms.Suppressions;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// A scan keeps every fact until its end. What a C# file's facts keep (their edit targets and setters) must not include
/// the file's syntax tree, its located tree or its text: a CDK L2 construct's editor kept the construct's syntax (and
/// with it the whole tree of its file) in every target, some 14 KB for each stack file of a scan.
/// </summary>
public class CSharpFactRetentionTests
{
    [Fact]
    public void The_facts_of_the_examples_keep_no_syntax_and_no_tree() =>
        AssertKeepNoSyntax(Directory.EnumerateFiles(Repo.Examples, "*.cs", SearchOption.AllDirectories), Repo.Root);

    [Fact]
    public void The_facts_of_the_generated_repository_keep_no_syntax_and_no_tree()
    {
        // The shared corpus holds no C#: the partitioning tests' repository has KubernetesClient deployments and a CDK stack.
        string dir = Directory.CreateTempSubdirectory("infralint-csharp-").FullName;
        try
        {
            PartitionTree.WriteTo(dir);
            AssertKeepNoSyntax(Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories), dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_facts_of_fixable_CDK_L2_constructs_keep_no_syntax_and_no_tree()
    {
        // Every L2 idiom with a fix, each way a fix writes it: a prop replaced where it is written (Retention, CapacityType),
        // one added to the props (a log group without retention), props passed where there were none or null, a flag added
        // to BlockPublicAccess options, and a construct named through a namespace alias.
        string dir = Directory.CreateTempSubdirectory("infralint-cdk-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Stack.cs"), """
                using Amazon.CDK;
                using Amazon.CDK.AWS.EKS;
                using Amazon.CDK.AWS.Logs;
                using Amazon.CDK.AWS.S3;
                using Logs = Amazon.CDK.AWS.Logs;
                using Constructs;

                public sealed class MlStack : Stack
                {
                    public MlStack(Construct scope, string id) : base(scope, id)
                    {
                        new LogGroup(this, "Kept", new LogGroupProps { Retention = RetentionDays.ONE_WEEK });
                        new LogGroup(this, "Default", new LogGroupProps { LogGroupName = "training" });
                        new Logs.LogGroup(this, "NoProps");
                        new LogGroup(this, "NullProps", null);
                        new Bucket(this, "Data", new BucketProps
                        {
                            BlockPublicAccess = new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true }),
                        });
                        var cluster = new Cluster(this, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27 });
                        new Nodegroup(this, "Gpus", new NodegroupProps { Cluster = cluster, CapacityType = CapacityType.ON_DEMAND });
                    }
                }
                """);
            AssertKeepNoSyntax(Directory.EnumerateFiles(dir), dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // As the CLI reads a C# file outside a project: syntactically.
    private static void AssertKeepNoSyntax(IEnumerable<string> paths, string root) =>
        FactRetention.AssertKeepNone(new CSharpAdapter(PlatformReaders.CSharp, IgnoreAnnotation.Read), paths, root, Forbidden, "syntax or a tree");

    private static bool Forbidden(Type type) =>
        typeof(TreeNode).IsAssignableFrom(type) || type == typeof(SourceText) || type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true;
}

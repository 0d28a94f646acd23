using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>
/// IL1011 on CDK, in both modes: <c>Tags.Of(scope).Add(…)</c> and a stack's tags reach every construct in scope from any
/// file of the app, so a construct's tags are never complete in its own file; unknown, never "no tags".
/// </summary>
public sealed class CdkCostLabelsTests
{
    [Fact]
    public void IL1011_constructs_without_inline_tags_are_not_reported_because_Tags_Of_may_tag_them()
    {
        CSharpVerify.NoFindings("IL1011", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;
            using Amazon.CDK.AWS.EC2;

            var stack = new Stack(new App(), "Training");
            new Bucket(stack, "Models");
            new CfnVolume(stack, "Scratch", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Size = 100, Encrypted = true });
            new CfnInstance(stack, "Trainer", new CfnInstanceProps { InstanceType = "p4d.24xlarge", ImageId = "ami-12345678" });
            """);
    }

    [Fact]
    public void IL1011_partial_inline_tags_and_tags_from_a_variable_are_not_reported()
    {
        CSharpVerify.NoFindings("IL1011", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;

            var stack = new Stack(new App(), "Training");
            var costTags = System.Array.Empty<CfnTag>();
            new CfnBucket(stack, "Models", new CfnBucketProps { Tags = new[] { new CfnTag { Key = "team", Value = "ml" } } });
            new CfnBucket(stack, "Data", new CfnBucketProps { Tags = costTags });
            Tags.Of(stack).Add("cost-center", "cc-1");
            """);
    }
}

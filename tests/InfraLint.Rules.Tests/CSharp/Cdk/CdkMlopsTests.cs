using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>
/// IL4003 (dataset not versioned) and IL4005 (no experiment tracking) on a CDK training nodegroup whose role and data
/// come from its infralint.dev/* tags, in both modes.
/// </summary>
public sealed class CdkMlopsTests
{
    private const string Training = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.EKS;

        var stack = new Stack(new App(), "Training");
        var cluster = new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27, ClusterLogging = new[] { ClusterLoggingTypes.AUDIT } });
        new Nodegroup(stack, "Train", new NodegroupProps
        {
            Cluster = cluster,
            InstanceTypes = new[] { new InstanceType("p5.48xlarge") },
            CapacityType = CapacityType.SPOT,
            Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training", TAGS },
        });
        """;

    [Fact]
    public void IL4003_a_tagged_dataset_without_a_version_is_reported_at_the_tag_value()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4003", Training.Replace("TAGS", """["infralint.dev/dataset"] = {|IL4003:"s3://ml-datasets/churn/"|}""")));
        Assert.Equal(("IL4003", 12, 110), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL4003_a_dataset_version_tag_or_a_pinned_uri_is_not_reported()
    {
        CSharpVerify.NoFindings("IL4003", Training.Replace("TAGS", """["infralint.dev/dataset"] = "s3://ml-datasets/churn/", ["infralint.dev/dataset-version"] = "v2026-11-01" """));
        CSharpVerify.NoFindings("IL4003", Training.Replace("TAGS", """["infralint.dev/dataset"] = "s3://ml-datasets/churn/v12/" """));
    }

    [Fact]
    public void IL4005_a_training_nodegroup_with_no_tracker_is_reported_at_new_X()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4005", Training
            .Replace("new Nodegroup(", "{|IL4005:new Nodegroup(").Replace("\n});", "\n})|};").Replace("TAGS", """["infralint.dev/tracking"] = "none" """)));
        Assert.Equal(("IL4005", 7, 1), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL4005_a_tracking_tag_is_not_reported()
    {
        CSharpVerify.NoFindings("IL4005", Training.Replace("TAGS", """["infralint.dev/tracking"] = "sagemaker-experiments" """));
    }
}

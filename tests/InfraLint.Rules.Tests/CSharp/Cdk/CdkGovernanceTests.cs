using InfraLint.Rules.Tests.Infrastructure;

namespace InfraLint.Rules.Tests.CSharp.Cdk;

/// <summary>IL4001 (audit trail), IL4002 (log retention) and IL1006 (training on on-demand capacity) on CDK, in both modes.</summary>
public sealed class CdkGovernanceTests
{
    [Fact]
    public void IL4002_a_short_L2_retention_is_reported_at_the_enum_member()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Serving");
            new LogGroup(stack, "Inference", new LogGroupProps { Retention = {|IL4002:RetentionDays.ONE_WEEK|} });
            """));
        Assert.Equal(("IL4002", 5, 66), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("keeps logs for 7 days", finding.Message);
    }

    [Fact]
    public void IL4002_a_short_L1_retention_is_reported_at_the_number()
    {
        var finding = Assert.Single(CSharpVerify.Findings("IL4002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Serving");
            const int days = 30;
            new CfnLogGroup(stack, "Inference", new CfnLogGroupProps { RetentionInDays = {|IL4002:days|} });
            """));
        Assert.Equal(("IL4002", 6, 78), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void IL4002_CDKs_default_of_two_years_and_infinite_retention_are_not_reported()
    {
        CSharpVerify.NoFindings("IL4002", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Logs;

            var stack = new Stack(new App(), "Serving");
            new LogGroup(stack, "Inference");
            new LogGroup(stack, "Audit", new LogGroupProps { Retention = RetentionDays.INFINITE });
            new LogGroup(stack, "Training", new LogGroupProps { Retention = (RetentionDays)int.Parse("7") });
            """);
    }

    [Fact]
    public void IL4001_an_EKS_cluster_without_the_audit_log_type_is_reported()
    {
        var findings = CSharpVerify.Findings("IL4001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            {|IL4001:new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27 })|};
            new Cluster(stack, "Api", new ClusterProps { Version = KubernetesVersion.V1_27, ClusterLogging = {|IL4001:new[] { ClusterLoggingTypes.API }|} });
            """);
        Assert.Equal(new[] { (5, 1), (6, 98) }, findings.Select(f => (f.Location.StartLine, f.Location.StartColumn)).Order().ToArray());
    }

    [Fact]
    public void IL4001_a_trail_and_a_cluster_with_audit_logs_are_not_reported()
    {
        CSharpVerify.NoFindings("IL4001", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.CloudTrail;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            new Trail(stack, "Api");
            new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27, ClusterLogging = new[] { ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT } });
            """);
    }

    [Fact]
    public void IL1006_an_on_demand_GPU_nodegroup_for_training_is_reported()
    {
        var findings = CSharpVerify.Findings("IL1006", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.EKS;
            using Eks = Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            var cluster = new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27, ClusterLogging = new[] { ClusterLoggingTypes.AUDIT } });
            new Nodegroup(stack, "Train", new NodegroupProps
            {
                Cluster = cluster,
                InstanceTypes = new[] { InstanceType.Of(InstanceClass.P4D, InstanceSize.XLARGE24) },
                CapacityType = {|IL1006:Eks.CapacityType.ON_DEMAND|},
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
            });
            {|IL1006:new Nodegroup(stack, "Train5", new NodegroupProps
            {
                Cluster = cluster,
                InstanceTypes = new[] { new InstanceType("p5.48xlarge") },
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
            })|};
            """);
        Assert.Equal(new[] { (12, 20), (15, 1) }, findings.Select(f => (f.Location.StartLine, f.Location.StartColumn)).Order().ToArray());
        Assert.Contains(findings, f => f.Message.Contains("p4d.24xlarge"));
    }

    [Fact]
    public void IL1006_a_spot_nodegroup_for_training_is_not_reported()
    {
        CSharpVerify.NoFindings("IL1006", """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.EKS;

            var stack = new Stack(new App(), "Training");
            var cluster = new Cluster(stack, "Ml", new ClusterProps { Version = KubernetesVersion.V1_27 });
            new Nodegroup(stack, "Train", new NodegroupProps
            {
                Cluster = cluster,
                InstanceTypes = new[] { new InstanceType("p5.48xlarge") },
                CapacityType = CapacityType.SPOT,
                Tags = new Dictionary<string, string> { ["infralint.dev/role"] = "training" },
            });
            """);
    }
}
